package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.signin.UserSnapshot;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.GroupRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The row of facts for the group that holds the emergency-access accounts. */
final class GroupChecks {

    /** Microsoft: at least two emergency-access accounts. */
    static final int FEWEST_ACCOUNTS = 2;

    private GroupChecks() {
    }

    static List<HealthCheck> of(HealthRead read, GroupFacts facts, List<UserSnapshot> accounts) {
        List<HealthCheck> checks = new ArrayList<>();
        checks.add(roleAssignable(facts.group()));
        checks.add(members(facts));
        checks.add(owners(facts));
        checks.add(excluded(read, facts.group(), accounts));
        checks.add(AccountChecks.changes("recentChanges", facts.recentChanges(), "its members, owners and roles"));
        return checks;
    }

    private static HealthCheck roleAssignable(GroupRef group) {
        String label = "Role-assignable";
        if (group.roleAssignable()) {
            return HealthCheck.green("roleAssignable", label, "Only Privileged Role Administrators and Global "
                    + "Administrators can change its members, so nobody less privileged can add themselves to the "
                    + "exclusions it carries.");
        }
        return HealthCheck.red("roleAssignable", label, "Not role-assignable: a Groups Administrator, a User "
                + "Administrator or an owner can add anyone to it, and with it to every exclusion it carries. Graph "
                + "cannot change this after creation: set-up replaces the group with a role-assignable one.");
    }

    private static HealthCheck members(GroupFacts facts) {
        String label = "Members";
        if (!facts.members().isKnown()) {
            return HealthCheck.unknown("members", label, facts.members().whyUnknown());
        }
        List<DirectoryPrincipal> members = facts.members().get();
        List<DirectoryPrincipal> users = members.stream().filter(DirectoryPrincipal::isUser).toList();
        List<DirectoryPrincipal> others = members.stream().filter(m -> !m.isUser()).toList();
        String listed = users.isEmpty() ? "no accounts" : users.size() + (users.size() == 1 ? " account: " : " accounts: ")
                + users.stream().map(DirectoryPrincipal::label).collect(Collectors.joining(", "));
        if (!others.isEmpty()) {
            return HealthCheck.red("members", label, "Holds " + listed + ", and also " + others.stream()
                    .map(DirectoryPrincipal::label).collect(Collectors.joining(", ")) + ", which are not accounts: "
                    + "everything in it is excluded where the group is. Remove them.");
        }
        if (users.size() < FEWEST_ACCOUNTS) {
            return HealthCheck.red("members", label, "Holds " + listed + ". Microsoft advises at least "
                    + FEWEST_ACCOUNTS + ", so one lost key or one locked account does not end emergency access. Add "
                    + "accounts (set-up).");
        }
        return HealthCheck.green("members", label, "Exactly the emergency-access accounts: " + listed + ".");
    }

    private static HealthCheck owners(GroupFacts facts) {
        String label = "Owners";
        if (!facts.owners().isKnown()) {
            return HealthCheck.unknown("owners", label, facts.owners().whyUnknown());
        }
        List<DirectoryPrincipal> owners = facts.owners().get();
        if (owners.isEmpty()) {
            return HealthCheck.green("owners", label, "No owners: only privileged administrators manage it.");
        }
        return HealthCheck.amber("owners", label, "Owned by " + owners.stream().map(DirectoryPrincipal::label)
                .collect(Collectors.joining(", ")) + ": an owner can change its members, and so who is excluded "
                + "from Conditional Access. Remove owners unless each is a Global Administrator who must have it.");
    }

    private static HealthCheck excluded(HealthRead read, GroupRef group, List<UserSnapshot> accounts) {
        String label = "Excluded where it must be";
        Optional<List<ConditionalAccessPolicy>> active = read.activePolicies();
        if (active.isEmpty()) {
            return HealthCheck.unknown("excluded", label, read.policies().whyUnknown());
        }
        List<ConditionalAccessPolicy> missing = PolicyExclusions.missingGroup(active.get(), group.id(), accounts);
        List<ConditionalAccessPolicy> enforced = missing.stream()
                .filter(p -> p.state() == ConditionalAccessPolicy.State.ENABLED).toList();
        if (!enforced.isEmpty()) {
            return HealthCheck.red("excluded", label, "Not excluded from " + AccountChecks.names(missing)
                    + ", which reach the accounts. Add the exclusion (set-up, step Conditional Access, or gatehouse "
                    + "breakglass exclude).");
        }
        if (!missing.isEmpty()) {
            return HealthCheck.amber("excluded", label, "Not excluded from " + AccountChecks.names(missing)
                    + " (report-only), which would reach the accounts once on. Add the exclusion.");
        }
        return HealthCheck.green("excluded", label, "Excluded from every enabled or report-only policy that would "
                + "reach the accounts.");
    }
}
