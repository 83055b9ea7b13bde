package dev.gatehouse.graph;

import com.microsoft.graph.models.AuthenticationMethod;
import com.microsoft.graph.models.EmailAuthenticationMethod;
import com.microsoft.graph.models.ExternalAuthenticationMethod;
import com.microsoft.graph.models.Fido2AuthenticationMethod;
import com.microsoft.graph.models.MicrosoftAuthenticatorAuthenticationMethod;
import com.microsoft.graph.models.PhoneAuthenticationMethod;
import com.microsoft.graph.models.PlatformCredentialAuthenticationMethod;
import com.microsoft.graph.models.QrCode;
import com.microsoft.graph.models.QrCodePinAuthenticationMethod;
import com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethod;
import com.microsoft.graph.models.WindowsHelloForBusinessAuthenticationMethod;
import com.microsoft.kiota.serialization.ValuedEnum;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.text.Moments;
import dev.gatehouse.domain.method.PhoneType;
import dev.gatehouse.domain.method.TapState;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SDK authentication methods to {@link AuthMethod}: a summary line an admin recognises the method by, and the
 * type-specific facts in display order. Secrets the SDK models carry (a TAP's code, a software OATH secret key,
 * a QR PIN) are never read.
 */
final class AuthMethodMapping {

    private static final Map<String, String> WORDS = Map.of(
            "deviceBound", "Device-bound",
            "macOS", "macOS",
            "iOS", "iOS",
            "OneTimeUsed", "Already used (one-time pass)",
            "EnabledByPolicy", "Enabled by policy");

    private AuthMethodMapping() {
    }

    static AuthMethod map(AuthenticationMethod method) {
        MethodType type = MethodType.fromODataType(method.getOdataType());
        Map<String, String> details = new LinkedHashMap<>();
        Map<String, Object> graph = graphProperties(method);
        String summary = switch (type) {
            case PASSWORD -> "Password";
            case PHONE -> phone((PhoneAuthenticationMethod) method, details);
            case EMAIL -> email((EmailAuthenticationMethod) method, details);
            case FIDO2 -> fido2((Fido2AuthenticationMethod) method, details);
            case MICROSOFT_AUTHENTICATOR -> authenticator((MicrosoftAuthenticatorAuthenticationMethod) method, details);
            case SOFTWARE_OATH -> "Authenticator app or token (OATH code)";
            case TEMPORARY_ACCESS_PASS -> temporaryAccessPass((TemporaryAccessPassAuthenticationMethod) method, details);
            case WINDOWS_HELLO_FOR_BUSINESS -> windowsHello((WindowsHelloForBusinessAuthenticationMethod) method, details);
            case PLATFORM_CREDENTIAL -> platformCredential((PlatformCredentialAuthenticationMethod) method, details);
            case EXTERNAL -> external((ExternalAuthenticationMethod) method, details);
            case QR_CODE_PIN -> qrCodePin((QrCodePinAuthenticationMethod) method, details);
            case HARDWARE_OATH -> "Hardware OATH token";
            case UNKNOWN -> unknown(method, details);
        };
        return new AuthMethod(method.getId() == null ? "" : method.getId(), type, summary,
                DirectoryMapping.instant(method.getCreatedDateTime()), details,
                method instanceof TemporaryAccessPassAuthenticationMethod tap ? tapState(tap) : null, graph);
    }

