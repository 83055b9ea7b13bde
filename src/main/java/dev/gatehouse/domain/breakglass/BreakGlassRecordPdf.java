package dev.gatehouse.domain.breakglass;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The record as a one-page A4 PDF: the same XHTML page ({@link BreakGlassRecordHtml}) laid out by openhtmltopdf on
 * PDFBox (decision 0012). Text is set in the PDF standard Helvetica; the snippets and ids in DejaVu Sans Mono,
 * bundled and embedded as a subset. Nothing depends on the fonts of the machine. A character Helvetica's Western
 * European set lacks (Greek, Cyrillic, Chinese…) prints as a placeholder; the HTML version shows it. Text is real text: it can be searched and copied. Long names make the page
 * more compact ({@link #fittingLayout}) rather than spill onto a second sheet.
 */
public final class BreakGlassRecordPdf {

    private static final String MONO_FONT = "fonts/DejaVuSansMono.ttf";

    static {
        // openhtmltopdf logs each render at INFO through java.util.logging: noise on the CLI's standard error
        XRLog.setLoggingEnabled(false);
    }

    private BreakGlassRecordPdf() {
    }

    /**
     * The PDF's bytes: one page in the roomiest layout that fits. Pure computation, under a second (more on a first
     * call, for class and font loading): off the FX thread.
     */
    public static byte[] render(BreakGlassRecord record) {
        byte[] pdf = null;
        for (int compact = 0; compact <= BreakGlassRecordHtml.MOST_COMPACT; compact++) {
            pdf = fromXhtml(BreakGlassRecordHtml.render(record, compact));
            if (pages(pdf) == 1) {
                return pdf;
            }
        }
        return pdf;
    }

    /**
     * The roomiest layout ({@link BreakGlassRecordHtml#render(BreakGlassRecord, int)}) whose page fits one A4 sheet,
     * or the most compact when none does: the HTML version is printed from a browser at the same size.
     */
    public static int fittingLayout(BreakGlassRecord record) {
        for (int compact = 0; compact < BreakGlassRecordHtml.MOST_COMPACT; compact++) {
            if (pages(fromXhtml(BreakGlassRecordHtml.render(record, compact))) == 1) {
                return compact;
            }
        }
        return BreakGlassRecordHtml.MOST_COMPACT;
    }

    static byte[] fromXhtml(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> BreakGlassRecordPdf.class.getResourceAsStream(MONO_FONT),
                    BreakGlassRecordHtml.MONO_FAMILY);
            builder.withHtmlContent(xhtml, null);
            builder.withProducer("Gatehouse");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The record could not be laid out as PDF: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException("The record's PDF could not be read back: " + e.getMessage(), e);
        }
    }
}
