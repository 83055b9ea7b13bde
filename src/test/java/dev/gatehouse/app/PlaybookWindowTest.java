package dev.gatehouse.app;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.journal.DataFolder;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.tenant.DirectoryWriter;
import dev.gatehouse.domain.tenant.PolicyWriter;
import dev.gatehouse.domain.tenant.SignInPrompt;
import dev.gatehouse.domain.tenant.SignInRequest;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantConnector;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantWriter;
import dev.gatehouse.ui.GatehouseRobot;
import dev.gatehouse.ui.fake.GatedWriter;
import dev.gatehouse.ui.users.MethodRow;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compromised-account playbook in the real app on the real demo tenant (scenario {@code compromised}, Alex
 * Wilber, whose attacker registered an Authenticator yesterday). Only the writer is wrapped, so the resume test can
 * hold a step until the admin presses Stop.
 */
class PlaybookWindowTest extends GatehouseRobot {

    private final HoldingConnector connector = new HoldingConnector(new GatehouseConnector(name -> null));
    private Application app;

    @BeforeEach
    void open() throws Exception {
        forgetUnfinishedRuns();
        app = openWindow(connector, "compromised");
        openUser("alex", "alex.wilber@tailspintoys.com");
        assertThat(methods().getItems()).hasSize(5);
    }

    @AfterEach
    void close() throws Exception {
        connector.release();
        closeWindow(app);
        forgetUnfinishedRuns();
    }

    @Test
    void theWholePlaybookRunsAfterConfirmationAndLeavesThePasswordAndTheNewPassOnAnEnabledAccount() throws Exception {
        String attacker = methods().getItems().stream().filter(MethodRow::recentlyAdded).findFirst().orElseThrow().id();

        clickOn("#actionCompromised");
        waitForPlan();

        assertThat(markOf(attacker).isSelected()).as("the Authenticator added yesterday is preselected").isTrue();
        assertThat(label("#planTitle")).isEqualTo("Compromised account");
        assertThat(label("#forecastAfter")).isNotBlank();
        assertThat(lookup(".step-card").queryAll()).hasSize(7);
        assertThat(methods().getItems()).as("nothing is sent before Confirm").hasSize(5);

        assertThat(confirmPlan()).startsWith("All 7 steps");
        assertThat(stepStates()).hasSize(7).containsOnly("Done");
        assertThat(lookup(".secret-view").queryAll()).as("the temporary password and the pass").hasSize(2);
        assertThat(lookup("#splitSecret").queryAll()).as("each can be handed over in two parts").hasSize(2);
        assertThat(lookup("#secretExpiry").queryAllAs(Label.class)).extracting(Label::getText)
                .as("the password does not expire; the pass does, shown in local time")
                .satisfiesExactly(password -> assertThat(password).isEmpty(),
                        pass -> assertThat(pass).startsWith("Valid until ").endsWith("("
                                + dev.gatehouse.ui.common.TimeText.zoneName(java.time.ZoneId.systemDefault()) + ")"));

        clickOn("#cancelPlan");
        waitUntil(() -> lookup("#secretValue").tryQuery().isEmpty());
        waitUntil(() -> methods().getItems().size() == 2);

        assertThat(methods().getItems()).extracting(MethodRow::type)
                .containsExactlyInAnyOrder(MethodType.PASSWORD, MethodType.TEMPORARY_ACCESS_PASS);
        assertThat(fact("Account")).isEqualTo("Enabled");
        assertThat(lookup("#unfinishedRun").query().isVisible()).isFalse();
    }

    @Test
    void changingAChoiceKeepsTheNewPlanWhereTheAdminWasReading() throws Exception {
        clickOn("#actionCompromised");
        waitForPlan();
        Node before = lookup("#planScroll").query();
        interact(() -> ((ScrollPane) before).setVvalue(1.0));

        interact(() -> lookup("#playbookResetPassword").queryAs(CheckBox.class).fire());
        waitUntil(() -> lookup("#planScroll").query() != before);

        assertThat(lookup("#planScroll").queryAs(ScrollPane.class).getVvalue()).as("not back at the top")
                .isEqualTo(1.0);
    }

