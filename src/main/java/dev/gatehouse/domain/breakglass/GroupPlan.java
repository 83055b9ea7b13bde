package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.emergency.EmergencyGroup;
import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.Reconciliation;
import dev.gatehouse.domain.plan.Reversibility;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.tenant.DirectoryWriter;
import dev.gatehouse.domain.tenant.DirectoryWriter.NewGroup;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.RequiredAccess;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantLicences;
import dev.gatehouse.domain.tenant.UserDetail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stage 3, the group: a role-assignable security group holding exactly the accounts. Why role-assignable: only a
 * Privileged Role Administrator or Global Administrator can change its members, so nobody with a lesser role (a Groups
 * Administrator, a group owner) can add themselves to the group that Conditional Access excludes.
 * <p>
 * The group in use is kept when it is role-assignable: missing accounts are added, and members that are not
 * emergency accounts are named, never removed silently (removing them is a separate step, when asked). A group that
 * is not role-assignable cannot be made so (Graph allows it only at creation): a new role-assignable group is
 * created, the accounts are added, and it becomes the tenant's emergency-access group. The accounts stay in the old
 * group meanwhile, so every Conditional Access exclusion of the old group still covers them until the exclusion stage
 * has added the new group wherever the old one is excluded.
 */
final class GroupPlan {

    static final String CREATE = "create-group";
    static final String CHOOSE = "choose-group";
    static final String MEMBER_PREFIX = "member-";
    static final String REMOVE_PREFIX = "remove-";
    static final String ROLE_ASSIGNABLE_SUFFIX = " (role-assignable)";

    private final DirectoryWriter writer;
    private final TenantDirectory readBack;
    private final GroupChoice choice;

    GroupPlan(DirectoryWriter writer, TenantDirectory readBack, GroupChoice choice) {
        this.writer = writer;
        this.readBack = readBack;
        this.choice = choice;
    }

    /** The name of the role-assignable group that replaces {@code old}. */
    static String replacementName(GroupRef old) {
        return old.displayName() + ROLE_ASSIGNABLE_SUFFIX;
    }

    BreakGlassSetupProposal propose(BreakGlassSetupRead read, Answers answers, Optional<ProcedureProgress> progress) {
        StageStart start = StageStart.withAccounts(read, answers);
        if (start.refused()) {
            return start.refusal();
        }
        AccountRoster roster = start.roster();
        SetupChoices choices = start.choices();
        Optional<GroupRef> group = read.group();
        if (group.isPresent() && group.get().roleAssignable()) {
            return complete(read, group.get(), roster, choices);
        }
        String name = group.map(GroupPlan::replacementName).orElse(choices.groupName());
        if (read.licences().isPresent() && !read.licences().map(TenantLicences::entraIdP1).orElse(false)) {
            return BreakGlassSetupProposal.refused("Role-assignable groups need Entra ID P1, which this tenant does "
                    + "not have (" + String.join(", ", read.licences().get().skuPartNumbers()) + "). Add Entra ID P1 "
                    + "(or a plan that includes it), then run the set-up again. Nothing was sent.");
        }
        List<GroupRef> named = read.named(name);
        Optional<GroupRef> left = named.size() == 1 && named.get(0).roleAssignable() ? Optional.of(named.get(0))
                : Optional.empty();
        if (!named.isEmpty() && (left.isEmpty() || read.membersOf(left.get()).isEmpty())) {
            return BreakGlassSetupProposal.refused("A group named \u201c" + name + "\u201d exists already ("
                    + String.join(", ", named.stream().map(g -> "id " + g.id() + (g.roleAssignable()
                    ? ", role-assignable" : ", not role-assignable")).toList()) + "). If it is meant for the "
                    + "emergency-access accounts, choose it (" + EmergencyAccess.HOW_TO_CHOOSE + ") and run the "
                    + "set-up again; otherwise give the new group another name. Nothing was sent.",
                    read.couldNotCheck());
        }
        return create(read, name, group, left, roster);
    }

