package dev.gatehouse.domain.procedure;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.domain.storage.AtomicFiles;
import dev.gatehouse.domain.storage.PrivateFiles;
import dev.gatehouse.domain.tenant.TenantException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Run locks in {@code <data folder>/procedures}: per run an empty {@code .lock} file that the holding process keeps
 * an OS lock on, and a {@code .holder} file saying who that is. The OS drops the lock when the process dies, however
 * it dies; the holder file stays, so a later process that gets the lock but finds a holder knows the previous one
 * ended mid-run (stale) instead of guessing from a process id. The holder is a separate file because on Windows a
 * locked file cannot be read by others. OS locks belong to the whole JVM, so runs within this process are kept apart
 * by an in-process table first.
 */
public final class FileRunLocks implements RunLocks {

    private static final ConcurrentMap<Path, RunHolder> HELD_HERE = new ConcurrentHashMap<>();
    /**
     * One monitor per lock file for everything this JVM does with its channels. On some systems (POSIX record locks,
     * so Linux and macOS) closing <em>any</em> channel on a file drops every lock the JVM holds on it: a probe that
     * opened and closed a second channel while a run held the lock would silently free it for other processes.
     */
    private static final ConcurrentMap<Path, Object> MONITORS = new ConcurrentHashMap<>();
    /** A holder that has the OS lock but has not written its record yet gets this long before it counts as unknown. */
    private static final int NAMELESS_RETRIES = 5;
    private static final long NAMELESS_WAIT_MILLIS = 40;

    private final Path folder;
    private final ObjectMapper json = ProgressJson.mapper();

    public FileRunLocks(Path dataFolder) {
        this.folder = dataFolder.resolve(JsonProgressStore.FOLDER);
    }

    @Override
    public RunLock acquire(RunKey key, RunHolder holder, String runName, boolean takeOverStale) {
        Path lockFile = lockFile(key);
        Path holderFile = holderFile(key);
        boolean interrupted = Thread.interrupted(); // an interrupted thread cannot use a FileChannel
        try {
            for (int attempt = 0; ; attempt++) {
                synchronized (monitor(lockFile)) {
                    RunHolder here = HELD_HERE.get(lockFile);
                    if (here != null) {
                        throw new RunInProgressException(runName, here, false);
                    }
                    Optional<RunLock> taken = tryTake(lockFile, holderFile, holder, runName, takeOverStale,
                            attempt >= NAMELESS_RETRIES);
                    if (taken.isPresent()) {
                        return taken.get();
                    }
                }
                Thread.sleep(NAMELESS_WAIT_MILLIS); // another process has just taken it and is writing its name
            }
        } catch (InterruptedException e) {
            interrupted = true;
            throw new TenantException(TenantException.Kind.CANCELLED, "Stopped while waiting to take the run of "
                    + runName + "; nothing was sent.");
        } catch (IOException e) {
            throw new UncheckedIOException("The run lock " + lockFile + " cannot be taken: " + e.getMessage(), e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Under the file's monitor: takes the OS lock and writes the holder record, or says who has it. Empty when another
     * process holds the lock without a record yet and {@code lastTry} is false (the caller waits and asks again).
     * Whatever fails after the OS lock was taken releases it again: a lock must never outlive a failed take.
     */
    private Optional<RunLock> tryTake(Path lockFile, Path holderFile, RunHolder holder, String runName,
                                      boolean takeOverStale, boolean lastTry) throws IOException {
        PrivateFiles.folder(folder.getParent());
        PrivateFiles.folder(folder);
        FileChannel channel = PrivateFiles.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE));
        FileLock lock = null;
        boolean held = false;
        try {
            lock = tryLock(channel);
            if (lock == null) {
                Optional<RunHolder> other = readHolder(holderFile);
                if (other.isEmpty() && !lastTry) {
                    return Optional.empty();
                }
                throw new RunInProgressException(runName, other.orElseGet(FileRunLocks::unknownHolder), false);
            }
            Optional<RunHolder> left = readHolder(holderFile);
            if (left.isPresent() && !takeOverStale) {
                throw new RunInProgressException(runName, left.get(), true);
            }
            writeHolder(holderFile, holder);
            HELD_HERE.put(lockFile, holder);
            held = true;
            FileLock taken = lock;
            return Optional.of(() -> release(lockFile, holderFile, taken, channel));
        } finally {
            if (!held) {
                if (lock != null && lock.isValid()) {
                    lock.release();
                }
                channel.close();
            }
        }
    }

    /** Another JVM's lock is a null; this JVM's own (which the table should have caught) is one too, not a crash. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    @Override
    public Optional<Held> holder(RunKey key) {
        Path lockFile = lockFile(key);
        Path holderFile = holderFile(key);
        boolean interrupted = Thread.interrupted();
        try {
            synchronized (monitor(lockFile)) {
                RunHolder here = HELD_HERE.get(lockFile);
                if (here != null) {
                    return Optional.of(new Held(here, false));
                }
                Optional<RunHolder> recorded = readHolder(holderFile);
                if (recorded.isEmpty()) {
                    return Optional.empty(); // nobody has left a record; a run starting now writes one at once
                }
                // nobody in this JVM holds it, so a probe's channel can be opened and closed without dropping a lock
                try (FileChannel channel = PrivateFiles.open(lockFile, Set.of(StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE))) {
                    FileLock lock = tryLock(channel);
                    if (lock == null) {
                        return Optional.of(new Held(recorded.get(), false));
                    }
                    lock.release();
                    return Optional.of(new Held(recorded.get(), true));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The run lock " + lockFile + " cannot be checked: " + e.getMessage(), e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The holder file goes first, so nobody who gets the lock after us mistakes our finished run for a stale one. */
    private static void release(Path lockFile, Path holderFile, FileLock lock, FileChannel channel) {
        boolean interrupted = Thread.interrupted();
        synchronized (monitor(lockFile)) {
            try {
                Files.deleteIfExists(holderFile);
            } catch (IOException e) {
                // the lock is still released below; the next run then reports a stale holder, which errs on the safe side
            } finally {
                try {
                    if (lock.isValid()) {
                        lock.release();
                    }
                    channel.close();
                } catch (IOException e) {
                    // closing the channel is what releases an OS lock; nothing else can be done
                }
                HELD_HERE.remove(lockFile);
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static Object monitor(Path lockFile) {
        return MONITORS.computeIfAbsent(lockFile, path -> new Object());
    }

    /** Someone who just took the lock and has not written their name yet. */
    private static RunHolder unknownHolder() {
        return RunHolder.unknown("another Gatehouse process, which has not yet recorded who runs it");
    }

    private Optional<RunHolder> readHolder(Path file) {
        try {
            return Optional.of(json.readValue(Files.readString(file, StandardCharsets.UTF_8), RunHolder.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // a torn or foreign holder file still means somebody was here
            return Optional.of(RunHolder.unknown("a holder whose record " + file + " cannot be read"));
        }
    }

    private void writeHolder(Path file, RunHolder holder) throws IOException {
        AtomicFiles.replace(file, json.writeValueAsString(holder));
    }

    private Path lockFile(RunKey key) {
        return folder.resolve(key.fileStem() + ".lock").toAbsolutePath().normalize();
    }

    private Path holderFile(RunKey key) {
        return folder.resolve(key.fileStem() + ".holder");
    }
}
