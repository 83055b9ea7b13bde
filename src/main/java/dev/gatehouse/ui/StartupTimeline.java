package dev.gatehouse.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * When the window appeared, when it first showed tenant data and when the FX thread had then done what that data
 * queued (settled), for the startup benchmark. Instants are taken with {@link System#currentTimeMillis()}; the JVM
 * start time is read only when the report is written, so the management classes load after the measured path.
 *
 * <p>With {@code -Dgatehouse.startupReport=FILE} the figures are written to FILE as JSON once the first data is shown
 * and the FX thread settled (or the connection failed); with {@code -Dgatehouse.exitAfterFirstData=true} the app
 * exits then.
 */
final class StartupTimeline {

    static final String REPORT_PROPERTY = "gatehouse.startupReport";
    static final String EXIT_PROPERTY = "gatehouse.exitAfterFirstData";

    private long windowShownAt = -1;
    private long firstDataAt = -1;
    private long settledAt = -1;
    private boolean finished;

    void windowShown() {
        if (windowShownAt < 0) {
            windowShownAt = System.currentTimeMillis();
        }
    }

    void firstDataShown() {
        if (firstDataAt < 0) {
            firstDataAt = System.currentTimeMillis();
        }
    }

    /** The FX thread ran what the first data queued for it (the user detail's controls): the window is at rest. */
    void settled() {
        if (settledAt < 0) {
            settledAt = System.currentTimeMillis();
        }
    }

    boolean finished() {
        return finished;
    }

    /** Writes the report if one was asked for; {@code error} is null when the first data arrived. */
    void finish(String scenario, String error) {
        finished = true;
        Optional<Path> file = Optional.ofNullable(System.getProperty(REPORT_PROPERTY)).filter(p -> !p.isBlank()).map(Path::of);
        if (file.isEmpty()) {
            return;
        }
        try {
            Files.writeString(file.get(), toJson(ManagementFactory.getRuntimeMXBean().getStartTime(), scenario, error),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("Could not write the startup report to " + file.get() + ": " + e.getMessage());
        }
    }

    static boolean exitWhenFinished() {
        return Boolean.getBoolean(EXIT_PROPERTY);
    }

    /** Milliseconds since JVM start; null for a point that was never reached. */
    String toJson(long jvmStartedAt, String scenario, String error) {
        return "{\n"
                + "  \"scenario\": " + quote(scenario) + ",\n"
                + "  \"jvmStartEpochMillis\": " + jvmStartedAt + ",\n"
                + "  \"windowShownMillis\": " + since(jvmStartedAt, windowShownAt) + ",\n"
                + "  \"firstDataMillis\": " + since(jvmStartedAt, firstDataAt) + ",\n"
                + "  \"settledMillis\": " + since(jvmStartedAt, settledAt) + ",\n"
                + "  \"error\": " + (error == null ? "null" : quote(error)) + "\n"
                + "}\n";
    }

    private static String since(long start, long at) {
        return at < 0 ? "null" : Long.toString(at - start);
    }

    private static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
