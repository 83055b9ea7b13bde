package dev.gatehouse.graph;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.tenant.DemoTrainer;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantWriter.TapRequest;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * "Not on your own account" follows the admin a demo trainer acts as: the writer forgets who was signed in when the
 * actor changes, over HTTP against the demo tenant.
 */
class DemoActorOwnAccountTest {

    private static final String PATTI = "patti.fernandez@tailspintoys.com";
    private static final String ADELE = "adele.vance@tailspintoys.com";

    private SimServer sim;
    private GraphGateway gateway;
    private TenantConnection demo;

    @BeforeEach
    void open() {
        sim = SimServer.start(SimOptions.defaults().withScenario("compromised"));
        gateway = GraphGateway.open(ServiceRoot.parse(sim.serviceRoot()), TokenSource.fixed("trainer"),
                new CallLog(10_000), RetryPolicy.DEFAULT);
        demo = new GraphTenantConnection(gateway, "Demo tenant", true, () -> { });
    }

    @AfterEach
    void close() {
        gateway.close();
        sim.close();
    }

    @Test
    void actingAsAnotherAdminMovesTheOwnAccountRefusalToThem() {
        String patti = demo.directory().findUser(PATTI).orElseThrow().profile().id();
        String adele = demo.directory().findUser(ADELE).orElseThrow().profile().id();
        assertThatThrownBy(() -> demo.writer().issueTemporaryAccessPass(adele, new TapRequest(60, true)))
                .isInstanceOf(TenantException.class).hasMessageStartingWith("You cannot issue a Temporary Access Pass");

        DemoTrainer trainer = demo.demoTrainer().orElseThrow();
        trainer.actAs(PATTI);

        assertThatThrownBy(() -> demo.writer().issueTemporaryAccessPass(patti, new TapRequest(60, true)))
                .as("Patti is the one signed in now").isInstanceOf(TenantException.class)
                .hasMessageStartingWith("You cannot issue a Temporary Access Pass");
    }
}
