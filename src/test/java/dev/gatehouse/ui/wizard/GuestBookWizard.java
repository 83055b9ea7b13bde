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
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.fake.FakeClipboard;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The throwaway two-stage procedure as a wizard over a data folder, made afresh for every window: a new desk over the
 * same folder is what a restarted app has.
 */
record GuestBookWizard(ProcedureWizard<Book, Proposal> procedure, NameForm name, WitnessForm witness,
                       ProcedureStageViewModel<Book, Proposal> write, ProcedureStageViewModel<Book, Proposal> sign) {

    static GuestBookWizard over(Path data, Book book, TwoStageProcedure guestBook, TaskRunner runner) {
        ProcedureDesk desk = new ProcedureDesk(new JsonLinesJournal(data.resolve("journal.jsonl")),
                new JsonProgressStore(data), new FileRunLocks(data), "Demo tenant", RunHolder.WINDOW,
                Clock.systemUTC());
        ProcedureWizard<Book, Proposal> procedure = new ProcedureWizard<>(desk, guestBook.procedure(),
                new Subject("book", "the guest book"), "adele@tailspintoys.com", () -> book,
                (read, proposal) -> Optional.empty(), runner, new FakeClipboard(), ZoneId.of("Australia/Sydney"));
        NameForm name = new NameForm();
        WitnessForm witness = new WitnessForm();
        return new GuestBookWizard(procedure, name, witness, procedure.stage(TwoStageProcedure.WRITE, name),
                procedure.stage(TwoStageProcedure.SIGN, witness));
    }
}
