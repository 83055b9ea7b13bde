package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.emergency.EmergencyGroup;
import dev.gatehouse.domain.recovery.RecoveryFixtures.RecordingWriter;
import dev.gatehouse.domain.recovery.RecoveryRequest.RevokeSessions;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.UserDetail;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.gatehouse.domain.recovery.RecoveryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The guardrail warns as a fact only for the chosen group's members, and as a hint for a name that looks like one. */
class EmergencyGuardrailTest {

    private static final GroupRef VAULT = new GroupRef("7f6d2c1a-3b4e-4c5d-8e9f-0a1b2c3d4e5f", "Tier 0 Vault", true);

    private final RecoveryPlanner planner = new RecoveryPlanner(new RecordingWriter(), new PasswordGenerator());

    private static RecoveryContext context(UserDetail target, EmergencyAccess emergency) {
        return new RecoveryContext(admin(GLOBAL_ADMIN), target, target.roleAssignableGroups(),
                Optional.of(defaultPolicy()), List.of(), List.of(), Map.of(), NOW, Duration.ofDays(7), emergency);
    }

    private List<String> warnings(UserDetail target, EmergencyAccess emergency) {
        return planner.propose(context(target, emergency), new RevokeSessions()).warnings();
    }

    @Test
    void aMemberOfTheChosenGroupGetsTheFactNamingTheGroup() {
        UserDetail vaultMember = new UserDetail(user("Vault Keeper").profile(), List.of(GLOBAL_ADMIN), List.of(VAULT),
                List.of(PASSWORD, YUBIKEY));

        assertThat(warnings(vaultMember, EmergencyAccess.chosen(EmergencyGroup.of(VAULT), EmergencyAccess.Origin.SAVED)))
                .anyMatch(w -> w.startsWith("Vault Keeper is one of this tenant's emergency-access (break-glass) "
                        + "accounts: a member of Tier 0 Vault"))
                .noneMatch(w -> w.contains("looks like"));
    }

    @Test
    void aLookalikeWithNoGroupChosenGetsTheHintAndHowToChoose() {
        assertThat(warnings(breakGlass(), EmergencyAccess.notChosen()))
                .anyMatch(w -> w.contains("Emergency Access 01 looks like a break-glass (emergency access) account")
                        && w.contains("no emergency-access group has been chosen for this tenant")
                        && w.contains("gatehouse breakglass group --set"))
                .noneMatch(w -> w.contains("is one of this tenant's"));
    }

    @Test
    void aLookalikeOutsideTheChosenGroupIsToldItIsNotInIt() {
        assertThat(warnings(breakGlass(), EmergencyAccess.chosen(EmergencyGroup.of(VAULT), EmergencyAccess.Origin.SAVED)))
                .anyMatch(w -> w.contains("is not a member of Tier 0 Vault, the emergency-access group chosen on this "
                        + "machine"));
    }

    @Test
    void anOrdinaryUserGetsNoEmergencyWarning() {
        assertThat(warnings(smsOnlyUser(), EmergencyAccess.chosen(EmergencyGroup.of(VAULT), EmergencyAccess.Origin.SAVED)))
                .noneMatch(w -> w.contains("emergency") || w.contains("break-glass"));
    }
}
