package dev.gatehouse.domain.signin;

import dev.gatehouse.domain.method.MethodType;

import java.util.Optional;

/** How the user tries to sign in, in the words a trainer picks from. */
public enum SignInMethod {
    /** Password, then approve a Microsoft Authenticator push if a policy asks for a second factor. */
    PASSWORD_AND_PUSH("password + Microsoft Authenticator push", "password + push", MethodType.MICROSOFT_AUTHENTICATOR),
    /** Password, then a code texted to the user's mobile phone (an office phone takes voice calls only). */
    PASSWORD_AND_SMS("password + SMS code", "password + SMS", MethodType.PHONE),
    /** Password, then a voice call to one of the user's phones. */
    PASSWORD_AND_VOICE("password + voice call", "password + voice call", MethodType.PHONE),
    /** Password, then a code from an authenticator app or token registered as a software OATH token. */
    PASSWORD_AND_OATH_CODE("password + OATH code (authenticator app or token)", "password + code",
            MethodType.SOFTWARE_OATH),
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
        return this == PASSWORD_ONLY || secondFactor().isPresent();
    }

    /**
     * The second factor after the password, as an authentication strength's combination names it
     * ({@code password,sms}); empty for the methods that are not a password and something more.
     */
    public Optional<String> secondFactor() {
        return switch (this) {
            case PASSWORD_AND_PUSH -> Optional.of("microsoftAuthenticatorPush");
            case PASSWORD_AND_SMS -> Optional.of("sms");
            case PASSWORD_AND_VOICE -> Optional.of("voice");
            case PASSWORD_AND_OATH_CODE -> Optional.of("softwareOath");
            case PASSWORD_ONLY, PASSKEY, WINDOWS_HELLO, TEMPORARY_ACCESS_PASS -> Optional.empty();
        };
    }

    /**
     * The authentication-methods-policy configuration that must enable {@link #proof()} for the user; empty for
     * the password and Windows Hello, which that policy does not govern.
     */
    public Optional<String> configurationId() {
        return switch (this) {
            case PASSWORD_AND_PUSH -> Optional.of("MicrosoftAuthenticator");
            case PASSWORD_AND_SMS -> Optional.of("Sms");
            case PASSWORD_AND_VOICE -> Optional.of("Voice");
            case PASSWORD_AND_OATH_CODE -> Optional.of("SoftwareOath");
            case PASSKEY -> Optional.of("Fido2");
            case TEMPORARY_ACCESS_PASS -> Optional.of("TemporaryAccessPass");
            case PASSWORD_ONLY, WINDOWS_HELLO -> Optional.empty();
        };
    }
}