    /**
     * The type's own properties as Graph names and sends them (the authenticationMethod resource types of Graph v1.0,
     * e.g. "phoneAuthenticationMethod resource type"); values stay Graph's: enum members in camelCase, dates ISO-8601.
     * A software OATH secret key and a TAP's code are never read.
     */
    private static Map<String, Object> graphProperties(AuthenticationMethod method) {
        Map<String, Object> graph = new LinkedHashMap<>();
        if (method instanceof PhoneAuthenticationMethod m) {
            graph(graph, "phoneNumber", m.getPhoneNumber());
            graph(graph, "phoneType", m.getPhoneType());
            graph(graph, "smsSignInState", m.getSmsSignInState());
        } else if (method instanceof EmailAuthenticationMethod m) {
            graph(graph, "emailAddress", m.getEmailAddress());
        } else if (method instanceof Fido2AuthenticationMethod m) {
            graph(graph, "displayName", m.getDisplayName());
            graph(graph, "model", m.getModel());
            graph(graph, "aaGuid", m.getAaGuid());
            graph(graph, "attestationLevel", m.getAttestationLevel());
            graph(graph, "passkeyType", m.getPasskeyType());
        } else if (method instanceof MicrosoftAuthenticatorAuthenticationMethod m) {
            graph(graph, "displayName", m.getDisplayName());
            graph(graph, "deviceTag", m.getDeviceTag());
            graph(graph, "phoneAppVersion", m.getPhoneAppVersion());
        } else if (method instanceof TemporaryAccessPassAuthenticationMethod m) {
            graph(graph, "startDateTime", m.getStartDateTime());
            graph(graph, "lifetimeInMinutes", m.getLifetimeInMinutes());
            graph(graph, "isUsableOnce", m.getIsUsableOnce());
            graph(graph, "isUsable", m.getIsUsable());
            graph(graph, "methodUsabilityReason", m.getMethodUsabilityReason());
        } else if (method instanceof WindowsHelloForBusinessAuthenticationMethod m) {
            graph(graph, "displayName", m.getDisplayName());
            graph(graph, "keyStrength", m.getKeyStrength());
        } else if (method instanceof PlatformCredentialAuthenticationMethod m) {
            graph(graph, "displayName", m.getDisplayName());
            graph(graph, "platform", m.getPlatform());
            graph(graph, "keyStrength", m.getKeyStrength());
        } else if (method instanceof ExternalAuthenticationMethod m) {
            graph(graph, "displayName", m.getDisplayName());
            graph(graph, "configurationId", m.getConfigurationId());
        }
        return graph;
    }

    private static void graph(Map<String, Object> graph, String name, Object value) {
        Object wire = value instanceof ValuedEnum e ? e.getValue()
                : value instanceof OffsetDateTime time ? time.toInstant().toString() : value;
        if (wire != null && !(wire instanceof String text && text.isBlank())) {
            graph.put(name, wire);
        }
    }

    /** A pass created without a start is usable at once (authentication-post-temporaryaccesspassmethods). */
    private static TapState tapState(TemporaryAccessPassAuthenticationMethod m) {
        OffsetDateTime start = m.getStartDateTime() != null ? m.getStartDateTime() : m.getCreatedDateTime();
        return new TapState(DirectoryMapping.instant(start),
                m.getLifetimeInMinutes() == null ? 0 : m.getLifetimeInMinutes(),
                Boolean.TRUE.equals(m.getIsUsableOnce()), Boolean.TRUE.equals(m.getIsUsable()),
                m.getMethodUsabilityReason());
    }

    private static String phone(PhoneAuthenticationMethod m, Map<String, String> details) {
        put(details, "Number", m.getPhoneNumber());
        put(details, PhoneType.DETAIL, words(m.getPhoneType()));
        put(details, "SMS sign-in", words(m.getSmsSignInState()));
        String type = words(m.getPhoneType());
        return orElse(m.getPhoneNumber(), "Phone") + (type == null ? "" : " (" + type.toLowerCase() + ")");
    }

    private static String email(EmailAuthenticationMethod m, Map<String, String> details) {
        put(details, "Address", m.getEmailAddress());
        return orElse(m.getEmailAddress(), "Email");
    }

    private static String fido2(Fido2AuthenticationMethod m, Map<String, String> details) {
        put(details, "Model", m.getModel());
        put(details, "Name", m.getDisplayName());
        put(details, "Passkey type", words(m.getPasskeyType()));
        put(details, "Attestation", words(m.getAttestationLevel()));
        put(details, "AAGUID", m.getAaGuid());
        if (m.getDisplayName() != null && m.getModel() != null && !m.getDisplayName().contains(m.getModel())) {
            return m.getDisplayName() + " (" + m.getModel() + ")";
        }
        return orElse(m.getDisplayName(), orElse(m.getModel(), "Passkey"));
    }

