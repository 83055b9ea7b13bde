package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.policy.KeyRestrictions;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.tenant.LicenceAssignment;
import dev.gatehouse.domain.tenant.RequiredAccess;
import dev.gatehouse.domain.tenant.UserDetail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stage 8, clean up: for every account that has its FIDO2 key, delete its Temporary Access Pass (usable or not), and —
 * unless the admin keeps them ({@link CleanUpChoices}) — every phone, Microsoft Authenticator, software OATH and email
 * method, and its directly assigned licences. An account still without a key keeps its pass: it is its only way to
 * register one. A licence inherited through group-based licensing gets no step (Graph refuses to remove it from the
 * user) but a note naming the group and what to change there, and keeps the stage from being done. The stage is done
 * when every account has a key and nothing but phishing-resistant methods besides its password, and no licence; what
 * the admin chose to keep is named in a warning instead. Run again, it finds nothing and says so.
 */
final class CleanUpStage {

    /**
     * Deleting a method of a Global Administrator: an Authentication Administrator may manage only non-admins'
     * methods (graph-facts §2, §6.1).
     */
    static final RequiredAccess METHODS = RequiredAccess.of("UserAuthenticationMethod.ReadWrite.All",
            "Privileged Authentication Administrator", "Global Administrator");
    /** POST assignLicense (user-assignlicense): licences are not a sensitive property, so these reach admins too. */
    static final RequiredAccess LICENCES = RequiredAccess.of("LicenseAssignment.ReadWrite.All",
            "License Administrator", "User Administrator", "Global Administrator");
    static final String HEALTH_NOTE = "The health view keeps showing it amber or red until it goes.";

    private final CleanUpSteps steps;

    CleanUpStage(CleanUpSteps steps) {
        this.steps = steps;
    }

    private static int order(Step step) {
        String id = step.id();
        return id.startsWith(CleanUpSteps.PASS_PREFIX) ? 0 : id.startsWith(CleanUpSteps.LICENCES_PREFIX) ? 2 : 1;
    }

