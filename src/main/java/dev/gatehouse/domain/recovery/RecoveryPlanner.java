package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.policy.TapSettings;
import dev.gatehouse.domain.recovery.Proposal.Status;
import dev.gatehouse.domain.signin.UserSnapshot;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantWriter;
import dev.gatehouse.domain.tenant.TenantWriter.TapRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a recovery button into a {@link Proposal} for one user: the guardrail first, then the plan with every
 * step explained, or the honest reason there is none. Nothing is sent while planning; the writer is only used
 * by the plan's steps once the admin has confirmed.
 */
public final class RecoveryPlanner {

    private final TenantWriter writer;
    private final PasswordGenerator passwords;
    private final TenantDirectory readBack;

    /** Single actions fix one thing; an account with methods an attacker may have added needs them all. */
    private static final String PLAYBOOK_INSTEAD = "If the account may be compromised, use the compromised-account "
            + "playbook instead: ";

    public RecoveryPlanner(TenantWriter writer) {
        this(writer, new PasswordGenerator());
    }

    public RecoveryPlanner(TenantWriter writer, PasswordGenerator passwords) {
        this(writer, passwords, null);
    }

    /** @param readBack reads whether a step stopped mid-way took effect; null for none (plans then say "may or may not") */
    public RecoveryPlanner(TenantWriter writer, PasswordGenerator passwords, TenantDirectory readBack) {
        this.writer = writer;
        this.passwords = passwords;
        this.readBack = readBack;
    }

    public Proposal propose(RecoveryContext context, RecoveryRequest request) {
        RecoveryAction action = request.action();
        if (action == RecoveryAction.REVOKE_MFA_SESSIONS) {
            return revokeMfaSessions(context);
        }
        AccessCheck check = Guardrails.check(action, context);
        if (!check.allowed()) {
            return Proposal.without(action, Status.REFUSED, check.refusal().orElseThrow(), check.warnings(),
                    context.snapshot());
        }
        RecoverySteps steps = new RecoverySteps(writer, readBack, context, passwords);
        if (request instanceof RecoveryRequest.ResetPassword r) {
            return resetPassword(context, steps, check, r);
        }
        if (request instanceof RecoveryRequest.RequireReregister r) {
            return requireReregister(context, steps, check, r);
        }
        if (request instanceof RecoveryRequest.IssueTap r) {
            return issueTap(context, steps, check, r);
        }
        if (request instanceof RecoveryRequest.DeleteMethod r) {
            return deleteMethod(context, steps, check, r);
        }
        return switch (action) {
            case REVOKE_SESSIONS -> revokeSessions(context, steps, check);
            case DISABLE -> accountState(context, steps, check, false);
            case ENABLE -> accountState(context, steps, check, true);
            default -> throw new IllegalArgumentException("Unhandled request " + request);
        };
    }

    /** Graph has no API for it (graph-facts §7); saying so, and naming the nearest honest alternative, is the feature. */
    private static Proposal revokeMfaSessions(RecoveryContext context) {
        String message = "Microsoft Graph has no API for \"Revoke MFA sessions\", so Gatehouse cannot do it. "
                + "In the Entra portal the button clears " + context.targetName() + "'s remembered MFA: on devices "
                + "where they chose \"Don't ask again for X days\" (the legacy \"remember MFA on trusted devices\" "
                + "setting) they must do MFA again the next time a policy asks for it. It does not sign them out of "
                + "browser sessions, does not remove any method and does not ask them to re-register. "
                + "The nearest honest alternative is \"Revoke sign-in sessions\", which is broader and different: it "
                + "invalidates every refresh token and session cookie, so they must sign in again everywhere "
                + "(with MFA where policy requires it). To press the real button, use the Entra admin center: "
                + "Users > " + context.targetName() + " > Authentication methods > Revoke MFA sessions.";
        return Proposal.without(RecoveryAction.REVOKE_MFA_SESSIONS, Status.NO_API, message, List.of(),
                context.snapshot()).withAlternative(RecoveryAction.REVOKE_SESSIONS);
    }