    /** The role-assignable group in use: add the accounts it lacks, name (and on request remove) the others. */
    private BreakGlassSetupProposal complete(BreakGlassSetupRead read, GroupRef group, AccountRoster roster,
                                             SetupChoices choices) {
        List<UserDetail> missing = roster.accounts().stream().filter(a -> read.members().stream()
                .noneMatch(m -> m.id().equalsIgnoreCase(a.profile().id()))).toList();
        List<String> warnings = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        missing.forEach(account -> steps.add(addMember(() -> group, group.displayName(), account)));
        if (!roster.others().isEmpty()) {
            String others = String.join(", ", roster.others().stream().map(AccountRoster.Other::describe).toList());
            if (choices.removeOtherMembers()) {
                roster.others().forEach(other -> steps.add(remove(group, other)));
            } else {
                warnings.add(group.displayName() + " also holds " + others + ". Conditional Access excludes everyone "
                        + "in it, so each is a hole in every policy; they are not removed unasked. Ask for their "
                        + "removal (--remove-other-members) once you are sure they are not emergency accounts.");
            }
        }
        if (steps.isEmpty()) {
            return BreakGlassSetupProposal.nothingToDo(group.displayName() + " is role-assignable and holds every "
                    + "emergency-access account: " + AccountRoster.labels(roster.accounts()) + ".", warnings);
        }
        Optional<String> refusal = SetupAccess.refusal(read.admin(), SetupAccess.GROUP, "Changing the members of a "
                + "role-assignable group");
        if (refusal.isPresent()) {
            return BreakGlassSetupProposal.refused(refusal.get(), warnings);
        }
        return BreakGlassSetupProposal.planned(new Plan("Complete the emergency-access group", group.displayName(),
                group.id(), steps, List.of()), "Brings " + group.displayName() + " to exactly the emergency-access "
                + "accounts.", warnings);
    }

    /**
     * A new role-assignable group with the accounts, then saved as the tenant's emergency-access group — last, so a
     * run that stops midway still knows the accounts by the group (or names) it knew them by, and continues with the
     * group it left behind ({@code left}) instead of making another.
     */
    private BreakGlassSetupProposal create(BreakGlassSetupRead read, String name, Optional<GroupRef> old,
                                           Optional<GroupRef> left, AccountRoster roster) {
        Optional<String> refusal = SetupAccess.refusal(read.admin(), SetupAccess.GROUP,
                "Creating a role-assignable group");
        if (refusal.isPresent()) {
            return BreakGlassSetupProposal.refused(refusal.get());
        }
        AtomicReference<GroupRef> target = new AtomicReference<>(left.orElse(null));
        List<Step> steps = new ArrayList<>();
        if (left.isEmpty()) {
            steps.add(createGroup(name, target));
        }
        List<DirectoryPrincipal> present = left.flatMap(read::membersOf).orElse(List.of());
        roster.accounts().stream().filter(a -> present.stream().noneMatch(m -> m.id().equalsIgnoreCase(
                a.profile().id()))).forEach(account -> steps.add(addMember(() -> resolved(target, name), name, account)));
        steps.add(chooseGroup(name, target));
        List<String> warnings = new ArrayList<>(read.couldNotCheck());
        left.ifPresent(g -> warnings.add("\u201c" + name + "\u201d exists already (id " + g.id() + "), "
                + "role-assignable, probably from a set-up that stopped: it is used, not made again."));
        String message;
        if (old.isPresent()) {
            message = old.get().displayName() + " is not role-assignable, and Graph cannot make an existing group so: "
                    + "anyone who manages groups could add themselves to it and be excluded wherever it is. This "
                    + (left.isEmpty() ? "creates" : "completes") + " \u201c" + name + "\u201d, role-assignable, "
                    + "adds the accounts, and makes it the tenant's emergency-access group.";
            warnings.add("The accounts stay in " + old.get().displayName() + " for now: the Conditional Access "
                    + "exclusion stage adds the new group to every policy that excludes the old one before the accounts "
                    + "leave it, so at no moment are they unexcluded. Until then, policies still exclude them through "
                    + "the old group.");
        } else {
            message = (left.isEmpty() ? "Creates" : "Completes") + " the role-assignable group \u201c" + name
                    + "\u201d holding the emergency-access accounts, and makes it the tenant's emergency-access "
                    + "group. Role-assignable: only a Privileged Role Administrator or Global Administrator can change "
                    + "its members, so nobody lesser can add themselves to the group Conditional Access excludes.";
        }
        return BreakGlassSetupProposal.planned(new Plan(old.isPresent() ? "Replace the emergency-access group"
                : "Create the emergency-access group", name, "tenant", steps, List.of()), message, warnings);
    }

    private Step createGroup(String name, AtomicReference<GroupRef> created) {
        String nickname = mailNickname(name);
        String description = "Emergency-access accounts; role-assignable. Set up by Gatehouse.";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", name);
        body.put("description", description);
        body.put("mailEnabled", false);
        body.put("mailNickname", nickname);
        body.put("securityEnabled", true);
        body.put("isAssignableToRole", true);
        return new Step(CREATE, "Create the role-assignable group \u201c" + name + "\u201d",
                "Creates a security group (no mail) whose membership is assigned, never dynamic, and which can hold "
                        + "roles: only Privileged Role Administrators and Global Administrators can change its members.",
                "Nobody notices: a group does nothing until a policy names it.",
                List.of(new GraphRequest("POST", "/groups", GraphBodies.of(body))), SetupAccess.GROUP,
                Reversibility.reversible("Delete the group (DELETE /groups/{id}) while no policy excludes it."),
                Risk.LOW, List.of(),
                context -> {
                    GroupRef group = writer.createRoleAssignableGroup(new NewGroup(name, nickname, description));
                    created.set(group);
                    return StepResult.changed("Created \u201c" + name + "\u201d (id " + group.id() + ").", Map.of(),
                            Map.of("groupId", group.id()));
                }).checkedBy(started -> {
                    List<GroupRef> found = readBack.groupsNamed(name).stream().filter(GroupRef::roleAssignable).toList();
                    if (found.size() != 1) {
                        return Reconciliation.notApplied("no role-assignable group \u201c" + name + "\u201d was found.");
                    }
                    created.set(found.get(0));
                    return Reconciliation.applied("\u201c" + name + "\u201d exists (id " + found.get(0).id() + ").",
                            Map.of("groupId", found.get(0).id()));
                });
    }

