package dev.gatehouse.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.sim.access.TemporaryAccessPassPolicy;
import dev.gatehouse.sim.odata.EntityShape;
import dev.gatehouse.sim.odata.QueryCapabilities;
import dev.gatehouse.sim.odata.TableShape;
import dev.gatehouse.sim.state.SimMethod;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.Wire;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.gatehouse.sim.wire.Wire.dateTime;
import static dev.gatehouse.sim.wire.Wire.text;

/**
 * Wire shapes of the v1.0 authentication method types, with the properties of the v1.0 metadata (as the
 * Graph Java SDK 6.69 models them). Values that depend on who reads and when are computed here: phone
 * numbers masked for an Authentication Administrator, a TAP's usability from its start, lifetime and the
 * tenant's TAP policy, and the TAP code itself, which a GET never returns.
 */
final class MethodShapes {

    static final String BASE_TYPE = "microsoft.graph.authenticationMethod";

    private final Map<MethodType, TableShape<SimMethod>> shapes = new EnumMap<>(MethodType.class);

    /**
     * @param maskPhones whether phone numbers are shown masked to the reader
     */
    MethodShapes(TenantState state, boolean maskPhones) {
        Instant now = state.now();
        shapes.put(MethodType.PASSWORD, builder(MethodType.PASSWORD)
                .property("id", m -> text(m.id()))
                .property("password", m -> NullNode.instance)
                .property("createdDateTime", m -> dateTime(m.createdDateTime()))
                .build());
        shapes.put(MethodType.PHONE, builder(MethodType.PHONE)
                .property("id", m -> text(m.id()))
                .property("phoneNumber", m -> text(maskPhones ? mask(m.text("phoneNumber")) : m.text("phoneNumber")))
                .property("phoneType", m -> text(m.text("phoneType")))
                .property("smsSignInState", m -> text(smsSignInState(state, m)))
                .selectable("createdDateTime", m -> dateTime(m.createdDateTime()))
                .build());
        shapes.put(MethodType.EMAIL, builder(MethodType.EMAIL)
                .property("id", m -> text(m.id()))
                .property("emailAddress", m -> text(m.text("emailAddress")))
                .selectable("createdDateTime", m -> dateTime(m.createdDateTime()))
                .build());
        shapes.put(MethodType.FIDO2, builder(MethodType.FIDO2)
                .property("id", m -> text(m.id()))
                .property("displayName", m -> text(m.text("displayName")))
                .property("createdDateTime", m -> dateTime(m.createdDateTime()))
                .property("aaGuid", m -> text(m.text("aaGuid")))
                .property("model", m -> text(m.text("model")))
                .property("attestationCertificates", m -> copy(m, "attestationCertificates", Wire.array()))
                .property("attestationLevel", m -> text(m.text("attestationLevel")))
                .property("passkeyType", m -> text(m.text("passkeyType")))
                .selectable("publicKeyCredential", m -> NullNode.instance)
                .build());
        shapes.put(MethodType.MICROSOFT_AUTHENTICATOR, builder(MethodType.MICROSOFT_AUTHENTICATOR)
                .property("id", m -> text(m.id()))
                .property("displayName", m -> text(m.text("displayName")))
                .property("deviceTag", m -> text(m.text("deviceTag")))
                .property("phoneAppVersion", m -> text(m.text("phoneAppVersion")))
                .property("createdDateTime", m -> dateTime(m.createdDateTime()))
                .build());
        shapes.put(MethodType.SOFTWARE_OATH, builder(MethodType.SOFTWARE_OATH)
                .property("id", m -> text(m.id()))
                .property("secretKey", m -> NullNode.instance)
                .selectable("createdDateTime", m -> dateTime(m.createdDateTime()))
                .build());
        shapes.put(MethodType.TEMPORARY_ACCESS_PASS, builder(MethodType.TEMPORARY_ACCESS_PASS)
                .property("id", m -> text(m.id()))
                .property("temporaryAccessPass", m -> NullNode.instance)
                .property("createdDateTime", m -> dateTime(m.createdDateTime()))
                .property("startDateTime", m -> dateTime(TemporaryAccessPassPolicy.start(m)))
                .property("lifetimeInMinutes", m -> Wire.number(m.properties().path("lifetimeInMinutes").asInt(60)))
                .property("isUsableOnce", m -> Wire.bool(m.properties().path("isUsableOnce").asBoolean(false)))
                .property("isUsable", m -> Wire.bool(TemporaryAccessPassPolicy.usability(state, m, now).equals("EnabledByPolicy")))
                .property("methodUsabilityReason", m -> text(TemporaryAccessPassPolicy.usability(state, m, now)))
                .build());
        shapes.put(MethodType.WINDOWS_HELLO_FOR_BUSINESS, builder(MethodType.WINDOWS_HELLO_FOR_BUSINESS)
                .property("id", m -> text(m.id()))
                .property("displayName", m -> text(m.text("displayName")))
                .property("createdDateTime", m -> dateTime(m.createdDateTime()))
                .property("keyStrength", m -> text(m.text("keyStrength")))
                .build());
        shapes.put(MethodType.PLATFORM_CREDENTIAL, builder(MethodType.PLATFORM_CREDENTIAL)
                .property("id", m -> text(m.id()))
                .property("displayName", m -> text(m.text("displayName")))
                .property("createdDateTime", m -> dateTime(m.createdDateTime()))
                .property("keyStrength", m -> text(m.text("keyStrength")))
                .property("platform", m -> text(m.text("platform")))
                .build());
        shapes.put(MethodType.EXTERNAL, builder(MethodType.EXTERNAL)
                .property("id", m -> text(m.id()))
                .property("displayName", m -> text(m.text("displayName")))
                .property("createdDateTime", m -> dateTime(m.createdDateTime()))
                .property("configurationId", m -> text(m.text("configurationId")))
                .build());
        shapes.put(MethodType.QR_CODE_PIN, builder(MethodType.QR_CODE_PIN)
                .property("id", m -> text(m.id()))
                .property("createdDateTime", m -> dateTime(m.createdDateTime()))
                .build());
    }

