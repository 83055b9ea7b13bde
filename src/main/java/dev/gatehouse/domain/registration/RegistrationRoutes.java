package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.signin.SignInMethod;
import dev.gatehouse.domain.signin.SignInSimulator;
import dev.gatehouse.domain.signin.SignInSituation;
import dev.gatehouse.domain.signin.SignInTarget;
import dev.gatehouse.domain.signin.SignInVerdict;
import dev.gatehouse.domain.signin.SignInVerdict.Outcome;
import dev.gatehouse.domain.signin.UserSnapshot;

import java.util.Arrays;
import java.util.List;

/**
 * Whether a user could reach "Register security information" with some method they have, as the sign-in simulator
 * answers it. Always on a device that is not compliant: Gatehouse cannot know the device the admin will use, and a
 * device-code sign-in never satisfies a compliant-device grant (graph-facts §10.3), so counting on it would be a guess.
 */
final class RegistrationRoutes {

    /**
     * @param reachable the routes that get through ("passkey (FIDO2)"); empty when none does
     * @param refusals  for each route that does not, the simulator's headline
     */
    record Finding(List<String> reachable, List<String> refusals) {
        boolean canRegister() {
            return !reachable.isEmpty();
        }
    }

    private RegistrationRoutes() {
    }

    static Finding of(SignInSimulator simulator, UserSnapshot user) {
        List<SignInVerdict> verdicts = Arrays.stream(SignInMethod.values())
                .filter(m -> simulator.usableAsNamed(m, user))
                .map(m -> simulator.simulate(user, SignInSituation.of(m, SignInTarget.REGISTER_SECURITY_INFO)))
                .toList();
        return new Finding(
                verdicts.stream().filter(v -> v.outcome() == Outcome.SIGNS_IN)
                        .map(v -> v.situation().method().label()).toList(),
                verdicts.stream().filter(v -> v.outcome() != Outcome.SIGNS_IN)
                        .map(v -> v.situation().method().label() + ": " + v.headline()).toList());
    }

    /** "Megan Bowen (meganb@contoso.com)". */
    static String name(UserSnapshot user) {
        String display = user.profile().displayName();
        String upn = user.profile().userPrincipalName();
        if (display == null || display.isBlank()) {
            return upn == null ? user.profile().id() : upn;
        }
        return upn == null ? display : display + " (" + upn + ")";
    }
}