    private Proposal resetPassword(RecoveryContext context, RecoverySteps steps, AccessCheck check,
                                   RecoveryRequest.ResetPassword request) {
        List<String> warnings = new ArrayList<>(check.warnings());
        if (context.signsInWithoutPassword()) {
            warnings.add(context.targetName() + " signs in without a password (passkey or Windows Hello). A reset "
                    + "does not change how they sign in and replaces a password they do not use; their passkey and "
                    + "Windows Hello sessions may stay signed in. To end their sessions, use \"Revoke sign-in "
                    + "sessions\", which needs no secret to hand over.");
        }
        List<AuthMethod> suspects = context.suspectMethods();
        if (!suspects.isEmpty()) {
            boolean passMfa = suspects.stream().anyMatch(m -> m.type().satisfiesMfa());
            warnings.add(recentlyAdded(context, suspects) + "A password reset leaves them in place" + (passMfa
                    ? ", so whoever registered them still passes MFA with them" : "") + ". " + PLAYBOOK_INSTEAD
                    + "it also deletes the methods you mark as not theirs and requires re-registration.");
        }
        Plan plan = plan(context, "Reset password", List.of(steps.resetPassword("reset-password")), warnings);
        UserSnapshot before = context.snapshot();
        UserSnapshot after = before.withProfile(before.profile().withPasswordChangedAt(context.now()))
                .withMustChangePassword(true);
        Proposal proposal = Proposal.ready(RecoveryAction.RESET_PASSWORD, "A new temporary password, shown to you "
                + "once" + (request.twoParts() ? " in two parts for two people" : "") + ".", plan, warnings, before,
                after).inTwoParts(request.twoParts());
        return suspects.isEmpty() ? proposal : proposal.withAlternative(RecoveryAction.RECOVER);
    }

    /** "Alex Wilber has methods added in the last 7 days that may not be theirs: …. ". */
    private static String recentlyAdded(RecoveryContext context, List<AuthMethod> suspects) {
        long days = context.recentWindow().toDays();
        return context.targetName() + " has " + (suspects.size() == 1 ? "a method" : "methods") + " added in the "
                + "last " + days + (days == 1 ? " day" : " days") + " that may not be theirs: "
                + RecoverySteps.describe(suspects) + ". ";
    }

    private Proposal requireReregister(RecoveryContext context, RecoverySteps steps, AccessCheck check,
                                       RecoveryRequest.RequireReregister request) {
        ReRegistration split = ReRegistration.of(context.methods());
        List<String> warnings = new ArrayList<>(check.warnings());
        warnings.add(ReRegistration.HARDWARE_OATH_NOTE);
        List<AuthMethod> stillSignIn = split.keptSignInMethods();
        if (!stillSignIn.isEmpty()) {
            warnings.add(context.targetName() + " will NOT be forced to re-register: "
                    + RecoverySteps.describe(stillSignIn) + (stillSignIn.size() == 1 ? " keeps" : " keep")
                    + " working and satisfy MFA on their own. To send them to register anyway, add "
                    + "\"Issue a Temporary Access Pass\" (or delete those too).");
        }
        List<Step> planSteps = new ArrayList<>();
        UserSnapshot before = context.snapshot();
        UserSnapshot after = before;
        if (!split.deleted().isEmpty()) {
            boolean mfaLeft = split.kept().stream().anyMatch(m -> m.type().satisfiesMfa());
            String experience = mfaLeft
                    ? "Signs in with what remains (" + RecoverySteps.describe(split.kept().stream()
                            .filter(m -> m.type().satisfiesMfa()).toList()) + "); not asked to register."
                    : "At the next sign-in that needs MFA, after the password, they are asked to register a method "
                            + "(e.g. Microsoft Authenticator) before they can continue. Their current sessions are "
                            + "not ended by this.";
            planSteps.add(steps.deleteMethods("delete-mfa-methods", "Delete phone, Authenticator and OATH methods",
                    split.deleted(), split.kept(), mfaLeft ? Risk.MEDIUM : Risk.HIGH, List.of(), experience,
                    RecoveryAction.REQUIRE_REREGISTER));
            after = after.without(m -> split.deleted().contains(m));
        }
        if (request.issueTap()) {
            Optional<TapRequest> tap = defaultTap(context);
            List<String> refusals = new ArrayList<>();
            tapBlockers(context, refusals);
            if (tap.isPresent() && refusals.isEmpty()) {
                planSteps.add(steps.issueTap("issue-tap", tap.get(), List.of()));
                after = after.withMethods(withTap(after.methods(), context, tap.get()));
            } else {
                warnings.add("A Temporary Access Pass cannot be added: " + String.join(" ", refusals));
            }
        }
        if (planSteps.isEmpty()) {
            Proposal none = Proposal.without(RecoveryAction.REQUIRE_REREGISTER, Status.NOTHING_TO_DO,
                    context.targetName() + " has no phone, Microsoft Authenticator or software OATH method, so "
                            + "\"Require re-register MFA\" would delete nothing.", warnings, before);
            return stillSignIn.isEmpty() ? none : none.offeringTap();
        }
        List<AuthMethod> suspects = context.suspectMethods();
        if (!suspects.isEmpty()) {
            warnings.add(recentlyAdded(context, suspects) + "Require re-register MFA leaves the password, so whoever "
                    + "knows it can sign in and register methods of their own again. " + PLAYBOOK_INSTEAD
                    + "it also disables the account, ends its sessions and resets the password.");
        }
        Plan plan = plan(context, "Require re-register MFA", planSteps, warnings);
        Proposal proposal = Proposal.ready(RecoveryAction.REQUIRE_REREGISTER,
                "Emulates the portal's \"Require re-register MFA\": Graph has no single call for it, so Gatehouse "
                        + "deletes the methods the portal deletes, one request each.", plan, warnings, before, after);
        proposal = suspects.isEmpty() ? proposal : proposal.withAlternative(RecoveryAction.RECOVER);
        return !stillSignIn.isEmpty() && !request.issueTap() ? proposal.offeringTap() : proposal;
    }

