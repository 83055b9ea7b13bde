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
        assertThat(plan(wizard)).as("a stage done is never planned again").isNull();
        assertThat(explanation(wizard)).startsWith("\u201cWrite\u201d is done.");
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

    @Test
    void typingWhileTheTenantIsReadPlansOnceTheReadLandsAndFromIt() {
        runner.holdTasks();
        Opened opened = open();
        runner.completeAll(); // the lookup of a saved run; the stage's read is now held
        assertThat(runner.pending()).as("the stage reads the tenant").hasSize(1);

        opened.name().name.set("Ada");

        assertThat(runner.pending()).as("the read is not dropped by typing").hasSize(1);
        assertThat(plan(opened.wizard())).isNull();
        runner.completeAll();
        runner.completeAll();
        assertThat(plan(opened.wizard()).plan().target()).isEqualTo("Ada");
    }

    @Test
    void goingBackAfterTheLastStageLeavesNoUnfinishedRunBehind() {
        Opened opened = open();
        opened.name().name.set("Ada");
        plan(opened.wizard()).confirm();
        opened.wizard().next();
        plan(opened.wizard()).confirm();

        opened.wizard().back();
        opened.wizard().close();

        Opened again = open();
        assertThat(again.wizard().bannerProperty().get()).as("a finished run is not continued").isEmpty();
        assertThat(again.wizard().currentProperty().get()).isZero();
        assertThat(again.name().name.get()).isEmpty();
    }

    @Test
    void answersTypedButNeitherRunNorMovedAreKeptWhenTheWizardCloses() {
        Opened first = open();
        first.name().name.set("Grace");

        first.wizard().close();

        Opened again = open();
        assertThat(again.name().name.get()).isEqualTo("Grace");
        assertThat(again.wizard().bannerProperty().get()).startsWith("Continuing the run started ");
    }

    @Test
    void aRunRefusedBeforeAnythingWasSentLeavesTheAnswersOpenAndCanBePlannedAgain() {
        Opened opened = open();
        opened.name().name.set("Ada");
        dev.gatehouse.domain.procedure.RunKey key = new dev.gatehouse.domain.procedure.RunKey("Demo tenant",
                TwoStageProcedure.ID, "book");
        PlanViewModel refused = plan(opened.wizard());
        try (var other = new dev.gatehouse.domain.procedure.FileRunLocks(data).acquire(key,
                dev.gatehouse.domain.procedure.RunHolder.thisProcess(dev.gatehouse.domain.procedure.RunHolder
                        .COMMAND_LINE, "megan@tailspintoys.com", java.time.Instant.now()), "the run", false)) {
            refused.confirm();
        }

        assertThat(refused.summaryProperty().get()).startsWith("0 of 2 steps").contains("megan@tailspintoys.com");
        assertThat(opened.wizard().currentStageProperty().get().lockedProperty().get()).isFalse();
        assertThat(opened.wizard().canPlanRestProperty().get()).isTrue();
        opened.wizard().planRest();
        plan(opened.wizard()).confirm();
        assertThat(book.lines()).containsExactly("hello Ada", "on 6 Dec 2026");
    }

    @Test
    void aStoppedStagePlannedAgainKeepsTheSecretItsFirstRunShowed() throws Exception {
        Opened opened = open();
        opened.name().name.set("Ada");
        guestBook.gate.drainPermits();
        guestBook.gate.release(1); // the greeting (and its ticket) go through, the date waits
        PlanViewModel first = plan(opened.wizard());
        Thread stopper = new Thread(() -> {
            try {
                guestBook.waiting.await();
                first.cancel();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();
        first.confirm();
        stopper.join();
        guestBook.gate.release(Integer.MAX_VALUE / 2);
        assertThat(first.secrets()).extracting(dev.gatehouse.ui.plan.SecretViewModel::label)
                .containsExactly("Guest ticket");

        opened.wizard().planRest();

        PlanViewModel rest = plan(opened.wizard());
        assertThat(rest).isNotSameAs(first);
        assertThat(rest.plan().steps()).extracting(Step::id).containsExactly("date");
        assertThat(rest.secrets()).extracting(dev.gatehouse.ui.plan.SecretViewModel::label)
                .containsExactly("Guest ticket");
        assertThat(opened.name().name.get()).isEqualTo("Ada");
    }

    @Test
    void aRunLeftByAKilledProcessIsShownAndTakenOverFromTheBanner() throws Exception {
        Process killed = dev.gatehouse.domain.procedure.LockHoldingProcess.start(data,
                new dev.gatehouse.domain.procedure.RunKey("Demo tenant", TwoStageProcedure.ID, "book"));
        dev.gatehouse.domain.procedure.LockHoldingProcess.kill(killed);

        Opened opened = open();

        assertThat(opened.wizard().bannerProperty().get()).contains("was left unfinished by "
                + dev.gatehouse.domain.procedure.LockHoldingProcess.ACTOR);
        assertThat(opened.wizard().bannerActionProperty().get()).isEqualTo("Take over\u2026");
        opened.wizard().bannerAction();
        assertThat(opened.wizard().bannerProperty().get()).startsWith("Taken over");
        opened.name().name.set("Ada");
        plan(opened.wizard()).confirm();
        assertThat(book.lines()).containsExactly("hello Ada", "on 6 Dec 2026");
    }
}
