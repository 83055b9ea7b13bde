package dev.gatehouse.domain.recovery.incident;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The three forms of the record, each with its file extension. */
public enum IncidentRecordFormat {
    MARKDOWN("md", "Markdown", IncidentRecordMarkdown::render),
    HTML("html", "HTML", IncidentRecordHtml::render),
    JSON("json", "JSON", IncidentRecordJson::render);

    private final String extension;
    private final String label;
    private final Function<IncidentRecord, String> renderer;

    IncidentRecordFormat(String extension, String label, Function<IncidentRecord, String> renderer) {
        this.extension = extension;
        this.label = label;
        this.renderer = renderer;
    }

    public String extension() {
        return extension;
    }

    public String label() {
        return label;
    }

    public String render(IncidentRecord record) {
        return renderer.apply(record);
    }

    public byte[] bytes(IncidentRecord record) {
        return render(record).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code md}, {@code markdown}, {@code html}, {@code htm} or {@code json}, any case. */
    public static Optional<IncidentRecordFormat> named(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (wanted) {
            case "markdown" -> Optional.of(MARKDOWN);
            case "htm" -> Optional.of(HTML);
            default -> Arrays.stream(values()).filter(f -> f.extension.equals(wanted)).findFirst();
        };
    }

    /** The format a file's extension asks for. */
    public static Optional<IncidentRecordFormat> ofFileName(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : named(name.substring(dot + 1));
    }

    /** {@code incident-<upn or id>-<yyyy-mm-dd>.<ext>}, safe on every file system. */
    public String suggestedName(IncidentRecord record) {
        String who = Optional.ofNullable(record.user().userPrincipalName()).filter(s -> !s.isBlank())
                .orElse(record.user().id()).replaceAll("[^A-Za-z0-9._@-]", "_");
        return "incident-" + who + "-" + record.made().atZone(ZoneOffset.UTC).toLocalDate() + "." + extension;
    }
}
