package dev.gatehouse.cli;

/** Bad input on the command line: reported in one line, exit code {@link ExitCodes#USAGE}. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
