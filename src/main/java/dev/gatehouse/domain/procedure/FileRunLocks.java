package dev.gatehouse.domain.procedure;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.domain.storage.AtomicFiles;

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

    private final Path folder;
    private final ObjectMapper json = ProgressJson.mapper();

    public FileRunLocks(Path dataFolder) {
        this.folder = dataFolder.resolve(JsonProgressStore.FOLDER);
    }

    @Override
    public RunLock acquire(RunKey key, RunHolder holder, String runName, boolean takeOverStale) {
        Path lockFile = lockFile(key);
        Path holderFile = holderFile(key);
        RunHolder here = HELD_HERE.putIfAbsent(lockFile, holder);
        if (here != null) {
            throw new RunInProgressException(runName, here, false);
        }
        boolean interrupted = Thread.interrupted(); // an interrupted thread cannot use a FileChannel
        try {
            Files.createDirectories(folder);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException | IOException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                throw new RunInProgressException(runName, readHolder(holderFile).orElseGet(FileRunLocks::unknownHolder),
                        false);
            }
            Optional<RunHolder> left = readHolder(holderFile);
            if (left.isPresent() && !takeOverStale) {
                lock.release();
                channel.close();
                throw new RunInProgressException(runName, left.get(), true);
            }
            writeHolder(holderFile, holder);
            return () -> release(lockFile, holderFile, lock, channel);
        } catch (IOException e) {
            HELD_HERE.remove(lockFile, holder);
            throw new UncheckedIOException("The run lock " + lockFile + " cannot be taken: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            HELD_HERE.remove(lockFile, holder);
            throw e;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public Optional<Held> holder(RunKey key) {
        Path lockFile = lockFile(key);
        RunHolder here = HELD_HERE.get(lockFile);
        if (here != null) {
            return Optional.of(new Held(here, false));
        }
        Path holderFile = holderFile(key);
        Optional<RunHolder> recorded = readHolder(holderFile);
        if (recorded.isEmpty() && !Files.exists(lockFile)) {
            return Optional.empty();
        }
        boolean interrupted = Thread.interrupted();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return Optional.of(new Held(recorded.orElseGet(FileRunLocks::unknownHolder), false));
            }
            lock.release();
            return recorded.map(left -> new Held(left, true));
        } catch (OverlappingFileLockException e) {
            return Optional.of(new Held(recorded.orElseGet(FileRunLocks::unknownHolder), false));
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