    @Test
    void aStoppedRunIsOfferedOnTheUserAndContinuedToTheEnd() throws Exception {
        connector.holdDeletes();
        clickOn("#actionCompromised");
        waitForPlan();
        clickOn("#confirmPlan");
        waitUntil(() -> "Running".equals(stateOf("step-delete-marked-methods")));

        clickOn("#cancelPlan"); // Stop
        waitUntil(() -> !label("#planSummary").isEmpty());
        assertThat(stateOf("step-disable")).isEqualTo("Done");
        assertThat(stateOf("step-revoke-sessions")).isEqualTo("Done");
        clickOn("#cancelPlan"); // Close
        connector.release();

        waitUntil(() -> lookup("#unfinishedRun").query().isVisible());
        assertThat(label("#unfinishedRunText"))
                .startsWith("An unfinished compromised-account run from ")
                .contains(": Disable the account, Revoke sign-in sessions done.");
        assertThat(fact("Account")).startsWith("Disabled");
        snapshot(lookup("#unfinishedRun").query().getScene().getWindow(), "playbook-banner");

        clickOn("#continueRun");
        waitForPlan();
        snapshot(lookup("#confirmPlan").query().getScene().getWindow(), "playbook-continue");
        assertThat(Window.getWindows()).filteredOn(w -> w instanceof Stage s && s.getTitle().startsWith("Continue:"))
                .hasSize(1);
        assertThat(lookup(".step-card").queryAll()).hasSize(5);
        assertThat(lookup("#playbookResetPassword").queryAs(CheckBox.class).isDisabled())
                .as("the choices confirmed then").isTrue();

        assertThat(confirmPlan()).startsWith("All 5 steps");
        closePlan();

        waitUntil(() -> methods().getItems().size() == 2 && !lookup("#unfinishedRun").query().isVisible());
        assertThat(methods().getItems()).extracting(MethodRow::type)
                .containsExactlyInAnyOrder(MethodType.PASSWORD, MethodType.TEMPORARY_ACCESS_PASS);
        assertThat(fact("Account")).isEqualTo("Enabled");
    }

    private CheckBox markOf(String methodId) {
        return lookup((Node node) -> ("mark-" + methodId).equals(node.getId())).queryAs(CheckBox.class);
    }

    private List<String> stepStates() {
        return lookup(".step-card").queryAll().stream().map(PlaybookWindowTest::badgeOf).toList();
    }

    private String stateOf(String cardId) {
        return lookup("#" + cardId).tryQuery().map(PlaybookWindowTest::badgeOf).orElse("");
    }

    /** The step's state is its last badge ("Done", "Running"); the one before it is the risk. */
    private static String badgeOf(Node card) {
        return card.lookupAll(".badge").stream().map(node -> ((Label) node).getText())
                .reduce((first, second) -> second).orElse("");
    }

    /** Every test starts with no saved run, finished or not, in the data folder the app uses. */
    private static void forgetUnfinishedRuns() throws IOException {
        for (String folder : new String[]{"playbooks", "procedures"}) {
            Path runs = DataFolder.resolve().resolve(folder);
            if (Files.isDirectory(runs)) {
                try (Stream<Path> files = Files.walk(runs)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
    }

    /** The real connector; its writer can hold method deletions until the run is stopped (an interrupt). */
    private static final class HoldingConnector implements TenantConnector {
        private final TenantConnector real;
        private volatile CountDownLatch hold = new CountDownLatch(0);

        HoldingConnector(TenantConnector real) {
            this.real = real;
        }

        void holdDeletes() {
            hold = new CountDownLatch(1);
        }

        void release() {
            hold.countDown();
        }

        @Override
        public TenantConnection connectDemo(String scenario) {
            TenantConnection connection = real.connectDemo(scenario);
            TenantWriter holding = new GatedWriter(connection.writer(), method -> {
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TenantException(TenantException.Kind.CANCELLED, "Stopped before the request was sent.");
                }
            });
            return new TenantConnection() {
                @Override
                public TenantDirectory directory() {
                    return connection.directory();
                }

                @Override
                public TenantWriter writer() {
                    return holding;
                }

                @Override
                public DirectoryWriter directoryWriter() {
                    return connection.directoryWriter();
                }

                @Override
                public PolicyWriter policyWriter() {
                    return connection.policyWriter();
                }

                @Override
                public CallLog callLog() {
                    return connection.callLog();
                }

                @Override
                public String label() {
                    return connection.label();
                }

                @Override
                public boolean isDemo() {
                    return connection.isDemo();
                }

                @Override
                public String serviceRoot() {
                    return connection.serviceRoot();
                }

                @Override
                public void close() {
                    connection.close();
                }
            };
        }

        @Override
        public TenantConnection connectTenant(SignInRequest request, SignInPrompt prompt) {
            return real.connectTenant(request, prompt);
        }
    }
}
