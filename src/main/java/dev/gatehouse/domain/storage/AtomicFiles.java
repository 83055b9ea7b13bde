package dev.gatehouse.domain.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files in the data folder that are replaced whole: a crash mid-write leaves the previous version, never half of it. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes {@code text} next to {@code file} and moves it into place in one step, creating the folder if needed.
     * Folder and file are the owner's alone ({@link PrivateFiles}).
     */
    public static void replace(Path file, String text) throws IOException {
        Path folder = PrivateFiles.folder(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
        try {
            PrivateFiles.restrict(temporary); // before a byte is written
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
