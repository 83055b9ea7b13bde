package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.registration.RegistrationPolicyDesign.Audience;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One line per choice of a registration-policy design: what it means for the people it reaches. Plain admin
 * language; the facts come from graph-facts §10.3 and seed 000.
 */
final class DesignConsequences {

    private DesignConsequences() {
    }

    static List<String> of(RegistrationPolicyDesign design) {
        List<String> lines = new ArrayList<>();
        lines.add(state(design));
        lines.add(design.audience() == Audience.ALL_USERS
                ? "Everyone in the tenant, apart from the exclusions below, must meet the policy to add or change "
                + "their sign-in methods at My Security Info."
                : "Only the pilot group's members are asked; everyone else adds and changes sign-in methods as today.");
        lines.add(design.excludeGuestsOrExternalUsers()
                ? "Guests and external users are left out: a Temporary Access Pass does not work for them, so they "
                + "could never meet a passkey-or-TAP requirement."
                : "Guests and external users are asked too, yet cannot use a Temporary Access Pass: a guest without a "
                + "passkey or a compliant device cannot register, and a guest from another provider (such as Google) "
                + "is blocked.");
        lines.add(design.emergencyGroupId().map(id -> "The emergency-access accounts (group " + id + ") are left out, "
                        + "so they can still register a new key if this policy locks everyone else out.")
                .orElse("No emergency-access group is excluded: if nobody can meet the policy, the break-glass "
                        + "accounts cannot register a new key either. Choose the group first."));
        if (!design.otherExclusions().isEmpty()) {
            lines.add("Also left out, as the tenant's policy had them: " + exclusions(design) + ".");
        }
        lines.add(strength(design));
        lines.add(compliantDevice(design));
        if (design.mfa()) {
            lines.add("Any multifactor method counts, SMS and voice included: someone who phished a password and a "
                    + "text-message code can add their own method.");
        }
        lines.add(design.signInFrequencyHours().map(hours -> "People must have signed in fully within the last "
                        + duration(hours) + " to change methods, which shortens how long a stolen session can be "
                        + "used to add an attacker's method.")
                .orElse("A session of any age is enough to change methods: a stolen session token can be used to "
                        + "add an attacker's method for as long as it lives."));
        lines.add(design.excludeTrustedLocations()
                ? "Anyone on a trusted network (named locations marked trusted) registers without proof: that is what "
                + "Maester MT.1011 wants, but an attacker inside the network could too."
                : "The requirement applies on every network, the office included: no trust in network location, as "
                + "Microsoft's Zero Trust guidance recommends.");
        return List.copyOf(lines);
    }

    private static String state(RegistrationPolicyDesign design) {
        return switch (design.state()) {
            case REPORT_ONLY -> "Nobody is asked anything yet: Entra does not evaluate user-action policies in "
                    + "report-only mode and the sign-in logs will show nothing; use What If to see who would be asked "
                    + "for what.";
            case ENABLED -> "Enforced: everyone in scope must meet the policy the next time they open My Security "
                    + "Info.";
            case DISABLED -> "Saved but off: nobody is asked anything.";
        };
    }

    private static String strength(RegistrationPolicyDesign design) {
        if (design.strength().isEmpty()) {
            return "No authentication strength: " + (design.compliantDevice() || design.mfa()
                    ? "nobody is asked for a phishing-resistant method." : "see the problem below.");
        }
        StrengthChoice strength = design.strength().get();
        String who = design.compliantDevice() ? "On a device that is not compliant, people" : "Everyone";
        Set<String> passkeyOrTap = Set.copyOf(RegistrationPolicyDesign.PASSKEY_OR_ONE_TIME_TAP);
        String what = strength.allowedCombinations().equals(passkeyOrTap)
                ? " must sign in with a passkey, or with a one-time Temporary Access Pass the help desk issues, before "
                + "they can add or change methods; someone with only a password and a phone method needs a pass."
                : " must sign in with a method the strength allows (" + String.join(", ",
                new TreeSet<>(strength.allowedCombinations())) + ") before they can add or change methods.";
        String source = strength instanceof StrengthChoice.Reuse
                ? " The tenant's strength \"" + strength.displayName() + "\" is reused; nothing new is created."
                : " The custom strength \"" + strength.displayName() + "\" is created first.";
        return who + what + source;
    }

    private static String compliantDevice(RegistrationPolicyDesign design) {
        if (design.compliantDevice()) {
            return "People on an Intune-compliant device can register with the sign-in methods they already have "
                    + "(push, code).";
        }
        return design.strength().isPresent()
                ? "People on managed laptops will need a passkey or a one-time pass too: a compliant device is no "
                + "longer enough."
                : "A compliant device is not enough on its own.";
    }

    private static String exclusions(RegistrationPolicyDesign design) {
        List<String> parts = new ArrayList<>();
        RegistrationPolicyDesign.OtherExclusions other = design.otherExclusions();
        if (!other.users().isEmpty()) {
            parts.add("users " + String.join(", ", new TreeSet<>(other.users())));
        }
        if (!other.groups().isEmpty()) {
            parts.add("groups " + String.join(", ", new TreeSet<>(other.groups())));
        }
        if (!other.roles().isEmpty()) {
            parts.add("directory roles " + String.join(", ", new TreeSet<>(other.roles())));
        }
        return String.join("; ", parts);
    }

    /** As it follows "within the last": "hour", "5 hours", "day", "2 days". */
    static String duration(int hours) {
        if (hours > 0 && hours % 24 == 0) {
            int days = hours / 24;
            return days == 1 ? "day" : days + " days";
        }
        return hours == 1 ? "hour" : hours + " hours";
    }
}
