package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.signin.UserSnapshot;
import dev.gatehouse.domain.tenant.AuditRecord;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.LicenceAssignment;
import dev.gatehouse.domain.tenant.SignInRecord;
import dev.gatehouse.domain.tenant.UserDetail;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the health view read about one emergency-access account.
 *
 * @param detail         profile, active roles and methods (a part the admin may not read says so itself)
 * @param groups         every group the account belongs to, transitively, for policy exclusions
 * @param licences       its licences, each with where it comes from (directly, or a group)
 * @param lastSignIn     the newest entry of the sign-in log, empty when the log holds none
 * @param recentChanges  directory audit entries about it in the last {@link HealthRead#AUDIT_WINDOW}
 */
public record AccountFacts(UserDetail detail, Fact<List<GroupRef>> groups, Fact<List<LicenceAssignment>> licences,
                           Fact<Optional<SignInRecord>> lastSignIn, Fact<List<AuditRecord>> recentChanges) {

    public AccountFacts {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(licences, "licences");
        Objects.requireNonNull(lastSignIn, "lastSignIn");
        Objects.requireNonNull(recentChanges, "recentChanges");
    }

    /** The ids of {@link #groups}. */
    public Fact<Set<String>> groupIds() {
        return groups.map(all -> all.stream().map(GroupRef::id).collect(Collectors.toSet()));
    }

    /** The account as the sign-in simulator and the policy scope see it: profile, methods, groups, active roles. */
    public UserSnapshot snapshot() {
        return new UserSnapshot(detail.profile(), detail.methods(), groupIds().value().orElse(Set.of()),
                detail.roles().stream().map(RoleAssignment::roleDefinitionId).collect(Collectors.toSet()), false);
    }

    public String id() {
        return detail.profile().id();
    }

    public String userPrincipalName() {
        return detail.profile().userPrincipalName();
    }

    public String displayName() {
        return detail.profile().displayName();
    }
}
