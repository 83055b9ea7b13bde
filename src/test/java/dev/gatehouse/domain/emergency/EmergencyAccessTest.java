package dev.gatehouse.domain.emergency;

import dev.gatehouse.domain.emergency.EmergencyAccountCheck.Verdict;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.user.SyncState;
import dev.gatehouse.domain.user.UserProfile;
import dev.gatehouse.domain.user.UserType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** An account is an emergency account only as a member of the chosen group; a name is a hint, never a fact. */
class EmergencyAccessTest {

    private static final GroupRef EMERGENCY = new GroupRef("0b0e5c4f-1111-4e11-8e11-111111111111",
            "Tier 0 Vault", true);
    private static final GroupRef BREAK_GLASS_NAMED = new GroupRef("0b0e5c4f-2222-4e22-8e22-222222222222",
            "Break Glass (old)", false);
    private static final EmergencyAccess CHOSEN = EmergencyAccess.chosen(EmergencyGroup.of(EMERGENCY),
            EmergencyAccess.Origin.SAVED);

    private static UserProfile user(String name, String upn) {
        return new UserProfile("id-" + upn, name, upn, upn, UserType.MEMBER, true, SyncState.CLOUD_ONLY, null, null,
                null, null, null);
    }

    private static final UserProfile PLAIN_NAMED_VAULT = user("Vault Keeper 1", "vk1@contoso.onmicrosoft.com");
    private static final UserProfile EMERGENCY_NAMED = user("Emergency Access 01", "ea01@contoso.onmicrosoft.com");
    private static final UserProfile ORDINARY = user("Megan Bowen", "megan@contoso.com");

    @Test
    void aMemberOfTheChosenGroupIsOneAsAFactWhateverItsName() {
        EmergencyAccountCheck check = CHOSEN.check(PLAIN_NAMED_VAULT, List.of(EMERGENCY), Optional.empty());

        assertThat(check.verdict()).isEqualTo(Verdict.MEMBER_OF_CHOSEN_GROUP);
        assertThat(check.isFact()).isTrue();
        assertThat(check.warning()).hasValueSatisfying(w -> assertThat(w)
                .startsWith("Vault Keeper 1 is one of this tenant's emergency-access (break-glass) accounts: a member "
                        + "of Tier 0 Vault, the emergency-access group chosen on this machine.")
                .contains("Do this only as part of a planned drill")
                .doesNotContain("looks like"));
    }

    @Test
    void theFactNamesTheCommandLineWhenTheGroupCameFromThere() {
        EmergencyAccess given = EmergencyAccess.chosen(EmergencyGroup.of(EMERGENCY), EmergencyAccess.Origin.COMMAND_LINE);

        assertThat(given.check(PLAIN_NAMED_VAULT, List.of(EMERGENCY), Optional.empty()).warning())
                .hasValueSatisfying(w -> assertThat(w).contains("Tier 0 Vault, the emergency-access group given with "
                        + "--breakglass-group"));
    }

    @Test
    void withNoGroupChosenANameIsOnlyAHintThatSaysSoAndHowToChoose() {
        EmergencyAccountCheck check = EmergencyAccess.notChosen().check(EMERGENCY_NAMED, List.of(), Optional.empty());

        assertThat(check.verdict()).isEqualTo(Verdict.LOOKS_LIKE_ONE);
        assertThat(check.isFact()).isFalse();
        assertThat(check.warning()).hasValueSatisfying(w -> assertThat(w)
                .startsWith("Emergency Access 01 looks like a break-glass (emergency access) account (its name "
                        + "'Emergency Access 01'), but no emergency-access group has been chosen for this tenant, so "
                        + "this is only a hint from the name.")
                .contains("Emergency-access accounts\u2026 in the tenant menu")
                .contains("gatehouse breakglass group --set ID|NAME")
                .doesNotContain(" is one of this tenant's"));
    }

    @Test
    void aLookalikeOutsideTheChosenGroupGetsAHintNamingTheGroup() {
        EmergencyAccountCheck check = CHOSEN.check(EMERGENCY_NAMED, List.of(), Optional.empty());

        assertThat(check.verdict()).isEqualTo(Verdict.LOOKS_LIKE_ONE);
        assertThat(check.warning()).hasValueSatisfying(w -> assertThat(w)
                .contains("looks like a break-glass (emergency access) account (its name 'Emergency Access 01'), but "
                        + "is not a member of Tier 0 Vault, the emergency-access group chosen on this machine")
                .contains("add it to that group, or choose the group that holds the emergency accounts"));
    }

    @Test
    void aGroupNameCanMakeItLookLikeOneToo() {
        EmergencyAccountCheck check = EmergencyAccess.notChosen().check(ORDINARY, List.of(BREAK_GLASS_NAMED),
                Optional.empty());

        assertThat(check.warning()).hasValueSatisfying(w -> assertThat(w).contains("(its group 'Break Glass (old)')"));
    }

    @Test
    void anOrdinaryAccountGetsNothing() {
        assertThat(CHOSEN.check(ORDINARY, List.of(), Optional.empty()).verdict()).isEqualTo(Verdict.NOT_ONE);
        assertThat(EmergencyAccess.notChosen().check(ORDINARY, List.of(), Optional.empty()).warning()).isEmpty();
    }

    @Test
    void unreadableMembershipsAreSaidNotGuessed() {
        EmergencyAccountCheck check = CHOSEN.check(ORDINARY, List.of(), Optional.of("needs User.Read.All"));

        assertThat(check.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
        assertThat(check.warning()).hasValueSatisfying(w -> assertThat(w)
                .contains("could not be checked: their group memberships could not be read (needs User.Read.All)")
                .contains("Tier 0 Vault"));
    }

    @Test
    void aChoiceThatCouldNotBeReadLeavesOnlyTheHint() {
        EmergencyAccess unknown = EmergencyAccess.undetermined("the tenant's id could not be read: 403");

        assertThat(unknown.check(EMERGENCY_NAMED, List.of(), Optional.empty()).warning()).hasValueSatisfying(w ->
                assertThat(w).contains("could not be found out (the tenant's id could not be read: 403)")
                        .contains("only a hint from the name"));
        assertThat(unknown.check(ORDINARY, List.of(), Optional.empty()).warning()).isEmpty();
    }
}
