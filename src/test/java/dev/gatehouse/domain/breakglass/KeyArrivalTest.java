package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule for keys that look like one physical key registered to two accounts. */
class KeyArrivalTest {

    private static final String YUBIKEY_5_NFC = "2fc0579f-8113-47ea-b116-555a8db9202a";
    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");

    private static KeyArrival key(String account, String aaGuid, Instant created) {
        return new KeyArrival(account + "-id", account, new AuthMethod(account + "-key", MethodType.FIDO2,
                "Security key", created, Map.of("Model", "YubiKey 5 NFC", "AAGUID", aaGuid)));
    }

    @Test
    void theSameModelRegisteredMinutesApartToTwoAccountsIsWarnedAbout() {
        List<String> warnings = KeyArrival.sameKeyWarnings(List.of(key("Emergency Access 01", YUBIKEY_5_NFC, NINE),
                key("Emergency Access 02", YUBIKEY_5_NFC.toUpperCase(), NINE.plusSeconds(150))));

        assertThat(warnings).singleElement().satisfies(w -> assertThat(w).contains("Emergency Access 01")
                .contains("Emergency Access 02").contains("YubiKey 5 NFC").contains(YUBIKEY_5_NFC)
                .contains("same physical key").contains("names the model, not the key"));
    }

    @Test
    void theSameModelAnHourApartADifferentModelOrAnUnknownTimeIsNot() {
        assertThat(KeyArrival.sameKeyWarnings(List.of(key("A", YUBIKEY_5_NFC, NINE),
                key("B", YUBIKEY_5_NFC, NINE.plus(KeyArrival.SAME_MOMENT).plusSeconds(1))))).isEmpty();
        assertThat(KeyArrival.sameKeyWarnings(List.of(key("A", YUBIKEY_5_NFC, NINE),
                key("B", "cb69481e-8ff7-4039-93ec-0a2729a154a8", NINE.plusSeconds(30))))).isEmpty();
        assertThat(KeyArrival.sameKeyWarnings(List.of(key("A", YUBIKEY_5_NFC, NINE),
                key("B", YUBIKEY_5_NFC, null)))).isEmpty();
    }

    @Test
    void twoKeysOfOneAccountAreNotAWarning() {
        KeyArrival first = key("A", YUBIKEY_5_NFC, NINE);
        KeyArrival second = new KeyArrival(first.userId(), "A", new AuthMethod("other", MethodType.FIDO2, "Backup",
                NINE.plusSeconds(60), Map.of("AAGUID", YUBIKEY_5_NFC)));

        assertThat(KeyArrival.sameKeyWarnings(List.of(first, second))).isEmpty();
    }

    @Test
    void describesTheKeyByModelAaguidAndTime() {
        assertThat(key("Emergency Access 01", YUBIKEY_5_NFC, NINE).describe())
                .isEqualTo("Emergency Access 01: YubiKey 5 NFC, AAGUID " + YUBIKEY_5_NFC
                        + ", registered 2 Mar 2026, 09:00 UTC");
        assertThatThrownBy(() -> new KeyArrival("id", "A", new AuthMethod("p", MethodType.PHONE, "+61", null,
                Map.of()))).isInstanceOf(IllegalArgumentException.class);
    }
}
