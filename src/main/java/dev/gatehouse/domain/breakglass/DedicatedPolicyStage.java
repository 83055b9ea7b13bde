package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.Reversibility;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.GraphPolicyJson;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.procedure.Stage;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.PolicyWriter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The optional end of step 9: {@link DedicatedPolicy} saved in report-only ({@link #REPORT_ONLY}), then turned on
 * ({@link #ON}) once every account can meet it. A tenant that already has such a policy for the group (On or
 * report-only) gets nothing new. Optional stages: a tenant that keeps its accounts excluded everywhere, as Microsoft's
 * Conditional Access templates ask, finishes the set-up without them.
 */
final class DedicatedPolicyStage implements Stage<BreakGlassSetupRead, BreakGlassSetupProposal> {

    static final String REPORT_ONLY = "dedicated-report-only";
    static final String ON = "dedicated-on";
    private static final String POLICIES = "/identity/conditionalAccess/policies";

    private final PolicyWriter writer;
    private final boolean on;

    private DedicatedPolicyStage(PolicyWriter writer, boolean on) {
        this.writer = writer;
        this.on = on;
    }

    static DedicatedPolicyStage reportOnly(PolicyWriter writer) {
        return new DedicatedPolicyStage(writer, false);
    }

    static DedicatedPolicyStage on(PolicyWriter writer) {
        return new DedicatedPolicyStage(writer, true);
    }

    @Override
    public String id() {
        return on ? ON : REPORT_ONLY;
    }

    @Override
    public String title() {
        return on ? "Turn that policy on (optional)" : "Save a phishing-resistant policy for them (optional)";
    }

    @Override
    public boolean optional() {
        return true;
    }

    /** It needs the group and, to turn on, the keys: checked here from the tenant, not from the run's progress. */
    @Override
    public boolean needsEarlierStages() {
        return false;
    }

    @Override
    public BreakGlassSetupProposal propose(BreakGlassSetupRead read, Answers answers,
                                           Optional<ProcedureProgress> progress) {
        Optional<String> gate = SetupAccess.gate(read.admin()).or(() -> SetupAccess.refusal(read.admin(),
                ExclusionsStage.ACCESS, "A Conditional Access policy"));
        if (gate.isPresent()) {
            return BreakGlassSetupProposal.refused(gate.get());
        }
        if (read.group().isEmpty() || read.health().isEmpty() || !read.group().get().roleAssignable()) {
            return BreakGlassSetupProposal.refused("A role-assignable emergency-access group comes first (the group "
                    + "stage): the policy includes it, and only such a group keeps lesser admins from adding people "
                    + "to it.");
        }
        GroupRef group = read.group().get();
        HealthRead health = read.health().get();
        if (!health.policies().isKnown()) {
            return BreakGlassSetupProposal.refused("The Conditional Access policies could not be read: "
                    + health.policies().whyUnknown());
        }
        List<ConditionalAccessPolicy> existing = DedicatedPolicy.existing(health.policies().get(), group);
        return on ? turnOn(read, health, group, existing) : saveReportOnly(group, existing);
    }

    private BreakGlassSetupProposal saveReportOnly(GroupRef group, List<ConditionalAccessPolicy> existing) {
        Optional<ConditionalAccessPolicy> kept = existing.stream().filter(p -> p.state() != State.DISABLED).findFirst();
        if (kept.isPresent()) {
            return BreakGlassSetupProposal.nothingToDo("\u201c" + kept.get().displayName() + "\u201d already requires "
                    + "phishing-resistant MFA of " + group.displayName() + " (" + kept.get().state().words()
                    + "): nothing new to save.", List.of());
        }
        ConditionalAccessPolicy draft = DedicatedPolicy.draft(group, State.REPORT_ONLY);
        Step create = new Step("create-dedicated-policy", "Create \u201c" + DedicatedPolicy.NAME + "\u201d in report-only",
                "Adds a Conditional Access policy for " + group.displayName() + " only, on every resource, whose one "
                        + "grant is the built-in strength Phishing-resistant MFA (FIDO2, Windows Hello for Business or "
                        + "certificate). The accounts stay excluded from every other policy.",
                "Nobody notices yet: report-only logs what the policy would do at each sign-in of the accounts "
                        + "without enforcing it.",
                List.of(new GraphRequest("POST", POLICIES, GraphPolicyJson.conditionalAccessPolicy(draft))),
                PolicyWriter.CONDITIONAL_ACCESS, Reversibility.reversible("Delete the policy (DELETE " + POLICIES
                + "/{id})."), Risk.LOW, List.of(),
                context -> {
                    ConditionalAccessPolicy created = writer.createConditionalAccessPolicy(draft);
                    return StepResult.changed("Created \u201c" + created.displayName() + "\u201d (" + created.id()
                            + ") in report-only.", Map.of(), Map.of("policy", created.id()));
                });
        return BreakGlassSetupProposal.planned(new Plan("Save the emergency-access phishing-resistant policy",
                DedicatedPolicy.NAME, group.id(), List.of(create), List.of()), "Saves the policy in report-only: "
                + "look at what it would do for the accounts' sign-ins before turning it on.", List.of());
    }

    private BreakGlassSetupProposal turnOn(BreakGlassSetupRead read, HealthRead health, GroupRef group,
                                           List<ConditionalAccessPolicy> existing) {
        if (existing.isEmpty() || existing.stream().allMatch(p -> p.state() == State.DISABLED)) {
            return BreakGlassSetupProposal.refused("There is no phishing-resistant policy for " + group.displayName()
                    + " in report-only yet: save it first (the stage before).");
        }
        ConditionalAccessPolicy policy = existing.get(0);
        if (policy.state() == State.ENABLED) {
            return BreakGlassSetupProposal.nothingToDo("\u201c" + policy.displayName() + "\u201d is On: the accounts "
                    + "must use a phishing-resistant method to sign in.", List.of());
        }
        List<String> lockOuts = DedicatedPolicy.lockOuts(health, read.methodsPolicy());
        if (!lockOuts.isEmpty()) {
            return BreakGlassSetupProposal.refused("Not turned on, nothing was sent: " + String.join(" ", lockOuts)
                    + " Register the keys (steps TAP and Register) first.");
        }
        Step turnOn = new Step("turn-on-dedicated-policy", "Turn \u201c" + policy.displayName() + "\u201d on",
                "Sets the policy's state to On; its users, resources and grant stay as they are.",
                "Each emergency-access account must sign in with its FIDO2 key (or another phishing-resistant "
                        + "method); its password alone, or with anything weaker, no longer gets in.",
                List.of(new GraphRequest("PATCH", POLICIES + "/" + policy.id(), "{\"state\":\"enabled\"}")),
                PolicyWriter.CONDITIONAL_ACCESS, Reversibility.reversible("Put it back in report-only (state "
                + "enabledForReportingButNotEnforced)."), Risk.HIGH, List.of(),
                context -> {
                    writer.setConditionalAccessPolicyState(policy.id(), State.ENABLED);
                    return StepResult.changed("Turned \u201c" + policy.displayName() + "\u201d on.",
                            Map.of("state", policy.state().graphValue()), Map.of("state", State.ENABLED.graphValue()));
                });
        return BreakGlassSetupProposal.planned(new Plan("Turn the emergency-access phishing-resistant policy on",
                policy.displayName(), policy.id(), List.of(turnOn), List.of()), "Every account has a FIDO2 key the "
                + "methods policy lets it use, so turning the policy on cannot lock them out. Test one sign-in per "
                + "account afterwards (a drill).", List.of());
    }
}
