package dev.gatehouse.domain.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files written whole: a crash mid-write leaves the previous version (or no file), never half of one. Files in the
 * data folder are replaced ({@link #replace}); files the admin exports are created and never replace one
 * ({@link #createNew}).
 */
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

    /**
     * Writes {@code bytes} next to {@code file} and moves it into place, refusing to replace a file that exists: the
     * file appears whole or not at all. The folder must exist (it is the admin's, and keeps its permissions); the
     * file is the owner's alone ({@link PrivateFiles}).
     *
     * @throws FileAlreadyExistsException when {@code file} exists, before anything is written
     */
    public static void createNew(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            PrivateFiles.restrict(temporary); // before a byte is written
            Files.write(temporary, bytes);
            try {
                // a hard link is created only where nothing is: no moment in which an existing file could be replaced
                Files.createLink(target, temporary);
            } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
                if (e instanceof FileAlreadyExistsException) {
                    throw e;
                }
                Files.move(temporary, target); // no REPLACE_EXISTING: refuses a file that appeared meanwhile
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
