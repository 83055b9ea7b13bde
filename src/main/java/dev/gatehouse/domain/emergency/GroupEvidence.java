package dev.gatehouse.domain.emergency;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.GroupRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why a group is, or is not, the tenant's emergency-access group, point by point: role-assignable; its members,
 * and which of them hold Global Administrator; which enabled or report-only Conditional Access policies exclude it
 * and which do not. Discovery proposes a group only when it is role-assignable, every member is a user holding
 * Global Administrator, and no readable policy set leaves it unexcluded; a point that could not be checked is
 * shown as such and never counted as met, except exclusions that cannot be read (no Entra ID P1 means no policies).
 *
 * @param members    its direct members, empty when they could not be read
 * @param excludedBy names of the enabled or report-only policies that exclude it
 */
public record GroupEvidence(GroupRef group, Finding roleAssignable, Finding globalAdministrators, Finding excluded,
                            List<DirectoryPrincipal> members, List<String> excludedBy, List<Evidence> points) {

    public GroupEvidence {
        Objects.requireNonNull(group, "group");
        members = List.copyOf(members);
        excludedBy = List.copyOf(excludedBy);
        points = List.copyOf(points);
    }

    /** What discovery may propose for the admin to confirm. */
    public boolean proposable() {
        return roleAssignable == Finding.MET && globalAdministrators == Finding.MET && excluded != Finding.NOT_MET;
    }

    /** Not proposed, but close enough to show: exactly one point fails, or the failing point could not be checked. */
    boolean worthShowing() {
        long failed = List.of(roleAssignable, globalAdministrators, excluded).stream()
                .filter(f -> f == Finding.NOT_MET).count();
        return !proposable() && failed <= 1;
    }

    /** "Emergency Access Accounts (id …)". */
    public String label() {
        return group.displayName() + " (id " + group.id() + ")";
    }

    static GroupEvidence weigh(GroupRef group, TenantFacts facts) {
        List<Evidence> points = new ArrayList<>();
        Finding assignable = group.roleAssignable() ? Finding.MET : Finding.NOT_MET;
        points.add(new Evidence(assignable, group.roleAssignable()
                ? "Role-assignable: changing its members takes a Privileged Role Administrator, a Global "
                + "Administrator or one of the group's owners (Entra's FAQ on roles assigned to groups), not a "
                + "group-management admin."
                : "Not role-assignable: group-management admins and the group's owners can change its members, and an "
                + "existing group cannot be made role-assignable (only a new group can be created so)."));

        Optional<List<DirectoryPrincipal>> members = facts.members(group.id());
        Evidence membership = members.map(list -> membership(list, facts))
                .orElseGet(() -> new Evidence(Finding.UNKNOWN, "Its members could not be read: "
                        + facts.whyNoMembers(group.id())));
        points.add(membership);

        List<String> excludedBy = new ArrayList<>();
        Finding excluded = exclusions(group, facts, points, excludedBy);
        return new GroupEvidence(group, assignable, membership.finding(), excluded, members.orElse(List.of()),
                excludedBy, points);
    }

    private static Evidence membership(List<DirectoryPrincipal> members, TenantFacts facts) {
        if (members.isEmpty()) {
            return new Evidence(Finding.NOT_MET, "No members.");
        }
        List<String> holding = new ArrayList<>();
        List<String> notHolding = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> notUsers = new ArrayList<>();
        String whyUnknown = null;
        for (DirectoryPrincipal member : members) {
            if (!member.isUser()) {
                notUsers.add(member.displayName());
                continue;
            }
            TenantFacts.Holding holds = facts.globalAdministrator(member.id());
            if (!holds.known()) {
                unknown.add(member.label());
                whyUnknown = holds.whyUnknown();
            } else if (holds.holds()) {
                holding.add(member.label() + (holds.viaGroup() == null ? "" : " (through " + holds.viaGroup() + ")"));
            } else {
                notHolding.add(member.label());
            }
        }
        String count = members.size() == 1 ? "1 member" : members.size() + " members";
        if (notHolding.isEmpty() && notUsers.isEmpty() && unknown.isEmpty()) {
            String all = members.size() == 1 ? ", who holds" : members.size() == 2 ? ", both hold" : ", all hold";
            return new Evidence(Finding.MET, count + all + " Global Administrator: " + String.join(", ", holding) + ".");
        }
        List<String> parts = new ArrayList<>();
        if (!holding.isEmpty()) {
            parts.add("Global Administrator held by " + String.join(", ", holding));
        }
        if (!notHolding.isEmpty()) {
            parts.add("not held by " + String.join(", ", notHolding));
        }
        if (!notUsers.isEmpty()) {
            parts.add("not a user: " + String.join(", ", notUsers));
        }
        if (!unknown.isEmpty()) {
            parts.add("not known for " + String.join(", ", unknown) + " (" + whyUnknown + ")");
        }
        Finding finding = notHolding.isEmpty() && notUsers.isEmpty() ? Finding.UNKNOWN : Finding.NOT_MET;
        return new Evidence(finding, count + "; " + String.join("; ", parts) + ".");
    }

    private static Finding exclusions(GroupRef group, TenantFacts facts, List<Evidence> points,
                                      List<String> excludedBy) {
        if (facts.activePolicies().isEmpty()) {
            points.add(new Evidence(Finding.UNKNOWN, "Conditional Access exclusions could not be checked: "
                    + facts.unreadable().get(TenantFacts.CONDITIONAL_ACCESS)));
            return Finding.UNKNOWN;
        }
        List<ConditionalAccessPolicy> active = facts.activePolicies().get();
        if (active.isEmpty()) {
            points.add(new Evidence(Finding.MOOT, "No enabled or report-only Conditional Access policy to be excluded "
                    + "from."));
            return Finding.MOOT;
        }
        List<String> others = new ArrayList<>();
        for (ConditionalAccessPolicy policy : active) {
            if (policy.users().excludesGroup(group.id())) {
                excludedBy.add(name(policy));
            } else {
                others.add(name(policy) + (policy.users().includesGroup(group.id())
                        ? " (includes this group: a policy for these accounts)" : ""));
            }
        }
        String of = " of the " + active.size() + " enabled or report-only Conditional Access policies";
        Finding finding = excludedBy.isEmpty() ? Finding.NOT_MET : Finding.MET;
        points.add(new Evidence(finding, excludedBy.isEmpty() ? "Excluded by none" + of + "."
                : "Excluded by " + excludedBy.size() + of + ": " + String.join(", ", excludedBy) + "."));
        if (!others.isEmpty() && !excludedBy.isEmpty()) {
            points.add(new Evidence(Finding.NOTE, "Not excluded by " + String.join(", ", others) + "."));
        }
        return finding;
    }

    private static String name(ConditionalAccessPolicy policy) {
        String name = policy.displayName() == null || policy.displayName().isBlank() ? policy.id() : policy.displayName();
        return policy.state() == ConditionalAccessPolicy.State.REPORT_ONLY ? name + " (report-only)" : name;
    }

    /** The points that keep it from being proposed, joined: "Not role-assignable: …". */
    public String whyNotProposed() {
        return points.stream().filter(p -> p.finding() == Finding.NOT_MET || p.finding() == Finding.UNKNOWN)
                .map(Evidence::text).collect(Collectors.joining(" "));
    }
}
