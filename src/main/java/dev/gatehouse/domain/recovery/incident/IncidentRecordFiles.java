package dev.gatehouse.domain.recovery.incident;

import dev.gatehouse.domain.storage.AtomicFiles;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The record saved where the admin chose: written whole, and over an existing file only when the admin said so
 * ({@code --force}, or the save dialog's own question). Blocks on the disk: never on the FX thread.
 */
public final class IncidentRecordFiles {

    private IncidentRecordFiles() {
    }

    /**
     * @param replace whether an existing {@code file} may be replaced; the admin was asked
     * @throws FileAlreadyExistsException {@code file} exists and {@code replace} is false: nothing written
     * @throws IOException                its folder does not exist, or the disk refused
     */
    public static void write(Path file, IncidentRecord record, IncidentRecordFormat format, boolean replace)
            throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("The folder " + folder + " does not exist: choose a folder that does, or create it "
                    + "first.");
        }
        byte[] bytes = format.bytes(record);
        if (!replace || !Files.exists(file)) {
            AtomicFiles.createNew(file, bytes);
            return;
        }
        // written whole beside it first, so a failed write leaves the old file as it was
        Path beside = folder.resolve("." + file.getFileName() + "." + System.nanoTime() + ".tmp");
        AtomicFiles.createNew(beside, bytes);
        try {
            Files.move(beside, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(beside);
        }
    }
}
