package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Grant;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Users;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Conditional Access policy's state, users and grant in an administrator's words, as the portal names them, so
 * that the home view, the checkers and the pre-flight describe one policy the same way.
 */
final class PolicyWords {

    /** Strength combinations as the portal's "Authentication strengths" blade names them. */
    private static final Map<String, String> COMBINATIONS = Map.ofEntries(
            Map.entry("fido2", "passkey (FIDO2)"),
            Map.entry("temporaryaccesspassonetime", "one-time TAP"),
            Map.entry("temporaryaccesspassmultiuse", "multi-use TAP"),
            Map.entry("windowshelloforbusiness", "Windows Hello for Business"),
            Map.entry("x509certificatemultifactor", "certificate (multifactor)"),
            Map.entry("x509certificatesinglefactor", "certificate (single factor)"),
            Map.entry("deviceBasedPush".toLowerCase(Locale.ROOT), "Microsoft Authenticator phone sign-in"),
            Map.entry("password,microsoftauthenticatorpush", "password + Microsoft Authenticator push"),
            Map.entry("password,sms", "password + SMS"),
            Map.entry("password,voice", "password + voice call"),
            Map.entry("password,softwareoath", "password + software OATH token"),
            Map.entry("password,hardwareoath", "password + hardware OATH token"));

    private PolicyWords() {
    }

    /** "On", "Report-only" or "Off", as the portal's policy list shows the state. */
    static String state(ConditionalAccessPolicy.State state) {
        return switch (state) {
            case ENABLED -> "On";
            case REPORT_ONLY -> "Report-only";
            case DISABLED -> "Off";
        };
    }

    /** "'Require MFA' (On)". */
    static String named(ConditionalAccessPolicy policy) {
        return "'" + policy.displayName() + "' (" + state(policy.state()) + ")";
    }

    /** "All users, except guests and external users and 1 group (bbbb…)". */
    static String users(Users users) {
        List<String> include = new ArrayList<>();
        if (has(users.includeUsers(), "All")) {
            include.add("All users");
        } else {
            if (has(users.includeUsers(), "None")) {
                include.add("nobody");
            }
            count(include, users.includeUsers().stream().filter(u -> !u.equalsIgnoreCase("GuestsOrExternalUsers")
                    && !u.equalsIgnoreCase("None")).toList(), "user");
            count(include, users.includeGroups(), "group");
            count(include, users.includeRoles(), "role");
            if (users.includeGuestsOrExternalUsers() || has(users.includeUsers(), "GuestsOrExternalUsers")) {
                include.add("guests and external users");
            }
        }
        List<String> exclude = new ArrayList<>();
        if (users.excludeGuestsOrExternalUsers() || has(users.excludeUsers(), "GuestsOrExternalUsers")) {
            exclude.add("guests and external users");
        }
        count(exclude, users.excludeUsers().stream().filter(u -> !u.equalsIgnoreCase("GuestsOrExternalUsers"))
                .toList(), "user");
        count(exclude, users.excludeGroups(), "group");
        count(exclude, users.excludeRoles(), "role");
        String who = include.isEmpty() ? "nobody" : String.join(", ", include);
        return exclude.isEmpty() ? who + ", no exclusions" : who + ", except " + String.join(" and ", exclude);
    }

    /** "MFA", "a compliant device or passkey (FIDO2) or one-time TAP", "nothing (no grant control)". */
    static String grant(Grant grant) {
        List<String> terms = new ArrayList<>();
        grant.builtInControls().stream().sorted().map(PolicyWords::control).forEach(terms::add);
        grant.strength().ifPresent(strength -> terms.add(strength(strength)));
        if (terms.isEmpty()) {
            return "nothing (no grant control)";
        }
        return String.join(grant.requireAll() ? " and " : " or ", terms);
    }

    /** "authentication strength 'Bootstrap' (passkey (FIDO2) or one-time TAP)". */
    static String strength(AuthenticationStrength strength) {
        return "authentication strength '" + strength.displayName() + "' (" + String.join(" or ",
                strength.allowedCombinations().stream().map(PolicyWords::combination).sorted().toList()) + ")";
    }

    static String control(String control) {
        return switch (control.toLowerCase(Locale.ROOT)) {
            case "mfa" -> "MFA";
            case "block" -> "block access";
            case "compliantdevice" -> "a compliant device";
            case "domainjoineddevice" -> "a Microsoft Entra hybrid joined device";
            case "approvedapplication" -> "an approved client app";
            case "compliantapplication" -> "an app protection policy";
            case "passwordchange" -> "a password change";
            default -> "'" + control + "'";
        };
    }

    static String combination(String combination) {
        String key = String.join(",", List.of(combination.replace(" ", "").toLowerCase(Locale.ROOT).split(",")));
        return COMBINATIONS.getOrDefault(key, combination);
    }

    static boolean has(Collection<String> values, String wanted) {
        return values.stream().anyMatch(wanted::equalsIgnoreCase);
    }

    private static void count(List<String> parts, Collection<String> ids, String noun) {
        if (!ids.isEmpty()) {
            parts.add(ids.size() + " " + noun + (ids.size() == 1 ? "" : "s") + " (" + String.join(", ",
                    ids.stream().sorted().toList()) + ")");
        }
    }
}
