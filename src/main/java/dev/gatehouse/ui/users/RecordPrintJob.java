package dev.gatehouse.ui.users;

import java.util.function.IntConsumer;

/**
 * A print job the admin set up in the print dialog, its pages ready: sending them and ending the job can wait on the
 * spooler or a network printer, so {@link #print} runs on a worker thread, never on the UI thread. The window's is
 * {@link FxRecordPrintJob}; tests hand in their own.
 */
interface RecordPrintJob {

    /** The printer chosen in the dialog, as the admin knows it. */
    String printerName();

    int pageCount();

    /**
     * Sends every page, then ends the job. Blocks; called on a worker thread.
     *
     * @param pageSent told each page's number (from 1) once the printer took it; called on the worker thread
     * @throws NotPrintedException the printer stopped or did not take the job
     */
    void print(IntConsumer pageSent) throws NotPrintedException;

    /** Stops the job at the printer's earliest opportunity; may be called while {@link #print} runs. */
    void cancel();

    /** The printer stopped or refused the job: the message says so in a sentence for the admin. */
    final class NotPrintedException extends Exception {

        NotPrintedException(String message) {
            super(message);
        }
    }
}
