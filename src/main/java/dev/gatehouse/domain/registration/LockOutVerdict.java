package dev.gatehouse.domain.registration;

import java.util.List;

/**
 * Whether turning the registration policy On must be refused, and why, with the fix.
 *
 * @param reasons  why it is refused, each with the names involved and the fix; empty when not refused
 * @param warnings what does not lock anyone out but an admin should know (an emergency account that is not excluded
 *                 while another is); shown whether or not it is refused
 */
public record LockOutVerdict(boolean refuse, List<String> reasons, List<String> warnings) {

    public LockOutVerdict {
        reasons = List.copyOf(reasons);
        warnings = List.copyOf(warnings);
        if (refuse == reasons.isEmpty()) {
            throw new IllegalArgumentException("a refusal has reasons, and only a refusal has them");
        }
    }
}
