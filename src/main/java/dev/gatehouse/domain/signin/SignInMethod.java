package dev.gatehouse.domain.signin;

import dev.gatehouse.domain.method.MethodType;

import java.util.Optional;

/** How the user tries to sign in, in the words a trainer picks from. */
public enum SignInMethod {
    /** Password, then approve a Microsoft Authenticator push if a policy asks for a second factor. */
    PASSWORD_AND_PUSH("password + Microsoft Authenticator push", "password + push", MethodType.MICROSOFT_AUTHENTICATOR),
    /** Password with no second factor at hand (a lost phone, say). */
    PASSWORD_ONLY("password only", "password", MethodType.PASSWORD),
    PASSKEY("passkey (FIDO2)", "passkey", MethodType.FIDO2),
    WINDOWS_HELLO("Windows Hello for Business", "Windows Hello", MethodType.WINDOWS_HELLO_FOR_BUSINESS),
    TEMPORARY_ACCESS_PASS("Temporary Access Pass", "TAP", MethodType.TEMPORARY_ACCESS_PASS);

    private final String label;
    private final String shortLabel;
    private final MethodType proof;

    SignInMethod(String label, String shortLabel, MethodType proof) {
        this.label = label;
        this.shortLabel = shortLabel;
        this.proof = proof;
    }

    public String label() {
        return label;
    }

    /** For one-line summaries: "signs in with passkey". */
    public String shortLabel() {
        return shortLabel;
    }

    /** The registered method the sign-in proves possession of (for password + push: the Authenticator). */
    public MethodType proof() {
        return proof;
    }

    public boolean startsWithPassword() {
        return this == PASSWORD_AND_PUSH || this == PASSWORD_ONLY;
    }

    /**
     * The authentication-methods-policy configuration that must enable {@link #proof()} for the user; empty for
     * the password and Windows Hello, which that policy does not govern.
     */
    public Optional<String> configurationId() {
        return switch (this) {
            case PASSWORD_AND_PUSH -> Optional.of("MicrosoftAuthenticator");
            case PASSKEY -> Optional.of("Fido2");
            case TEMPORARY_ACCESS_PASS -> Optional.of("TemporaryAccessPass");
            case PASSWORD_ONLY, WINDOWS_HELLO -> Optional.empty();
        };
    }
}
