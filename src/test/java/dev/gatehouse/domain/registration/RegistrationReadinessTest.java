package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.method.UserRegistrationDetail;
import dev.gatehouse.domain.registration.RegistrationReadiness.Result;
import dev.gatehouse.domain.registration.RegistrationReadiness.UserRef;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.gatehouse.domain.registration.Policies.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** The userRegistrationDetails report (graph-facts §8), page by page, against the design's requirement. */
class RegistrationReadinessTest {

    private static final Instant UPDATED = NOW.minus(Duration.ofHours(3));

    private static UserRegistrationDetail row(String id, boolean guest, boolean admin, Set<String> methods,
                                              Optional<Instant> updated) {
        return new UserRegistrationDetail(id, id + "@contoso.com", "User " + id, guest, admin, !methods.isEmpty(),
                !methods.isEmpty(), false, methods, updated);
    }

    private static UserRegistrationDetail member(String id, String... methods) {
        return row(id, false, false, Set.of(methods), Optional.of(UPDATED));
    }

    @Test
    void everyPasskeyValueOfTheReportCountsAndNothingElseDoes() {
        RegistrationReadiness readiness = new RegistrationReadiness(Set.of());
        readiness.accept(List.of(member("a", "fido2SecurityKey"), member("b", "passKeyDeviceBound"),
                member("c", "passKeyDeviceBoundAuthenticator"), member("d", "passKeyDeviceBoundWindowsHello"),
                member("e", "PASSKEYSYNCED", "mobilePhone")));
        readiness.accept(List.of(member("f", "microsoftAuthenticatorPush", "windowsHelloForBusiness"),
                member("g", "passKeyDeviceBoundSomethingNew"), member("h"),
                member("i", "microsoftAuthenticatorPasswordless", "macOsSecureEnclaveKey")));

        Result result = readiness.result();

        assertThat(result.members()).isEqualTo(9);
        assertThat(result.withPasskey()).isEqualTo(5);
        assertThat(result.needPass()).extracting(UserRef::id).containsExactly("f", "g", "h", "i");
        assertThat(result.needPassCount()).isEqualTo(4);
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void guestsAreCountedApartAndEmergencyAccountsNeverListed() {
        RegistrationReadiness readiness = new RegistrationReadiness(Set.of("BG-1", "bg-2"));
        readiness.accept(List.of(member("bg-1"), member("BG-2", "fido2SecurityKey"),
                row("guest-1", true, false, Set.of(), Optional.of(UPDATED)), member("u-1")));

        Result result = readiness.result();

        assertThat(result.members()).isEqualTo(3);
        assertThat(result.guests()).isEqualTo(1);
        assertThat(result.emergencyAccounts()).isEqualTo(2);
        assertThat(result.withPasskey()).isZero();
        assertThat(result.needPass()).extracting(UserRef::id).containsExactly("u-1");
    }

    @Test
    void aPassInTheReportKeepsAUserOffTheHandOutSoNobodyGetsASecondButIsCounted() {
        RegistrationReadiness readiness = new RegistrationReadiness(Set.of());
        readiness.accept(List.of(member("t", "temporaryAccessPass"), row("adm", false, true, Set.of("mobilePhone"),
                Optional.of(UPDATED))));

        Result result = readiness.result();

        assertThat(result.needPass()).extracting(UserRef::id).containsExactly("adm");
        assertThat(result.needPassCount()).isEqualTo(2);
        assertThat(result.withPassInReport()).isEqualTo(1);
        assertThat(result.truncated()).isFalse();
        assertThat(result.adminsNeedingPass()).isEqualTo(1);
    }

    @Test
    void theCapKeepsTheFirstAndCountsTheRest() {
        RegistrationReadiness readiness = new RegistrationReadiness(Set.of(), 2);
        readiness.accept(List.of(member("1"), member("2"), member("3")));

        Result result = readiness.result();

        assertThat(result.needPass()).extracting(UserRef::id).containsExactly("1", "2");
        assertThat(result.needPassCount()).isEqualTo(3);
        assertThat(result.truncated()).isTrue();
    }

    @Test
    void theOldestAndNewestRowsSayWhetherTheReportIsStale() {
        RegistrationReadiness readiness = new RegistrationReadiness(Set.of());
        readiness.accept(List.of(row("old", false, false, Set.of(), Optional.of(NOW.minus(Duration.ofHours(30)))),
                member("new")));

        Result result = readiness.result();

        assertThat(result.oldestUpdate()).hasValue(NOW.minus(Duration.ofHours(30)));
        assertThat(result.newestUpdate()).hasValue(UPDATED);
        assertThat(result.stale(NOW)).isTrue();
        assertThat(result.stale(NOW.minus(Duration.ofHours(7)))).isFalse();
        assertThat(result.freshness()).isEqualTo("The report's rows were last updated between 19 Nov 2026, 03:00 UTC"
                + " and 20 Nov 2026, 06:00 UTC.");
    }

    @Test
    void undatedRowsMakeTheReportStaleAndAnEmptyReportIsNot() {
        RegistrationReadiness undated = new RegistrationReadiness(Set.of());
        undated.accept(List.of(member("dated"), row("x", false, false, Set.of(), Optional.empty())));

        assertThat(undated.result().stale(NOW)).isTrue();
        assertThat(undated.result().undatedRows()).isEqualTo(1);
        assertThat(new RegistrationReadiness(Set.of()).result().stale(NOW)).isFalse();
        assertThat(new RegistrationReadiness(Set.of()).result().freshness()).contains("unknown");
    }

    /** Issue 9's benchmark size: 100,000 rows in pages of 999, most without a passkey, in well under 256 MiB. */
    @Test
    void aHundredThousandRowsKeepOnlyTheIdsOfThoseWhoNeedAPass() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        RegistrationReadiness readiness = new RegistrationReadiness(Set.of());
        for (int start = 0; start < 100_000; start += 999) {
            List<UserRegistrationDetail> page = new ArrayList<>();
            for (int i = start; i < Math.min(start + 999, 100_000); i++) {
                String id = String.format("%08d-0000-4000-8000-%012d", i, i);
                page.add(row(id, i % 50 == 0, i % 1000 == 0, i % 10 == 0 ? Set.of("fido2SecurityKey", "mobilePhone")
                        : Set.of("mobilePhone", "microsoftAuthenticatorPush"), Optional.of(UPDATED)));
            }
            readiness.accept(page);
        }
        Result result = readiness.result();
        System.gc();
        long held = memory.getHeapMemoryUsage().getUsed() - before;

        assertThat(result.members() + result.guests()).isEqualTo(100_000);
        assertThat(result.guests()).isEqualTo(2_000);
        assertThat(result.withPasskey()).isEqualTo(8_000);
        assertThat(result.needPass()).hasSize(90_000);
        assertThat(held).as("heap held after the run").isLessThan(64L * 1024 * 1024);
    }
}
