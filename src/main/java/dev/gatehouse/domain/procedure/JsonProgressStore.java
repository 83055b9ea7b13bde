package dev.gatehouse.domain.procedure;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.domain.storage.AtomicFiles;
import dev.gatehouse.domain.storage.PrivateFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One small JSON file per unfinished run under {@code <data folder>/procedures}, named by a hash of its
 * {@link RunKey} and replaced atomically, so a crash mid-write leaves the previous state rather than a torn file.
 */
public final class JsonProgressStore implements ProgressStore {

    public static final String FOLDER = "procedures";

    private final Path folder;
    private final ObjectMapper json = ProgressJson.mapper();

    public JsonProgressStore(Path dataFolder) {
        this.folder = dataFolder.resolve(FOLDER);
    }

    @Override
    public Optional<ProcedureProgress> find(RunKey key) {
        Path file = file(key);
        try {
            ProcedureProgress progress = json.readValue(Files.readString(file, StandardCharsets.UTF_8),
                    ProcedureProgress.class);
            return Optional.of(progress);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("The saved run " + file + " cannot be read (" + e.getMessage()
                    + "). Delete the file to start over.", e instanceof IOException io ? io : new IOException(e));
        }
    }

    @Override
    public synchronized void save(ProcedureProgress progress) {
        Path file = file(progress.key());
        try {
            PrivateFiles.folder(folder.getParent());
            AtomicFiles.replace(file, json.writeValueAsString(progress));
        } catch (IOException e) {
            throw new UncheckedIOException("The run's progress cannot be saved to " + file + ": " + e.getMessage(), e);
        }
    }

    Path file(RunKey key) {
        return folder.resolve(key.fileStem() + ".json");
    }
}