    private Proposal revokeSessions(RecoveryContext context, RecoverySteps steps, AccessCheck check) {
        Plan plan = plan(context, "Revoke sign-in sessions", List.of(steps.revokeSessions("revoke-sessions")),
                check.warnings());
        UserSnapshot before = context.snapshot();
        UserSnapshot after = before.withProfile(before.profile().withSignInSessionsValidFrom(context.now()));
        return Proposal.ready(RecoveryAction.REVOKE_SESSIONS, "Ends every session " + context.targetName()
                + " has.", plan, check.warnings(), before, after);
    }

    private Proposal issueTap(RecoveryContext context, RecoverySteps steps, AccessCheck check,
                              RecoveryRequest.IssueTap request) {
        List<String> warnings = new ArrayList<>(check.warnings());
        List<String> refusals = new ArrayList<>();
        tapBlockers(context, refusals);
        Optional<TapSettings> limits = context.methodsPolicy().flatMap(MethodsPolicy::temporaryAccessPass);
        int lifetime = request.lifetimeMinutes().orElse(limits.map(TapSettings::defaultLifetimeMinutes).orElse(60));
        tapWithinPolicy(context, new TapRequest(lifetime, !request.multiUse()), refusals, warnings);
        if (!refusals.isEmpty()) {
            return Proposal.without(RecoveryAction.ISSUE_TAP, Status.REFUSED, String.join(" ", refusals), warnings,
                    context.snapshot());
        }
        tapTargetingUnknown(context).ifPresent(warnings::add);
        context.methods().stream().filter(m -> m.type() == MethodType.TEMPORARY_ACCESS_PASS).findFirst()
                .ifPresent(existing -> warnings.add("Replaces the pass " + context.targetName() + " has now ("
                        + existing.summary() + "): a user can hold only one."));
        warnings.add("A Temporary Access Pass removes no method: anything an attacker registered keeps working. "
                + "For a compromised account use \"Require re-register MFA\" or the compromised-account playbook.");
        TapRequest tap = new TapRequest(lifetime, !request.multiUse());
        Plan plan = plan(context, "Issue Temporary Access Pass", List.of(steps.issueTap("issue-tap", tap, List.of())),
                warnings);
        UserSnapshot before = context.snapshot();
        UserSnapshot after = before.withMethods(withTap(before.methods(), context, tap));
        Proposal proposal = Proposal.ready(RecoveryAction.ISSUE_TAP, "A pass shown to you once, with its expiry.",
                plan, warnings, before, after);
        return context.suspectMethods().isEmpty() ? proposal : proposal.withAlternative(RecoveryAction.RECOVER);
    }

