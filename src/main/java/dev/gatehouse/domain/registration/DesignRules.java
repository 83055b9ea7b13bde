package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.registration.RegistrationPolicyDesign.Audience;

import java.util.ArrayList;
import java.util.List;

/** What Graph refuses in a registration-policy design, or what could never work, with Graph's reason. */
final class DesignRules {

    /** signInFrequencySessionControl: up to 23 hours, else whole days up to 365 (the portal's ranges). */
    static final int MAX_HOURS = 23;
    static final int MAX_DAYS = 365;

    private DesignRules() {
    }

    static List<DesignProblem> problems(RegistrationPolicyDesign design) {
        List<DesignProblem> problems = new ArrayList<>();
        if (design.displayName().isBlank()) {
            problems.add(new DesignProblem("displayName", "The policy needs a name: Graph refuses a policy without a "
                    + "displayName (1007: the object does not match the schema of ConditionalAccessPolicy type)."));
        }
        if (design.audience() == Audience.PILOT_GROUP && design.pilotGroupId().isEmpty()) {
            problems.add(new DesignProblem("conditions.users.includeGroups", "A pilot needs its group: choose the "
                    + "group whose members the policy reaches first, or choose All users."));
        }
        if (design.mfa() && design.strength().isPresent()) {
            problems.add(new DesignProblem("grantControls.builtInControls", RegistrationPolicyDesign.MFA_WITH_STRENGTH
                    + " Keep the strength and turn off 'Require multifactor authentication'."));
        }
        if (!design.mfa() && !design.compliantDevice() && design.strength().isEmpty()) {
            problems.add(new DesignProblem("grantControls", "Choose at least one way to meet the policy (an "
                    + "authentication strength, a compliant device or multifactor authentication): Graph refuses "
                    + "grant controls that name no control, and a policy without one would protect nothing."));
        }
        design.signInFrequencyHours().filter(hours -> !validFrequency(hours)).ifPresent(hours -> problems.add(
                new DesignProblem("sessionControls.signInFrequency", "A sign-in frequency of " + hours + " hours is "
                        + "outside what Graph accepts: 1 to " + MAX_HOURS + " hours, or 1 to " + MAX_DAYS
                        + " whole days (" + 24 + " to " + MAX_DAYS * 24 + " hours in steps of 24).")));
        return List.copyOf(problems);
    }

    /** 1–23 hours, or 1–365 whole days; "every time" (0) is not a time-based frequency. */
    static boolean validFrequency(int hours) {
        if (hours >= 1 && hours <= MAX_HOURS) {
            return true;
        }
        return hours % 24 == 0 && hours / 24 >= 1 && hours / 24 <= MAX_DAYS;
    }
}
