package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.method.TapState;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.policy.MethodConfiguration;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.policy.TapSettings;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.tap.TapIssue;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantWriter;
import dev.gatehouse.domain.tenant.TenantWriter.TapRequest;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.text.Moments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stage 6, the passes: one one-time, short Temporary Access Pass for each account without a FIDO2 key, to sign in
 * once and register the key. An account with a key needs none. A usable pass an account already holds is never
 * replaced unasked (whoever holds its code may be about to use it): the stage says when it was issued and when it
 * expires, and replaces it only when asked ({@link SetupChoices#newPass()}). Each code is the step's secret, shown once
 * ({@link TapIssue}), never journaled or saved; a step done earlier in this run is not repeated unless a new pass is
 * asked for (the run goes on to the keys, and a one-time pass used up without a key registered must be replaceable).
 */
final class TapPlan {

    static final String STEP_PREFIX = "tap-";
    static final String WINDOW = "Each pass is one-time: signing in with it at https://aka.ms/mysecurityinfo opens a "
            + "10-minute window to register the account's FIDO2 key. Have the key, and the account's "
            + "sign-in name, at hand before you use it; one distinct key per account.";

    private final TenantWriter writer;
    private final TenantDirectory readBack;

    TapPlan(TenantWriter writer, TenantDirectory readBack) {
        this.writer = writer;
        this.readBack = readBack;
    }

    BreakGlassSetupProposal propose(BreakGlassSetupRead read, Answers answers, Optional<ProcedureProgress> progress) {
        StageStart start = StageStart.withAccounts(read, answers);
        if (start.refused()) {
            return start.refusal();
        }
        SetupChoices choices = start.choices();
        AccountRoster roster = start.roster();
        Optional<GroupRef> group = read.group().filter(GroupRef::roleAssignable);
        if (group.isEmpty()) {
            return BreakGlassSetupProposal.refused("The emergency-access group is not in place yet: run the group "
                    + "stage first.", read.couldNotCheck());
        }
        Optional<TapSettings> settings = read.methodsPolicy().flatMap(MethodsPolicy::temporaryAccessPass);
        Optional<MethodConfiguration> configuration = read.methodsPolicy()
                .flatMap(p -> p.configuration(MethodsPolicy.TEMPORARY_ACCESS_PASS));
        if (settings.isEmpty() || configuration.isEmpty()) {
            return BreakGlassSetupProposal.refused("Could not check the tenant's Temporary Access Pass settings, so no "
                    + "lifetime can be checked against them. " + String.join(" ", read.couldNotCheck()));
        }
        TapSettings policy = settings.get();
        // short by default, whatever default others' passes have: a Global Administrator's pass should not outlive the sitting
        int lifetime = choices.tapLifetimeMinutes().orElse(Math.max(policy.minimumLifetimeMinutes(),
                Math.min(MethodsPolicyPlan.SHORT_LIFETIME, policy.maximumLifetimeMinutes())));
        if (!policy.allowsLifetime(lifetime)) {
            return BreakGlassSetupProposal.refused("A lifetime of " + TapIssue.minutes(lifetime) + " is outside the "
                    + "tenant's Temporary Access Pass policy, which allows " + TapIssue.minutes(
                    policy.minimumLifetimeMinutes()) + " to " + TapIssue.minutes(policy.maximumLifetimeMinutes())
                    + ". Choose a lifetime in that range (--lifetime); Graph would refuse the passes otherwise.");
        }
        Set<String> done = progress.map(p -> p.stepIdsDone(BreakGlassSetup.TAP)).orElse(Set.of());
        List<String> notes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<UserDetail> needing = new ArrayList<>();
        for (UserDetail account : roster.accounts()) {
            String name = AccountRoster.label(account);
            if (!account.readable(UserDetail.Part.METHODS)) {
                unknown.add(name + ": " + account.whyUnreadable(UserDetail.Part.METHODS).orElse("not readable"));
            } else if (done.contains(STEP_PREFIX + account.profile().id()) && !choices.newPass()) {
                notes.add(name + " was given a pass earlier in this run.");
            } else if (account.methods().stream().anyMatch(m -> m.type() == MethodType.FIDO2)) {
                continue; // a key is what the pass is for
            } else {
                Optional<AuthMethod> usable = usablePass(account, read.now());
                if (usable.isPresent() && !choices.newPass()) {
                    notes.add(held(name, usable.get()));
                } else {
                    needing.add(account);
                }
            }
        }
        if (!unknown.isEmpty()) {
            return BreakGlassSetupProposal.refused("Could not check the accounts' methods: " + String.join("; ", unknown)
                    + ". Nothing was sent.", notes);
        }
        Set<String> groupIds = Set.of(group.get().id());
        if (!needing.isEmpty() && !needing.stream().allMatch(a -> configuration.get().appliesTo(a.profile().id(),
                groupIds))) {
            return BreakGlassSetupProposal.refused("The Temporary Access Pass is not on for " + group.get()
                    .displayName() + ": run the methods policy stage first, or Graph refuses every pass.", notes);
        }
        if (needing.isEmpty()) {
            return BreakGlassSetupProposal.nothingToDo(notes.isEmpty() ? "Every emergency-access account has a FIDO2 "
                    + "key: no pass is needed." : "No pass to issue. " + String.join(" ", notes), List.of());
        }
        Optional<String> refusal = SetupAccess.refusal(read.admin(), SetupAccess.TAP, "Issuing a Temporary Access "
                + "Pass to a Global Administrator");
        if (refusal.isPresent()) {
            return BreakGlassSetupProposal.refused(refusal.get(), notes);
        }
        TapRequest request = new TapRequest(lifetime, true);
        List<Step> steps = needing.stream().map(account -> step(account, request)).toList();
        List<String> warnings = new ArrayList<>(List.of(WINDOW, "Each code is shown once, as its pass is issued, and is "
                + "never written to the journal or the saved run."));
        warnings.addAll(notes);
        return BreakGlassSetupProposal.planned(new Plan("Issue one-time Temporary Access Passes to the "
                + "emergency-access accounts", steps.size() == 1 ? "1 account" : steps.size() + " accounts", "tenant",
                steps, List.of()), "Issues a one-time Temporary Access Pass valid for " + TapIssue.minutes(lifetime)
                + " to " + AccountRoster.labels(needing) + ", which " + (needing.size() == 1 ? "has" : "have")
                + " no FIDO2 key yet.", warnings);
    }

    private Step step(UserDetail account, TapRequest request) {
        String userId = account.profile().id();
        Set<String> before = account.methods().stream().map(AuthMethod::id).collect(Collectors.toSet());
        boolean holds = account.methods().stream().anyMatch(m -> m.type() == MethodType.TEMPORARY_ACCESS_PASS);
        return TapIssue.step(STEP_PREFIX + userId, "Issue a one-time Temporary Access Pass to "
                        + AccountRoster.label(account), new TapIssue.Target(userId, AccountRoster.label(account), before,
                        Optional.of(holds)), request, SetupAccess.TAP, List.of(), writer, readBack);
    }

    /** The account's pass that can still be used, if any. */
    static Optional<AuthMethod> usablePass(UserDetail account, Instant now) {
        return account.methods().stream().filter(m -> m.type() == MethodType.TEMPORARY_ACCESS_PASS)
                .filter(m -> m.tap() != null && m.tap().usable()
                        && (m.tap().expires() == null || m.tap().expires().isAfter(now)))
                .findFirst();
    }

    private static String held(String name, AuthMethod pass) {
        TapState state = pass.tap();
        return name + " already holds a usable pass" + (pass.created() == null ? "" : ", issued "
                + Moments.of(pass.created())) + (state.expires() == null ? "" : ", expiring " + Moments.of(state
                .expires())) + (state.usableOnce() ? " (one-time)" : " (multi-use)") + ": it is not replaced unasked, "
                + "since whoever holds its code may be about to use it. To replace it deliberately, run the set-up "
                + "again asking for a new pass (--new-pass).";
    }
}
