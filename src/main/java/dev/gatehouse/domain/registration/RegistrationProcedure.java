package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.Procedure;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.procedure.Stage;
import dev.gatehouse.domain.tenant.PolicyWriter;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The registration-policy procedure (issue 9): an optional hand-out of one-time passes to those who could not register
 * otherwise, then the policy saved in report-only, turned on for a pilot group, then for everyone. Every stage reads
 * the tenant afresh, so a stage continued tomorrow plans from what the tenant holds then: the strength and the policy
 * this run created are found and changed, never created twice. Turning on passes the lock-out guard first.
 */
public final class RegistrationProcedure {

    public static final String ID = "registration-policy";
    public static final String TITLE = "Protect security-info registration";
    public static final String REPORT_ONLY = "report-only";
    public static final String PILOT = "pilot";
    public static final String EVERYONE = "everyone";
    /** The pilot group's object id, as the pilot stage's own answer; else the one in the design's choices. */
    public static final String PILOT_GROUP = "pilotGroupId";

    private static final String REPORT_ONLY_TRUTH = "Report-only is not evaluated for user actions: a report-only "
            + "policy on \u201cRegister security information\u201d protects nothing and the sign-in logs show nothing "
            + "for it. Use What If (next step) to see whom it would reach.";

    private final PolicyWriter writer;
    private final BulkTapStage<RegistrationRead> bulkTap;

    public RegistrationProcedure(PolicyWriter writer, TenantWriter tapWriter, TenantDirectory directory,
                                 TapPacer pacer) {
        this.writer = writer;
        this.bulkTap = new BulkTapStage<>(read -> read.methodsPolicy().flatMap(MethodsPolicy::temporaryAccessPass),
                tapWriter, directory, pacer);
    }

    public Procedure<RegistrationRead, RegistrationProposal> procedure() {
        return new Procedure<>(ID, TITLE, List.of(
                bulkTap.map(RegistrationProposal::of),
                Stage.of(REPORT_ONLY, "Save in report-only", this::saveReportOnly),
                Stage.of(PILOT, "Turn on for the pilot group", (read, answers, progress) -> turnOn(read, answers,
                        progress, PILOT, design -> pilotGroup(answers).map(design::withPilotGroup).orElse(null))),
                Stage.of(EVERYONE, "Turn on for everyone", (read, answers, progress) -> turnOn(read, answers,
                        progress, EVERYONE, RegistrationPolicyDesign::withAllUsers))));
    }

    public TapPacer pacer() {
        return bulkTap.pacer();
    }

    private RegistrationProposal saveReportOnly(RegistrationRead read, Answers answers,
                                                Optional<ProcedureProgress> progress) {
        Optional<RegistrationChoices> choices = answers.get(RegistrationChoices.ANSWER, RegistrationChoices.class);
        Optional<String> refusal = prerequisites(read).or(() -> choices.isEmpty()
                ? Optional.of("Design the policy first (step Design).") : Optional.empty());
        if (refusal.isPresent()) {
            return RegistrationProposal.refused(refusal.get());
        }
        RegistrationPolicyDesign design;
        try {
            design = choices.get().design(read.strengths(), State.REPORT_ONLY);
        } catch (IllegalArgumentException e) {
            return RegistrationProposal.refused(e.getMessage());
        }
        if (!design.problems().isEmpty()) {
            return RegistrationProposal.refused("The design cannot be saved: " + design.problems().stream()
                    .map(DesignProblem::message).reduce((a, b) -> a + " " + b).orElse(""));
        }
        Optional<ConditionalAccessPolicy> existing;
        try {
            existing = target(read, choices.get());
        } catch (IllegalStateException e) {
            return RegistrationProposal.refused(e.getMessage());
        }
        PolicyWriteSteps steps = new PolicyWriteSteps(writer, design.reusedStrength());
        List<Step> plan = new ArrayList<>();
        design.strengthToCreate().ifPresent(wanted -> plan.add(steps.createStrength(wanted)));
        List<String> warnings = new ArrayList<>(List.of(REPORT_ONLY_TRUTH));
        if (existing.isEmpty()) {
            plan.add(steps.createPolicy(design));
        } else {
            ConditionalAccessPolicy current = existing.get();
            List<PolicyDiff.FieldChange> changes = PolicyDiff.between(current,
                    PolicyExport.preview(design).withId(current.id()));
            if (!changes.isEmpty()) {
                if (current.state() == State.ENABLED) {
                    warnings.add(0, "\u201c" + current.displayName() + "\u201d is On today. Saving it in report-only "
                            + "stops it protecting registration until it is turned on again in a later stage.");
                }
                plan.add(steps.updatePolicy(current, design, changes, "Change \u201c" + current.displayName()
                        + "\u201d to the design, in report-only", current.state() == State.ENABLED ? Risk.HIGH
                        : Risk.LOW));
            }
        }
        if (plan.isEmpty()) {
            return RegistrationProposal.nothingToDo("\u201c" + design.displayName() + "\u201d is already saved as "
                    + "designed, in report-only: nothing to send.");
        }
        ConditionalAccessPolicy after = PolicyExport.preview(design)
                .withId(existing.map(ConditionalAccessPolicy::id).orElse(null));
        return new RegistrationProposal(Optional.of(new Plan("Save the registration policy in report-only",
                design.displayName(), existing.map(ConditionalAccessPolicy::id).orElse("tenant"), plan,
                warnings)),
                existing.isEmpty() ? "Creates the policy in report-only." : "Brings the existing policy to the "
                        + "design, in report-only.", warnings, RegistrationForecast.lines(read, after));
    }

