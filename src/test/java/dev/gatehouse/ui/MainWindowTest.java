package dev.gatehouse.ui;

import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.ui.fake.FakeConnector;
import dev.gatehouse.ui.fake.FakeDirectory;
import dev.gatehouse.ui.users.MethodRow;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.Mnemonic;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
        closeWindow(app);
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

    /** In the 240 px list of a 1024 px window, a user's badges never take their name's room. */
    @Test
    void onATrainingRoomProjectorBadgesLeaveTheNamesWhole() throws Exception {
        launch();
        interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        waitUntil(() -> !lookup(".user-cell .badge").queryAll().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        List<Label> names = lookup(".user-cell .name").queryAllAs(Label.class).stream()
                .filter(name -> name.getText() != null && !name.getText().isBlank()).toList();
        javafx.scene.control.ListView<?> list = users();
        List<Label> withRoom = names.stream().filter(name -> name.prefWidth(-1) <= list.getWidth() - 80).toList();
        for (Label name : withRoom) {
            String shown = ((javafx.scene.text.Text) name.lookup(".text")).getText();
            assertThat(shown).as("a name with room for it").isEqualTo(name.getText());
        }
        assertThat(withRoom).as("badged users among them").anyMatch(name ->
                !name.getParent().getParent().lookupAll(".badge").isEmpty());
    }

    @Test
    void onATrainingRoomProjectorTheMethodsTableStillShowsFourRows() throws Exception {
        launch();
        interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        clickOn("#userSearch").write("meg");
        waitUntil(() -> users().getItems().size() == 1);
        type(KeyCode.DOWN);
        waitUntil(() -> methods().getItems().size() == 4);
        // laid out after the rows arrive: wait for it, then the height is the layout's, not a moment's
        waitUntil(() -> methods().getHeight() >= 36 + 4 * 50);
        assertThat(methods().getHeight()).as("a header and four two-line rows").isGreaterThanOrEqualTo(36 + 4 * 50);
        // nothing pushes the detail wider than its pane: the table and the Delete button end inside it
        Node scroll = lookup("#userDetailScroll").query();
        double right = scroll.localToScene(scroll.getLayoutBounds()).getMaxX();
        assertThat(methods().localToScene(methods().getLayoutBounds()).getMaxX()).isLessThanOrEqualTo(right);
        Node delete = lookup("#actionDeleteMethod").query();
        assertThat(delete.localToScene(delete.getLayoutBounds()).getMaxX()).isLessThanOrEqualTo(right);
        // too narrow for a readable Details column: the pane under the table has the details in full instead
        assertThat(methods().getColumns()).filteredOn(TableColumn::isVisible).extracting(TableColumn::getText)
                .containsExactly("Method", "Added", "Marks");
        assertThat(lookup("#methodDetails").query().isVisible()).isTrue();
        // the simulator's choices go one under the other rather than cut their own words
        interact(() -> lookup("#userSections").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                .select(1));
        waitUntil(() -> javafx.scene.layout.GridPane.getRowIndex(lookup("#simTarget").query()) == 1);
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
    void controlTwoOpensTheBreakGlassWorkspace() throws Exception {
        launch();

        assertThat(lookup("#nav-break-glass").queryAs(ToggleButton.class).isDisabled()).isFalse();
        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);

        assertThat(lookup("#nav-break-glass").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(lookup("#breakglassHeadline").queryLabeled().isVisible()).isTrue();
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

        signInToContosoWithADeviceCode();

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
        // written once the FX thread settled: the user detail, built after the first data, is there already
        assertThat(lookup("#userSections").tryQuery()).isPresent();
        String json = Files.readString(report);
        assertThat(json).contains("\"scenario\": \"compromised\"").contains("\"error\": null")
                .containsPattern("\"windowShownMillis\": \\d+").containsPattern("\"firstDataMillis\": \\d+")
                .containsPattern("\"settledMillis\": \\d+");
    }

    /** Every Retry on screen has its own Alt key, and that key tries again (Alt+R belongs to Registration policy). */
    @Test
    void whenTheListAndTheUserFailTogetherEachRetryKeyRetriesItsOwn() throws Exception {
        launch();
        openUser("megan", "megan.bowen@northwindtraders.onmicrosoft.com");
        FakeDirectory directory = connector.opened().get(0).fakeDirectory();
        TenantException throttled = new TenantException(TenantException.Kind.THROTTLED, "Microsoft Graph is throttling.");
        directory.failNext(throttled);
        directory.failNext(throttled);

        press(KeyCode.F5).release(KeyCode.F5); // searches and reloads the user: both fail
        waitUntil(() -> visibleRetries().size() == 2);

        assertThat(sharedMnemonics(stage.getScene())).isEmpty();
        assertThat(visibleRetries()).containsExactly("Re_load", "Search a_gain");
        int searches = directory.searchCount();

        press(KeyCode.ALT, KeyCode.G).release(KeyCode.G, KeyCode.ALT);
        waitUntil(() -> visibleRetries().equals(List.of("Re_load")));
        assertThat(directory.searchCount()).isEqualTo(searches + 1);

        press(KeyCode.ALT, KeyCode.L).release(KeyCode.L, KeyCode.ALT);
        waitUntil(() -> visibleRetries().isEmpty());
        assertThat(label("#userName")).isEqualTo("Megan Bowen");
    }

    @Test
    void whenTheTenantCannotBeOpenedAltTTriesAgain() throws Exception {
        connector.failNextConnect(new TenantException(TenantException.Kind.UNAVAILABLE, "Port 0 is not available."));
        app = FxToolkit.setupApplication(GatehouseApp::new);
        waitUntil(() -> lookup("#connectionRetry").queryButton().isVisible());
        assertThat(sharedMnemonics(stage.getScene())).isEmpty();

        press(KeyCode.ALT, KeyCode.T).release(KeyCode.T, KeyCode.ALT);

        waitUntil(() -> !users().getItems().isEmpty());
        assertThat(connector.opened()).hasSize(1);
    }

    @Test
    void whileConnectingTheMessageIsCentredUnderItsSpinner() throws Exception {
        openStillConnecting();

        javafx.geometry.Bounds spinner = lookup("#connectionPane .progress-indicator").query().localToScene(
                lookup("#connectionPane .progress-indicator").query().getLayoutBounds());
        javafx.geometry.Bounds text = lookup("#connectionMessage .text").query().localToScene(
                lookup("#connectionMessage .text").query().getLayoutBounds());
        assertThat(Math.abs(text.getCenterX() - spinner.getCenterX())).as("the text under the spinner")
                .isLessThan(2);
    }

    /** The window with its connection held back for minutes: what it shows before any tenant is open. */
    private void openStillConnecting() throws Exception {
        connector.withConnectDelay(Duration.ofMinutes(5));
        app = FxToolkit.setupApplication(GatehouseApp::new);
        waitUntil(() -> lookup("#connectionMessage").queryLabeled().getText().startsWith("Connecting"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The detail's tables, tabs and simulator cost a third of the first frame: none exists before users are shown. */
    @Test
    void theUserDetailIsBuiltAfterTheFirstUsersNotBeforeTheFirstFrame() throws Exception {
        openStillConnecting();

        assertThat(lookup("#userSections").tryQuery()).isEmpty();
        assertThat(lookup("#methodTable").tryQuery()).isEmpty();
    }

    @Test
    void theUserDetailIsReadyBeforeTheFirstUserIsOpened() throws Exception {
        launch();
        waitUntil(() -> !users().getItems().isEmpty());

        waitUntil(() -> lookup("#userSections").tryQuery().isPresent());
        assertThat(lookup("#methodTable").tryQuery()).isPresent();
        assertThat(lookup("#userDetailScroll").query().isVisible()).as("built, not shown: no user is open").isFalse();
    }

    /** The texts of the Retry buttons an admin can see now. */
    private List<String> visibleRetries() {
        return lookup(".retry").queryAllAs(Button.class).stream().filter(MainWindowTest::shown)
                .map(Labeled::getText).sorted().toList();
    }

    /**
     * Alt keys that more than one shown, enabled control claims: JavaFX then only moves the focus between them, so
     * none of them does what its key promises.
     */
    private static Map<String, List<String>> sharedMnemonics(Scene scene) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> scene.getMnemonics().entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().getName(), entry -> entry.getValue().stream()
                        .map(Mnemonic::getNode).filter(node -> shown(node) && !node.isDisabled())
                        .map(node -> node instanceof Labeled labeled ? labeled.getText() : node.toString()).toList()))
                .entrySet().stream().filter(entry -> entry.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))).get();
    }

    /** Visible, and every parent too. */
    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private void launch() throws Exception {
        app = FxToolkit.setupApplication(GatehouseApp::new);
        waitUntil(() -> !users().getItems().isEmpty());
    }
}
