package dev.gatehouse.domain.signin;

import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether one policy's grant controls are met by what a sign-in presents on its device: {@code mfa},
 * {@code compliantDevice}, {@code block} and an authentication strength, combined with the policy's AND/OR.
 * Other controls (domain-joined device, approved app, terms of use…) are not simulated and count as not met.
 */
final class GrantCheck {

    /** @param explanation "Policy 'X' requires MFA or a compliant device: met by passkey (FIDO2)." */
    record Result(boolean met, boolean blocks, String explanation) {
    }

    private GrantCheck() {
    }

    static Result check(ConditionalAccessPolicy policy, Presented presented, boolean compliantDevice) {
        ConditionalAccessPolicy.Grant grant = policy.grant();
        List<String> required = new ArrayList<>();
        List<Boolean> met = new ArrayList<>();
        boolean blocks = false;
        for (String control : grant.builtInControls()) {
            switch (control.toLowerCase(Locale.ROOT)) {
                case "block" -> {
                    blocks = true;
                    required.add("blocks access");
                    met.add(false);
                }
                case "mfa" -> {
                    required.add("MFA");
                    met.add(presented.mfa());
                }
                case "compliantdevice" -> {
                    required.add("a compliant device");
                    met.add(compliantDevice);
                }
                default -> {
                    required.add("'" + control + "' (not simulated, counted as not met)");
                    met.add(false);
                }
            }
        }
        if (grant.strength().isPresent()) {
            AuthenticationStrength strength = grant.strength().get();
            required.add("authentication strength '" + strength.displayName() + "' ("
                    + String.join(" | ", strength.allowedCombinations().stream().sorted().toList()) + ")");
            met.add(strength.allowedCombinations().stream().anyMatch(presented::matches));
        }
        String name = "Policy '" + policy.displayName() + "'";
        if (required.isEmpty()) {
            return new Result(true, false, name + " applies but sets no grant control.");
        }
        boolean ok = grant.requireAll() ? !met.contains(false) : met.contains(true);
        String requirement = String.join(grant.requireAll() ? " and " : " or ", required);
        if (blocks && required.size() == 1) {
            return new Result(false, true, name + " blocks access.");
        }
        if (ok) {
            return new Result(true, false, name + " requires " + requirement + ": met by " + presented.description()
                    + (compliantDevice ? " on a compliant device." : "."));
        }
        return new Result(false, blocks, name + " requires " + requirement + ": not met by " + presented.description()
                + (compliantDevice ? " on a compliant device." : " on a device that is not compliant."));
    }
}
