package dev.gatehouse.domain.signin;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.method.PhoneType;
import dev.gatehouse.domain.method.TapState;
import dev.gatehouse.domain.policy.MethodConfiguration;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.text.Moments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a user can present a method: registered, enabled for them by the authentication methods policy, and
 * for a Temporary Access Pass, usable now and not a guest's (graph-facts §6.2).
 */
final class MethodCheck {

    /**
     * @param presented what the sign-in presents; empty when the method cannot be used at all
     * @param refusal   why the chosen method cannot be used, in one phrase; null when it can
     * @param notes     the facts behind it, for the verdict's reasons
     * @param secondFactorMissing password + a second factor the user cannot use (no push can be sent, no phone to
     *                            text): only the password is presented, and {@code refusal} says why
     */
    record Availability(Optional<Presented> presented, String refusal, List<String> notes,
                        boolean secondFactorMissing) {
    }

    private final Optional<MethodsPolicy> policy;
    private final Instant now;

    MethodCheck(Optional<MethodsPolicy> policy, Instant now) {
        this.policy = policy;
        this.now = now;
    }

    Availability present(SignInMethod method, UserSnapshot user) {
        List<String> notes = new ArrayList<>();
        if (method == SignInMethod.TEMPORARY_ACCESS_PASS && user.profile().isGuest()) {
            return refused("a Temporary Access Pass never works for guest users",
                    "A Temporary Access Pass does not work for guest users (Microsoft Learn, \"Configure a "
                            + "Temporary Access Pass\").", notes);
        }
        if (method.startsWithPassword() && !user.has(MethodType.PASSWORD)) {
            return refused("the user has no password", "The user has no password method (a passwordless account).",
                    notes);
        }
        if (method == SignInMethod.PASSWORD_ONLY) {
            return usable(new Presented("password", false, "the password alone"), notes);
        }
        Optional<String> missing = unusableReason(method, user);
        if (method.secondFactor().isPresent() && missing.isPresent()) {
            notes.add(missing.get() + " The second factor cannot be used: only the password is presented.");
            return new Availability(Optional.of(new Presented("password", false, "the password alone")),
                    SignInSimulator.phrase(missing.get()), notes, true);
        }
        if (missing.isPresent()) {
            return refused(SignInSimulator.phrase(missing.get()), missing.get(), notes);
        }
        return usable(switch (method) {
            case PASSWORD_AND_PUSH, PASSWORD_AND_SMS, PASSWORD_AND_VOICE, PASSWORD_AND_OATH_CODE ->
                    new Presented("password," + method.secondFactor().orElseThrow(), true, method.label());
            case PASSKEY -> new Presented("fido2", true, "a passkey (FIDO2)");
            case WINDOWS_HELLO -> new Presented("windowsHelloForBusiness", true, "Windows Hello for Business");
            case TEMPORARY_ACCESS_PASS -> tapPresented(user);
            case PASSWORD_ONLY -> throw new IllegalStateException("handled above");
        }, notes);
    }

    /**
     * Why the user cannot present the method's proof now; empty when they can. A phone's SMS and voice calls are
     * each enabled on their own in the methods policy, and a code is texted to the mobile phone only ("An office
     * phone can only receive voice calls, not SMS messages": phoneAuthenticationMethod resource type).
     */
    private Optional<String> unusableReason(SignInMethod method, UserSnapshot user) {
        if (method != SignInMethod.PASSWORD_AND_SMS && method != SignInMethod.PASSWORD_AND_VOICE) {
            return unusableReason(method.proof(), user);
        }
        boolean sms = method == SignInMethod.PASSWORD_AND_SMS;
        boolean reachable = user.methods().stream().filter(m -> m.type() == MethodType.PHONE)
                .anyMatch(m -> !sms || PhoneType.parse(m.details().getOrDefault(PhoneType.DETAIL, ""))
                        .map(type -> type == PhoneType.MOBILE).orElse(true));
        if (!reachable) {
            return Optional.of(sms ? "The user has no mobile phone registered, and SMS codes go to a mobile phone only."
                    : "The user has no phone registered.");
        }
        return disabledByPolicy(List.of(method.configurationId().orElseThrow()),
                sms ? "SMS" : "Voice call", user);
    }

    /** Registered, enabled for the user, and for a pass usable now; empty when the user can use it. */
    Optional<String> unusableReason(MethodType type, UserSnapshot user) {
        List<AuthMethod> registered = user.methods().stream().filter(m -> m.type() == type).toList();
        if (registered.isEmpty()) {
            return Optional.of("The user has no " + type.label() + " registered.");
        }
        Optional<String> disabled = disabledByPolicy(type, user);
        if (disabled.isPresent()) {
            return disabled;
        }
        if (type == MethodType.TEMPORARY_ACCESS_PASS) {
            return tapUnusable(registered.get(0).tap());
        }
        return Optional.empty();
    }

