package dev.gatehouse.domain.method;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every authentication method type Graph v1.0 can return for a user, with the properties recovery
 * decisions depend on. Sources: graph-facts.md §6.1 and §7 (the portal's "Require re-register MFA").
 */
public enum MethodType {
    PASSWORD("Password", "passwordMethods", "passwordAuthenticationMethod", false, false, false, ReRegisterEffect.KEPT),
    PHONE("Phone", "phoneMethods", "phoneAuthenticationMethod", false, true, true, ReRegisterEffect.DELETED),
    EMAIL("Email", "emailMethods", "emailAuthenticationMethod", false, false, true, ReRegisterEffect.KEPT),
    FIDO2("Passkey (FIDO2)", "fido2Methods", "fido2AuthenticationMethod", true, true, true, ReRegisterEffect.KEPT),
    MICROSOFT_AUTHENTICATOR("Microsoft Authenticator", "microsoftAuthenticatorMethods",
            "microsoftAuthenticatorAuthenticationMethod", false, true, true, ReRegisterEffect.DELETED),
    SOFTWARE_OATH("Software OATH token", "softwareOathMethods", "softwareOathAuthenticationMethod",
            false, true, true, ReRegisterEffect.DELETED),
    TEMPORARY_ACCESS_PASS("Temporary Access Pass", "temporaryAccessPassMethods",
            "temporaryAccessPassAuthenticationMethod", false, true, true, ReRegisterEffect.KEPT),
    WINDOWS_HELLO_FOR_BUSINESS("Windows Hello for Business", "windowsHelloForBusinessMethods",
            "windowsHelloForBusinessAuthenticationMethod", true, true, true, ReRegisterEffect.KEPT),
    PLATFORM_CREDENTIAL("Platform credential (macOS)", "platformCredentialMethods",
            "platformCredentialAuthenticationMethod", true, true, true, ReRegisterEffect.KEPT),
    EXTERNAL("External authentication method", "externalAuthenticationMethods",
            "externalAuthenticationMethod", false, true, true, ReRegisterEffect.KEPT),
    /** Listed by v1.0 but has no v1.0 collection of its own. */
    QR_CODE_PIN("QR code + PIN", null, "qrCodePinAuthenticationMethod", false, false, false, ReRegisterEffect.KEPT),
    /** Beta only; never returned by a v1.0 list, named here so explanations can talk about it. */
    HARDWARE_OATH("Hardware OATH token", null, "hardwareOathAuthenticationMethod", false, true, false,
            ReRegisterEffect.DEACTIVATED),
    UNKNOWN("Unknown method", null, null, false, false, false, ReRegisterEffect.KEPT);

    /** What the portal's "Require re-register MFA" button does to a method of this type. */
    public enum ReRegisterEffect { DELETED, DEACTIVATED, KEPT }

    public static final String ODATA_PREFIX = "#microsoft.graph.";

    /** The fixed id of every user's password method. */
    public static final String PASSWORD_METHOD_ID = "28c10230-6103-485e-b985-444c60001490";

    private final String label;
    private final String collection;
    private final String odataTypeName;
    private final boolean phishingResistant;
    private final boolean satisfiesMfa;
    private final boolean deletableInV1;
    private final ReRegisterEffect reRegisterEffect;

    MethodType(String label, String collection, String odataTypeName, boolean phishingResistant,
               boolean satisfiesMfa, boolean deletableInV1, ReRegisterEffect reRegisterEffect) {
        this.label = label;
        this.collection = collection;
        this.odataTypeName = odataTypeName;
        this.phishingResistant = phishingResistant;
        this.satisfiesMfa = satisfiesMfa;
        this.deletableInV1 = deletableInV1;
        this.reRegisterEffect = reRegisterEffect;
    }

    public String label() {
        return label;
    }

    /** The per-type collection under {@code /users/{id}/authentication/}, empty when v1.0 has none. */
    public Optional<String> collection() {
        return Optional.ofNullable(collection);
    }

    /** The full {@code @odata.type}, e.g. {@code #microsoft.graph.fido2AuthenticationMethod}. */
    public Optional<String> odataType() {
        return Optional.ofNullable(odataTypeName).map(name -> ODATA_PREFIX + name);
    }

    public boolean phishingResistant() {
        return phishingResistant;
    }

    /** Whether a sign-in with this method (as second factor, or passwordless) meets an MFA requirement. */
    public boolean satisfiesMfa() {
        return satisfiesMfa;
    }

    /** Whether Graph v1.0 has a DELETE for this type (there is no generic DELETE on /methods/{id}). */
    public boolean deletableInV1() {
        return deletableInV1;
    }

    public ReRegisterEffect reRegisterEffect() {
        return reRegisterEffect;
    }

    public static MethodType fromODataType(String odataType) {
        if (odataType == null) {
            return UNKNOWN;
        }
        return Arrays.stream(values())
                .filter(t -> t.odataTypeName != null && odataType.equalsIgnoreCase(ODATA_PREFIX + t.odataTypeName))
                .findFirst()
                .orElse(UNKNOWN);
    }

    public static Optional<MethodType> fromCollection(String collection) {
        return Arrays.stream(values())
                .filter(t -> t.collection != null && t.collection.equalsIgnoreCase(collection))
                .findFirst();
    }
}
