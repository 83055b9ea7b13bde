package dev.gatehouse.app;

import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.ui.GatehouseRobot;
import dev.gatehouse.ui.users.MethodRow;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real app, headless, on the real demo tenant through the real Graph gateway: nothing faked between the
 * window and the HTTP server.
 */
class DemoTenantWindowTest extends GatehouseRobot {

    private Stage stage;
    private Application app;

    @BeforeEach
    void open() throws Exception {
        app = openWindow(new GatehouseConnector(name -> null), "compromised");
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        closeWindow(app);
    }

    @Test
    void searchingAUserShowsTheirMethodsAndTheAttackersAuthenticatorStandsOut() throws Exception {
        waitUntil(() -> stage.getTitle().equals("Gatehouse \u2014 Tailspin Toys"));

        clickOn("#userSearch").write("alex");
        waitUntil(() -> users().getItems().size() == 1);
        assertThat(users().getItems().get(0).userPrincipalName()).isEqualTo("alex.wilber@tailspintoys.com");

        type(KeyCode.DOWN);
        waitUntil(() -> methods().getItems().size() == 5);

        assertThat(methods().getItems()).extracting(MethodRow::type).contains(MethodType.PASSWORD,
                MethodType.MICROSOFT_AUTHENTICATOR, MethodType.PHONE);
        MethodRow authenticator = methods().getItems().stream().filter(row -> "SM-A546B".equals(row.summary()))
                .findFirst().orElseThrow();
        assertThat(authenticator.recentlyAdded()).isTrue();
        assertThat(authenticator.age()).isEqualTo("yesterday");

        // Graph gives the attacker's phone no date; the audit log's registration dates it, four minutes later
        waitUntil(() -> methods().getItems().stream().anyMatch(MethodRow::datedFromAuditLog));
        MethodRow newest = methods().getItems().get(0);
        assertThat(newest.type()).isEqualTo(MethodType.PHONE);
        assertThat(newest.datedFromAuditLog()).isTrue();
        assertThat(newest.recentlyAdded()).isTrue();
        assertThat(newest.facts().get("Registered")).contains("Alternate Mobile Phone").contains("198.51.100.77");
        assertThat(methods().getItems()).filteredOn(MethodRow::recentlyAdded).hasSize(2);
        assertThat(methods().getSelectionModel().getSelectedItem()).isNotNull();
        assertThat(lookup("#methodId").queryAs(TextField.class).getText())
                .isEqualTo(methods().getSelectionModel().getSelectedItem().id());
    }

    @Test
    void requireReregisterIsExplainedConfirmedAndThenTheDeletedMethodsAreGone() throws Exception {
        openUser("alex", "alex.wilber@tailspintoys.com");
        assertThat(methods().getItems()).hasSize(5);
        List<MethodType> kept = methods().getItems().stream().map(MethodRow::type)
                .filter(type -> type.reRegisterEffect() == MethodType.ReRegisterEffect.KEPT).toList();

        clickOn("#actionRequireReregister");
        waitForPlan();
        assertThat(label("#planTitle")).isEqualTo("Require re-register MFA");
        assertThat(methods().getItems()).as("nothing is sent before Confirm").hasSize(5);

        assertThat(confirmPlan()).startsWith("The one step");
        closePlan();

        waitUntil(() -> methods().getItems().stream().noneMatch(row -> row.type() == MethodType.MICROSOFT_AUTHENTICATOR
                || row.type() == MethodType.PHONE));
        assertThat(methods().getItems()).extracting(MethodRow::type).containsExactlyInAnyOrderElementsOf(kept)
                .contains(MethodType.PASSWORD);
    }

    @Test
    void theActivityViewShowsTheGraphCallsThatFilledTheScreen() throws Exception {
        clickOn("#nav-activity");
        TableView<GraphCall> calls = lookup("#callTable").queryAs(TableView.class);
        waitUntil(() -> calls.getItems().stream().anyMatch(c -> c.pathAndQuery().startsWith("/users?")));

        GraphCall search = calls.getItems().stream().filter(c -> c.pathAndQuery().startsWith("/users?"))
                .findFirst().orElseThrow();
        assertThat(search.method()).isEqualTo("GET");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.requestId()).isNotBlank();
    }
}