    /** Nothing is sent: the group becomes the tenant's emergency-access group in the settings every workspace reads. */
    private Step chooseGroup(String name, AtomicReference<GroupRef> group) {
        return new Step(CHOOSE, "Make \u201c" + name + "\u201d the tenant's emergency-access group",
                "Saves the group as this tenant's emergency-access group on this machine (settings.properties), so "
                        + "the health view, the guardrails and the registration policy all use it from now on. "
                        + "Nothing is sent to the tenant.",
                "Nobody notices.", List.of(), new RequiredAccess("none: kept on this machine", List.of(), null),
                Reversibility.reversible("Choose another group (gatehouse breakglass group --set ID|NAME)."), Risk.LOW,
                List.of(),
                context -> {
                    GroupRef chosen = resolved(group, name);
                    choice.choose(EmergencyGroup.of(chosen));
                    return StepResult.changed("\u201c" + chosen.displayName() + "\u201d (id " + chosen.id() + ") is now "
                            + "this tenant's emergency-access group on this machine.", Map.of(),
                            Map.of("emergencyAccessGroup", chosen.id()));
                });
    }

    private Step addMember(java.util.function.Supplier<GroupRef> group, String groupName, UserDetail account) {
        String userId = account.profile().id();
        return new Step(MEMBER_PREFIX + userId, "Add " + AccountRoster.label(account) + " to \u201c" + groupName
                + "\u201d",
                "Makes the account a member of the emergency-access group, so it is excluded wherever the group is "
                        + "and covered by whatever targets the group.",
                "Nothing changes at sign-in until a policy names the group.",
                List.of(new GraphRequest("POST", "/groups/{group id}/members/$ref", "{\"@odata.id\": "
                        + "\"https://graph.microsoft.com/v1.0/directoryObjects/" + userId + "\"}")), SetupAccess.GROUP,
                Reversibility.reversible("Remove the member (DELETE /groups/{id}/members/" + userId + "/$ref)."),
                Risk.LOW, List.of(),
                context -> {
                    GroupRef target = group.get();
                    writer.addGroupMember(target, userId);
                    return StepResult.changed("Added " + AccountRoster.label(account) + " to " + target.displayName()
                            + ".", Map.of(), Map.of("groupId", target.id(), "memberId", userId));
                }).checkedBy(started -> readBack.groupMembers(group.get().id()).stream()
                .anyMatch(m -> m.id().equalsIgnoreCase(userId))
                ? Reconciliation.applied("the account is a member.", Map.of("memberId", userId))
                : Reconciliation.notApplied("the account is not a member."));
    }

    private Step remove(GroupRef group, AccountRoster.Other other) {
        String id = other.member().id();
        return new Step(REMOVE_PREFIX + id, "Remove " + other.member().label() + " from " + group.displayName(),
                "Takes a member that is not an emergency account (" + other.why() + ") out of the emergency-access "
                        + "group, so Conditional Access no longer excludes it through the group. The account itself "
                        + "stays.",
                "From their next sign-in the policies that exclude the group apply to them.",
                List.of(GraphRequest.of("DELETE", "/groups/" + group.id() + "/members/" + id + "/$ref")),
                SetupAccess.GROUP, Reversibility.reversible("Add it back (POST /groups/" + group.id()
                + "/members/$ref)."), Risk.MEDIUM, List.of(),
                context -> {
                    writer.removeGroupMember(group, id);
                    return StepResult.changed("Removed " + other.member().label() + " from " + group.displayName()
                            + ".", Map.of("memberId", id), Map.of());
                });
    }

    private static GroupRef resolved(AtomicReference<GroupRef> created, String name) {
        GroupRef group = created.get();
        if (group == null) {
            throw new IllegalStateException("The group \u201c" + name + "\u201d was neither found nor created");
        }
        return group;
    }

    /** Graph requires a mail nickname even without mail: the name's letters and digits. */
    static String mailNickname(String name) {
        String letters = name.replaceAll("[^A-Za-z0-9]", "");
        return letters.isEmpty() ? "emergencyaccess" : letters.length() > 56 ? letters.substring(0, 56) : letters;
    }
}
