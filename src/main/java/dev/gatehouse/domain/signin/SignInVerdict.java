package dev.gatehouse.domain.signin;

import java.util.List;
import java.util.Objects;

/**
 * What the user experiences in one situation, and why, in an admin's words.
 *
 * @param mustSignInAgain true when the situation continued a session that is no longer valid (revoked, older than
 *                        the password, or past a sign-in frequency): the outcome is that of the new sign-in
 * @param reasons         the facts that decided it, in the order they were checked: policy names, method names
 */
public record SignInVerdict(SignInSituation situation, Outcome outcome, boolean mustSignInAgain, String headline,
                            List<String> reasons) {

    public enum Outcome {
        SIGNS_IN,
        /** The registration interrupt: the user must register a method before going on. */
        PROMPTED_TO_REGISTER,
        /** Password sign-in after an admin reset: a new password first, then the rest of the sign-in. */
        MUST_CHANGE_PASSWORD,
        /** The chosen method cannot even be started: not registered, not enabled by policy, pass not usable. */
        METHOD_UNAVAILABLE,
        /**
         * Entra asks for a second factor after the password, as a policy requires: the user goes on with an MFA method
         * they have, and cannot without it. Not a block: the sign-in page shows the MFA prompt.
         */
        MFA_REQUIRED,
        /** The tenant refuses: disabled account, a blocking policy, or a requirement the user cannot meet. */
        BLOCKED
    }

    public SignInVerdict {
        Objects.requireNonNull(situation, "situation");
        Objects.requireNonNull(outcome, "outcome");
        reasons = List.copyOf(reasons);
    }
}
