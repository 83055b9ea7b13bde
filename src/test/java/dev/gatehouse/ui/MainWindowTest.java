package dev.gatehouse.ui;

import dev.gatehouse.ui.fake.FakeConnector;
import dev.gatehouse.ui.users.MethodRow;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The real main window, headless (Monocle), on the in-memory fake tenant. */
class MainWindowTest extends GatehouseRobot {

    private final FakeConnector connector = new FakeConnector();
    private Stage stage;
    private Application app;

    @BeforeEach
    void open() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        GatehouseApp.configure(connector, "compromised");
    }

    @AfterEach
    void close() throws Exception {
        System.clearProperty(StartupTimeline.REPORT_PROPERTY);
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void opensOnTheDemoTenantWithAnUnmistakableBanner() throws Exception {
        launch();

        Node banner = lookup("#demoBanner").query();
        assertThat(banner.isVisible()).isTrue();
        assertThat(lookup("#demoBanner .label").queryAs(Label.class).getText())
                .isEqualTo("DEMO TENANT \u2014 simulated data on this computer; nothing here reaches a real tenant");
        waitUntil(() -> stage.getTitle().equals("Gatehouse \u2014 Northwind Traders"));
        assertThat(lookup("#tenantSwitcher").queryLabeled().getText()).isEqualTo("Demo tenant \u00b7 compromised");
    }

    @Test
    void typingASearchAndOpeningAUserShowsTheirMethods() throws Exception {
        launch();

        clickOn("#userSearch").write("meg");
        waitUntil(() -> users().getItems().size() == 1);
        assertThat(users().getItems().get(0).displayName()).isEqualTo("Megan Bowen");
        assertThat(lookup("#matchSummary").queryLabeled().getText()).isEqualTo("1 of 1 match");

        type(KeyCode.DOWN);
        waitUntil(() -> methods().getItems().size() == 4);

        assertThat(lookup("#userName").queryLabeled().getText()).isEqualTo("Megan Bowen");
        MethodRow newest = methods().getItems().get(0);
        assertThat(newest.typeLabel()).isEqualTo("Microsoft Authenticator");
        assertThat(newest.recentlyAdded()).isTrue();
        assertThat(lookup("#methodTable .badge").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Recently added");
        assertThat(lookup("#methodSummary").queryLabeled().getText()).contains("1 added in the last 7 days");
    }

    @Test
    void controlFFocusesTheSearchFromAnywhere() throws Exception {
        launch();
        clickOn("#nav-activity");

        press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(lookup("#callFilter").queryAs(TextField.class).isFocused()).isTrue();

        press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        assertThat(lookup("#userSearch").queryAs(TextField.class).isFocused()).isTrue();
    }

    @Test
    void workspacesThatHaveNotArrivedAreShownButCannotBeOpened() throws Exception {
        launch();

        assertThat(lookup("#nav-break-glass").queryAs(ToggleButton.class).isDisabled()).isTrue();
        assertThat(lookup("#nav-registration-policy").queryAs(ToggleButton.class).isDisabled()).isTrue();
        clickOn("#nav-break-glass");
        assertThat(lookup("#nav-users").queryAs(ToggleButton.class).isSelected()).isTrue();

        moveTo("#nav-registration-policy");
        waitUntil(() -> lookup(".tooltip").tryQuery().isPresent());
        assertThat(lookup(".tooltip").match(node -> node instanceof Label).queryLabeled().getText())
                .startsWith("Not available yet");
    }

    @Test
    void theActivityWorkspaceListsTheGraphCallsMade() throws Exception {
        launch();

        clickOn("#nav-activity");

        waitUntil(() -> lookup("#callTable").queryAs(TableView.class).getItems().size() >= 3);
        assertThat(lookup("#callSummary").queryLabeled().getText()).endsWith("calls");
    }

    @Test
    void signingInToARealTenantShowsTheDeviceCodeAndDropsTheBanner() throws Exception {
        launch();
        connector.withConnectDelay(Duration.ofMillis(1500));

        clickOn("#tenantSwitcher").clickOn("Sign in to a tenant\u2026");
        interact(() -> {
            lookup("#tenantField").queryAs(TextField.class).setText("contoso.onmicrosoft.com");
            lookup("#clientIdField").queryAs(TextField.class).setText("2f4a9a3c-1b7e-4c55-8f0d-6a3e9b1c2d7f");
        });
        clickOn("#deviceCodeFlow");
        clickOn("#signInButton");

        waitUntil(() -> "GH7-K2Q-9ZT".equals(lookup("#deviceCode").queryAs(TextField.class).getText()));
        waitUntil(() -> !lookup("#demoBanner").query().isVisible());
        assertThat(lookup("#tenantSwitcher").queryLabeled().getText()).isEqualTo("contoso.onmicrosoft.com");
        assertThat(lookup("#deviceCode").tryQuery()).isEmpty();
        assertThat(connector.opened().get(0).closed()).isTrue();
        waitUntil(() -> users().getItems().size() == 24);
    }

    @Test
    void theStartupReportIsWrittenOnceTheFirstUsersAreOnScreen(@TempDir Path temp) throws Exception {
        Path report = temp.resolve("startup.json");
        System.setProperty(StartupTimeline.REPORT_PROPERTY, report.toString());

        launch();

        waitUntil(() -> Files.exists(report));
        String json = Files.readString(report);
        assertThat(json).contains("\"scenario\": \"compromised\"").contains("\"error\": null")
                .containsPattern("\"windowShownMillis\": \\d+").containsPattern("\"firstDataMillis\": \\d+");
    }

    private void launch() throws Exception {
        app = FxToolkit.setupApplication(GatehouseApp::new);
        waitUntil(() -> !users().getItems().isEmpty());
    }
}