    /** Method types a v1.0 list returns (hardware OATH is beta only). */
    static boolean servedInV1(MethodType type) {
        return type != MethodType.HARDWARE_OATH && type != MethodType.UNKNOWN;
    }

    EntityShape<SimMethod> of(MethodType type) {
        return shapes.get(type);
    }

    /** The Temporary Access Pass as its create response shows it: the only time Graph returns the pass itself. */
    EntityShape<SimMethod> temporaryAccessPassWithCode(String code) {
        TableShape<SimMethod> tap = shapes.get(MethodType.TEMPORARY_ACCESS_PASS);
        return new EntityShape<>() {
            @Override
            public String typeName() {
                return tap.typeName();
            }

            @Override
            public boolean declares(String property) {
                return tap.declares(property);
            }

            @Override
            public JsonNode value(SimMethod entity, String property) {
                return property.equals("temporaryAccessPass") ? text(code) : tap.value(entity, property);
            }

            @Override
            public List<String> defaultProperties(SimMethod entity) {
                return tap.defaultProperties(entity);
            }

            @Override
            public QueryCapabilities capabilities() {
                return tap.capabilities();
            }
        };
    }

    /** The base-typed shape of {@code /authentication/methods}: each item written as its own type. */
    EntityShape<SimMethod> base() {
        return new EntityShape<>() {
            @Override
            public String typeName() {
                return BASE_TYPE;
            }

            @Override
            public boolean declares(String property) {
                return shapes.values().stream().anyMatch(s -> s.declares(property));
            }

            @Override
            public JsonNode value(SimMethod entity, String property) {
                TableShape<SimMethod> shape = shapes.get(entity.type());
                return shape == null ? MissingNode.getInstance() : shape.value(entity, property);
            }

            @Override
            public List<String> defaultProperties(SimMethod entity) {
                return shapes.get(entity.type()).defaultProperties(entity);
            }

            @Override
            public String concreteType(SimMethod entity) {
                return shapes.get(entity.type()).typeName();
            }

            @Override
            public QueryCapabilities capabilities() {
                return QueryCapabilities.open(BASE_TYPE);
            }
        };
    }

    private static TableShape.Builder<SimMethod> builder(MethodType type) {
        String name = type.odataType().orElseThrow().substring(1);
        return TableShape.<SimMethod>builder(name);
    }

    private static JsonNode copy(SimMethod method, String property, JsonNode fallback) {
        JsonNode value = method.properties().get(property);
        return value == null || value.isNull() ? fallback : value.deepCopy();
    }

    /**
     * Keeps the country code and the last two digits: an Authentication Administrator reading another
     * user's methods sees only this much.
     */
    static String mask(String phoneNumber) {
        if (phoneNumber == null) {
            return null;
        }
        int space = phoneNumber.indexOf(' ');
        String prefix = phoneNumber.startsWith("+") && space > 0 ? phoneNumber.substring(0, space + 1) : "";
        String rest = phoneNumber.substring(prefix.length());
        long digits = rest.chars().filter(Character::isDigit).count();
        StringBuilder masked = new StringBuilder(prefix);
        int seen = 0;
        for (char c : rest.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                masked.append(seen > digits - 2 ? c : 'X');
            } else if (!Character.isWhitespace(c)) {
                masked.append('X');
            }
        }
        return masked.toString();
    }

    /**
     * SMS sign-in is only possible on a mobile number, and only when the SMS method configuration is enabled
     * with a target usable for sign-in; a scenario may state the value outright.
     */
    private static String smsSignInState(TenantState state, SimMethod method) {
        String stated = method.text("smsSignInState");
        if (stated != null) {
            return stated;
        }
        if (!"mobile".equals(method.text("phoneType"))) {
            return "notSupported";
        }
        Optional<ObjectNode> sms = state.authenticationMethodConfiguration("Sms");
        boolean usable = sms.filter(c -> c.path("state").asText().equals("enabled"))
                .map(c -> {
                    for (JsonNode target : c.path("includeTargets")) {
                        if (target.path("isUsableForSignIn").asBoolean(false)) {
                            return true;
                        }
                    }
                    return false;
                }).orElse(false);
        return usable ? "ready" : "notAllowedByPolicy";
    }
}
