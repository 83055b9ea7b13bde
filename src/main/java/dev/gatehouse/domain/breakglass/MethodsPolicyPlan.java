package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.Reversibility;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepAction;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.policy.KeyRestrictions;
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
 * it on would reach them too); one that is on gets the group added unless it already covers it (All users). A FIDO2
 * configuration that covers the group already but forbids self-service registration gets that allowed, nothing else. A
 * TAP configuration others rely on keeps its lifetimes and one-time setting: the passes of the next stage are requested
 * one-time and short one by one anyway. Enforced FIDO2 key restrictions are said as they are, with the key models the
 * admin named that they refuse (issue 10, step 5).
 */
final class MethodsPolicyPlan {

    static final String FIDO2 = "fido2";
    static final String TAP = "temporary-access-pass";
    /** The lifetime a TAP configuration switched on here gets by default: long enough to walk to the safe. */
    static final int SHORT_LIFETIME = 60;
    static final String SELF_SERVICE = "fido2-self-service";
    private static final Reversibility REVERSIBLE = Reversibility.reversible("Put the configuration back as it was: "
            + "the journal keeps the values the change replaced, exactly as Graph returned them.");

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
                    + read.unreadable().getOrDefault(BreakGlassSetupReads.METHODS_POLICY, "it was not read")
                    + ". Nothing was sent.");
        }
        MethodsPolicy policy = read.methodsPolicy().get();
        PolicyTarget target = new PolicyTarget(PolicyTarget.Kind.GROUP, group.get().id(), group.get().displayName());
        List<String> warnings = keyWarnings(policy.keyRestrictions(), start.choices().keyModels());
        List<String> problems = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        Optional<MethodConfiguration> fido2 = policy.configuration(MethodConfigurationChange.FIDO2);
        Optional<Targets> fido2Targets = change(fido2, target, "Passkey (FIDO2)", problems);
        boolean selfServiceOff = policy.fido2().map(f -> !f.selfServiceRegistrationAllowed()).orElse(false);
        if (fido2Targets.isEmpty() && problems.isEmpty() && selfServiceOff) {
            steps.add(selfServiceStep(fido2.orElseThrow(), group.get().displayName()));
        }
        fido2Targets.ifPresent(targets -> steps.add(step(FIDO2,
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

    /**
     * What the FIDO2 key restrictions mean for the set-up, as facts: nothing when they are not enforced; else what
     * they are and where to change them, and first, by name, each key model the admin said they will register that
     * the restrictions refuse.
     */
    static List<String> keyWarnings(KeyRestrictions restrictions, List<String> keyModels) {
        List<String> warnings = new ArrayList<>();
        if (!restrictions.enforced()) {
            return warnings;
        }
        List<String> refused = keyModels.stream().filter(aaGuid -> !restrictions.allows(aaGuid)).toList();
        if (!refused.isEmpty()) {
            warnings.add("The key " + (refused.size() == 1 ? "model you will register, AAGUID " : "models you will "
                    + "register, AAGUIDs ") + String.join(", ", refused) + ", " + (refused.size() == 1 ? "is " : "are ")
                    + BlockedKeys.why(restrictions) + " of the FIDO2 key restrictions: Entra would refuse "
                    + (refused.size() == 1 ? "it" : "them") + " at registration. Before registering, change the "
                    + "restrictions in " + BlockedKeys.WHERE + ", or use keys of an allowed model.");
        }
        warnings.add("The FIDO2 key restrictions are enforced. " + restrictions.summary() + " A key of a refused model "
                + "cannot be registered, nor sign in if it was registered before. Gatehouse checks each emergency "
                + "account's key as it arrives. To change the restrictions: " + BlockedKeys.WHERE + ".");
        return warnings;
    }

    /** FIDO2 already covers the group, but nobody may register a key at My Security Info: allow that, and only that. */
    private Step selfServiceStep(MethodConfiguration fido2, String group) {
        MethodConfigurationChange change = MethodConfigurationChange.fido2SelfServiceRegistration();
        String kept = labels(Optional.of(fido2));
        return new Step(SELF_SERVICE, "Allow self-service registration of passkeys (FIDO2)", "Passkey (FIDO2) is on "
                + "for " + kept + ", which covers " + group + ", but self-service registration is off: nobody can "
                + "register a key at My Security Info, so the emergency accounts could not register theirs. It is "
                + "allowed, a setting of the whole configuration: every user it targets may then register keys there "
                + "themselves. Its state and targets stay as they are. The configuration is read just before the "
                + "change, and only its state, targets and this setting are sent.",
                "Every user Passkey (FIDO2) targets: can register a FIDO2 security key or passkey at "
                        + RegisterStage.MY_SECURITY_INFO + ". Keys already registered work as before.",
                requests(change, "{\"state\": \"enabled\", \"includeTargets\": " + kept
                        + ", \"isSelfServiceRegistrationAllowed\": true, …}"), SetupAccess.METHODS_POLICY,
                REVERSIBLE, Risk.MEDIUM, List.of(), execute(change, "Allowed self-service registration of passkeys "
                        + "(FIDO2).", Map.of("configurationId", change.configurationId(),
                        "isSelfServiceRegistrationAllowed", "true")));
    }

    private Step step(String id, MethodConfigurationChange change, Optional<MethodConfiguration> before, String name,
                      String how, String userExperience) {
        boolean replace = change.targets() == Targets.REPLACE;
        String kept = labels(before);
        String target = change.includeTargets().get(0).label();
        return new Step(id, (replace ? "Turn " + name + " on for " : "Add " + target + " to ") + (replace ? target
                + " only" : name),
                (replace ? name + " is off: it is switched on for " + target + " only (its old targets " + kept
                        + " are replaced, or switching it on would reach them too), "
                        : name + " is on for " + kept + ": " + target + " is added and every existing target kept, ")
                        + how + ". The configuration is read just before the change, and only its state, targets "
                        + "and these settings are sent.",
                "Members of " + target + ": " + userExperience,
                requests(change, "{\"state\": \"enabled\", \"includeTargets\": "
                        + (replace ? "[" + target + "]" : kept.replace("]", ", " + target + "]"))
                        + (change.selfServiceRegistrationAllowed().isPresent()
                        ? ", \"isSelfServiceRegistrationAllowed\": true" : "")
                        + change.temporaryAccessPass().map(t -> ", \"defaultLifetimeInMinutes\": "
                        + t.defaultLifetimeMinutes() + ", \"isUsableOnce\": " + t.usableOnceOnly()).orElse("")
                        + ", …}"), SetupAccess.METHODS_POLICY, REVERSIBLE, Risk.MEDIUM, List.of(),
                execute(change, replace ? "Turned " + name + " on for " + target + " only." : "Added " + target + " to "
                        + name + ".", Map.of("configurationId", change.configurationId(), "includes", target)));
    }

    private static String labels(Optional<MethodConfiguration> configuration) {
        return configuration.map(c -> c.includeTargets().stream().map(PolicyTarget::label).toList()).orElse(List.of())
                .toString();
    }

    /** The configuration read just before the change, then the PATCH (its body abridged as {@code body}). */
    private static List<GraphRequest> requests(MethodConfigurationChange change, String body) {
        String path = "/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/"
                + change.configurationId();
        return List.of(GraphRequest.of("GET", path), new GraphRequest("PATCH", path, body));
    }

    private StepAction execute(MethodConfigurationChange change, String done, Map<String, Object> after) {
        return context -> {
            MethodConfigurationSnapshot previous = writer.changeMethodConfiguration(change);
            return StepResult.changed(done, Map.of("configuration", previous.body()), after);
        };
    }
}
