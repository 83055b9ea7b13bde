package dev.gatehouse.ui.fake;

import dev.gatehouse.ui.common.Preferences;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Preferences held in memory for ViewModel tests: answers at once and records every save. */
public final class MemoryPreferences implements Preferences {

    private Duration window;
    private final List<Duration> saves = new ArrayList<>();
    private String failure;

    public MemoryPreferences(Duration window) {
        this.window = window;
    }

    /** Every later save fails with {@code reason}. */
    public void failSavesWith(String reason) {
        failure = reason;
    }

    @Override
    public void readRecentWindow(Consumer<Duration> whenRead) {
        whenRead.accept(window);
    }

    @Override
    public void saveRecentWindow(Duration newWindow, Consumer<String> whenFailed) {
        saves.add(newWindow);
        if (failure != null) {
            whenFailed.accept(failure);
        } else {
            window = newWindow;
        }
    }

    public List<Duration> saves() {
        return saves;
    }
}