    private static String authenticator(MicrosoftAuthenticatorAuthenticationMethod m, Map<String, String> details) {
        put(details, "Device", m.getDisplayName());
        put(details, "Device tag", m.getDeviceTag());
        put(details, "App version", m.getPhoneAppVersion());
        return orElse(m.getDisplayName(), "Microsoft Authenticator");
    }

    private static String temporaryAccessPass(TemporaryAccessPassAuthenticationMethod m, Map<String, String> details) {
        put(details, "Starts", time(m.getStartDateTime()));
        put(details, "Lifetime", m.getLifetimeInMinutes() == null ? null : m.getLifetimeInMinutes() + " minutes");
        put(details, "One-time", yesNo(m.getIsUsableOnce()));
        put(details, "Usable", yesNo(m.getIsUsable()));
        put(details, "Reason", words(m.getMethodUsabilityReason()));
        StringBuilder summary = new StringBuilder(Boolean.TRUE.equals(m.getIsUsable()) ? "Usable" : "Not usable");
        if (!Boolean.TRUE.equals(m.getIsUsable()) && m.getMethodUsabilityReason() != null) {
            summary.append(" (").append(words(m.getMethodUsabilityReason()).toLowerCase()).append(')');
        }
        if (m.getIsUsableOnce() != null) {
            summary.append(m.getIsUsableOnce() ? ", one-time" : ", multi-use");
        }
        if (m.getLifetimeInMinutes() != null) {
            summary.append(", ").append(m.getLifetimeInMinutes()).append(" min");
        }
        return summary.toString();
    }

    private static String windowsHello(WindowsHelloForBusinessAuthenticationMethod m, Map<String, String> details) {
        put(details, "Device", m.getDisplayName());
        put(details, "Key strength", words(m.getKeyStrength()));
        return orElse(m.getDisplayName(), "Windows Hello for Business");
    }

    private static String platformCredential(PlatformCredentialAuthenticationMethod m, Map<String, String> details) {
        put(details, "Device", m.getDisplayName());
        put(details, "Platform", words(m.getPlatform()));
        put(details, "Key strength", words(m.getKeyStrength()));
        return orElse(m.getDisplayName(), "Platform credential");
    }

    private static String external(ExternalAuthenticationMethod m, Map<String, String> details) {
        put(details, "Name", m.getDisplayName());
        put(details, "Configuration id", m.getConfigurationId());
        return orElse(m.getDisplayName(), "External authentication method");
    }

    private static String qrCodePin(QrCodePinAuthenticationMethod m, Map<String, String> details) {
        put(details, "Standard QR code expires", expiry(m.getStandardQRCode()));
        put(details, "Temporary QR code expires", expiry(m.getTemporaryQRCode()));
        return "QR code + PIN";
    }

    private static String unknown(AuthenticationMethod m, Map<String, String> details) {
        put(details, "Graph type", m.getOdataType());
        return "Unrecognised method " + orElse(m.getOdataType(), "(no type)");
    }

    private static String expiry(QrCode code) {
        return code == null ? null : time(code.getExpireDateTime());
    }

    /** A detail is read by people: "22 Nov 2026, 09:00 UTC", not an ISO timestamp. */
    private static String time(OffsetDateTime time) {
        return time == null ? null : Moments.of(time.toInstant());
    }

    private static String yesNo(Boolean value) {
        return value == null ? null : value ? "Yes" : "No";
    }

    private static String words(ValuedEnum value) {
        return value == null ? null : words(value.getValue());
    }

    /** Graph's camelCase enum values as words: notAllowedByPolicy → "Not allowed by policy". */
    static String words(String value) {
        if (value == null) {
            return null;
        }
        if (WORDS.containsKey(value)) {
            return WORDS.get(value);
        }
        String spaced = value.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase();
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static void put(Map<String, String> details, String label, String value) {
        if (value != null && !value.isBlank()) {
            details.put(label, value);
        }
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