    private Proposal deleteMethod(RecoveryContext context, RecoverySteps steps, AccessCheck check,
                                  RecoveryRequest.DeleteMethod request) {
        UserSnapshot before = context.snapshot();
        Optional<AuthMethod> found = context.method(request.methodId());
        if (found.isEmpty()) {
            return Proposal.without(RecoveryAction.DELETE_METHOD, Status.REFUSED, context.targetName()
                    + " has no method with id '" + request.methodId() + "'. List their methods to see the ids.",
                    check.warnings(), before);
        }
        AuthMethod method = found.get();
        if (method.type() == MethodType.PASSWORD) {
            return Proposal.without(RecoveryAction.DELETE_METHOD, Status.REFUSED, "The password method cannot be "
                    + "deleted; use \"Reset password\" to replace the password.", check.warnings(), before);
        }
        if (!method.type().deletableInV1()) {
            return Proposal.without(RecoveryAction.DELETE_METHOD, Status.REFUSED, "Graph v1.0 has no way to delete "
                    + "a " + method.type().label() + " method; use the Entra admin center.", check.warnings(), before);
        }
        List<String> warnings = new ArrayList<>(check.warnings());
        List<AuthMethod> rest = context.methods().stream().filter(m -> m != method).toList();
        Risk risk = Risk.MEDIUM;
        if (method.type().phishingResistant() && rest.stream().noneMatch(m -> m.type().phishingResistant())) {
            warnings.add("LAST PHISHING-RESISTANT METHOD: after this " + context.targetName() + " has no passkey, "
                    + "Windows Hello or platform credential. Policies that require phishing-resistant MFA will block "
                    + "them until they register one (with a Temporary Access Pass).");
            risk = Risk.HIGH;
        }
        if (method.type().satisfiesMfa() && rest.stream().noneMatch(m -> m.type().satisfiesMfa())) {
            warnings.add("LAST MFA METHOD: after this " + context.targetName() + " has no way to complete MFA. "
                    + "At the next sign-in that needs MFA they are asked to register (anyone who knows the password "
                    + "could then register their own method), or blocked where policy requires a strength they "
                    + "cannot meet.");
            risk = Risk.HIGH;
        }
        if (context.recent(method)) {
            warnings.add("Registered recently, " + context.registration(method).explanation() + ": if "
                    + context.targetName() + " did not add it, treat the account as compromised and use the playbook "
                    + "instead.");
        }
        boolean mfaLeft = rest.stream().anyMatch(m -> m.type().satisfiesMfa());
        String experience = "Can no longer use " + RecoverySteps.describe(method) + (mfaLeft
                ? "; signs in with " + RecoverySteps.describe(rest.stream().filter(m -> m.type().satisfiesMfa())
                .toList()) + "." : "; has no MFA method left.");
        Step step = steps.deleteMethods("delete-method", "Delete " + method.type().label(), List.of(method), rest,
                risk, List.of(), experience, RecoveryAction.DELETE_METHOD);
        Plan plan = plan(context, "Delete " + method.type().label(), List.of(step), warnings);
        return Proposal.ready(RecoveryAction.DELETE_METHOD, "Deletes one method.", plan, warnings, before,
                before.without(m -> m == method));
    }

    private Proposal accountState(RecoveryContext context, RecoverySteps steps, AccessCheck check, boolean enable) {
        RecoveryAction action = enable ? RecoveryAction.ENABLE : RecoveryAction.DISABLE;
        UserSnapshot before = context.snapshot();
        if (context.profile().accountEnabled() == enable) {
            return Proposal.without(action, Status.NOTHING_TO_DO, context.targetName() + "'s account is already "
                    + (enable ? "enabled" : "disabled") + ".", check.warnings(), before);
        }
        List<String> warnings = new ArrayList<>(check.warnings());
        if (!enable) {
            warnings.add("Disabling blocks new sign-ins but does not recall tokens already issued; add \"Revoke "
                    + "sign-in sessions\" (the compromised-account playbook does both) to end them too.");
        }
        Step step = enable ? steps.enable("enable", ".") : steps.disable("disable");
        Plan plan = plan(context, action.label(), List.of(step), warnings);
        return Proposal.ready(action, enable ? "Allows sign-in again." : "Blocks sign-in.", plan, warnings, before,
                before.withProfile(before.profile().withAccountEnabled(enable)));
    }

