package dev.gatehouse.app;

import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.GatehouseCli;
import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.tenant.DirectoryWriter.NewUser;
import dev.gatehouse.graph.GraphGateway;
import dev.gatehouse.graph.ServiceRoot;
import dev.gatehouse.graph.TokenSource;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code users list --search} with text that is only punctuation: Graph's $search has no word in it to match, and
 * the demo tenant answered it with every user. It is searched for as typed, as the start of a name, UPN or mail.
 */
class CliUserSearchTest {

    private static SimServer sim;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The baseline plus one service account whose UPN and name start with punctuation. */
    @BeforeAll
    static void startTenantWithAPunctuatedAccount() {
        sim = SimServer.start(SimOptions.defaults().withScenario("baseline"));
        try (GraphGateway gateway = GraphGateway.open(ServiceRoot.parse(sim.serviceRoot()),
                TokenSource.fixed("sim-user:adele.vance@tailspintoys.com"), new CallLog())) {
            gateway.directoryWriter().createUser(new NewUser("_svc-backup@tailspintoys.onmicrosoft.com",
                    "_svc backup (service account)", "svc-backup", Secret.of("Password", "Vq8#tL2-mZr!9xKp-Hw4s"),
                    false, Optional.empty()));
        }
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private int run(String... args) {
        Map<String, String> environment = Map.of("GATEHOUSE_ACCESS_TOKEN", "demo");
        return new GatehouseCli(new GatehouseConnector(environment::get), new PrintWriter(out), new PrintWriter(err))
                .run(args);
    }

    @Test
    void punctuationThatStartsNoNameFindsNobodyRatherThanEverybody() {
        int code = run("users", "list", "--search", "...", "--graph-endpoint", sim.serviceRoot());

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString().strip())
                .isEqualTo("No user's display name, user principal name or mail starts with '...'.");
    }

    @Test
    void punctuationFindsTheAccountsThatStartWithIt() {
        int code = run("users", "list", "--search", "_", "--graph-endpoint", sim.serviceRoot());

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("_svc-backup@tailspintoys.onmicrosoft.com").contains("1 of 1 users.")
                .doesNotContain("Adele Vance");
    }

    @Test
    void aQuoteIsSearchedForAsAQuote() {
        int code = run("users", "list", "--search", "'", "--graph-endpoint", sim.serviceRoot());

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("No user's display name");
    }

    @Test
    void textWithWordsIsStillAWordSearch() {
        int code = run("users", "list", "--search", "wil", "--graph-endpoint", sim.serviceRoot());

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Alex Wilber").doesNotContain("_svc");
    }
}
