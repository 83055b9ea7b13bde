package dev.gatehouse.domain.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.storage.PrivateFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The journal as JSON Lines in one file, appended under an OS file lock so the GUI and a CLI run on the
 * same machine never interleave half-lines. OS locks are held per JVM, not per thread, so threads of one
 * process also queue on an in-process lock per file.
 */
public final class JsonLinesJournal implements ActionJournal {

    private static final ConcurrentMap<Path, Object> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();

    /**
     * Appends are written on threads of their own. Stop and Ctrl+C interrupt the run thread at any moment, also while
     * it journals the step that just finished, and a FileChannel used by an interrupted thread closes without writing
     * (ClosedByInterruptException, FileLockInterruptionException): the step being stopped is precisely the one whose
     * record matters most. Nothing interrupts these threads; the caller waits for its entry however often it is
     * interrupted, and keeps the interrupt.
     */
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "gatehouse-journal");
        thread.setDaemon(true);
        return thread;
    });

    public static final String FILE_NAME = "journal.jsonl";

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public JsonLinesJournal(Path file) {
        this.file = file;
    }

    public static JsonLinesJournal inDataFolder() {
        return new JsonLinesJournal(DataFolder.resolve().resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    @Override
    public void append(JournalEntry entry, Collection<Secret> secretsInPlay) {
        String line = serialise(entry);
        for (Secret secret : secretsInPlay) {
            if (!secret.isWiped() && line.contains(secret.reveal())) {
                throw new IllegalStateException("Refused to journal step '" + entry.step()
                        + "': the entry contains the value of a " + secret.label());
            }
        }
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        Future<Void> written = WRITERS.submit(() -> {
            write(bytes);
            return null;
        });
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    written.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // the entry is written all the same; the caller sees the interrupt after
                } catch (ExecutionException e) {
                    throw failed(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void write(byte[] bytes) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            PrivateFiles.folder(parent);
        }
        synchronized (inProcessLock(file)) {
            writeLocked(bytes);
        }
    }

    private RuntimeException failed(Throwable cause) {
        if (cause instanceof IOException io) {
            return new UncheckedIOException("Could not write the action journal at " + file + ": "
                    + (io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage()), io);
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    /** What appends to {@code file} queue on within this process (tests hold it to pause an append). */
    static Object inProcessLock(Path file) {
        return IN_PROCESS_LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), p -> new Object());
    }

    private void writeLocked(byte[] bytes) throws IOException {
        try (FileChannel channel = PrivateFiles.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
             FileLock ignored = channel.lock()) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
    }

    @Override
    public List<JournalEntry> readAll() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<JournalEntry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    entries.add(mapper.readValue(line, JournalEntry.class));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the action journal at " + file + ": " + e.getMessage(), e);
        }
    }

    private String serialise(JournalEntry entry) {
        try {
            return mapper.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Journal entry for step '" + entry.step() + "' is not serialisable", e);
        }
    }
}
