package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.signin.SignInSimulator;
import dev.gatehouse.domain.signin.UserSnapshot;
import dev.gatehouse.domain.user.SyncState;
import dev.gatehouse.domain.user.UserProfile;
import dev.gatehouse.domain.user.UserType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationRoutesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void aUserWithOnlyAPasswordReachesRegistrationOnceWithItNotOnceForEachMissingSecondFactor() {
        UserProfile profile = new UserProfile("6e7b768e-07e2-4810-8459-485f84f8f204", "Adele Vance",
                "AdeleV@contoso.com", null, UserType.MEMBER, true, SyncState.CLOUD_ONLY,
                Instant.parse("2024-01-10T08:00:00Z"), null, null, null, null);
        UserSnapshot user = new UserSnapshot(profile, List.of(new AuthMethod(MethodType.PASSWORD_METHOD_ID,
                MethodType.PASSWORD, "Password", null, null)), Set.of(), Set.of(), false);

        RegistrationRoutes.Finding finding = RegistrationRoutes.of(new SignInSimulator(List.of(), Optional.empty(),
                NOW), user);

        assertThat(finding.reachable()).containsExactly("password only");
    }
}
