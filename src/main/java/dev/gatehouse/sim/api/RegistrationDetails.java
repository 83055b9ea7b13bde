package dev.gatehouse.sim.api;

import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.sim.access.MethodsPolicy;
import dev.gatehouse.sim.access.RoleRules;
import dev.gatehouse.sim.odata.TableShape;
import dev.gatehouse.sim.state.SimMethod;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.Wire;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.gatehouse.sim.wire.Wire.bool;
import static dev.gatehouse.sim.wire.Wire.text;

/**
 * The {@code userRegistrationDetails} report computed from the live tenant (Graph's report lags; the demo
 * tenant's is always current, so {@code lastUpdatedDateTime} is now). Rules (graph-facts §8): registered for MFA
 * means a method that satisfies MFA (a Temporary Access Pass is temporary and does not count); capable means
 * such a method the authentication methods policy also allows the user; passwordless capable means a FIDO2
 * key, Windows Hello or a platform credential the policy allows. The demo tenant treats self-service password
 * reset as enabled for every member.
 */
final class RegistrationDetails {

    private static final Set<MethodType> PASSWORDLESS = EnumSet.of(MethodType.FIDO2, MethodType.WINDOWS_HELLO_FOR_BUSINESS,
            MethodType.PLATFORM_CREDENTIAL);
    private static final Set<MethodType> SSPR = EnumSet.of(MethodType.PHONE, MethodType.EMAIL,
            MethodType.MICROSOFT_AUTHENTICATOR, MethodType.SOFTWARE_OATH);

    private final TenantState state;
    private final RoleRules rules;
    private final MethodsPolicy policy;

    RegistrationDetails(TenantState state, RoleRules rules) {
        this.state = state;
        this.rules = rules;
        this.policy = new MethodsPolicy(state);
    }

    TableShape<SimUser> shape() {
        return TableShape.<SimUser>builder("microsoft.graph.userRegistrationDetails")
                .property("id", u -> text(u.id()))
                .property("userPrincipalName", u -> text(u.userPrincipalName()))
                .property("userDisplayName", u -> text(u.displayName()))
                .property("userType", u -> text(u.guest() ? "guest" : "member"))
                .property("isAdmin", u -> bool(rules.isAdmin(u)))
                .property("isSsprRegistered", u -> bool(ssprRegistered(u)))
                .property("isSsprEnabled", u -> bool(!u.guest()))
                .property("isSsprCapable", u -> bool(!u.guest() && ssprRegistered(u)))
                .property("isMfaRegistered", u -> bool(methods(u).stream().anyMatch(RegistrationDetails::countsForMfa)))
                .property("isMfaCapable", u -> bool(methods(u).stream().anyMatch(m -> countsForMfa(m) && allowed(m, u))))
                .property("isPasswordlessCapable", u -> bool(methods(u).stream()
                        .anyMatch(m -> PASSWORDLESS.contains(m.type()) && allowed(m, u))))
                .property("lastUpdatedDateTime", u -> Wire.dateTime(state.now()))
                .property("methodsRegistered", u -> Wire.strings(methodsRegistered(u)))
                .property("isSystemPreferredAuthenticationMethodEnabled", u -> bool(true))
                .property("systemPreferredAuthenticationMethods", u -> Wire.strings(systemPreferred(u)))
                .property("userPreferredMethodForSecondaryAuthentication", u -> text(userPreferred(u)))
                .build();
    }

    private List<SimMethod> methods(SimUser user) {
        return state.methods().list(user.id());
    }

    private static boolean countsForMfa(SimMethod method) {
        return method.type().satisfiesMfa() && method.type() != MethodType.TEMPORARY_ACCESS_PASS;
    }

    private boolean ssprRegistered(SimUser user) {
        return !user.guest() && methods(user).stream().anyMatch(m -> SSPR.contains(m.type()));
    }

    /** Whether the tenant's methods policy lets the user use the method (Windows Hello and the rest are not in it). */
    private boolean allowed(SimMethod method, SimUser user) {
        return switch (method.type()) {
            case PHONE -> policy.appliesTo("Sms", user) || policy.appliesTo("Voice", user);
            case FIDO2 -> policy.appliesTo("Fido2", user);
            case MICROSOFT_AUTHENTICATOR -> policy.appliesTo("MicrosoftAuthenticator", user);
            case SOFTWARE_OATH -> policy.appliesTo("SoftwareOath", user);
            case EMAIL -> policy.appliesTo("Email", user);
            case TEMPORARY_ACCESS_PASS -> policy.appliesTo("TemporaryAccessPass", user);
            case HARDWARE_OATH -> policy.appliesTo("HardwareOath", user);
            default -> true;
        };
    }

    private List<String> methodsRegistered(SimUser user) {
        Set<String> names = new LinkedHashSet<>();
        for (SimMethod method : methods(user)) {
            String name = switch (method.type()) {
                case PHONE -> switch (String.valueOf(method.text("phoneType"))) {
                    case "alternateMobile" -> "alternateMobilePhone";
                    case "office" -> "officePhone";
                    default -> "mobilePhone";
                };
                case EMAIL -> "email";
                case FIDO2 -> "synced".equals(method.text("passkeyType")) ? "passKeySynced" : "passKeyDeviceBound";
                case MICROSOFT_AUTHENTICATOR -> "microsoftAuthenticatorPush";
                case SOFTWARE_OATH -> "softwareOneTimePasscode";
                case HARDWARE_OATH -> "hardwareOneTimePasscode";
                case TEMPORARY_ACCESS_PASS -> "temporaryAccessPass";
                case WINDOWS_HELLO_FOR_BUSINESS -> "windowsHelloForBusiness";
                case PLATFORM_CREDENTIAL -> "macOsSecureEnclaveKey";
                case EXTERNAL -> "externalAuthMethod";
                case QR_CODE_PIN -> "qrCode";
                case PASSWORD, UNKNOWN -> null;
            };
            if (name != null) {
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }

    /** The second factor the user chose, in userDefaultAuthenticationMethod's words; "none" without one. */
    private String userPreferred(SimUser user) {
        List<SimMethod> methods = methods(user);
        if (has(methods, MethodType.MICROSOFT_AUTHENTICATOR)) {
            return "push";
        }
        if (has(methods, MethodType.SOFTWARE_OATH)) {
            return "oath";
        }
        boolean mobile = methods.stream().anyMatch(m -> m.type() == MethodType.PHONE
                && "mobile".equals(m.text("phoneType")));
        return mobile ? "sms" : "none";
    }

    private List<String> systemPreferred(SimUser user) {
        String preferred = userPreferred(user);
        return preferred.equals("none") ? List.of() : List.of(preferred);
    }

    private static boolean has(List<SimMethod> methods, MethodType type) {
        return methods.stream().anyMatch(m -> m.type() == type);
    }
}
