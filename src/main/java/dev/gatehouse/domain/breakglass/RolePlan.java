package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.Reconciliation;
import dev.gatehouse.domain.plan.Reversibility;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.role.ActiveAssignmentRule;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.role.RoleSchedule;
import dev.gatehouse.domain.tenant.DirectoryWriter;
import dev.gatehouse.domain.tenant.DirectoryWriter.CreatedRoleAssignment;
import dev.gatehouse.domain.tenant.DirectoryWriter.NewRoleAssignment;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantLicences;
import dev.gatehouse.domain.tenant.UserDetail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stage 4, the role: a permanent, active Global Administrator assignment at tenant scope for each account without one
 * — not PIM-eligible, no end date, as Microsoft advises, so the account is an administrator the moment it signs in.
 * A role held only through a role-assignable group counts as held, and the plan says so. With Entra ID P2 the plan
 * also weighs PIM's schedules and its setting for the role ({@link GlobalAdminSchedules}, decision 0011 §6).
 */
final class RolePlan {

    static final String STEP_PREFIX = "role-";
    /** Where PIM's settings allow a permanent active assignment, in the Entra admin center. */
    static final String PIM_SETTINGS = "Identity governance > Privileged Identity Management > Microsoft Entra roles "
            + "> Settings > Global Administrator > Edit, tab Assignment: \u201cAllow permanent active assignment\u201d";

    private final DirectoryWriter writer;
    private final TenantDirectory readBack;

    RolePlan(DirectoryWriter writer, TenantDirectory readBack) {
        this.writer = writer;
        this.readBack = readBack;
    }

    BreakGlassSetupProposal propose(BreakGlassSetupRead read, Answers answers, Optional<ProcedureProgress> progress) {
        StageStart start = StageStart.withAccounts(read, answers);
        if (start.refused()) {
            return start.refusal();
        }
        AccountRoster roster = start.roster();
        boolean pim = read.licences().map(TenantLicences::entraIdP2).orElse(false);
        List<String> warnings = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<UserDetail> lacking = new ArrayList<>();
        List<String> ending = new ArrayList<>();
        for (UserDetail account : roster.accounts()) {
            if (!account.readable(UserDetail.Part.ROLES)) {
                unknown.add(AccountRoster.label(account) + ": " + account.whyUnreadable(UserDetail.Part.ROLES)
                        .orElse("its roles could not be read"));
                continue;
            }
            List<RoleAssignment> held = account.roles().stream()
                    .filter(r -> r.is(DirectoryRole.GLOBAL_ADMINISTRATOR) && r.tenantWide()).toList();
            if (held.isEmpty()) {
                lacking.add(account);
            } else if (held.stream().allMatch(r -> r.viaGroup() != null)) {
                warnings.add(AccountRoster.label(account) + " holds Global Administrator only through the group "
                        + held.get(0).viaGroup() + ": that counts, but the account loses the role if it leaves the "
                        + "group or the group loses the role. Microsoft advises a direct, permanent assignment.");
            }
            if (pim) {
                pimFindings(account, read.roleSchedules(account.profile().id()), held.isEmpty(), warnings, ending);
            }
        }
        if (!unknown.isEmpty()) {
            return BreakGlassSetupProposal.refused("Could not check who holds Global Administrator: "
                    + String.join("; ", unknown) + ". Nothing was sent.", warnings);
        }
        if (lacking.isEmpty()) {
            return BreakGlassSetupProposal.nothingToDo("Every emergency-access account holds Global Administrator, "
                    + "active at tenant scope: " + AccountRoster.labels(roster.accounts()) + "."
                    + (ending.isEmpty() ? "" : " But the assignment of " + String.join(" and ", ending) + " ends, "
                    + "which this step cannot change: see the warning."), warnings);
        }
        Optional<String> refusal = SetupAccess.refusal(read.admin(), SetupAccess.ROLE,
                "Assigning Global Administrator");
        if (refusal.isPresent()) {
            return BreakGlassSetupProposal.refused(refusal.get(), warnings);
        }
        if (pim) {
            settingsWarning(read.globalAdministratorRule()).ifPresent(warnings::add);
        }
        List<Step> steps = lacking.stream().map(account -> assign(account, pim)).toList();
        return BreakGlassSetupProposal.planned(new Plan("Make the emergency-access accounts Global Administrators",
                steps.size() == 1 ? "1 account" : steps.size() + " accounts", "tenant", steps, List.of()),
                "Gives " + AccountRoster.labels(lacking) + " a permanent, active Global Administrator assignment at "
                        + "tenant scope: the role an emergency account needs to repair anything, not eligible (PIM) "
                        + "and without an end date, so it works the moment the account signs in.", warnings);
    }

