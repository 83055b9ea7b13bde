package dev.gatehouse.domain.policy;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KeyRestrictionsTest {

    private static final String YUBIKEY_5_NFC = "cb69481e-8ff7-4039-93ec-0a2729a154a8";
    private static final String OTHER = "ee882879-721c-4913-9775-3dfcce97072a";

    private static KeyRestrictions restrictions(boolean enforced, KeyRestrictions.Enforcement type, String... aaGuids) {
        return new KeyRestrictions(enforced, type, new LinkedHashSet<>(List.of(aaGuids)));
    }

    @Test
    void notEnforcedAllowsEveryModelWhateverTheList() {
        assertThat(KeyRestrictions.NONE.allows(OTHER)).isTrue();
        assertThat(restrictions(false, KeyRestrictions.Enforcement.ALLOW, YUBIKEY_5_NFC).allows(OTHER)).isTrue();
        assertThat(restrictions(false, KeyRestrictions.Enforcement.BLOCK, OTHER).allows(OTHER)).isTrue();
    }

    @Test
    void anEnforcedAllowListAllowsOnlyTheModelsItNamesWhateverTheirCase() {
        KeyRestrictions allow = restrictions(true, KeyRestrictions.Enforcement.ALLOW, YUBIKEY_5_NFC.toUpperCase());

        assertThat(allow.allows(YUBIKEY_5_NFC)).isTrue();
        assertThat(allow.allows(" " + YUBIKEY_5_NFC.toUpperCase() + " ")).isTrue();
        assertThat(allow.allows(OTHER)).isFalse();
        assertThat(restrictions(true, KeyRestrictions.Enforcement.ALLOW).allows(OTHER)).isFalse();
    }

    @Test
    void anEnforcedBlockListRefusesOnlyTheModelsItNames() {
        KeyRestrictions block = restrictions(true, KeyRestrictions.Enforcement.BLOCK, OTHER);

        assertThat(block.allows(OTHER.toUpperCase())).isFalse();
        assertThat(block.allows(YUBIKEY_5_NFC)).isTrue();
        assertThat(restrictions(true, KeyRestrictions.Enforcement.BLOCK).allows(OTHER)).isTrue();
    }

    @Test
    void theSummarySaysWhichModelsAndHowManyInGraphsOrder() {
        assertThat(restrictions(true, KeyRestrictions.Enforcement.ALLOW, YUBIKEY_5_NFC.toUpperCase(), OTHER).summary())
                .isEqualTo("Only these key models may register and sign in: 2 AAGUIDs (" + YUBIKEY_5_NFC + ", " + OTHER
                        + ").");
        assertThat(restrictions(true, KeyRestrictions.Enforcement.BLOCK, OTHER).summary())
                .isEqualTo("These key models are blocked from registering and signing in: 1 AAGUID (" + OTHER + ").");
        assertThat(KeyRestrictions.NONE.summary()).isEqualTo("Key restrictions are not enforced.");
        assertThat(restrictions(true, KeyRestrictions.Enforcement.BLOCK, OTHER, OTHER.toUpperCase()).aaGuids())
                .isEqualTo(Set.of(OTHER));
    }
}
