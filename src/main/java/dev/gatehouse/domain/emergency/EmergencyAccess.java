package dev.gatehouse.domain.emergency;

import dev.gatehouse.domain.emergency.EmergencyAccountCheck.Verdict;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.user.UserProfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * "The tenant's emergency-access accounts": the members of the group the admin chose (kept per tenant on this
 * machine, or given for one command). Nothing else makes an account one: discovery only proposes a group for the
 * admin to confirm, and a name that says "emergency" or "break glass" is only a hint.
 */
public final class EmergencyAccess {

    /** Where the admin chooses the group, for messages that tell them how. */
    public static final String HOW_TO_CHOOSE = "in the app, Emergency-access accounts\u2026 in the tenant menu; on "
            + "the command line, gatehouse breakglass group --set ID|NAME";

    private static final String AT_STAKE = "changing its password, methods or state can leave the tenant without its "
            + "way in when everything else fails";

    /** How this session knows the group. */
    public enum Origin {
        SAVED("the emergency-access group chosen on this machine"),
        COMMAND_LINE("the emergency-access group given with --breakglass-group");

        private final String phrase;

        Origin(String phrase) {
            this.phrase = phrase;
        }

        /** "the emergency-access group chosen on this machine". */
        public String phrase() {
            return phrase;
        }
    }

    private static final EmergencyAccess NOT_CHOSEN = new EmergencyAccess(null, null, null);

    private final EmergencyGroup group;
    private final Origin origin;
    private final String whyUnknown;

    private EmergencyAccess(EmergencyGroup group, Origin origin, String whyUnknown) {
        this.group = group;
        this.origin = origin;
        this.whyUnknown = whyUnknown;
    }

    public static EmergencyAccess notChosen() {
        return NOT_CHOSEN;
    }

    public static EmergencyAccess chosen(EmergencyGroup group, Origin origin) {
        return new EmergencyAccess(Objects.requireNonNull(group, "group"), Objects.requireNonNull(origin, "origin"),
                null);
    }

    /** Whether a group was chosen could not be found out (the tenant's id could not be read): why. */
    public static EmergencyAccess undetermined(String why) {
        return new EmergencyAccess(null, null, Objects.requireNonNull(why, "why"));
    }

    public Optional<EmergencyGroup> group() {
        return Optional.ofNullable(group);
    }

    public Optional<Origin> origin() {
        return Optional.ofNullable(origin);
    }

    /** Why the choice is unknown, when it is. */
    public Optional<String> whyUnknown() {
        return Optional.ofNullable(whyUnknown);
    }

    /**
     * Whether {@code target} is one of the emergency-access accounts, and what a plan on them must say.
     *
     * @param groups           every group the target belongs to, transitively, as far as they could be read
     * @param groupsUnreadable why the memberships could not all be read (then {@code groups} holds only the
     *                         role-assignable ones read with the user); empty when they were read
     */
    public EmergencyAccountCheck check(UserProfile target, List<GroupRef> groups, Optional<String> groupsUnreadable) {
        String name = target.displayName() == null || target.displayName().isBlank() ? target.userPrincipalName()
                : target.displayName();
        Optional<String> looks = BreakGlassNames.why(target, groups);
        if (group != null) {
            if (groups.stream().anyMatch(g -> g.id().equalsIgnoreCase(group.id()))) {
                return EmergencyAccountCheck.of(Verdict.MEMBER_OF_CHOSEN_GROUP, name + " is one of this tenant's "
                        + "emergency-access (break-glass) accounts: a member of " + group.displayName() + ", "
                        + origin.phrase() + ". Changing its password, methods or state can leave the tenant without "
                        + "its way in when everything else fails; its FIDO2 key and password are normally kept "
                        + "offline. Do this only as part of a planned drill.");
            }
            if (groupsUnreadable.isPresent()) {
                return EmergencyAccountCheck.of(Verdict.COULD_NOT_CHECK, "Whether " + name + " is one of this "
                        + "tenant's emergency-access accounts could not be checked: their group memberships could "
                        + "not be read (" + groupsUnreadable.get() + "), so membership of " + group.displayName()
                        + ", " + origin.phrase() + ", is unknown." + looks.map(why -> " They look like one (" + why
                        + ").").orElse("") + " If they are one, " + AT_STAKE + "; do this only as part of a planned "
                        + "drill.");
            }
            return looks.map(why -> EmergencyAccountCheck.of(Verdict.LOOKS_LIKE_ONE, name + " looks like a "
                    + "break-glass (emergency access) account (" + why + "), but is not a member of "
                    + group.displayName() + ", " + origin.phrase() + ", so this is only a hint from the name. If it is "
                    + "one, " + AT_STAKE + ": add it to that group, or choose the group that holds the emergency "
                    + "accounts (" + HOW_TO_CHOOSE + ").")).orElseGet(EmergencyAccountCheck::notOne);
        }
        if (whyUnknown != null) {
            return looks.map(why -> EmergencyAccountCheck.of(Verdict.LOOKS_LIKE_ONE, name + " looks like a "
                    + "break-glass (emergency access) account (" + why + "). Whether an emergency-access group has "
                    + "been chosen for this tenant could not be found out (" + whyUnknown + "), so this is only a hint "
                    + "from the name. If it is one, " + AT_STAKE + "; do this only as part of a planned drill."))
                    .orElseGet(EmergencyAccountCheck::notOne);
        }
        return looks.map(why -> EmergencyAccountCheck.of(Verdict.LOOKS_LIKE_ONE, name + " looks like a break-glass "
                + "(emergency access) account (" + why + "), but no emergency-access group has been chosen for this "
                + "tenant, so this is only a hint from the name. If it is one, " + AT_STAKE + "; do this only as part "
                + "of a planned drill. To make it a fact, choose the group (" + HOW_TO_CHOOSE + ")."))
                .orElseGet(EmergencyAccountCheck::notOne);
    }

    /** "Emergency Access Accounts (id …), the emergency-access group chosen on this machine", or why there is none. */
    public String describe() {
        if (group != null) {
            return group.label() + ", " + origin.phrase();
        }
        return whyUnknown != null ? "unknown: " + whyUnknown : "none chosen";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmergencyAccess that && Objects.equals(group, that.group) && origin == that.origin
                && Objects.equals(whyUnknown, that.whyUnknown);
    }

    @Override
    public int hashCode() {
        return Objects.hash(group, origin, whyUnknown);
    }

    @Override
    public String toString() {
        return "EmergencyAccess[" + describe() + "]";
    }
}
