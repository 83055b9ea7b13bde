package dev.gatehouse.domain.procedure;

import java.util.Optional;

/** One run at a time per {@link RunKey}, across threads, windows and processes on this computer. */
public interface RunLocks {

    /**
     * Takes the run for {@code holder}. Fails with {@link RunInProgressException} when another holder has it, or when
     * a dead holder left it and {@code takeOverStale} is false.
     *
     * @param runName what the refusal calls the run ("“Compromised account” on Alex Wilber")
     */
    RunLock acquire(RunKey key, RunHolder holder, String runName, boolean takeOverStale);

    /** Who holds the run now, live or stale, without taking it; empty when it is free. */
    Optional<Held> holder(RunKey key);

    record Held(RunHolder holder, boolean stale) {
    }

    /** A run taken; closing it lets the next one in. */
    interface RunLock extends AutoCloseable {
        @Override
        void close();
    }
}
