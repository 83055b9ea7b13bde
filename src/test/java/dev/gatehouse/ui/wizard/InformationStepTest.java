package dev.gatehouse.ui.wizard;

import dev.gatehouse.domain.journal.JsonLinesJournal;
import dev.gatehouse.domain.procedure.FileRunLocks;
import dev.gatehouse.domain.procedure.JsonProgressStore;
import dev.gatehouse.domain.procedure.ProcedureDesk;
import dev.gatehouse.domain.procedure.RunHolder;
import dev.gatehouse.domain.procedure.Subject;
import dev.gatehouse.domain.procedure.TwoStageProcedure;
import dev.gatehouse.domain.procedure.TwoStageProcedure.Book;
import dev.gatehouse.domain.procedure.TwoStageProcedure.Proposal;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.fake.FakeClipboard;
import javafx.beans.binding.Bindings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A step that writes nothing between two stages: it blocks what follows until done, and its answers are kept. */
class InformationStepTest {

    @TempDir
    Path data;

    private final Book book = new Book();
    private final TwoStageProcedure guestBook = new TwoStageProcedure(book);
    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final AtomicInteger entered = new AtomicInteger();

    private record Opened(WizardViewModel wizard, NameForm name, ReadBackForm readBack) {
    }

    private Opened open() {
        ProcedureDesk desk = new ProcedureDesk(new JsonLinesJournal(data.resolve("journal.jsonl")),
                new JsonProgressStore(data), new FileRunLocks(data), "Demo tenant", RunHolder.WINDOW,
                Clock.systemUTC());
        ProcedureWizard<Book, Proposal> wizard = new ProcedureWizard<>(desk, guestBook.procedure(),
                new Subject("book", "the guest book"), "adele@tailspintoys.com", () -> book,
                (read, proposal) -> Optional.empty(), runner, new FakeClipboard(), ZoneId.of("Australia/Sydney"));
        NameForm name = new NameForm();
        ReadBackForm readBack = new ReadBackForm();
        wizard.stage(TwoStageProcedure.WRITE, name);
        wizard.step(new InformationStep("Read it back", readBack.readBack,
                Bindings.when(readBack.readBack).then("").otherwise("Read the book back, then tick the box."),
                entered::incrementAndGet, () -> { }), readBack);
        wizard.stage(TwoStageProcedure.SIGN, new WitnessForm());
        return new Opened(wizard.open(), name, readBack);
    }

    private static List<StageState> rail(WizardViewModel wizard) {
        return wizard.rail().stream().map(item -> item.stateProperty().get()).toList();
    }

    @Test
    void theStepBlocksTheNextStageUntilDoneAndIsEnteredLikeAStage() {
        Opened opened = open();
        WizardViewModel wizard = opened.wizard();
        opened.name().name.set("Ada");
        wizard.currentStageProperty().get().planProperty().get().confirm();
        wizard.next();

        assertThat(entered).hasValue(1);
        assertThat(wizard.currentStageProperty().get().planProperty().get()).isNull();
        assertThat(wizard.currentStageProperty().get().explanationProperty().get())
                .isEqualTo("Read the book back, then tick the box.");
        assertThat(rail(wizard)).containsExactly(StageState.DONE, StageState.CURRENT, StageState.BLOCKED);
        assertThat(wizard.canGoNextProperty().get()).isFalse();

        opened.readBack().readBack.set(true);

        assertThat(wizard.canGoNextProperty().get()).isTrue();
        wizard.next();
        assertThat(rail(wizard)).containsExactly(StageState.DONE, StageState.DONE, StageState.CURRENT);
    }

    @Test
    void aRestartGivesTheStepItsAnswerBackAndOpensAtTheFirstStepNotDone() {
        Opened first = open();
        first.name().name.set("Ada");
        first.wizard().currentStageProperty().get().planProperty().get().confirm();
        first.wizard().next();
        first.readBack().readBack.set(true);
        first.wizard().close();

        Opened again = open();

        assertThat(again.readBack().readBack.get()).isTrue();
        assertThat(again.wizard().currentProperty().get()).isEqualTo(2);
        assertThat(rail(again.wizard())).containsExactly(StageState.DONE, StageState.DONE, StageState.CURRENT);
        again.wizard().currentStageProperty().get().planProperty().get().confirm();
        assertThat(book.lines()).containsExactly("hello Ada", "on 6 Dec 2026", "signed by Ada");
    }

    @Test
    void aRestartBeforeTheStepWasDoneOpensAtTheStep() {
        Opened first = open();
        first.name().name.set("Ada");
        first.wizard().currentStageProperty().get().planProperty().get().confirm();
        first.wizard().next();
        first.wizard().close();

        Opened again = open();

        assertThat(again.wizard().currentProperty().get()).isEqualTo(1);
        assertThat(again.readBack().readBack.get()).isFalse();
    }
}
