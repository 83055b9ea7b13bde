package dev.gatehouse.sim.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The scenarios a trainer control may load by name: the bundled ones, {@code large:N}, and the {@code .json} files
 * directly in the folder given at start ({@code gatehouse sim --scenarios-dir DIR}). A request never names a path:
 * {@code POST /_demo/scenario} is reachable by anything on the machine that holds a bearer token, and loading a file
 * reads it and reports what it holds.
 */
public final class ScenarioCatalog {

    private final Path folder;

    /** @param folder the trainer's scenarios folder, or null for none */
    public ScenarioCatalog(Path folder) {
        this.folder = folder == null ? null : folder.toAbsolutePath().normalize();
    }

    /**
     * The scenario a trainer control asked for by {@code name}: a bundled name, {@code large:N}, or the file name of
     * a scenario in the folder ({@code classroom} or {@code classroom.json}).
     *
     * @throws IllegalArgumentException for a path, a file outside the folder or one that is not there
     */
    public ScenarioRef resolve(String name) {
        String text = name == null ? "" : name.trim();
        if (text.contains("/") || text.contains("\\") || text.startsWith(".") || text.contains(":") && !large(text)) {
            throw new IllegalArgumentException("Scenario '" + text + "': trainer controls load scenarios by name, never "
                    + "by path. " + offer());
        }
        if (folder != null && !large(text) && !ScenarioRef.BUNDLED.contains(text.toLowerCase(Locale.ROOT))) {
            Path file = folder.resolve(text.toLowerCase(Locale.ROOT).endsWith(".json") ? text : text + ".json");
            if (Files.isRegularFile(file) && folder.equals(file.getParent())) {
                return ScenarioRef.parse(file.toString());
            }
            throw new IllegalArgumentException("Unknown scenario '" + text + "'. " + offer());
        }
        if (text.toLowerCase(Locale.ROOT).endsWith(".json")) {
            throw new IllegalArgumentException("Scenario '" + text + "': start the demo tenant with --scenarios-dir DIR "
                    + "to load your own scenario files by name. " + offer());
        }
        return ScenarioRef.parse(text);
    }

    /** What {@code GET /_demo/scenarios} lists: bundled names, {@code large:N}, then the folder's files. */
    public List<String> names() {
        List<String> names = new ArrayList<>(ScenarioRef.BUNDLED);
        names.add("large:N");
        names.addAll(folderFiles());
        return names;
    }

    private List<String> folderFiles() {
        if (folder == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(f -> f.toLowerCase(Locale.ROOT).endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the scenarios folder " + folder, e);
        }
    }

    private String offer() {
        return "Known scenarios: " + String.join(", ", names()) + (folder == null ? "" : " (files from " + folder + ")")
                + ".";
    }

    private static boolean large(String text) {
        return text.toLowerCase(Locale.ROOT).startsWith("large:");
    }
}
