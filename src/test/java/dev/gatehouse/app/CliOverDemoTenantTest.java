package dev.gatehouse.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.GatehouseCli;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI end to end: picocli → connector → Graph SDK → HTTP → demo tenant, both in-process ("--tenant demo")
 * and against a separately started demo server reached with --graph-endpoint and GATEHOUSE_ACCESS_TOKEN.
 */
class CliOverDemoTenantTest {

    private static SimServer standalone;

    private final Map<String, String> environment = new HashMap<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startStandaloneServer() {
        standalone = SimServer.start(SimOptions.defaults().withScenario("compromised"));
    }

    @AfterAll
    static void stopStandaloneServer() {
        standalone.close();
    }

    private int run(String... args) {
        return new GatehouseCli(new GatehouseConnector(environment::get), new PrintWriter(out), new PrintWriter(err))
                .run(args);
    }

    @Test
    void usersListSearchesTheDemoTenant() {
        int code = run("users", "list", "--search", "ad");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Adele Vance").contains("adele.vance@tailspintoys.com")
                .doesNotContain("Megan Bowen");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void userShowListsEveryMethodWithItsId() {
        int code = run("--scenario", "compromised", "user", "show", "alex.wilber@tailspintoys.com");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("Alex Wilber <alex.wilber@tailspintoys.com>")
                .contains("Authentication methods (5)")
                .contains("Microsoft Authenticator")
                .contains("yesterday")
                .contains("28c10230-6103-485e-b985-444c60001490")
                .contains("added in the last 7 days")
                .containsPattern("! Phone +\\+44 7700900461 \\(alternate mobile\\) +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\(a\\)")
                .contains("(a) date from the directory audit log");
        assertThat(out.toString().lines()).as("fits a terminal of 100 columns")
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void jsonOutputIsMachineReadable() throws Exception {
        int code = run("user", "show", "adele.vance@tailspintoys.com", "--json");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.at("/profile/userPrincipalName").asText()).isEqualTo("adele.vance@tailspintoys.com");
        assertThat(json.at("/roles/0/displayName").asText()).isEqualTo("Global Administrator");
        assertThat(json.get("methods")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(json.at("/methods/0/type").asText()).isNotBlank();
    }

    @Test
    void jsonDatesEveryMethodWithItsSourceAsTheTableAndThePlaybookDo() throws Exception {
        int code = run("--scenario", "compromised", "user", "show", "alex.wilber@tailspintoys.com", "--json");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        JsonNode methods = new ObjectMapper().readTree(out.toString()).get("methods");
        JsonNode phone = java.util.stream.StreamSupport.stream(methods.spliterator(), false)
                .filter(m -> m.toString().contains("+44")).findFirst().orElseThrow();
        assertThat(phone.at("/registered/source").asText()).isEqualTo("directoryAudit");
        assertThat(phone.at("/registered/dateTime").asText()).isNotBlank();
        assertThat(phone.at("/recent").asBoolean()).isTrue();
        assertThat(phone.at("/type").asText()).isEqualTo("phone");
        assertThat(phone.at("/details/phoneType").asText()).isEqualTo("alternateMobile");
        assertThat(phone.at("/details/phoneNumber").asText()).isEqualTo("+44 7700900461");
        assertThat(methods).extracting(method -> method.get("type").asText()).contains("microsoftAuthenticator");
        assertThat(methods).allSatisfy(method -> {
            assertThat(method.at("/registered/source").asText()).isNotBlank();
            assertThat(method.has("recent")).isTrue();
        });
    }

    @Test
    void anUnknownUserIsExitCodeThreeWithOneLine() {
        int code = run("user", "show", "nobody@tailspintoys.com");

        assertThat(code).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("gatehouse: ").contains("nobody@tailspintoys.com");
    }

    @Test
    void theSameCommandsWorkAgainstAnotherGraphEndpoint() {
        environment.put("GATEHOUSE_ACCESS_TOKEN", "any-token-the-endpoint-accepts");

        int list = run("users", "list", "--search", "al", "--graph-endpoint", standalone.serviceRoot());
        int show = run("user", "show", "alex.wilber@tailspintoys.com", "--graph-endpoint", standalone.serviceRoot());

        assertThat(list).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(show).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Alex Wilber").contains("Allan Deyoung").contains("Authentication methods (5)");
    }

    @Test
    void aMissingTokenForAnEndpointSaysWhereToPutIt() {
        int code = run("users", "list", "--graph-endpoint", standalone.serviceRoot());

        assertThat(code).isEqualTo(ExitCodes.NOT_ALLOWED);
        assertThat(err.toString()).contains("GATEHOUSE_ACCESS_TOKEN").contains("never on the command line");
    }

    @Test
    void aRoleTheActorLacksIsExplainedNotDumped() {
        environment.put("GATEHOUSE_ACCESS_TOKEN", "sim-user:megan.bowen@tailspintoys.com");

        int code = run("user", "show", "alex.wilber@tailspintoys.com", "--graph-endpoint", standalone.serviceRoot());

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Alex Wilber <alex.wilber@tailspintoys.com>")
                .contains("Authentication methods: not shown")
                .contains("Authentication Administrator").contains("UserAuthenticationMethod.Read.All");
    }

    @Test
    void valuesTheGatewayRefusesAreBadUsageToo() {
        environment.put("GATEHOUSE_ACCESS_TOKEN", "token");
        int clearText = run("users", "list", "--graph-endpoint", "http://graph.example.com/v1.0");
        int blankUser = run("user", "show", " ");

        assertThat(clearText).isEqualTo(ExitCodes.USAGE);
        assertThat(blankUser).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().lines()).hasSize(2).allMatch(line -> line.startsWith("gatehouse: ")
                && !line.contains("unexpected"));
    }

    @Test
    void anUnknownScenarioIsABadUsageNotACrash() {
        int code = run("--scenario", "nonsense", "users", "list");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().lines()).singleElement().asString().startsWith("gatehouse: Unknown scenario 'nonsense'")
                .contains("compromised");
    }
}
