package dev.gatehouse.domain.signin;

import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.signin.SignInVerdict.Outcome;
import dev.gatehouse.domain.text.Moments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Answers "what will this user experience?" for a situation, from the user's account, methods and sessions, the
 * tenant's authentication methods policy and its Conditional Access policies (seed 003, graph-facts §6.2, §7, §10).
 * Checked in this order: the account; the session being continued; whether the method can be used at all; then
 * every enabled policy that reaches the user and the target, each of which must be met.
 *
 * <p>Stated assumptions, repeated in the reasons where they decide a verdict:</p>
 * <ul>
 *     <li>The registration interrupt happens when an enabled policy needs MFA (the {@code mfa} control, or a
 *     strength with a password + second factor combination) for a user who signed in with the password and has no
 *     usable MFA method left. Security defaults, the Identity Protection registration policy and registration
 *     campaigns are not read, so without such a policy the user is not prompted.</li>
 *     <li>Registering in that interrupt is itself the action Register security information: its enabled
 *     policies must be met by the password alone on this device, or the user is stuck.</li>
 *     <li>A sign-in to Register security information is never interrupted to register: a policy there that the
 *     method does not meet blocks it.</li>
 *     <li>Report-only policies are never enforced; for user actions they are not even evaluated (§0.6).</li>
 *     <li>Grant controls other than {@code mfa}, {@code compliantDevice}, {@code block} and authentication
 *     strength, and conditions other than users and resources (locations, platforms, risk), are not simulated.</li>
 * </ul>
 */
public final class SignInSimulator {

    /** A method the registration interrupt can register: its methods-policy configuration and strength factor. */
    private record Registrable(String configurationId, String factor, String label) {
        /** The password plus this method once registered, which then counts as the sign-in's MFA. */
        Presented withPassword() {
            return new Presented("password," + factor, true, "the password + a newly registered " + label);
        }
    }

    private static final List<Registrable> INTERRUPT_REGISTRABLE = List.of(
            new Registrable("MicrosoftAuthenticator", "microsoftAuthenticatorPush", "Microsoft Authenticator"),
            new Registrable("Sms", "sms", "a phone (SMS)"),
            new Registrable("Voice", "voice", "a phone (voice call)"),
            new Registrable("SoftwareOath", "softwareOath", "a software OATH token"));

    private final List<ConditionalAccessPolicy> policies;
    private final MethodCheck methods;
    private final Instant now;

    public SignInSimulator(List<ConditionalAccessPolicy> policies, Optional<MethodsPolicy> methodsPolicy, Instant now) {
        this.policies = List.copyOf(policies);
        this.methods = new MethodCheck(methodsPolicy == null ? Optional.empty() : methodsPolicy, now);
        this.now = Objects.requireNonNull(now, "now");
    }

    /**
     * Whether the user can sign in this way as named: false for "password + X" when they cannot use X (no phone
     * to text, no push), where the simulation shows what the password alone does. A list of ways in names such a
     * route once, as the password alone, not once per missing second factor.
     */
    public boolean usableAsNamed(SignInMethod method, UserSnapshot user) {
        return !methods.present(method, user).secondFactorMissing();
    }

    public SignInVerdict simulate(UserSnapshot user, SignInSituation situation) {
        List<String> reasons = new ArrayList<>();
        if (!user.profile().accountEnabled()) {
            reasons.add("The account is disabled: every sign-in is refused, whatever the method, and existing sessions"
                    + " end when their tokens are next refreshed.");
            return new SignInVerdict(situation, Outcome.BLOCKED, false, "Blocked: the account is disabled", reasons);
        }
        boolean again = false;
        if (situation.sessionStartedAt().isPresent()) {
            Instant started = situation.sessionStartedAt().get();
            Optional<String> ended = sessionEnded(user, situation, started);
            if (ended.isEmpty()) {
                reasons.add("The session that started at " + Moments.of(started) + " is still valid"
                        + Optional.ofNullable(user.profile().signInSessionsValidFrom())
                        .map(v -> " (sign-in sessions valid from " + Moments.of(v) + ")")
                        .orElse(" (Graph did not report the user's sign-in sessions valid-from date; assumed valid)")
                        + ": the app refreshes its tokens without a prompt.");
                return new SignInVerdict(situation, Outcome.SIGNS_IN, false, "Continues the session without a prompt",
                        reasons);
            }
            reasons.add(ended.get());
            again = true;
        }
        SignInVerdict fresh = freshSignIn(user, situation, reasons);
        if (!again) {
            return fresh;
        }
        return new SignInVerdict(situation, fresh.outcome(), true, "Must sign in again: " + lowerFirst(fresh.headline()),
                fresh.reasons());
    }