    private RegistrationProposal turnOn(RegistrationRead read, Answers answers, Optional<ProcedureProgress> progress,
                                        String stage, UnaryOperator<RegistrationPolicyDesign> audience) {
        Optional<RegistrationChoices> choices = answers.get(RegistrationChoices.ANSWER, RegistrationChoices.class);
        Optional<String> refusal = prerequisites(read).or(() -> choices.isEmpty()
                ? Optional.of("Design the policy first (step Design).") : Optional.empty());
        if (refusal.isPresent()) {
            return RegistrationProposal.refused(refusal.get());
        }
        Optional<ConditionalAccessPolicy> existing;
        RegistrationPolicyDesign design;
        try {
            existing = target(read, choices.get());
            design = choices.get().design(read.strengths(), State.ENABLED);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return RegistrationProposal.refused(e.getMessage());
        }
        if (existing.isEmpty()) {
            return RegistrationProposal.refused("\u201c" + choices.get().displayName() + "\u201d is not in the "
                    + "tenant yet: save it in report-only first.");
        }
        if (design.reusedStrength().isEmpty() && design.strength().isPresent()) {
            return RegistrationProposal.refused("The strength the policy requires is not in the tenant yet: save the "
                    + "policy in report-only first, which creates it.");
        }
        RegistrationPolicyDesign staged = audience.apply(design);
        if (staged == null) {
            return RegistrationProposal.refused("Choose the pilot group first.");
        }
        if (!staged.problems().isEmpty()) {
            return RegistrationProposal.refused(staged.problems().stream().map(DesignProblem::message)
                    .reduce((a, b) -> a + " " + b).orElse(""));
        }
        ConditionalAccessPolicy current = existing.get();
        ConditionalAccessPolicy draft = staged.toPolicy(design.reusedStrength().orElse(null)).withId(current.id());
        LockOutVerdict guard = LockOutGuard.check(draft, read.policies().stream()
                        .filter(p -> !p.id().equalsIgnoreCase(current.id())).toList(), read.emergencyAccounts(),
                read.actingAdmin(), read.methodsPolicy().orElse(null), read.now());
        if (guard.refuse()) {
            return new RegistrationProposal(Optional.empty(), "Not turned on, nothing was sent: "
                    + String.join(" ", guard.reasons()), guard.warnings(), RegistrationForecast.lines(read, draft));
        }
        List<PolicyDiff.FieldChange> changes = PolicyDiff.between(current, draft);
        if (changes.isEmpty()) {
            return RegistrationProposal.nothingToDo("\u201c" + current.displayName() + "\u201d is already On for "
                    + (stage.equals(PILOT) ? "the pilot group" : "everyone") + ": nothing to send.");
        }
        PolicyWriteSteps steps = new PolicyWriteSteps(writer, design.reusedStrength());
        String whom = stage.equals(PILOT) ? "the pilot group" : "everyone in scope";
        Step step = steps.updatePolicy(current, staged, changes, "Turn \u201c" + current.displayName() + "\u201d on for "
                + whom, Risk.HIGH);
        // the target names the plan's confirm button: kept short, the policy's name is in every step
        return new RegistrationProposal(Optional.of(new Plan("Turn the registration policy on for " + whom,
                "the registration policy", current.id(), List.of(step), guard.warnings())),
                "Turns the policy on for " + whom + ". From then on, registering or changing a sign-in method "
                        + "needs a passkey, a one-time pass or a compliant device, as designed.",
                guard.warnings(), RegistrationForecast.lines(read, draft));
    }

