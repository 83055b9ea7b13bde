package dev.gatehouse.ui.registration;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.ui.GatehouseApp;
import dev.gatehouse.ui.GatehouseRobot;
import dev.gatehouse.ui.fake.FakeConnector;
import dev.gatehouse.ui.fake.FakeDirectory;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real main window, headless (Monocle), on the fake tenant: Ctrl+3 opens the registration-policy home. */
class RegistrationPolicyWindowTest extends GatehouseRobot {

    private final FakeConnector connector = new FakeConnector();
    private Application app;

    @BeforeEach
    void open() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        GatehouseApp.configure(connector, "baseline");
        assertThat(stage).isNotNull();
    }

    @AfterEach
    void close() throws Exception {
        closeWindow(app);
    }

    @Test
    void controlThreeShowsTheGateItsPolicyThePrerequisitesAndTheVerdictsWithoutAClick() throws Exception {
        app = FxToolkit.setupApplication(GatehouseApp::new);
        waitUntil(() -> !users().getItems().isEmpty());
        FakeDirectory tenant = connector.opened().get(0).fakeDirectory()
                .withGroup(RegistrationPolicyViewModelTest.BREAK_GLASS)
                .withSecurityDefaults(true)
                .withConditionalAccess(List.of(RegistrationPolicyViewModelTest.design(State.REPORT_ONLY)));
        assertThat(tenant).isNotNull();

        press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        waitUntil(() -> lookup("#checkerVerdicts .verdict-card").queryAll().size() == 3);

        assertThat(text("#gateHeadline")).startsWith("Not protected")
                .contains("report-only protects nothing for user actions");
        assertThat(lookup("#policyCards .policy-name").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Protect security info registration");
        assertThat(lookup("#policyCards .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Report-only", "Group: Emergency access", "Guests and external users");
        assertThat(lookup("#licencePrerequisite .prerequisite-text").queryLabeled().getText())
                .startsWith("Entra ID P1 is part of the tenant's subscriptions");
        assertThat(lookup("#securityDefaultsPrerequisite .prerequisite-text").queryLabeled().getText())
                .contains("cannot be used while security defaults are on");
        assertThat(lookup("#checkerVerdicts .verdict-id").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("MT.1011", "MS.AAD.3.8v1", "ZTA 21806");
        assertThat(lookup("#checkerVerdicts .verdict-outcome").queryAllAs(Label.class)).extracting(Label::getText)
                .containsOnly("FAIL");
        Button wizard = lookup("#registrationWizard").queryButton();
        assertThat(wizard.getText()).isEqualTo("Start the registration-policy wizard");
        assertThat(wizard.isDisabled()).isFalse();
        assertThat(wizard.isFocused()).isTrue();
        assertThat(lookup("#registrationProgress").queryAs(Labeled.class).getText()).isEmpty();
    }

    private String text(String query) {
        return lookup(query).queryLabeled().getText();
    }
}
