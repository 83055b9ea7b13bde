package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.procedure.Stage;
import dev.gatehouse.domain.signin.UserSnapshot;
import dev.gatehouse.domain.tenant.DirectoryWriter;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.PolicyWriter;
import dev.gatehouse.domain.tenant.RequiredAccess;

import java.util.List;
import java.util.Optional;

/**
 * Step 9: the emergency-access group excluded from every policy that would reach the accounts ({@link ExclusionPlan}),
 * and the group a repair replaced retired. Needs a role that writes Conditional Access, which the set-up's Privileged
 * Role Administrator does not have: such an admin is told before anything is sent.
 */
final class ExclusionsStage implements Stage<BreakGlassSetupRead, BreakGlassSetupProposal> {

    static final RequiredAccess ACCESS = RequiredAccess.of("Policy.ReadWrite.ConditionalAccess",
            "Conditional Access Administrator", "Security Administrator", "Global Administrator")
            .withLicence("Microsoft Entra ID P1");

    private final ExclusionPlan plans;

    ExclusionsStage(PolicyWriter policies, DirectoryWriter directory) {
        this.plans = new ExclusionPlan(policies, directory);
    }

    @Override
    public String id() {
        return BreakGlassSetup.EXCLUSIONS;
    }

    @Override
    public String title() {
        return "Exclude them from Conditional Access";
    }

    /**
     * The exclusions need the group, not the keys: an admin repairing a tenant excludes the group before the keys
     * arrive, and {@code gatehouse breakglass exclude} runs this stage on its own. The group's own checks are made here.
     */
    @Override
    public boolean needsEarlierStages() {
        return false;
    }

    @Override
    public BreakGlassSetupProposal propose(BreakGlassSetupRead read, Answers answers,
                                           Optional<ProcedureProgress> progress) {
        Optional<String> gate = SetupAccess.gate(read.admin())
                .or(() -> SetupAccess.refusal(read.admin(), ACCESS, "Excluding the group from Conditional Access"));
        if (gate.isPresent()) {
            return BreakGlassSetupProposal.refused(gate.get());
        }
        Optional<GroupRef> group = read.group();
        if (group.isEmpty() || read.health().isEmpty()) {
            return BreakGlassSetupProposal.refused("No emergency-access group yet: run the group stage first."
                    + read.groupProblem().map(p -> " " + p + ".").orElse(""), read.couldNotCheck());
        }
        if (!group.get().roleAssignable()) {
            return BreakGlassSetupProposal.refused(group.get().displayName() + " is not role-assignable: excluding it "
                    + "would let a lesser admin add anyone to the exclusions. Replace it first (the group stage).");
        }
        HealthRead health = read.health().get();
        if (!health.policies().isKnown()) {
            return BreakGlassSetupProposal.refused("The Conditional Access policies could not be read: "
                    + health.policies().whyUnknown());
        }
        List<ConditionalAccessPolicy> policies = health.policies().get();
        List<UserSnapshot> accounts = snapshots(health);
        ExclusionPlan.Outcome outcome = plans.propose(policies, group.get(), accounts, read.retired());
        Optional<Plan> plan = outcome.plan();
        if (plan.isEmpty()) {
            return BreakGlassSetupProposal.nothingToDo(group.get().displayName() + " is excluded from every policy "
                    + "that would reach the accounts (" + policies.size() + " policies read): nothing to send.",
                    outcome.warnings());
        }
        return BreakGlassSetupProposal.planned(plan.get(), "Adds " + group.get().displayName() + " to the exclusions "
                + "of each policy that would reach the accounts"
                + (read.retired().isEmpty() ? "" : ", then retires the group it replaced") + ". Only the excluded "
                + "groups change: everything else in each policy is sent back as read.", plan.get().warnings());
    }

    /** The accounts as the policy checks see them, with the groups read for the health view. */
    static List<UserSnapshot> snapshots(HealthRead health) {
        return health.accounts().stream().map(a -> new AccountChecks(health, a).snapshot()).toList();
    }
}