    /** Reasons the tenant's TAP policy will refuse a pass for this user, added to {@code refusals}. */
    static void tapBlockers(RecoveryContext context, List<String> refusals) {
        if (context.profile().isGuest()) {
            refusals.add("A Temporary Access Pass does not work for guest users.");
            return;
        }
        // without the user's groups, "not a member of the TAP group" would be a guess: leave that to Entra
        boolean groupsKnown = !context.unreadable().containsKey(RecoveryContext.GROUPS);
        context.methodsPolicy().ifPresent(policy -> EffectiveMethodsPolicy.compute(policy, context.targetId(), context.groups())
                .row(MethodsPolicy.TEMPORARY_ACCESS_PASS)
                .filter(row -> !row.enabledForUser())
                .filter(row -> groupsKnown || policy.configuration(MethodsPolicy.TEMPORARY_ACCESS_PASS)
                        .map(c -> !c.enabled()).orElse(true))
                .ifPresent(row -> refusals.add("The tenant's Temporary Access Pass policy does not allow it for "
                        + context.targetName() + ": " + row.reason() + " An Authentication Policy Administrator "
                        + "can change that under Authentication methods > Temporary Access Pass.")));
    }

    /** Said with any TAP step when the policy's targeting could not be checked against the user's groups. */
    static Optional<String> tapTargetingUnknown(RecoveryContext context) {
        if (!context.unreadable().containsKey(RecoveryContext.GROUPS)) {
            return Optional.empty();
        }
        return Optional.of("The user's group memberships could not be read (" + context.unreadable()
                .get(RecoveryContext.GROUPS) + "), so Gatehouse cannot tell whether the Temporary Access Pass policy "
                + "targets them; Entra refuses the pass if it does not.");
    }

    /**
     * Refuses a pass the tenant's TAP policy would not allow (its lifetime range, one-time only), so that nothing is
     * sent that Entra would reject; when the policy could not be read, Entra's own range applies and a warning says
     * the limits are unknown.
     */
    static void tapWithinPolicy(RecoveryContext context, TapRequest tap, List<String> refusals, List<String> warnings) {
        Optional<TapSettings> limits = context.methodsPolicy().flatMap(MethodsPolicy::temporaryAccessPass);
        int lifetime = tap.lifetimeMinutes();
        if (limits.isPresent()) {
            TapSettings l = limits.get();
            if (!l.allowsLifetime(lifetime)) {
                refusals.add("A lifetime of " + lifetime + " minutes is outside this tenant's TAP policy: "
                        + l.minimumLifetimeMinutes() + "–" + l.maximumLifetimeMinutes() + " minutes (default "
                        + l.defaultLifetimeMinutes() + ").");
            }
            if (!tap.usableOnce() && l.usableOnceOnly()) {
                refusals.add("This tenant's TAP policy allows one-time passes only.");
            }
        } else if (lifetime < 10 || lifetime > 43200) {
            refusals.add("A lifetime of " + lifetime + " minutes is outside what Entra accepts: 10–43200 minutes.");
        } else {
            warnings.add("The TAP policy could not be read, so its limits are unknown: Entra refuses a lifetime "
                    + "outside them.");
        }
    }

    static Optional<TapRequest> defaultTap(RecoveryContext context) {
        Optional<TapSettings> limits = context.methodsPolicy().flatMap(MethodsPolicy::temporaryAccessPass);
        return Optional.of(new TapRequest(limits.map(TapSettings::defaultLifetimeMinutes).orElse(60), true));
    }

    /** The methods after issuing {@code tap}: the old pass replaced by a usable new one. */
    static List<AuthMethod> withTap(List<AuthMethod> methods, RecoveryContext context, TapRequest tap) {
        List<AuthMethod> result = new ArrayList<>(methods.stream()
                .filter(m -> m.type() != MethodType.TEMPORARY_ACCESS_PASS).toList());
        result.add(new AuthMethod("planned-temporary-access-pass", MethodType.TEMPORARY_ACCESS_PASS,
                "Usable, " + (tap.usableOnce() ? "one-time" : "multi-use"), context.now(), java.util.Map.of(),
                new dev.gatehouse.domain.method.TapState(context.now(), tap.lifetimeMinutes(), tap.usableOnce(), true,
                        "EnabledByPolicy")));
        return result;
    }

    static Plan plan(RecoveryContext context, String title, List<Step> steps, List<String> warnings) {
        return new Plan(title, context.targetLabel(), context.targetId(), steps, warnings);
    }
}
