package dev.gatehouse.ui.breakglass;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.breakglass.SetupAccess;
import dev.gatehouse.domain.emergency.EmergencyGroup;
import dev.gatehouse.domain.emergency.EmergencyGroupSettings;
import dev.gatehouse.domain.tenant.SignedInAdmin;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.graph.GraphGateway;
import dev.gatehouse.graph.GraphTenantConnection;
import dev.gatehouse.graph.RetryPolicy;
import dev.gatehouse.graph.ServiceRoot;
import dev.gatehouse.graph.TokenSource;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;
import dev.gatehouse.ui.GatehouseRobot;
import dev.gatehouse.ui.common.PooledTaskRunner;
import dev.gatehouse.ui.fake.FakeClipboard;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The break-glass set-up wizard's window, headless, over the demo tenant's {@code breakglass-gaps} with its group
 * chosen: the plan taken as suggested, each stage confirmed or recorded done, up to the pass shown large under its
 * account's name, hidden until revealed, and grouped for reading aloud.
 */
@ExtendWith(ApplicationExtension.class)
class BreakGlassWizardWindowTest extends GatehouseRobot {

    @TempDir
    Path data;

    private final PooledTaskRunner runner = new PooledTaskRunner();
    private SimServer sim;
    private GraphGateway gateway;

    @BeforeEach
    void tenant() {
        sim = SimServer.start(SimOptions.defaults().withScenario("breakglass-gaps"));
        gateway = GraphGateway.open(ServiceRoot.parse(sim.serviceRoot()), TokenSource.fixed("demo"),
                new CallLog(10_000), RetryPolicy.DEFAULT);
        EmergencyGroupSettings.in(data).save(gateway.directory().tenant().id(), EmergencyGroup.of(
                gateway.directory().groupsNamed(BreakGlassWizardTest.GROUP).get(0)));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages(); // first: a closing wizard still saves its answers through the runner
        runner.close();
        gateway.close();
        sim.close();
    }

    private Stage openWindow() throws Exception {
        TenantConnection connection = new GraphTenantConnection(gateway, "Demo tenant", true, () -> { });
        SignedInAdmin admin = connection.directory().signedInAdmin();
        BreakGlassWizard made = new BreakGlassWizard(connection, data, Clock.systemUTC(),
                admin.profile().userPrincipalName(), connection.directory().tenant(), SetupAccess.gate(admin), runner,
                new FakeClipboard(), ZoneId.of("Australia/Sydney"));
        Stage[] window = new Stage[1];
        interact(() -> {
            javafx.application.Application.setUserAgentStylesheet(
                    new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            window[0] = BreakGlassWizardView.show(null, made);
            window[0].getScene().getStylesheets().add(Objects.requireNonNull(getClass().getResource(
                    "/dev/gatehouse/ui/gatehouse.css")).toExternalForm());
        });
        return window[0];
    }

    private void next() throws Exception {
        waitUntil(() -> !lookup("#wizardNext").queryButton().isDisabled());
        clickOn("#wizardNext");
    }

    /** Confirms the stage's plan when it has one; a stage already in place is recorded done without one. */
    private void confirmIfPlanned() throws Exception {
        waitUntil(() -> lookup("#confirmPlan").tryQuery().isPresent()
                || !lookup("#wizardNext").queryButton().isDisabled());
        if (lookup("#confirmPlan").tryQuery().isPresent()) {
            clickOn("#confirmPlan");
            waitUntil(() -> !label("#planSummary").isEmpty());
        }
    }

    @Test
    void walksToThePassesAndShowsThePassLargeUnderItsAccountsName() throws Exception {
        Stage window = openWindow();
        waitUntil(() -> !lookup("#bgUsePlan").queryButton().isDisabled());
        waitUntil(() -> lookup("#bgAccounts .label").queryAll().size() == 2); // shown once the tenant is read
        assertThat(lookup("#bgAccounts .label").queryAllAs(Label.class)).hasSize(2)
                .allSatisfy(name -> assertThat(name.getText()).endsWith("@tailspintoys.onmicrosoft.com"));

        clickOn("#bgUsePlan");
        next(); // the accounts: the group's members are already there
        next();
        confirmIfPlanned(); // the group is replaced by a role-assignable one
        next();
        confirmIfPlanned(); // Global Administrator
        next();
        confirmIfPlanned(); // the methods policy
        next();
        waitUntil(() -> lookup("#confirmPlan").tryQuery().isPresent());
        clickOn("#confirmPlan");
        waitUntil(() -> lookup("#secretHeading").tryQuery().isPresent());

        assertThat(label("#secretHeading")).startsWith("Emergency Access 01").contains("@tailspintoys.onmicrosoft.com");
        assertThat(label("#secretValue")).as("hidden until revealed").doesNotContainPattern("[A-Za-z0-9]");
        clickOn("#revealSecret");
        waitUntil(() -> label("#secretValue").matches("(\\S{4} )+\\S{1,4}|\\S{1,4}"));
        assertThat(lookup("#secretValue").queryAs(Label.class).getStyleClass()).contains("secret-large");
        Button copy = lookup("#secretValueCopy").queryButton();
        clickOn(copy);
        assertThat(label("#clipboardStatus")).contains("cleared in 60 seconds");
        snapshot(window, "breakglass-wizard-passes");
    }
}
