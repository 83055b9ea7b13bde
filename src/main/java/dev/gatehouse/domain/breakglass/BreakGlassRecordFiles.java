package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.storage.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The record saved where the admin chose, as HTML or PDF: written whole and never over an existing file (an older
 * record may be the one in the safe). Blocks on the disk: never on the FX thread.
 */
public final class BreakGlassRecordFiles {

    /** The two forms of the record. */
    public enum Format {
        HTML("html"), PDF("pdf");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        /** The format a file name asks for by its extension ({@code .html}, {@code .htm}, {@code .pdf}, any case). */
        public static Optional<Format> ofFileName(Path file) {
            String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
            if (name.endsWith(".pdf")) {
                return Optional.of(PDF);
            }
            if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
                return Optional.of(HTML);
            }
            return Optional.empty();
        }
    }

    /** The name the app proposes: {@code breakglass-record-<initial domain>-<yyyy-mm-dd>.<ext>}. */
    public static String suggestedName(BreakGlassRecord record, Format format) {
        String domain = record.tenant().initialDomain().replaceAll("[^A-Za-z0-9.-]", "");
        return "breakglass-record" + (domain.isEmpty() ? "" : "-" + domain) + "-" + record.made() + "."
                + format.extension();
    }

    private BreakGlassRecordFiles() {
    }

    /** The bytes of the record in {@code format}. */
    public static byte[] bytes(BreakGlassRecord record, Format format) {
        return switch (format) {
            case HTML -> BreakGlassRecordHtml.render(record, BreakGlassRecordPdf.fittingLayout(record))
                    .getBytes(StandardCharsets.UTF_8);
            case PDF -> BreakGlassRecordPdf.render(record);
        };
    }

    /**
     * Writes the record to {@code file}, a new file.
     *
     * @throws FileAlreadyExistsException the file exists already: nothing written; its message says what to do
     * @throws IOException                 its folder does not exist, or the disk refused, in the admin's words
     */
    public static void write(Path file, BreakGlassRecord record, Format format) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("The folder " + folder + " does not exist: choose a folder that does, or create it "
                    + "first.");
        }
        if (Files.exists(file)) {
            throw exists(file, null);
        }
        byte[] bytes = bytes(record, format);
        try {
            AtomicFiles.createNew(file, bytes);
        } catch (FileAlreadyExistsException e) {
            throw exists(file, e);
        }
    }

    /** "FILE: exists already. …" with the way out. */
    private static FileAlreadyExistsException exists(Path file, Exception cause) {
        FileAlreadyExistsException e = new FileAlreadyExistsException(file.toString(), null, "exists already. "
                + "Gatehouse does not overwrite a file (it may be the record in the safe): choose another name, or "
                + "move that file away first.");
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }
}
