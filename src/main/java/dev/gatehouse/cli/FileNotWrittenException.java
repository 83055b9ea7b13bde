package dev.gatehouse.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file the admin asked for could not be written (the folder is missing, the disk is full, the path is a folder,
 * permission was refused): the command was used right and failed, so it ends in one line and exit code
 * {@link ExitCodes#FAILED}, never {@link ExitCodes#USAGE}. A file that exists already without {@code --force} is a
 * {@link UsageException}: the admin chooses another name.
 */
public final class FileNotWrittenException extends RuntimeException {

    public FileNotWrittenException(Path file, IOException cause) {
        super("Could not write " + file + ": " + reason(cause), cause);
    }

    /**
     * A FileSystemException's message repeats the path, and some (DirectoryNotEmptyException, NoSuchFileException) give
     * no reason at all: then its kind says it ("directory not empty").
     */
    private static String reason(IOException cause) {
        if (cause instanceof FileSystemException refused) {
            return refused.getReason() != null ? refused.getReason() + "."
                    : cause.getClass().getSimpleName().replaceAll("Exception$", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                    .toLowerCase(Locale.ROOT) + ".";
        }
        return cause.getMessage();
    }
}