    static Optional<String> pilotGroup(Answers answers) {
        return answers.get(PILOT_GROUP, String.class).filter(id -> !id.isBlank())
                .or(() -> answers.get(RegistrationChoices.ANSWER, RegistrationChoices.class)
                        .flatMap(RegistrationChoices::pilotGroup));
    }

    /**
     * Turning the policy off is not a stage of the run (a run goes forward, to On): it is one plan of its own, for the
     * policy the run would change, explained, confirmed and journaled like any other.
     */
    public RegistrationProposal turnOff(RegistrationRead read, RegistrationChoices choices) {
        Optional<ConditionalAccessPolicy> existing;
        try {
            existing = target(read, choices);
        } catch (IllegalStateException e) {
            return RegistrationProposal.refused(e.getMessage());
        }
        if (existing.isEmpty()) {
            return RegistrationProposal.nothingToDo("There is no policy \u201c" + choices.displayName() + "\u201d "
                    + "on \u201cRegister security information\u201d to turn off: nothing to send.");
        }
        ConditionalAccessPolicy current = existing.get();
        if (current.state() == State.DISABLED) {
            return RegistrationProposal.nothingToDo("\u201c" + current.displayName() + "\u201d is already Off: "
                    + "nothing to send.");
        }
        List<String> warnings = current.state() == State.ENABLED ? List.of("\u201c" + current.displayName()
                + "\u201d is On today: turning it off leaves \u201cRegister security information\u201d protected only "
                + "by the policies that reach it through All resources, if any.") : List.of();
        return new RegistrationProposal(Optional.of(new Plan("Turn the registration policy off",
                current.displayName(), current.id(), List.of(new PolicyWriteSteps(writer, Optional.empty())
                .turnOff(current)), List.of())), "Turns the policy off; turn it on again with the stages of the run.",
                warnings, List.of());
    }

    /** Without P1 nothing here can be saved; with security defaults on, Conditional Access cannot be used. */
    static Optional<String> prerequisites(RegistrationRead read) {
        if (read.licences().isPresent() && !read.hasP1()) {
            return Optional.of("This tenant has no Entra ID P1 (" + String.join(", ",
                    read.licences().get().skuPartNumbers()) + "). P1 is what buys Conditional Access, authentication "
                    + "strengths and the registration report: without it Graph refuses the policy, so Gatehouse "
                    + "sends nothing. Add Entra ID P1 (or a plan that includes it, such as Microsoft 365 Business "
                    + "Premium) first.");
        }
        if (read.securityDefaultsEnabled().orElse(false)) {
            return Optional.of("Security defaults are on: Conditional Access policies cannot be used while they are. "
                    + "Turn them off in the Entra admin center (Identity > Overview > Properties > Manage security "
                    + "defaults) once the policies that replace them are ready.");
        }
        return Optional.empty();
    }

    /**
     * The policy a new run continues when nobody chose one: the tenant's only policy naming "Register security
     * information", in any state. None when there is none, or several (then the admin must say which, and otherwise
     * the run creates its own).
     */
    public static Optional<ConditionalAccessPolicy> soleExisting(RegistrationRead read) {
        List<ConditionalAccessPolicy> existing = read.registrationPolicies();
        return existing.size() == 1 ? Optional.of(existing.get(0)) : Optional.empty();
    }

    /**
     * The policy this run changes: the one the admin continues from, else the one on the action with the design's
     * name (created by this run, or earlier). Two with that name: the admin must say which.
     *
     * @throws IllegalStateException the continued policy is gone, or two policies carry the design's name
     */
    public static Optional<ConditionalAccessPolicy> target(RegistrationRead read, RegistrationChoices choices) {
        if (choices.continuing().isPresent()) {
            String id = choices.continuing().get();
            return Optional.of(read.policy(id).orElseThrow(() -> new IllegalStateException("The policy " + id
                    + " this run continues from is no longer in the tenant. Start the design again.")));
        }
        List<ConditionalAccessPolicy> named = read.registrationPolicies().stream()
                .filter(p -> choices.displayName() != null && choices.displayName().equalsIgnoreCase(p.displayName()))
                .toList();
        if (named.size() > 1) {
            throw new IllegalStateException(named.size() + " policies on \u201cRegister security information\u201d are "
                    + "named \u201c" + choices.displayName() + "\u201d; choose the one to continue from.");
        }
        return named.stream().findFirst();
    }

}