    /**
     * What PIM's schedules add to the plan: an account only eligible gets the permanent assignment beside its
     * eligibility; one whose active assignment ends cannot be helped here, since Graph's role-assignment API has no
     * update (unifiedRoleAssignment: List, Create, Get, Delete) and the assignment exists already.
     */
    private static void pimFindings(UserDetail account, Optional<Fact<List<RoleSchedule>>> read, boolean lacking,
                                    List<String> warnings, List<String> ending) {
        String label = AccountRoster.label(account);
        Fact<List<RoleSchedule>> schedules = read.orElse(Fact.unknown(AccountFacts.SCHEDULES_NOT_READ));
        if (!schedules.isKnown()) {
            warnings.add("Could not read the PIM schedules of " + label + ", so whether its Global Administrator "
                    + "role is eligible or ends is unknown: " + schedules.whyUnknown());
            return;
        }
        GlobalAdminSchedules pim = new GlobalAdminSchedules(schedules.get());
        if (pim.permanent().isPresent()) {
            return;
        }
        Optional<RoleSchedule> timeBound = pim.timeBound();
        if (timeBound.isPresent()) {
            ending.add(label);
            warnings.add(label + " holds Global Administrator only " + GlobalAdminSchedules.until(timeBound.get())
                    + ", " + GlobalAdminSchedules.holder(timeBound.get(), account) + ". Gatehouse cannot change the "
                    + "end of an existing assignment (Graph's role-assignment API has no update). "
                    + GlobalAdminSchedules.fix(timeBound.get()));
        } else if (lacking && pim.eligible().isPresent()) {
            warnings.add(label + " is only eligible for Global Administrator in PIM ("
                    + GlobalAdminSchedules.until(pim.eligible().get()) + "): this step adds a permanent, active "
                    + "assignment beside the eligibility, which stays and does no harm (remove it in PIM for a "
                    + "single entry).");
        }
    }

    /**
     * Whether PIM's settings would keep the assignment this step adds from being permanent. Whether they govern an
     * assignment made through {@code POST …/roleAssignments} is not documented, so the warning says what to watch.
     */
    private static Optional<String> settingsWarning(Fact<Optional<ActiveAssignmentRule>> rule) {
        if (!rule.isKnown()) {
            return Optional.of("Could not read PIM's settings for Global Administrator, so whether they allow a "
                    + "permanent active assignment is unknown: " + rule.whyUnknown() + " If they do not, allow it "
                    + "first (" + PIM_SETTINGS + ").");
        }
        return rule.get().filter(ActiveAssignmentRule::expirationRequired).map(required -> "PIM's settings for "
                + "Global Administrator do not allow permanent active assignments: an administrator's active "
                + "assignment must end" + required.maximum().map(max -> " within " + max).orElse("") + ". The "
                + "assignment this step adds has no end date: if Entra refuses it, or PIM lists it with an end date "
                + "afterwards (the step reads it back), allow permanent active assignments first (" + PIM_SETTINGS
                + ") and run the step again.");
    }

