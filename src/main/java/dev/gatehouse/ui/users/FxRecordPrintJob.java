package dev.gatehouse.ui.users;

import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The record's lines as pages of small monospaced type, sent through a JavaFX {@link PrinterJob}. The pages are built
 * for printing and are in no scene, so they may be printed from a worker thread: JavaFX does not require printing on
 * the application thread and recommends another thread for it
 * (<a href="https://openjfx.io/javadoc/21/javafx.graphics/javafx/print/PrinterJob.html">PrinterJob</a>).
 */
final class FxRecordPrintJob implements RecordPrintJob {

    private static final double FONT_SIZE = 8;

    private final PrinterJob job;
    private final PageLayout layout;
    private final List<Node> pages;

    private FxRecordPrintJob(PrinterJob job, PageLayout layout, List<Node> pages) {
        this.job = job;
        this.layout = layout;
        this.pages = List.copyOf(pages);
    }

    /** Lays {@code lines} out on the pages of the layout chosen in the print dialog; on the UI thread, quick. */
    static FxRecordPrintJob of(PrinterJob job, List<String> lines) {
        PageLayout layout = job.getJobSettings().getPageLayout();
        return new FxRecordPrintJob(job, layout, pages(lines, layout.getPrintableWidth(),
                layout.getPrintableHeight()));
    }

    @Override
    public String printerName() {
        return job.getPrinter().getName();
    }

    @Override
    public int pageCount() {
        return pages.size();
    }

    @Override
    public void print(IntConsumer pageSent) throws NotPrintedException {
        for (int i = 0; i < pages.size(); i++) {
            if (!job.printPage(layout, pages.get(i))) {
                String why = job.getJobStatus().toString().toLowerCase(Locale.ROOT);
                job.cancelJob();
                throw new NotPrintedException("Printing stopped: " + why + ".");
            }
            pageSent.accept(i + 1);
        }
        if (!job.endJob()) {
            throw new NotPrintedException("The printer did not take the record.");
        }
    }

    @Override
    public void cancel() {
        job.cancelJob();
    }

    private static List<Node> pages(List<String> lines, double width, double height) {
        Font font = Font.font("Monospaced", FONT_SIZE);
        List<Node> pages = new ArrayList<>();
        VBox page = new VBox();
        double used = 0;
        for (String line : lines) {
            Text text = new Text(line.isEmpty() ? " " : line);
            text.setFont(font);
            text.setWrappingWidth(width);
            double lineHeight = text.getLayoutBounds().getHeight();
            if (used > 0 && used + lineHeight > height) {
                pages.add(page);
                page = new VBox();
                used = 0;
            }
            page.getChildren().add(text);
            used += lineHeight;
        }
        if (!page.getChildren().isEmpty()) {
            pages.add(page);
        }
        return pages;
    }
}