    /** The user's other methods that satisfy MFA and that they could use now (a pass does not count: §0.6). */
    List<MethodType> usableMfaMethods(UserSnapshot user) {
        return user.methods().stream().map(AuthMethod::type).distinct()
                .filter(t -> t.satisfiesMfa() && t != MethodType.TEMPORARY_ACCESS_PASS)
                .filter(t -> unusableReason(t, user).isEmpty())
                .toList();
    }

    /**
     * Whether the methods policy lets the user sign in with a method registrable in interrupt mode
     * (configuration id), or true with no methods policy known.
     */
    boolean enabledFor(String configurationId, UserSnapshot user) {
        return policy.isEmpty() || policy.get().configuration(configurationId)
                .map(c -> c.appliesTo(user.profile().id(), user.groupIds())).orElse(false);
    }

    private Optional<String> disabledByPolicy(MethodType type, UserSnapshot user) {
        return disabledByPolicy(configurationIds(type), type.label(), user);
    }

    /** @param label the method as the tenant's policy names it ("SMS", "Passkey (FIDO2)") */
    private Optional<String> disabledByPolicy(List<String> ids, String label, UserSnapshot user) {
        if (ids.isEmpty() || policy.isEmpty()) {
            return Optional.empty();
        }
        for (String id : ids) {
            Optional<MethodConfiguration> configuration = policy.get().configuration(id);
            if (configuration.isPresent() && configuration.get().appliesTo(user.profile().id(), user.groupIds())) {
                return Optional.empty();
            }
        }
        Optional<MethodConfiguration> first = policy.get().configuration(ids.get(0));
        if (first.isEmpty() || !first.get().enabled()) {
            return Optional.of(label + " is disabled in the tenant's authentication methods policy.");
        }
        return Optional.of(label + " is enabled in the authentication methods policy, but not for this user"
                + " (not in its include targets, or excluded).");
    }

    private static List<String> configurationIds(MethodType type) {
        return switch (type) {
            case FIDO2 -> List.of("Fido2");
            case MICROSOFT_AUTHENTICATOR -> List.of("MicrosoftAuthenticator");
            case PHONE -> List.of("Sms", "Voice");
            case SOFTWARE_OATH -> List.of("SoftwareOath");
            case HARDWARE_OATH -> List.of("HardwareOath");
            case EMAIL -> List.of("Email");
            case TEMPORARY_ACCESS_PASS -> List.of(MethodsPolicy.TEMPORARY_ACCESS_PASS);
            default -> List.of();
        };
    }

    /**
     * Graph's {@code isUsable}/{@code methodUsabilityReason} as read, re-checked against {@code now} for the
     * time-bound reasons: a pass read as "not yet valid" may have started since, or expired.
     */
    private Optional<String> tapUnusable(TapState tap) {
        if (tap == null) {
            return Optional.of("Graph did not report whether the Temporary Access Pass is usable.");
        }
        String reason = tap.usabilityReason() == null ? "" : tap.usabilityReason();
        if (reason.equalsIgnoreCase("OneTimeUsed")) {
            return Optional.of("The one-time Temporary Access Pass has already been used.");
        }
        if (reason.equalsIgnoreCase("DisabledByPolicy")) {
            return Optional.of("The Temporary Access Pass is disabled by the authentication methods policy.");
        }
        if (tap.start() != null && now.isBefore(tap.start())) {
            return Optional.of("The Temporary Access Pass is not valid before " + tap.start() + ".");
        }
        if (tap.expires() != null && !now.isBefore(tap.expires())) {
            return Optional.of("The Temporary Access Pass expired at " + Moments.of(tap.expires()) + ".");
        }
        boolean timeBound = reason.equalsIgnoreCase("Expired") || reason.equalsIgnoreCase("NotYetValid");
        if (!tap.usable() && !(timeBound && tap.start() != null)) {
            return Optional.of("Graph reports the Temporary Access Pass as not usable"
                    + (reason.isEmpty() ? "." : " (" + reason + ")."));
        }
        return Optional.empty();
    }

    private Presented tapPresented(UserSnapshot user) {
        TapState tap = user.methods().stream().filter(m -> m.type() == MethodType.TEMPORARY_ACCESS_PASS)
                .findFirst().orElseThrow().tap();
        return tap.usableOnce()
                ? new Presented("temporaryAccessPassOneTime", true, "a one-time Temporary Access Pass")
                : new Presented("temporaryAccessPassMultiUse", true, "a multi-use Temporary Access Pass");
    }

    private static Availability usable(Presented presented, List<String> notes) {
        return new Availability(Optional.of(presented), null, notes, false);
    }

    private static Availability refused(String refusal, String note, List<String> notes) {
        notes.add(note);
        return new Availability(Optional.empty(), refusal, notes, false);
    }
}