    BreakGlassSetupProposal propose(BreakGlassSetupRead read, Answers answers, Optional<ProcedureProgress> progress) {
        StageStart start = StageStart.withAccounts(read, answers);
        if (start.refused()) {
            return start.refusal();
        }
        if (read.keyRestrictions().isEmpty()) {
            // a pass beside a key the restrictions may refuse could be the account's last way in
            return BreakGlassSetupProposal.refused(read.whyKeyRestrictionsUnknown() + " Nothing was sent: every pass "
                    + "is kept until Gatehouse can tell whether each account's key may be used.", read.couldNotCheck());
        }
        KeyRestrictions restrictions = read.keyRestrictions().get();
        CleanUpChoices choices = answers.get(CleanUpChoices.ANSWER, CleanUpChoices.class).orElse(CleanUpChoices.CLEAN);
        Set<String> done = progress.map(p -> p.stepIdsDone(BreakGlassSetup.CLEAN_UP)).orElse(Set.of());
        List<String> unknown = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> stuck = new ArrayList<>();
        List<Step> plan = new ArrayList<>();
        for (UserDetail account : start.roster().accounts()) {
            String name = AccountRoster.label(account);
            if (!account.readable(UserDetail.Part.METHODS)) {
                unknown.add(name + "'s methods: " + account.whyUnreadable(UserDetail.Part.METHODS).orElse("not readable"));
                continue;
            }
            List<KeyArrival> keys = KeyArrival.of(account);
            if (keys.isEmpty()) {
                waiting.add(name + " has no FIDO2 key yet, so its pass is kept: it is the account's only way to "
                        + "register one");
                continue;
            }
            // the restrictions may have changed since the register stage: a refused key is no way in
            if (keys.stream().allMatch(key -> key.refusedBy(restrictions))) {
                waiting.add(name + " has only keys the FIDO2 key restrictions refuse, so its pass is kept: it is the "
                        + "account's only way to register a key of an allowed model");
                continue;
            }
            String keyName = keys.get(0).model();
            for (AuthMethod method : account.methods()) {
                if (method.type() == MethodType.TEMPORARY_ACCESS_PASS) {
                    plan.add(steps.deletePass(account, method, keyName));
                } else if (leftover(method) && method.type().deletableInV1()) {
                    if (choices.keepOtherMethods()) {
                        kept.add(name + " keeps its " + method.type().label() + describe(method)
                                + ", as you chose: it is not phishing-resistant, and Microsoft advises that no "
                                + "emergency-access method be tied to a person. " + HEALTH_NOTE);
                    } else {
                        plan.add(steps.deleteMethod(account, method, keyName));
                    }
                } else if (leftover(method)) {
                    stuck.add(name + " has a " + method.type().label() + describe(method) + " that Graph v1.0 cannot "
                            + "delete: remove it in the Entra admin center (Users > the account > Authentication "
                            + "methods)");
                }
            }
            Optional<List<LicenceAssignment>> licences = licences(read, account);
            if (licences.isEmpty()) {
                unknown.add(name + "'s licences: " + whyLicencesUnknown(read, account));
            } else if (!licences.get().isEmpty()) {
                List<String> direct = InheritedLicences.directSkuIds(licences.get());
                if (choices.keepLicences()) {
                    List<String> all = licences.get().stream().map(LicenceAssignment::skuId).distinct().toList();
                    kept.add(name + " keeps its licence" + (all.size() == 1 ? " " : "s ") + String.join(", ", all)
                            + ", as you chose: an emergency-access account needs none. " + HEALTH_NOTE);
                } else {
                    if (!direct.isEmpty()) {
                        plan.add(steps.removeLicences(account, direct));
                    }
                    InheritedLicences.byGroup(licences.get(), emergencyGroupId(read)).forEach(clause -> stuck.add(
                            name + " has the licence " + clause + "; " + InheritedLicences.CANNOT_REMOVE));
                }
            }
        }
        if (!unknown.isEmpty()) {
            return BreakGlassSetupProposal.refused("Could not check " + String.join("; ", unknown) + ". Nothing was "
                    + "sent.", read.couldNotCheck());
        }
        // every pass first, then the other methods, then licences: a later step that Graph refuses (a licence that
        // came through a group since this read cannot be removed from the user) stops the plan, and must never leave
        // a pass behind
        List<Step> toRun = plan.stream().filter(step -> !done.contains(step.id()))
                .sorted(java.util.Comparator.comparingInt(CleanUpStage::order)).toList();
        List<String> warnings = new ArrayList<>(kept);
        warnings.addAll(stuck);
        waiting.forEach(w -> warnings.add(w + "."));
        if (toRun.isEmpty()) {
            if (!waiting.isEmpty() || !stuck.isEmpty()) {
                return BreakGlassSetupProposal.refused("Not clean yet: " + String.join("; ", waiting.isEmpty()
                        ? stuck : waiting) + ". Nothing else to delete.", warnings);
            }
            return BreakGlassSetupProposal.nothingToDo(kept.isEmpty() ? "Clean: every emergency-access account has "
                    + "its FIDO2 key and nothing but phishing-resistant methods besides its password, and no "
                    + "licence." : "Nothing to delete: every emergency-access account has its FIDO2 key; what is "
                    + "left was kept as you chose.", warnings);
        }
        Optional<String> refusal = access(read, toRun);
        if (refusal.isPresent()) {
            return BreakGlassSetupProposal.refused(refusal.get(), warnings);
        }
        return BreakGlassSetupProposal.planned(new Plan("Clean up the emergency-access accounts", toRun.size() == 1
                ? "1 change" : toRun.size() + " changes", "tenant", toRun, List.of()), "Now that the accounts have "
                + "their keys, removes what an emergency-access account should not keep: the one-time passes used to "
                + "register the keys, methods tied to a person (a phone, an app on someone's phone, an email address) "
                + "and licences. Each account keeps its FIDO2 key and its password.", warnings);
    }

    /** Not phishing-resistant and not the password, the pass, or a method only a beta API knows. */
    private static boolean leftover(AuthMethod method) {
        MethodType type = method.type();
        return !type.phishingResistant() && type != MethodType.PASSWORD && type != MethodType.TEMPORARY_ACCESS_PASS;
    }

    static String describe(AuthMethod method) {
        return method.summary().isBlank() ? "" : " (" + method.summary() + ")";
    }

    /** The account's licences and where each comes from, as the health read found them; empty when unknown. */
    private static Optional<List<LicenceAssignment>> licences(BreakGlassSetupRead read, UserDetail account) {
        return facts(read, account).flatMap(f -> f.licences().value());
    }

    private static Optional<String> emergencyGroupId(BreakGlassSetupRead read) {
        return read.health().flatMap(h -> h.group().value()).map(g -> g.group().id());
    }

    private static String whyLicencesUnknown(BreakGlassSetupRead read, UserDetail account) {
        return facts(read, account).map(f -> f.licences().whyUnknown())
                .orElse("they were not read (no emergency-access group is chosen, or the account is not in it)");
    }

    private static Optional<AccountFacts> facts(BreakGlassSetupRead read, UserDetail account) {
        return read.health().flatMap(h -> h.accounts().stream()
                .filter(a -> a.id().equalsIgnoreCase(account.profile().id())).findFirst());
    }

    /** The first role the admin lacks for a step of the plan, as a refusal before anything is sent. */
    private static Optional<String> access(BreakGlassSetupRead read, List<Step> plan) {
        if (plan.stream().anyMatch(s -> s.access() == METHODS)) {
            Optional<String> refusal = SetupAccess.refusal(read.admin(), METHODS, "Deleting a Global "
                    + "Administrator's authentication methods");
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        if (plan.stream().anyMatch(s -> s.access() == LICENCES)) {
            return SetupAccess.refusal(read.admin(), LICENCES, "Removing licences");
        }
        return Optional.empty();
    }
}
