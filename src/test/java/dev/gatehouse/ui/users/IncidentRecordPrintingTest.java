package dev.gatehouse.ui.users;

import dev.gatehouse.app.GatehouseConnector;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Printing the incident record of Alex Wilber (demo tenant, scenario {@code compromised}) through a print job that
 * stands in for the printer: the pages go out as a background task, never on the UI thread, with progress, the
 * outcome, and Cancel.
 */
class IncidentRecordPrintingTest {

    private static final String ALEX = "alex.wilber@tailspintoys.com";

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private TenantConnection connection;
    private IncidentRecordViewModel record;

    @TempDir
    Path data;

    @BeforeEach
    void readAlexsRecord() {
        connection = new GatehouseConnector(name -> null).connectDemo("compromised");
        RecoveryDesk desk = RecoveryDesk.open(connection, data, Clock.systemUTC(), Duration.ofDays(7));
        record = new IncidentRecordViewModel(desk, ALEX, runner, Clock.systemUTC());
        record.load();
        assertThat(record.stateProperty().get()).as(record.statusProperty().get()).isEqualTo(LoadState.LOADED);
        runner.holdTasks();
    }

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void thePagesGoToThePrinterAsABackgroundTaskThatSaysWhichPageWentAndHowItEnded() {
        Printer printer = new Printer(3, null);

        record.print(printer);

        assertThat(runner.onlyPending().description()).isEqualTo("Printing the incident record");
        assertThat(printer.sent).as("nothing is sent on the UI thread").isEmpty();
        assertThat(record.printingProperty().get()).isTrue();
        assertThat(record.statusProperty().get()).isEqualTo("Sending the record to Office printer\u2026");

        runner.onlyPending().complete();

        assertThat(printer.sent).containsExactly(1, 2, 3);
        assertThat(printer.progress).containsExactly(
                "Sending the record to Office printer: page 1 of 3 sent\u2026",
                "Sending the record to Office printer: page 2 of 3 sent\u2026",
                "Sending the record to Office printer: page 3 of 3 sent\u2026");
        assertThat(record.printingProperty().get()).isFalse();
        assertThat(record.statusProperty().get()).isEqualTo("Sent to Office printer.");
    }

    @Test
    void aPrinterThatStopsIsNamedWithWhatToDoInstead() {
        record.print(new Printer(3, "Printing stopped: error."));
        runner.onlyPending().complete();

        assertThat(record.printingProperty().get()).isFalse();
        assertThat(record.statusProperty().get()).isEqualTo("Printing stopped: error. Save the record as HTML and "
                + "print it from a browser, or attach it to the ticket.");
    }

    @Test
    void cancelStopsTheJobAndDropsItsOutcome() {
        Printer printer = new Printer(3, null);
        record.print(printer);

        record.cancel();

        assertThat(printer.cancelled).isTrue();
        assertThat(runner.pending()).isEmpty();
        assertThat(record.printingProperty().get()).isFalse();
        assertThat(record.statusProperty().get()).startsWith("Printing cancelled.");
    }

    /** Takes every page, or stops with {@code stopsWith}; notes what the status said as each page went. */
    private final class Printer implements RecordPrintJob {

        private final int pages;
        private final String stopsWith;
        private final List<Integer> sent = new ArrayList<>();
        private final List<String> progress = new ArrayList<>();
        private boolean cancelled;

        Printer(int pages, String stopsWith) {
            this.pages = pages;
            this.stopsWith = stopsWith;
        }

        @Override
        public String printerName() {
            return "Office printer";
        }

        @Override
        public int pageCount() {
            return pages;
        }

        @Override
        public void print(IntConsumer pageSent) throws NotPrintedException {
            if (stopsWith != null) {
                throw new NotPrintedException(stopsWith);
            }
            for (int page = 1; page <= pages; page++) {
                sent.add(page);
                pageSent.accept(page);
                progress.add(record.statusProperty().get());
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
