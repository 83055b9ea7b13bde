package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.Reversibility;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.signin.UserSnapshot;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.DirectoryWriter;
import dev.gatehouse.domain.tenant.GroupExclusionChange;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.PolicyWriter;
import dev.gatehouse.domain.tenant.RequiredAccess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step 9 of the set-up, and {@code gatehouse breakglass exclude}: the emergency-access group added to the exclusions of
 * every policy that would reach the accounts, touching nothing but {@code conditions.users.excludeGroups}.
 * <p>
 * When the group replaces one that was not role-assignable, the order matters: first the new group is excluded
 * wherever the old one was (and wherever it is missing), then the old group's exclusions go, then the accounts leave
 * the old group. At every moment in between, each account is in a group every policy excludes. A step that fails
 * stops the plan, so a later step never runs on an earlier one's failure.
 */
public final class ExclusionPlan {

    static final String POLICIES = "/identity/conditionalAccess/policies/";
    static final RequiredAccess GROUP_MEMBERS = RequiredAccess.of("GroupMember.ReadWrite.All", "Groups Administrator",
            "User Administrator", "Privileged Role Administrator", "Global Administrator");

    private final PolicyWriter policies;
    private final DirectoryWriter directory;

    public ExclusionPlan(PolicyWriter policies, DirectoryWriter directory) {
        this.policies = policies;
        this.directory = directory;
    }

    /**
     * @param all      every Conditional Access policy of the tenant, in any state
     * @param group    the emergency-access group that must be excluded
     * @param accounts the accounts, as the sign-in simulator sees them
     * @param retired  the groups the accounts move out of, with their account members, when the group was replaced
     * @return no plan when every exclusion is in place and nothing is retired; warnings either way
     */
    public Outcome propose(List<ConditionalAccessPolicy> all, GroupRef group, List<UserSnapshot> accounts,
                                  List<Retired> retired) {
        List<ConditionalAccessPolicy> active = all.stream()
                .filter(p -> p.state() != ConditionalAccessPolicy.State.DISABLED).toList();
        Map<String, ConditionalAccessPolicy> toExclude = new LinkedHashMap<>();
        PolicyExclusions.missingGroup(active, group.id(), accounts).forEach(p -> toExclude.put(p.id(), p));
        retired.forEach(old -> all.stream().filter(p -> p.users().excludesGroup(old.group().id()) && !p.users().excludesGroup(group.id()))
                .forEach(p -> toExclude.putIfAbsent(p.id(), p)));
        List<Step> steps = new ArrayList<>();
        toExclude.values().forEach(p -> steps.add(exclude(p, group)));
        retired.forEach(old -> all.stream().filter(p -> p.users().excludesGroup(old.group().id()))
                .forEach(p -> steps.add(stopExcluding(p, old.group(), group))));
        List<String> warnings = new ArrayList<>();
        for (Retired old : retired) {
            List<ConditionalAccessPolicy> targeting = all.stream()
                    .filter(p -> p.users().includesGroup(old.group().id())).toList();
            if (targeting.isEmpty()) {
                old.accounts().forEach(m -> steps.add(leave(old.group(), m, group)));
            } else {
                // leaving would take them out of a policy aimed at them (a dedicated phishing-resistant one, most often)
                warnings.add("The accounts stay in " + old.group().displayName() + " for now: "
                        + AccountChecks.names(targeting) + " targets that group, and would stop covering them. Point "
                        + (targeting.size() == 1 ? "it" : "them") + " at " + group.displayName() + " in the Entra admin "
                        + "center, then run this stage again to take the accounts out of the old group.");
            }
        }
        if (steps.isEmpty()) {
            return new Outcome(Optional.empty(), warnings);
        }
        if (!retired.isEmpty()) {
            warnings.add("The steps run in this order on purpose: the new group is excluded everywhere before the old "
                    + "group's exclusions go and before the accounts leave it, so no moment leaves them unexcluded. "
                    + "The old group (" + retired.stream().map(r -> r.group().displayName())
                    .collect(java.util.stream.Collectors.joining(", ")) + ") itself stays; delete it in the Entra "
                    + "admin center once nothing else uses it.");
        }
        return new Outcome(Optional.of(new Plan("Exclude the emergency-access group from Conditional Access",
                group.displayName(), group.id(), steps, warnings)), warnings);
    }

