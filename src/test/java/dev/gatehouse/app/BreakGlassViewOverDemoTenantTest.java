package dev.gatehouse.app;

import dev.gatehouse.ui.GatehouseRobot;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real app, headless, on the demo tenant {@code breakglass-gaps} through the real Graph gateway, on a fresh data
 * folder: Ctrl+2 opens the Break-glass home, which asks for the group; chosen through the emergency-access dialog, the
 * seeded gaps show red; a drill recorded through its checklist changes the drill line.
 */
class BreakGlassViewOverDemoTenantTest extends GatehouseRobot {

    private static final String DATA_DIR = "gatehouse.dataDir";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    @TempDir
    Path data;

    private String dataDirBefore;
    private Application app;

    @BeforeEach
    void open() throws Exception {
        // a data folder of its own: no group chosen, no drill recorded, and nothing left behind for other tests
        dataDirBefore = System.getProperty(DATA_DIR);
        System.setProperty(DATA_DIR, data.toString());
        app = openWindow(new GatehouseConnector(name -> null), "breakglass-gaps");
    }

    @AfterEach
    void close() throws Exception {
        closeWindow(app);
        if (dataDirBefore == null) {
            System.clearProperty(DATA_DIR);
        } else {
            System.setProperty(DATA_DIR, dataDirBefore);
        }
    }

    @Test
    void theGapsShowRedAndARecordedDrillChangesTheDrillLine() throws Exception {
        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(() -> lookup("#breakglassChooseGroup").tryQuery().isPresent());
        assertThat(label("#breakglassDrillLine")).isEqualTo("No drill recorded on this machine \u00b7 one is due now");
        assertThat(lookup("#breakglassCheckers").queryButton().isDisabled()).isTrue();
        assertThat(label("#breakglassCheckersReason")).contains("No emergency-access account is known yet");

        clickOn("#breakglassChooseGroup");
        waitUntil(() -> lookup("#emergencyChooseField").tryQuery().isPresent()
                && !lookup("#emergencyChooseField").query().isDisabled());
        // the field is at the foot of the dialog's scrolling body, below what a robot can click at this size
        interact(() -> {
            lookup("#emergencyChooseField").queryAs(TextField.class).setText("Emergency Access Accounts");
            lookup("#emergencyChooseButton").queryButton().fire();
        });
        waitUntil(() -> label("#emergencyOutcome").startsWith("Saved on this machine"));
        clickOn("#emergencyClose");

        waitUntil(() -> lookup("#breakglassAccounts .health-card").queryAll().size() == 2);
        assertThat(label("#breakglassVerdict")).isEqualTo("FIX");
        assertThat(label("#breakglassCounts")).isEqualTo("2 accounts \u00b7 8 things to fix \u00b7 1 to check");
        assertThat(lookup("#breakglassGroup .attention-checks .check-label").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Role-assignable", "Excluded where it must be");
        assertThat(lookup("#breakglassAccounts .check-reason").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(reason -> reason.startsWith("No FIDO2 key"))
                .anyMatch(reason -> reason.contains("usable Temporary Access Pass"));
        assertThat(lookup("#breakglassAccounts .attention-checks .verdict-badge").queryAllAs(Label.class))
                .extracting(Label::getText).contains("FIX", "CHECK").doesNotContain("OK");
        assertThat(lookup("#breakglassCheckers").queryButton().isDisabled()).isFalse();

        clickOn("#breakglassDrill");
        waitUntil(() -> lookup("#drillRecord").tryQuery().isPresent());
        assertThat(lookup("#drillRecord").queryButton().isDisabled()).isTrue();
        List<Node> items = List.copyOf(lookup("#drillItems").query().lookupAll(".check-box"));
        assertThat(items).hasSize(7);
        for (Node item : items) {
            clickOn(item);
        }
        assertThat(items).allMatch(item -> ((CheckBox) item).isSelected());
        clickOn("#drillRecord");

        LocalDate today = LocalDate.now();
        waitUntil(() -> lookup("#drillRecord").tryQuery().isEmpty());
        waitUntil(() -> label("#breakglassDrillLine").startsWith("Last drill"));
        assertThat(label("#breakglassDrillLine")).isEqualTo("Last drill " + DATE.format(today) + " \u00b7 next due "
                + DATE.format(today.plusDays(90)));
        waitUntil(() -> label("#breakglassCounts").equals("2 accounts \u00b7 6 things to fix \u00b7 1 to check"));
    }
}