    /** Runs {@link SignInSituation#standard()} and sums them up in one line. */
    public SignInForecast forecast(UserSnapshot user) {
        List<SignInVerdict> verdicts = SignInSituation.standard().stream().map(s -> simulate(user, s)).toList();
        // What follows the password change decides whether the user is then prompted to register.
        List<SignInVerdict> afterPasswordChange = user.mustChangePassword()
                ? SignInSituation.standard().stream().map(s -> simulate(user.withMustChangePassword(false), s)).toList()
                : verdicts;
        return new SignInForecast(summary(user, verdicts, afterPasswordChange), verdicts);
    }

    private Optional<String> sessionEnded(UserSnapshot user, SignInSituation situation, Instant started) {
        Instant validFrom = user.profile().signInSessionsValidFrom();
        if (validFrom != null && started.isBefore(validFrom)) {
            return Optional.of("The session that started at " + Moments.of(started) + " is older than the user's sign-in sessions"
                    + " valid-from date (" + Moments.of(validFrom) + "; sessions revoked or password changed): the user"
                    + " must sign in again, at once in CAE-capable apps (Exchange, Teams, SharePoint), elsewhere when"
                    + " the access token expires (up to about an hour).");
        }
        Instant passwordChanged = user.profile().lastPasswordChange();
        if (passwordChanged != null && started.isBefore(passwordChanged) && situation.method().startsWithPassword()) {
            return Optional.of("The session that started at " + Moments.of(started) + " was signed in with the "
                    + "password, which changed at " + Moments.of(passwordChanged) + "; a password change revokes what "
                    + "was obtained with the old password (Microsoft Learn, \"Revoke user access in Microsoft Entra "
                    + "ID\"): the user must sign in again.");
        }
        for (ConditionalAccessPolicy policy : enforced(user, situation.target())) {
            if (policy.signInFrequency().isPresent()
                    && started.plus(Duration.ofHours(policy.signInFrequency().get())).isBefore(now)) {
                return Optional.of("Policy '" + policy.displayName() + "' asks for a new sign-in every "
                        + policy.signInFrequency().get() + " hours and the session started at " + Moments.of(started)
                        + ": the user must sign in again.");
            }
        }
        if (situation.method() == SignInMethod.TEMPORARY_ACCESS_PASS) {
            Optional<String> tapGone = methods.unusableReason(MethodType.TEMPORARY_ACCESS_PASS, user);
            if (tapGone.isPresent()) {
                return Optional.of("Tokens obtained with a Temporary Access Pass last no longer than the pass"
                        + " (Microsoft Learn, \"Configure a Temporary Access Pass\"): " + tapGone.get()
                        + " The user must sign in again.");
            }
        }
        return Optional.empty();
    }

    private SignInVerdict freshSignIn(UserSnapshot user, SignInSituation situation, List<String> reasons) {
        SignInMethod method = situation.method();
        MethodCheck.Availability availability = methods.present(method, user);
        reasons.addAll(availability.notes());
        if (availability.presented().isEmpty()) {
            return verdict(situation, Outcome.METHOD_UNAVAILABLE,
                    "Cannot use " + method.label() + ": " + availability.refusal(), reasons);
        }
        Presented presented = availability.presented().get();
        if (method == SignInMethod.TEMPORARY_ACCESS_PASS) {
            List<String> others = user.methods().stream().filter(m -> m.type() != MethodType.TEMPORARY_ACCESS_PASS)
                    .map(m -> m.type().label()).distinct().toList();
            reasons.add("The pass satisfies MFA; it does not remove the user's other methods"
                    + (others.isEmpty() ? "." : " (still registered: " + String.join(", ", others) + ")."));
        }
        reportOnlyNotes(user, situation.target(), reasons);
        List<ConditionalAccessPolicy> enforced = enforced(user, situation.target());
        if (enforced.isEmpty()) {
            reasons.add("No enabled Conditional Access policy applies to " + situation.target().label()
                    + " for this user, so no policy asks for MFA or a compliant device.");
        }
        List<ConditionalAccessPolicy> unmet = new ArrayList<>();
        boolean blocks = false;
        for (ConditionalAccessPolicy policy : enforced) {
            GrantCheck.Result result = GrantCheck.check(policy, presented, situation.compliantDevice());
            reasons.add(result.explanation());
            if (!result.met()) {
                unmet.add(policy);
                blocks |= result.blocks();
            }
        }
        SignInVerdict outcome = unmet.isEmpty()
                ? verdict(situation, Outcome.SIGNS_IN, signedInHeadline(situation, availability), reasons)
                : unmetOutcome(user, situation, availability, unmet, blocks, reasons);
        return passwordChangeFirst(user, situation, outcome);
    }