    private Step exclude(ConditionalAccessPolicy policy, GroupRef group) {
        List<String> after = new ArrayList<>(policy.users().excludeGroups());
        after.add(group.id());
        return new Step("exclude-" + policy.id(), "Exclude " + group.displayName() + " from \u201c"
                + policy.displayName() + "\u201d",
                "Adds the group to the policy's excluded groups. Gatehouse reads the policy and sends back its users "
                        + "condition as read, with only excludeGroups changed: every other setting stays as it is.",
                switch (policy.state()) {
                    case ENABLED -> "The emergency-access accounts no longer meet this policy at sign-in; nobody "
                            + "else notices.";
                    case REPORT_ONLY -> "Nobody notices now: the policy is report-only. Once on, it will not reach "
                            + "the emergency-access accounts.";
                    case DISABLED -> "Nobody notices: the policy is Off. If it is turned on, it will not reach the "
                            + "emergency-access accounts.";
                },
                List.of(GraphRequest.of("GET", POLICIES + policy.id()), new GraphRequest("PATCH", POLICIES
                        + policy.id(), excludeGroupsBody(after))),
                PolicyWriter.CONDITIONAL_ACCESS, Reversibility.reversible("Remove the group from the policy's "
                + "exclusions again; the journal keeps the list before."), Risk.LOW, List.of(),
                context -> result(policies.excludeGroup(policy.id(), group.id()), "Excluded " + group.displayName()
                        + " from"));
    }

    private Step stopExcluding(ConditionalAccessPolicy policy, GroupRef old, GroupRef group) {
        List<String> after = new ArrayList<>(policy.users().excludeGroups().stream()
                .filter(id -> !id.equalsIgnoreCase(old.id())).toList());
        if (after.stream().noneMatch(group.id()::equalsIgnoreCase)) {
            after.add(group.id());
        }
        return new Step("stop-excluding-" + policy.id(), "Stop excluding " + old.displayName() + " from \u201c"
                + policy.displayName() + "\u201d",
                "Removes the old group from the policy's excluded groups, now that " + group.displayName()
                        + " is excluded there. Anyone a lesser admin put in the old group is no longer excluded.",
                "The emergency-access accounts notice nothing: the new group keeps them excluded.",
                List.of(GraphRequest.of("GET", POLICIES + policy.id()), new GraphRequest("PATCH", POLICIES
                        + policy.id(), excludeGroupsBody(after))),
                PolicyWriter.CONDITIONAL_ACCESS, Reversibility.reversible("Add the old group to the exclusions again."),
                Risk.LOW, List.of(),
                context -> result(policies.stopExcludingGroup(policy.id(), old.id()), "Stopped excluding "
                        + old.displayName() + " from"));
    }

    private Step leave(GroupRef old, DirectoryPrincipal member, GroupRef group) {
        return new Step("leave-" + member.id(), member.label() + " leaves " + old.displayName(),
                "Removes the account from the old group; it stays in " + group.displayName() + ", which is "
                        + "role-assignable and excluded where it must be.",
                "Nothing changes at sign-in.",
                List.of(GraphRequest.of("DELETE", "/groups/" + old.id() + "/members/" + member.id() + "/$ref")),
                GROUP_MEMBERS, Reversibility.reversible("Add the account to the old group again."), Risk.LOW, List.of(),
                context -> {
                    directory.removeGroupMember(old, member.id());
                    return StepResult.changed(member.label() + " left " + old.displayName() + ".",
                            Map.of("memberOf", old.id()), Map.of());
                });
    }

    private static StepResult result(GroupExclusionChange change, String verb) {
        String what = verb + " \u201c" + change.displayName() + "\u201d";
        if (!change.changed()) {
            return StepResult.done(what + ": it already was, nothing sent.");
        }
        return StepResult.changed(what + ".", Map.of("excludeGroups", change.before()),
                Map.of("excludeGroups", change.after()));
    }

    /** The part of the body Gatehouse changes; the rest of {@code users} goes back as read. */
    private static String excludeGroupsBody(List<String> groups) {
        StringBuilder body = new StringBuilder("{\"conditions\":{\"users\":{\"\u2026\":\"every other field of users, "
                + "sent back as read\",\"excludeGroups\":[");
        for (int i = 0; i < groups.size(); i++) {
            body.append(i == 0 ? "" : ",").append('"').append(groups.get(i)).append('"');
        }
        return body.append("]}}}").toString();
    }

    /** The plan, if anything is to be sent, and what the admin must read either way. */
    public record Outcome(Optional<Plan> plan, List<String> warnings) {
        public Outcome {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The group the accounts are moving out of.
     *
     * @param accounts its members that are emergency-access accounts (they leave it last)
     */
    public record Retired(GroupRef group, List<DirectoryPrincipal> accounts) {
        public Retired {
            accounts = List.copyOf(accounts);
        }
    }
}
