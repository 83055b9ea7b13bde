package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.sim.scenario.ScenarioLoader;
import dev.gatehouse.sim.scenario.ScenarioRef;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Every bundled scenario loads and tells the story it promises; large:N stays quick and lean. */
class ScenarioTest {

    @ParameterizedTest
    @ValueSource(strings = {"baseline", "baseline-free", "compromised", "new-hires", "breakglass-gaps", "large:50"})
    void everyScenarioLoadsAndServes(String scenario) {
        try (SimServer sim = SimServer.start(SimOptions.defaults().withScenario(scenario))) {
            SimHttp http = new SimHttp(sim);
            assertThat(sim.scenario()).isEqualTo(scenario);
            assertThat(http.get("/me").status()).isEqualTo(200);
            assertThat(http.get("/users?$top=999").json().path("value").size()).isGreaterThanOrEqualTo(40);
            assertThat(http.get("/organization").json().path("value")).hasSize(1);
        }
    }

    @Test
    void relativeDatesAreMeasuredFromLoadTime() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        TenantState state = ScenarioLoader.load("baseline", Clock.fixed(now, java.time.ZoneOffset.UTC));
        String megan = state.user("megan.bowen@tailspintoys.com").orElseThrow().id();
        Instant keyAdded = state.methods().list(megan).stream()
                .filter(m -> m.type() == dev.gatehouse.domain.method.MethodType.FIDO2).findFirst().orElseThrow()
                .createdDateTime();
        assertThat(keyAdded).isEqualTo(now.minus(Duration.ofDays(12)));
        assertThat(state.user("adele.vance@tailspintoys.com").orElseThrow().createdDateTime())
                .isEqualTo(now.minus(Duration.ofDays(1400)));
    }

    @Test
    void baselineHasTheStatesTheConsoleNeeds() {
        try (SimServer sim = SimServer.start(SimOptions.defaults())) {
            SimHttp http = new SimHttp(sim);
            assertThat(http.get("/users?$filter=userType eq 'Guest'").json().path("value")).hasSize(3);
            assertThat(http.get("/users?$filter=accountEnabled eq false").json().path("value")).hasSize(4);
            assertThat(http.get("/users?$filter=onPremisesSyncEnabled eq true").json().path("value")).hasSize(3);
            assertThat(types("christie.cline@tailspintoys.com", http)).containsExactly("passwordAuthenticationMethod");
            assertThat(types("pradeep.gupta@tailspintoys.com", http)).containsExactly("passwordAuthenticationMethod",
                    "phoneAuthenticationMethod");
            assertThat(types("megan.bowen@tailspintoys.com", http)).contains("fido2AuthenticationMethod");
            assertThat(sim.state().read(sim.state()::hasEntraIdPremium)).isTrue();
            assertThat(sim.state().read(() -> sim.state().conditionalAccessPolicies().size())).isEqualTo(5);
            assertThat(sim.state().read(() -> sim.state().authenticationStrengthPolicies().size())).isEqualTo(4);
            assertThat(sim.state().read(() -> sim.state().directoryAudits().size())).isGreaterThanOrEqualTo(5);
            assertThat(sim.state().read(() -> sim.state().signIns().size())).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void baselineFreeHasNoP1() {
        TenantState state = ScenarioLoader.load("baseline-free", Clock.systemUTC());
        assertThat(state.hasEntraIdPremium()).isFalse();
        assertThat(state.conditionalAccessPolicies()).isEmpty();
        assertThat(state.subscribedSkus()).hasSize(1);
        assertThat(state.subscribedSkus().get(0).path("skuPartNumber").asText()).isEqualTo("O365_BUSINESS_PREMIUM");
        assertThat(state.user("adele.vance@tailspintoys.com").orElseThrow().directSkuIds())
                .containsExactly("f245ecc8-75af-4f8e-b61f-27d8114de5f3");
        assertThat(state.authenticationStrengthPolicies()).extracting(s -> s.path("policyType").asText())
                .containsOnly("builtIn");
    }

    @Test
    void compromisedUserGotAnAttackersAuthenticatorAndPhoneYesterday() {
        try (SimServer sim = SimServer.start(SimOptions.defaults().withScenario("compromised"))) {
            SimHttp http = new SimHttp(sim);
            JsonNode authenticators = http.get("/users/alex.wilber@tailspintoys.com/authentication/"
                    + "microsoftAuthenticatorMethods").json().path("value");
            assertThat(authenticators).hasSize(2);
            JsonNode newest = authenticators.get(1);
            assertThat(newest.path("displayName").asText()).isEqualTo("SM-A546B");
            Instant added = OffsetDateTime.parse(newest.path("createdDateTime").asText()).toInstant();
            assertThat(Duration.between(added, Instant.now()).toHours()).isBetween(23L, 25L);
            JsonNode phones = http.get("/users/alex.wilber@tailspintoys.com/authentication/phoneMethods").json()
                    .path("value");
            assertThat(phones).extracting(p -> p.path("phoneNumber").asText())
                    .containsExactlyInAnyOrder("+61 491570110", "+44 7700900461");
            assertThat(sim.state().read(() -> sim.state().directoryAudits().stream()
                    .filter(a -> a.path("initiatedBy").path("user").path("ipAddress").asText().equals("198.51.100.77"))
                    .count())).isEqualTo(3L);
        }
    }

    @Test
    void newHiresHaveNoMethodYet() {
        try (SimServer sim = SimServer.start(SimOptions.defaults().withScenario("new-hires"))) {
            SimHttp http = new SimHttp(sim);
            String groupId = http.get("/groups?$filter=displayName eq 'New Hires'").json().path("value").get(0)
                    .path("id").asText();
            JsonNode hires = http.get("/groups/" + groupId + "/members/microsoft.graph.user?$select=userPrincipalName,"
                    + "createdDateTime").json().path("value");
            assertThat(hires).hasSize(5);
            for (JsonNode hire : hires) {
                assertThat(types(hire.path("userPrincipalName").asText(), http))
                        .containsExactly("passwordAuthenticationMethod");
                Instant created = OffsetDateTime.parse(hire.path("createdDateTime").asText()).toInstant();
                assertThat(created).isAfter(Instant.now().minus(Duration.ofDays(4)));
            }
            assertThat(http.get("/groups?$filter=displayName eq 'All Staff'").json().path("value")).hasSize(1);
        }
    }

    @Test
    void breakGlassGapsAreThere() {
        try (SimServer sim = SimServer.start(SimOptions.defaults().withScenario("breakglass-gaps"))) {
            SimHttp http = new SimHttp(sim);
            assertThat(types("bg-admin-01@tailspintoys.onmicrosoft.com", http))
                    .containsExactly("passwordAuthenticationMethod");
            JsonNode tap = http.get("/users/bg-admin-02@tailspintoys.onmicrosoft.com/authentication/"
                    + "temporaryAccessPassMethods").json().path("value").get(0);
            assertThat(tap.path("isUsable").asBoolean()).isTrue();
            assertThat(types("bg-admin-02@tailspintoys.onmicrosoft.com", http)).contains("phoneAuthenticationMethod");
            JsonNode group = http.get("/groups?$filter=displayName eq 'Emergency Access Accounts'").json()
                    .path("value").get(0);
            assertThat(group.path("isAssignableToRole").asBoolean()).isFalse();
            JsonNode mfaForAll = sim.state().read(() -> sim.state().conditionalAccessPolicies().get(0));
            assertThat(mfaForAll.path("displayName").asText()).startsWith("CA001");
            assertThat(mfaForAll.path("conditions").path("users").path("excludeGroups")).hasSize(1);
            assertThat(http.get("/users/bg-admin-02@tailspintoys.onmicrosoft.com?$select=assignedLicenses").json()
                    .path("assignedLicenses")).hasSize(1);
        }
    }

    @Test
    void largeTenantOfAHundredThousandUsersStartsQuicklyAndServes() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
        long start = System.nanoTime();
        try (SimServer sim = SimServer.start(SimOptions.defaults().withScenario("large:100000"))) {
            Duration startup = Duration.ofNanos(System.nanoTime() - start);
            System.gc();
            long heapAfter = runtime.totalMemory() - runtime.freeMemory();
            System.out.printf("large:100000 started in %d ms; heap grew by about %d MB%n", startup.toMillis(),
                    (heapAfter - heapBefore) / (1024 * 1024));
            SimHttp http = new SimHttp(sim);
            assertThat(http.get("/users/$count", "ConsistencyLevel", "eventual").body()).isEqualTo("100040");
            JsonNode found = null;
            for (String word : List.of("zoe", "kim", "alex wil")) {
                long searchStart = System.nanoTime();
                JsonNode result = http.get("/users?$search=\"displayName:" + word + "\"&$count=true&$top=25",
                        "ConsistencyLevel", "eventual").json();
                System.out.printf("search for '%s' over 100,040 users took %d ms%n", word,
                        Duration.ofNanos(System.nanoTime() - searchStart).toMillis());
                found = found == null ? result : found;
            }
            assertThat(found.path("@odata.count").asInt()).isGreaterThan(500);
            assertThat(found.path("value")).hasSize(25);
            assertThat(found.has("@odata.nextLink")).isTrue();
            String someone = found.path("value").get(3).path("id").asText();
            String first = http.get("/users/" + someone + "/authentication/methods").body();
            String again = http.get("/users/" + someone + "/authentication/methods").body();
            assertThat(again).isEqualTo(first);
            assertThat(http.get("/users/" + someone + "/authentication/methods").json().path("value").get(0)
                    .path("id").asText()).isEqualTo("28c10230-6103-485e-b985-444c60001490");
        }
    }

    @Test
    void generatedUsersHaveVariedMethods() {
        TenantState state = ScenarioLoader.load("large:2000", Clock.systemUTC());
        List<Integer> counts = new ArrayList<>();
        state.users().stream().filter(u -> !u.guest()).limit(400)
                .forEach(u -> counts.add(state.methods().list(u.id()).size()));
        assertThat(counts).contains(1, 2, 3);
        assertThat(counts.stream().filter(c -> c == 1).count() / 400.0).isCloseTo(0.15, within(0.07));
    }

    @Test
    void aRepeatedNameCarriesTheSameNumberInItsSignInNameAsInItsDisplayName() {
        TenantState state = ScenarioLoader.load("large:10000", Clock.systemUTC());
        List<SimUser> second = state.users().stream().filter(u -> !u.guest() && u.displayName().endsWith(" 2"))
                .limit(20).toList();

        assertThat(second).isNotEmpty().allSatisfy(u -> assertThat(u.userPrincipalName())
                .as(u.displayName()).matches("[a-z'.-]+2(\\.\\d+)?@.*"));
    }

    @Test
    void scenarioFilesOnDiskExtendBundledOnesAndReportMistakes(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("training.json");
        Files.writeString(file, """
                {"extends": "baseline", "users": [{"userPrincipalName": "trainee@tailspintoys.com",
                  "displayName": "Trainee", "createdDateTime": "-1h", "methods": [{"type": "fido2", "model": "Key"}]}]}""");
        TenantState state = ScenarioLoader.load(file.toString(), Clock.systemUTC());
        assertThat(state.user("trainee@tailspintoys.com")).isPresent();
        assertThat(state.userCount()).isEqualTo(41);

        Path typo = folder.resolve("typo.json");
        Files.writeString(typo, """
                {"extends": "baseline", "users": [{"userPrincipalName": "x@tailspintoys.com", "jobTitel": "Clerk"}]}""");
        assertThatThrownBy(() -> ScenarioLoader.load(typo.toString(), Clock.systemUTC()))
                .hasMessageContaining("typo.json").hasMessageContaining("jobTitel");
        assertThatThrownBy(() -> ScenarioLoader.load(folder.resolve("missing.json").toString(), Clock.systemUTC()))
                .hasMessageContaining("does not exist");
        Path badMethod = folder.resolve("bad-method.json");
        Files.writeString(badMethod, """
                {"extends": "baseline", "users": [{"userPrincipalName": "y@tailspintoys.com",
                  "methods": [{"type": "carrierPigeon"}]}]}""");
        assertThatThrownBy(() -> ScenarioLoader.load(badMethod.toString(), Clock.systemUTC()))
                .hasMessageContaining("unknown method type 'carrierPigeon'").hasMessageContaining("fido2");
    }

    @Test
    void scenarioNamesAreCheckedWithClearMessages() {
        assertThat(ScenarioRef.parse("Large:100_000").generatedUsers()).isEqualTo(100_000);
        assertThatThrownBy(() -> ScenarioRef.parse("baseline2")).hasMessageContaining("Unknown scenario 'baseline2'")
                .hasMessageContaining("large:N");
        assertThatThrownBy(() -> ScenarioRef.parse("large:lots")).hasMessageContaining("give a number of users");
        assertThatThrownBy(() -> ScenarioRef.parse("large:0")).hasMessageContaining("from 1 to 1000000");
        assertThatThrownBy(() -> ScenarioRef.parse(" ")).hasMessageContaining("No scenario given");
    }

    private static List<String> types(String upn, SimHttp http) {
        List<String> types = new ArrayList<>();
        http.get("/users/" + upn.replace("#", "%23") + "/authentication/methods").json().path("value")
                .forEach(m -> types.add(m.path("@odata.type").asText().replace("#microsoft.graph.", "")));
        return types;
    }
}
