package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.role.RoleSchedule;
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
 * @param roleSchedules  its PIM schedules and those of the groups it holds Global Administrator through
 *                       ({@link GlobalAdminSchedules#read}); read only when the tenant may have Entra ID P2
 */
public record AccountFacts(UserDetail detail, Fact<List<GroupRef>> groups, Fact<List<LicenceAssignment>> licences,
                           Fact<Optional<SignInRecord>> lastSignIn, Fact<List<AuditRecord>> recentChanges,
                           Fact<List<RoleSchedule>> roleSchedules) {

    /** Why {@link #roleSchedules} is unknown when nobody read them. */
    static final String SCHEDULES_NOT_READ = "Gatehouse did not read the PIM schedules.";

    /** Facts without PIM schedules: a tenant without Entra ID P2 has none to read. */
    public AccountFacts(UserDetail detail, Fact<List<GroupRef>> groups, Fact<List<LicenceAssignment>> licences,
                        Fact<Optional<SignInRecord>> lastSignIn, Fact<List<AuditRecord>> recentChanges) {
        this(detail, groups, licences, lastSignIn, recentChanges, Fact.unknown(SCHEDULES_NOT_READ));
    }

    public AccountFacts {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(licences, "licences");
        Objects.requireNonNull(lastSignIn, "lastSignIn");
        Objects.requireNonNull(recentChanges, "recentChanges");
        Objects.requireNonNull(roleSchedules, "roleSchedules");
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