    private Step assign(UserDetail account, boolean pim) {
        String userId = account.profile().id();
        NewRoleAssignment assignment = NewRoleAssignment.tenantWide(DirectoryRole.GLOBAL_ADMINISTRATOR, userId);
        return new Step(STEP_PREFIX + userId, "Make " + AccountRoster.label(account) + " a Global Administrator",
                "Assigns Global Administrator to the account permanently and actively over the whole tenant "
                        + "(directoryScopeId /).",
                "Once it signs in, the account can change anything in the tenant.",
                List.of(new GraphRequest("POST", "/roleManagement/directory/roleAssignments",
                        "{\"@odata.type\": \"#microsoft.graph.unifiedRoleAssignment\", \"roleDefinitionId\": \""
                                + assignment.roleDefinitionId() + "\", \"principalId\": \"" + userId
                                + "\", \"directoryScopeId\": \"/\"}")), SetupAccess.ROLE,
                Reversibility.reversible("Remove the assignment (DELETE /roleManagement/directory/roleAssignments/"
                        + "{id}); the journal keeps its id."), Risk.HIGH, List.of(),
                context -> {
                    CreatedRoleAssignment created = writer.assignDirectoryRole(assignment);
                    String summary = "Assigned Global Administrator to " + AccountRoster.label(account)
                            + " (assignment " + created.id() + ").";
                    if (pim) {
                        summary += " " + afterAssigning(userId);
                    }
                    return StepResult.changed(summary, Map.of(), Map.of("roleAssignmentId",
                            created.id(), "principalId", userId, "directoryScopeId", "/"));
                }).checkedBy(started -> readBack(userId, pim));
    }

    /** What PIM lists once the assignment is made; the assignment stands whatever the read-back meets. */
    private String afterAssigning(String userId) {
        try {
            return readBack(userId, true).found();
        } catch (TenantException e) {
            if (e.endsEverything()) {
                throw e;
            }
            return "Its PIM schedule could not be read back: " + e.getMessage();
        }
    }

    /**
     * Whether the account holds Global Administrator at tenant scope now: with PIM, as an active and permanent
     * schedule (one PIM's settings gave an end date holds it only partly); without, as a direct assignment.
     */
    private Reconciliation readBack(String userId, boolean pim) {
        Map<String, Object> held = Map.of("principalId", userId, "directoryScopeId", "/");
        if (!pim) {
            boolean direct = readBack.findUser(userId).map(UserDetail::roles).orElse(List.of()).stream()
                    .anyMatch(r -> r.is(DirectoryRole.GLOBAL_ADMINISTRATOR) && r.tenantWide() && r.viaGroup() == null);
            return direct ? Reconciliation.applied("The account holds Global Administrator.", held)
                    : Reconciliation.notApplied("The account does not hold Global Administrator.");
        }
        Fact<List<RoleSchedule>> schedules = HealthReads.attempt(() -> readBack.roleSchedules(userId));
        if (!schedules.isKnown()) {
            return Reconciliation.partly("Its PIM schedule could not be read back: " + schedules.whyUnknown(), held);
        }
        GlobalAdminSchedules found = new GlobalAdminSchedules(schedules.get());
        if (found.permanent().isPresent()) {
            return Reconciliation.applied("PIM lists it as active and permanent.", held);
        }
        return found.timeBound().map(ends -> Reconciliation.partly("PIM lists it as active only "
                        + GlobalAdminSchedules.until(ends) + ". " + GlobalAdminSchedules.fix(ends), held))
                // PIM's schedules can trail the assignment by a moment: the role read says whether it is there
                .orElseGet(() -> readBack(userId, false).kind() == Reconciliation.Kind.APPLIED
                        ? Reconciliation.partly("The account holds Global Administrator, but PIM does not list its "
                        + "schedule yet: the health view reads it again.", held)
                        : Reconciliation.notApplied("The account does not hold Global Administrator, and PIM lists "
                        + "no active assignment for it."));
    }
}
