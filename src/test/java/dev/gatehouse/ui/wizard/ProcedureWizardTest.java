package dev.gatehouse.ui.wizard;

import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.procedure.TwoStageProcedure;
import dev.gatehouse.domain.procedure.TwoStageProcedure.Book;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.plan.PlanViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The wizard over a throwaway two-stage procedure, without a UI: rail, Back/Next, answers, continuing a run. */
class ProcedureWizardTest {

    @TempDir
    Path data;

    private final Book book = new Book();
    private final TwoStageProcedure guestBook = new TwoStageProcedure(book);
    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();

    private record Opened(WizardViewModel wizard, NameForm name, WitnessForm witness) {
    }

    /** What opening the wizard does, as a new window (or a restarted app) would. */
    private Opened open() {
        GuestBookWizard made = GuestBookWizard.over(data, book, guestBook, runner);
        return new Opened(made.procedure().open(), made.name(), made.witness());
    }

    private static PlanViewModel plan(WizardViewModel wizard) {
        return wizard.currentStageProperty().get().planProperty().get();
    }

    private static String explanation(WizardViewModel wizard) {
        return wizard.currentStageProperty().get().explanationProperty().get();
    }

    private static java.util.List<StageState> rail(WizardViewModel wizard) {
        return wizard.rail().stream().map(item -> item.stateProperty().get()).toList();
    }

    @Test
    void aNewRunStartsAtTheFirstStageWhoseFormDecidesThePlanAndLaterStagesWait() {
        Opened opened = open();
        WizardViewModel wizard = opened.wizard();

        assertThat(wizard.bannerProperty().get()).isEmpty();
        assertThat(rail(wizard)).containsExactly(StageState.CURRENT, StageState.BLOCKED);
        assertThat(plan(wizard)).isNull();
        assertThat(explanation(wizard)).isEqualTo("Type the name to write in the book.");
        assertThat(wizard.canGoNextProperty().get()).isFalse();
        wizard.open(1);
        assertThat(wizard.currentProperty().get()).as("a blocked stage does not open").isZero();

        opened.name().name.set("Ada");

        assertThat(plan(wizard).plan().steps()).extracting(Step::title).containsExactly("Write the greeting",
                "Write the date");
        assertThat(book.lines()).as("nothing before Confirm").isEmpty();
    }

    @Test
    void confirmingAStageMarksItDoneNextOpensTheNextAndBackKeepsTheAnswers() {
        Opened opened = open();
        WizardViewModel wizard = opened.wizard();
        opened.name().name.set("Ada");

        plan(wizard).confirm();

        assertThat(book.lines()).containsExactly("hello Ada", "on 6 Dec 2026");
        assertThat(rail(wizard)).containsExactly(StageState.CURRENT, StageState.AVAILABLE);
        assertThat(wizard.canGoNextProperty().get()).isTrue();
        wizard.next();
        assertThat(rail(wizard)).containsExactly(StageState.DONE, StageState.CURRENT);
        assertThat(plan(wizard).plan().target()).isEqualTo("Ada");

        wizard.back();

        assertThat(opened.name().name.get()).isEqualTo("Ada");
        assertThat(plan(wizard).succeededProperty().get()).as("the run stays on screen").isTrue();
        wizard.next();
        plan(wizard).confirm();
        assertThat(book.lines()).containsExactly("hello Ada", "on 6 Dec 2026", "signed by Ada");
        assertThat(rail(wizard)).containsExactly(StageState.DONE, StageState.CURRENT);
        assertThat(wizard.currentStageProperty().get().doneProperty().get()).isTrue();
    }

    @Test
    void closedBetweenStagesTheWizardOpensAgainAtTheNextStageWithTheAnswers() {
        Opened first = open();
        first.name().name.set("Ada");
        plan(first.wizard()).confirm();
        first.wizard().next();
        first.wizard().close();

        Opened again = open();

        WizardViewModel wizard = again.wizard();
        assertThat(wizard.currentProperty().get()).isEqualTo(1);
        assertThat(rail(wizard)).containsExactly(StageState.DONE, StageState.CURRENT);
        assertThat(again.name().name.get()).isEqualTo("Ada");
        assertThat(wizard.bannerProperty().get()).startsWith("Continuing the run started ").endsWith("Done: Write.");
        wizard.back();
        assertThat(explanation(wizard)).isEqualTo("Nothing is left to do in this stage.");
    }

    @Test
    void anAnswerGivenOnALaterStageSurvivesBackAndNextAndARestart() {
        Opened first = open();
        first.name().name.set("Ada");
        plan(first.wizard()).confirm();
        first.wizard().next();
        first.witness().witness.set("Grace");
        assertThat(plan(first.wizard()).plan().steps().get(0).effect()).contains("witnessed by Grace");

        first.wizard().back();
        first.wizard().next();

        assertThat(first.witness().witness.get()).isEqualTo("Grace");
        assertThat(plan(first.wizard()).plan().steps().get(0).effect()).contains("witnessed by Grace");
        first.wizard().close();

        Opened again = open();

        assertThat(again.witness().witness.get()).as("saved when the admin moved").isEqualTo("Grace");
        plan(again.wizard()).confirm();
        assertThat(book.lines()).containsExactly("hello Ada", "on 6 Dec 2026", "signed by Ada, witnessed by Grace");
    }
}
