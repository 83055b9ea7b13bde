package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.Reversibility;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.tenant.DirectoryWriter;
import dev.gatehouse.domain.tenant.DirectoryWriter.CreatedRoleAssignment;
import dev.gatehouse.domain.tenant.DirectoryWriter.NewRoleAssignment;
import dev.gatehouse.domain.tenant.TenantLicences;
import dev.gatehouse.domain.tenant.UserDetail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stage 4, the role: a permanent, active Global Administrator assignment at tenant scope for each account without one
 * — not PIM-eligible, no end date, as Microsoft advises, so the account is an administrator the moment it signs in.
 * A role held only through a role-assignable group counts as held, and the plan says so.
 */
final class RolePlan {

    static final String STEP_PREFIX = "role-";
    /** Why PIM is mentioned although Gatehouse cannot read it (graph-facts §4, §11). */
    static final String PIM_WARNING = "This tenant has Entra ID P2, so Privileged Identity Management may be in use. "
            + "Its role settings for Global Administrator can require assignments to be eligible rather than active, "
            + "or to end after a time: check them in the Entra admin center (Identity governance > Privileged Identity "
            + "Management > Microsoft Entra roles > Settings > Global Administrator). Gatehouse cannot read PIM "
            + "policies yet, so it cannot tell whether they would change these assignments.";

    private final DirectoryWriter writer;

    RolePlan(DirectoryWriter writer) {
        this.writer = writer;
    }

    BreakGlassSetupProposal propose(BreakGlassSetupRead read, Answers answers, Optional<ProcedureProgress> progress) {
        StageStart start = StageStart.withAccounts(read, answers);
        if (start.refused()) {
            return start.refusal();
        }
        AccountRoster roster = start.roster();
        List<String> warnings = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<UserDetail> lacking = new ArrayList<>();
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
        }
        if (!unknown.isEmpty()) {
            return BreakGlassSetupProposal.refused("Could not check who holds Global Administrator: "
                    + String.join("; ", unknown) + ". Nothing was sent.", warnings);
        }
        if (read.licences().map(TenantLicences::entraIdP2).orElse(false)) {
            warnings.add(PIM_WARNING);
        }
        if (lacking.isEmpty()) {
            return BreakGlassSetupProposal.nothingToDo("Every emergency-access account holds Global Administrator, "
                    + "active at tenant scope: " + AccountRoster.labels(roster.accounts()) + ".", warnings);
        }
        Optional<String> refusal = SetupAccess.refusal(read.admin(), SetupAccess.ROLE,
                "Assigning Global Administrator");
        if (refusal.isPresent()) {
            return BreakGlassSetupProposal.refused(refusal.get(), warnings);
        }
        List<Step> steps = lacking.stream().map(this::assign).toList();
        return BreakGlassSetupProposal.planned(new Plan("Make the emergency-access accounts Global Administrators",
                steps.size() == 1 ? "1 account" : steps.size() + " accounts", "tenant", steps, List.of()),
                "Gives " + AccountRoster.labels(lacking) + " a permanent, active Global Administrator assignment at "
                        + "tenant scope: the role an emergency account needs to repair anything, not eligible (PIM) "
                        + "and without an end date, so it works the moment the account signs in.", warnings);
    }

    private Step assign(UserDetail account) {
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
                    return StepResult.changed("Assigned Global Administrator to " + AccountRoster.label(account)
                            + " (assignment " + created.id() + ").", Map.of(), Map.of("roleAssignmentId",
                            created.id(), "principalId", userId, "directoryScopeId", "/"));
                });
    }
}