    private SignInVerdict unmetOutcome(UserSnapshot user, SignInSituation situation,
                                       MethodCheck.Availability availability, List<ConditionalAccessPolicy> unmet,
                                       boolean blocks, List<String> reasons) {
        Presented presented = availability.presented().orElseThrow();
        String policyNames = unmet.stream().map(p -> "'" + p.displayName() + "'").collect(Collectors.joining(", "));
        if (blocks) {
            return verdict(situation, Outcome.BLOCKED, "Blocked by policy " + policyNames, reasons);
        }
        alternatives(user, situation).ifPresent(reasons::add);
        if (presented.mfa()) {
            return verdict(situation, Outcome.BLOCKED, situation.target().isUserAction()
                    ? "Blocked at " + situation.target().label() + " by policy " + policyNames
                    : "Blocked: " + presented.description() + " does not meet policy " + policyNames, reasons);
        }
        List<MethodType> mfaLeft = methods.usableMfaMethods(user);
        if (!mfaLeft.isEmpty()) {
            String left = mfaLeft.stream().map(MethodType::label).collect(Collectors.joining(", "));
            reasons.add("The user still has a usable MFA method (" + left + "), so Entra asks for it and does not"
                    + " offer to register a new one.");
            return availability.secondFactorMissing()
                    ? verdict(situation, Outcome.METHOD_UNAVAILABLE, "Cannot use " + situation.method().label()
                    + ": " + availability.refusal() + "; the user must use " + left, reasons)
                    : verdict(situation, Outcome.MFA_REQUIRED, "MFA required: policy " + policyNames
                    + " asks for a second factor after the password (" + left + "); without it at hand the user "
                    + "cannot go on", reasons);
        }
        return registrationInterrupt(user, situation, unmet, policyNames, reasons);
    }

    /**
     * The user typed the password, a policy needs MFA and they have no MFA method left (seed 003, "Require
     * re-register MFA"): Entra interrupts to register one, if a method the interrupt can register would meet every
     * unmet policy and Register security information lets them in with the password on this device.
     */
    private SignInVerdict registrationInterrupt(UserSnapshot user, SignInSituation situation,
                                                List<ConditionalAccessPolicy> unmet, String policyNames,
                                                List<String> reasons) {
        List<Registrable> registrable = INTERRUPT_REGISTRABLE.stream()
                .filter(m -> methods.enabledFor(m.configurationId(), user))
                .filter(m -> unmet.stream().allMatch(p -> GrantCheck.check(p, m.withPassword(),
                        situation.compliantDevice()).met()))
                .toList();
        if (registrable.isEmpty()) {
            reasons.add("The user has no usable MFA method and none the registration interrupt can register"
                    + " (Microsoft Authenticator, phone, software OATH) is both enabled for them and enough for policy "
                    + policyNames + ". Issue a Temporary Access Pass so they can register a method that is.");
            return verdict(situation, Outcome.BLOCKED, "Blocked: no method the user can register during sign-in meets"
                    + " policy " + policyNames, reasons);
        }
        Registrable candidate = registrable.get(0);
        for (ConditionalAccessPolicy guard : enforced(user, SignInTarget.REGISTER_SECURITY_INFO)) {
            GrantCheck.Result result = GrantCheck.check(guard, candidate.withPassword(), situation.compliantDevice());
            if (!result.met()) {
                reasons.add("The user would be prompted to register, but registering is the action Register security"
                        + " information: " + result.explanation() + " Issue a Temporary Access Pass.");
                return verdict(situation, Outcome.BLOCKED, "Blocked: prompted to register, but policy '"
                        + guard.displayName() + "' on Register security information refuses", reasons);
            }
        }
        reasons.add("The user has no usable MFA method left and policy " + policyNames + " requires MFA here, so after"
                + " the password Entra interrupts the sign-in to register one (for example "
                + candidate.label() + "): the registration interrupt. Assumptions: only Conditional Access decides"
                + " this (security defaults and registration campaigns are not read), and the method registered"
                + " there is the MFA of that registration.");
        return verdict(situation, Outcome.PROMPTED_TO_REGISTER, "Prompted to register an MFA method after the password",
                reasons);
    }

    /** Password sign-in after an admin reset: the new password comes first, whatever follows. */
    private static SignInVerdict passwordChangeFirst(UserSnapshot user, SignInSituation situation, SignInVerdict then) {
        if (!user.mustChangePassword() || !situation.method().startsWithPassword()) {
            return then;
        }
        List<String> reasons = new ArrayList<>(then.reasons());
        reasons.add(0, "An admin reset the password: the user must choose a new one at this sign-in before anything"
                + " else.");
        if (then.outcome() != Outcome.SIGNS_IN && then.outcome() != Outcome.PROMPTED_TO_REGISTER) {
            return new SignInVerdict(situation, then.outcome(), then.mustSignInAgain(), then.headline(), reasons);
        }
        return new SignInVerdict(situation, Outcome.MUST_CHANGE_PASSWORD, then.mustSignInAgain(),
                "Must change the password first, then " + lowerFirst(then.headline()), reasons);
    }

