package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.Reversibility;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.policy.MethodConfiguration;
import dev.gatehouse.domain.policy.MethodConfigurationChange;
import dev.gatehouse.domain.policy.MethodConfigurationChange.Targets;
import dev.gatehouse.domain.policy.MethodConfigurationSnapshot;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.policy.PolicyTarget;
import dev.gatehouse.domain.policy.TapSettings;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.tap.TapIssue;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.PolicyWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stage 5, the authentication methods policy: FIDO2 (passkeys) on for the emergency-access group with self-service
 * registration, and the Temporary Access Pass on for it, one change per configuration that keeps every other target
 * and setting. A configuration that is off is switched on for the group only (its old targets replaced, or switching
 * it on would reach them too); one that is on gets the group added unless it already covers it (All users). A TAP
 * configuration others rely on keeps its lifetimes and one-time setting: the passes of the next stage are requested
 * one-time and short one by one anyway.
 */
final class MethodsPolicyPlan {

    static final String FIDO2 = "fido2";
    static final String TAP = "temporary-access-pass";
    /** The lifetime a TAP configuration switched on here gets by default: long enough to walk to the safe. */
    static final int SHORT_LIFETIME = 60;
    static final String KEY_RESTRICTIONS = "Gatehouse does not read the FIDO2 key restrictions or passkey profiles "
            + "yet: if they allow only some key models (AAGUIDs), or block some, check that the keys you will register "
            + "for the emergency accounts are allowed (Entra admin center > Authentication methods > Passkey (FIDO2) > "
            + "Configure).";

    private final PolicyWriter writer;

    MethodsPolicyPlan(PolicyWriter writer) {
        this.writer = writer;
    }

    BreakGlassSetupProposal propose(BreakGlassSetupRead read, Answers answers, Optional<ProcedureProgress> progress) {
        StageStart start = StageStart.of(read, answers);
        if (start.refused()) {
            return start.refusal();
        }
        Optional<GroupRef> group = read.group().filter(GroupRef::roleAssignable);
        if (group.isEmpty()) {
            return BreakGlassSetupProposal.refused("The emergency-access group is not in place yet: run the group stage "
                    + "first, so the methods policy can name it.", read.couldNotCheck());
        }
        if (read.methodsPolicy().isEmpty()) {
            return BreakGlassSetupProposal.refused("Could not check the authentication methods policy: "
                    + read.unreadable().getOrDefault("the authentication methods policy", "it was not read")
                    + ". Nothing was sent.");
        }
        MethodsPolicy policy = read.methodsPolicy().get();
        PolicyTarget target = new PolicyTarget(PolicyTarget.Kind.GROUP, group.get().id(), group.get().displayName());
        List<String> warnings = new ArrayList<>(List.of(KEY_RESTRICTIONS));
        List<String> problems = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        Optional<MethodConfiguration> fido2 = policy.configuration(MethodConfigurationChange.FIDO2);
        change(fido2, target, "Passkey (FIDO2)", problems).ifPresent(targets -> steps.add(step(FIDO2,
                MethodConfigurationChange.fido2For(target, targets), fido2, "Passkey (FIDO2)",
                targets == Targets.ADD ? "with self-service registration allowed, which registering a key at My "
                        + "Security Info needs (a setting of the whole configuration: every user it targets may then "
                        + "register keys there themselves)" : "with self-service registration allowed, which "
                        + "registering a key at My Security Info needs",
                "Can register a FIDO2 security key or passkey at https://aka.ms/mysecurityinfo and sign in with it.")));
        Optional<MethodConfiguration> tap = policy.configuration(MethodsPolicy.TEMPORARY_ACCESS_PASS);
        Optional<Targets> tapTargets = change(tap, target, "Temporary Access Pass", problems);
        if (tapTargets.isPresent()) {
            Optional<TapSettings> settings = tapSettings(policy, tapTargets.get());
            if (settings.isEmpty()) {
                problems.add("The Temporary Access Pass configuration's lifetimes could not be read, and Gatehouse "
                        + "does not send lifetimes it has not read.");
            } else {
                String how = tapTargets.get() == Targets.REPLACE ? "one-time by default, " + TapIssue.minutes(
                        settings.get().defaultLifetimeMinutes()) + " by default (" + TapIssue.minutes(settings.get()
                        .minimumLifetimeMinutes()) + " to " + TapIssue.minutes(settings.get().maximumLifetimeMinutes())
                        + ")" : "keeping its lifetimes and one-time setting, which other users rely on";
                steps.add(step(TAP, MethodConfigurationChange.temporaryAccessPassFor(target, tapTargets.get(),
                        settings.get()), tap, "Temporary Access Pass", how, "Can be given a Temporary Access Pass to "
                        + "sign in once and register their key."));
            }
        }
        if (!problems.isEmpty()) {
            return BreakGlassSetupProposal.refused(String.join(" ", problems) + " Nothing was sent.", warnings);
        }
        if (steps.isEmpty()) {
            return BreakGlassSetupProposal.nothingToDo("Passkey (FIDO2) and the Temporary Access Pass are on for "
                    + group.get().displayName() + " already.", warnings);
        }
        Optional<String> refusal = SetupAccess.refusal(read.admin(), SetupAccess.METHODS_POLICY,
                "Changing the authentication methods policy");
        if (refusal.isPresent()) {
            return BreakGlassSetupProposal.refused(refusal.get(), warnings);
        }
        return BreakGlassSetupProposal.planned(new Plan("Enable passkeys and the Temporary Access Pass for the "
                + "emergency-access group", "the authentication methods policy", "authenticationMethodsPolicy", steps,
                List.of()), "Lets " + group.get().displayName() + " register FIDO2 keys through a one-time pass. Every "
                + "other target and setting of the policy is kept.", warnings);
    }

