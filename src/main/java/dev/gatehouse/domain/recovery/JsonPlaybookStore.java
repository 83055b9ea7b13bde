package dev.gatehouse.domain.recovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One small JSON file per unfinished run under {@code <data folder>/playbooks}, replaced atomically so a crash
 * mid-write leaves the previous state rather than a torn file.
 */
public final class JsonPlaybookStore implements PlaybookStore {

    private final Path folder;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public JsonPlaybookStore(Path dataFolder) {
        this.folder = dataFolder.resolve("playbooks");
    }

    @Override
    public Optional<PlaybookProgress> find(String tenant, String userId) {
        Path file = file(tenant, userId);
        try {
            return Optional.of(json.readValue(Files.readString(file, StandardCharsets.UTF_8), PlaybookProgress.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("The saved playbook run " + file + " cannot be read (" + e.getMessage()
                    + "). Delete the file to start over.", e);
        }
    }

    @Override
    public synchronized void save(PlaybookProgress progress) {
        Path file = file(progress.tenant(), progress.userId());
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, "run", ".tmp");
            Files.writeString(temporary, json.writeValueAsString(progress), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The playbook's progress cannot be saved to " + file + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void remove(String tenant, String userId) {
        try {
            Files.deleteIfExists(file(tenant, userId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hashed, so a tenant name or UPN never becomes part of a path. */
    private Path file(String tenant, String userId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((tenant + "\n" + userId.toLowerCase()).getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(digest, 0, 16) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