    /** Other methods the user could use here that every enforced policy would accept, as a hint. */
    private Optional<String> alternatives(UserSnapshot user, SignInSituation situation) {
        List<String> working = Arrays.stream(SignInMethod.values())
                .filter(m -> m != situation.method())
                .filter(m -> {
                    Optional<Presented> other = methods.present(m, user).presented();
                    return other.isPresent() && other.get().mfa() && enforced(user, situation.target()).stream()
                            .allMatch(p -> GrantCheck.check(p, other.get(), situation.compliantDevice()).met());
                })
                .map(SignInMethod::label).toList();
        return working.isEmpty() ? Optional.empty()
                : Optional.of("Signing in with " + String.join(" or ", working) + " would meet it.");
    }

    private void reportOnlyNotes(UserSnapshot user, SignInTarget target, List<String> reasons) {
        for (ConditionalAccessPolicy policy : policies) {
            if (policy.state() == State.REPORT_ONLY && PolicyScope.appliesTo(policy, user, target)) {
                reasons.add(target.isUserAction()
                        ? "Policy '" + policy.displayName() + "' is report-only: not enforced, and report-only does"
                        + " not even evaluate user actions such as " + target.label() + "."
                        : "Policy '" + policy.displayName() + "' is report-only: its result is only logged, not"
                        + " enforced.");
            }
        }
    }

    private List<ConditionalAccessPolicy> enforced(UserSnapshot user, SignInTarget target) {
        return policies.stream().filter(p -> p.state() == State.ENABLED)
                .filter(p -> PolicyScope.appliesTo(p, user, target)).toList();
    }

    private static String signedInHeadline(SignInSituation situation, MethodCheck.Availability availability) {
        String with = availability.secondFactorMissing() ? "the password alone (no policy asks for a second factor)"
                : situation.method().label();
        return (situation.target().isUserAction() ? "Reaches " + situation.target().label() + " with "
                : "Signs in with ") + with;
    }

    private static SignInVerdict verdict(SignInSituation situation, Outcome outcome, String headline,
                                         List<String> reasons) {
        return new SignInVerdict(situation, outcome, false, headline, reasons);
    }

    /** "password + push" only when the push can be sent; otherwise the sign-in presented the password alone. */
    private String presentedLabel(UserSnapshot user, SignInVerdict verdict) {
        SignInMethod method = verdict.situation().method();
        return methods.present(method, user).secondFactorMissing() ? "password" : method.shortLabel();
    }

    private String summary(UserSnapshot user, List<SignInVerdict> verdicts, List<SignInVerdict> afterPasswordChange) {
        if (!user.profile().accountEnabled()) {
            return "cannot sign in: the account is disabled";
        }
        List<SignInVerdict> apps = verdicts.stream().filter(v -> !v.situation().target().isUserAction()).toList();
        List<String> signsIn = apps.stream().filter(v -> v.outcome() == Outcome.SIGNS_IN)
                .map(v -> presentedLabel(user, v)).distinct().toList();
        List<String> parts = new ArrayList<>();
        if (apps.stream().anyMatch(v -> v.outcome() == Outcome.MUST_CHANGE_PASSWORD)) {
            parts.add("must change the password at the next password sign-in");
        }
        if (!signsIn.isEmpty()) {
            parts.add("signs in with " + String.join(" or ", signsIn));
        } else if (parts.isEmpty() && apps.stream().noneMatch(v -> v.outcome() == Outcome.PROMPTED_TO_REGISTER)) {
            parts.add("cannot sign in to Office 365");
        }
        parts.add(afterPasswordChange.stream().anyMatch(v -> v.outcome() == Outcome.PROMPTED_TO_REGISTER)
                ? "prompted to register at the next password sign-in" : "not prompted to register");
        List<String> reachRegistration = afterPasswordChange.stream().filter(v -> v.situation().target().isUserAction())
                .filter(v -> v.outcome() == Outcome.SIGNS_IN || v.outcome() == Outcome.PROMPTED_TO_REGISTER)
                .map(v -> presentedLabel(user.withMustChangePassword(false), v)).distinct().toList();
        parts.add(reachRegistration.isEmpty() ? "cannot reach Register security information"
                : "reaches Register security information with " + String.join(" or ", reachRegistration));
        return String.join(", ", parts);
    }

    /** A sentence as a phrase: "The user has no X registered." → "the user has no X registered"; names keep their case. */
    static String phrase(String sentence) {
        String phrase = sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
        return phrase.startsWith("The ") ? lowerFirst(phrase) : phrase;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