    /**
     * How the configuration must change to cover the group: replace its targets when it is off, add the group when it
     * is on without it; empty when it covers the group (or cannot, with the reason in {@code problems}).
     */
    static Optional<Targets> change(Optional<MethodConfiguration> configuration, PolicyTarget group, String name,
                                    List<String> problems) {
        if (configuration.isEmpty() || !configuration.get().enabled()) {
            return Optional.of(Targets.REPLACE);
        }
        MethodConfiguration on = configuration.get();
        if (on.excludeTargets().stream().anyMatch(t -> t.id().equalsIgnoreCase(group.id()))) {
            problems.add(name + " excludes " + group.label() + ": adding it as a target would not undo that. Remove "
                    + "the exclusion in the Entra admin center (Authentication methods > " + name + "), then run the "
                    + "set-up again.");
            return Optional.empty();
        }
        boolean covered = on.includeTargets().stream().anyMatch(t -> t.isAllUsers()
                || t.id().equalsIgnoreCase(group.id()));
        return covered ? Optional.empty() : Optional.of(Targets.ADD);
    }

    /** For a configuration switched on here: one-time and short; for one others use: exactly as it is. */
    static Optional<TapSettings> tapSettings(MethodsPolicy policy, Targets targets) {
        Optional<TapSettings> current = policy.temporaryAccessPass();
        if (targets == Targets.ADD) {
            return current;
        }
        TapSettings base = current.orElse(new TapSettings(SHORT_LIFETIME, SHORT_LIFETIME, 480, false, 8));
        int lifetime = Math.max(base.minimumLifetimeMinutes(), Math.min(SHORT_LIFETIME, base.maximumLifetimeMinutes()));
        return Optional.of(new TapSettings(lifetime, base.minimumLifetimeMinutes(), base.maximumLifetimeMinutes(), true,
                base.defaultLength()));
    }

    private Step step(String id, MethodConfigurationChange change, Optional<MethodConfiguration> before, String name,
                      String how, String userExperience) {
        boolean replace = change.targets() == Targets.REPLACE;
        String kept = before.map(c -> c.includeTargets().stream().map(PolicyTarget::label).toList()).orElse(List.of())
                .toString();
        String target = change.includeTargets().get(0).label();
        return new Step(id, (replace ? "Turn " + name + " on for " : "Add " + target + " to ") + (replace ? target
                + " only" : name),
                (replace ? name + " is off: it is switched on for " + target + " only (its old targets " + kept
                        + " are replaced, or switching it on would reach them too), "
                        : name + " is on for " + kept + ": " + target + " is added and every existing target kept, ")
                        + how + ". The configuration is read just before the change, and only its state, targets "
                        + "and these settings are sent.",
                "Members of " + target + ": " + userExperience,
                List.of(GraphRequest.of("GET", "/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/"
                                + change.configurationId()),
                        new GraphRequest("PATCH", "/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/"
                                + change.configurationId(), "{\"state\": \"enabled\", \"includeTargets\": "
                                + (replace ? "[" + target + "]" : kept.replace("]", ", " + target + "]"))
                                + (change.selfServiceRegistrationAllowed().isPresent()
                                ? ", \"isSelfServiceRegistrationAllowed\": true" : "")
                                + change.temporaryAccessPass().map(t -> ", \"defaultLifetimeInMinutes\": "
                                + t.defaultLifetimeMinutes() + ", \"isUsableOnce\": " + t.usableOnceOnly()).orElse("")
                                + ", …}")), SetupAccess.METHODS_POLICY,
                Reversibility.reversible("Put the configuration back as it was: the journal keeps the values the "
                        + "change replaced, exactly as Graph returned them."), Risk.MEDIUM, List.of(),
                context -> {
                    MethodConfigurationSnapshot previous = writer.changeMethodConfiguration(change);
                    return StepResult.changed((replace ? "Turned " + name + " on for " + target + " only."
                            : "Added " + target + " to " + name + "."), Map.of("configuration", previous.body()),
                            Map.of("configurationId", change.configurationId(), "includes", target));
                });
    }
}
