package dev.gatehouse.ui.wizard;

import dev.gatehouse.domain.procedure.JsonProgressStore;
import dev.gatehouse.domain.procedure.ProcedureDesk;
import dev.gatehouse.domain.procedure.Subject;
import dev.gatehouse.domain.procedure.TwoStageProcedure;
import dev.gatehouse.domain.procedure.TwoStageProcedure.Book;
import dev.gatehouse.domain.procedure.TwoStageProcedure.Proposal;
import dev.gatehouse.ui.GatehouseRobot;
import dev.gatehouse.ui.common.PooledTaskRunner;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A throwaway two-stage procedure through the wizard frame, headless: the first stage is stopped mid-run, the window
 * closed and opened again as after a restart (a new desk over the same data folder), and the run continued to its end.
 */
@ExtendWith(ApplicationExtension.class)
class WizardFrameTest extends GatehouseRobot {

    @TempDir
    Path data;

    private final PooledTaskRunner runner = new PooledTaskRunner();
    private final Book book = new Book();
    private final TwoStageProcedure guestBook = new TwoStageProcedure(book);

    @AfterEach
    void close() throws Exception {
        guestBook.gate.release(Integer.MAX_VALUE / 2);
        FxToolkit.cleanupStages(); // first: a closing wizard still saves its answers through the runner
        runner.close();
    }

    /** Opens the wizard in a window of its own, as a workspace would. */
    private Stage openWindow() throws Exception {
        GuestBookWizard made = GuestBookWizard.over(data, book, guestBook, runner);
        ProcedureStageViewModel<Book, Proposal> write = made.write();
        ProcedureStageViewModel<Book, Proposal> sign = made.sign();
        NameForm name = made.name();
        WitnessForm witness = made.witness();
        ProcedureWizard<Book, Proposal> procedure = made.procedure();
        Stage[] window = new Stage[1];
        interact(() -> {
            javafx.application.Application.setUserAgentStylesheet(
                    new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            WizardViewModel wizard = procedure.open();
            window[0] = WizardWindow.show(null, "guest-book", "Sign the guest book", wizard, shown -> shown == write
                    ? field("wizardName", "Name", name.name, write)
                    : field("wizardWitness", "Witness (optional)", witness.witness, sign));
            window[0].getScene().getStylesheets().add(Objects.requireNonNull(getClass().getResource(
                    "/dev/gatehouse/ui/gatehouse.css")).toExternalForm());
        });
        return window[0];
    }

    private static Node field(String id, String caption, javafx.beans.property.StringProperty value,
                              ProcedureStageViewModel<?, ?> stage) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        field.disableProperty().bind(stage.lockedProperty());
        VBox form = new VBox(8, new Label(caption), field);
        form.getStyleClass().add("plan-content");
        return form;
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aStageStoppedMidRunIsContinuedAfterARestartAndTheNextStageFollows() throws Exception {
        Stage first = openWindow();
        waitUntil(() -> lookup("#wizardExplanation").tryQuery().isPresent()
                && text("#wizardExplanation").equals("Type the name to write in the book."));
        assertThat(lookup("#stage-2").queryAs(Label.class).getAccessibleText()).endsWith("needs an earlier stage first");

        clickOn("#wizardName").write("Ada");
        waitUntil(() -> lookup("#confirmPlan").tryQuery().isPresent());
        assertThat(lookup(".step-card").queryAll()).hasSize(2);
        guestBook.gate.drainPermits();
        guestBook.gate.release(1); // the greeting is written, the date waits at the gate
        clickOn("#confirmPlan");
        assertThat(guestBook.waiting.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(lookup("#wizardBack").queryAs(Button.class).isDisabled()).isTrue();
        interact(() -> first.fireEvent(new javafx.stage.WindowEvent(first,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST))); // the window's close button
        assertThat(first.isShowing()).as("a running stage keeps its window").isTrue();

        clickOn("#cancelPlan"); // Stop
        waitUntil(() -> text("#planSummary").startsWith("1 of 2 steps"));
        interact(first::close);
        assertThat(book.lines()).containsExactly("hello Ada");

        guestBook.gate.release(Integer.MAX_VALUE / 2);
        Stage second = openWindow();
        waitUntil(() -> lookup("#confirmPlan").tryQuery().isPresent());

        assertThat(text("#wizardBanner")).startsWith("Continuing the run started ")
                .contains("No stage is done yet.").contains("It stopped at: Write the date");
        assertThat(lookup("#wizardName").queryAs(TextField.class).getText()).isEqualTo("Ada");
        assertThat(lookup("#wizardName").queryAs(TextField.class).isDisabled()).as("a stage that began").isTrue();
        assertThat(lookup(".step-card").queryAll()).as("only the step left").hasSize(1);
        snapshot(second, "wizard-continue");
        clickOn("#confirmPlan");
        waitUntil(() -> !lookup("#wizardNext").queryAs(Button.class).isDisabled());
        assertThat(lookup("#stage-1").queryAs(Label.class).getAccessibleText()).endsWith("current");

        clickOn("#wizardNext");
        waitUntil(() -> lookup("#confirmPlan").tryQuery().isPresent()
                && lookup("#planTitle").queryAs(Label.class).getText().equals("Sign the book"));
        assertThat(lookup("#stage-1").queryAs(Label.class).getAccessibleText()).endsWith("done");
        clickOn("#wizardWitness").write("Grace");
        waitUntil(() -> lookup("#confirmPlan").tryQuery().isPresent()
                && lookup(".step-card").queryAll().stream().anyMatch(card -> card.lookupAll(".label").stream()
                .anyMatch(l -> ((Label) l).getText().contains("witnessed by Grace"))));
        snapshot(second, "wizard-second-stage");
        clickOn("#confirmPlan");
        waitUntil(() -> text("#planSummary").startsWith("The one step"));

        assertThat(book.lines()).containsExactly("hello Ada", "on 6 Dec 2026", "signed by Ada, witnessed by Grace");
        assertThat(new JsonProgressStore(data).find(new ProcedureDesk(null, null, null, "Demo tenant", "", null)
                .key(guestBook.procedure(), new Subject("book", ""))).orElseThrow().isFinished()).isTrue();
        interact(second::close);
        assertThat(List.of(second.isShowing())).containsExactly(false);
    }
}
