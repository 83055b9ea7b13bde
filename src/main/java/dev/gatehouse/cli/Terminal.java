package dev.gatehouse.cli;

import dev.gatehouse.domain.text.InertText;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * The person at the keyboard, when there is one: where confirmations are asked and secrets are shown once.
 * With Java 17 a console exists only when standard input and output are both a terminal, so a run whose output
 * is piped or redirected has none, and nothing written here can end up in a file.
 */
public interface Terminal {

    /** The terminal of this process, if it runs in one. */
    static Optional<Terminal> system() {
        Console console = System.console();
        return console == null ? Optional.empty() : Optional.of(new Terminal() {
            @Override
            public String readLine(String prompt) {
                return console.readLine("%s", prompt);
            }

            @Override
            public PrintWriter writer() {
                return console.writer();
            }
        });
    }

    /**
     * This terminal with its prompts and its writer made inert: a prompt names the user or the tenant, and what is
     * written names their methods (docs/security-model.md).
     */
    static Terminal inert(Terminal terminal) {
        PrintWriter writer = InertWriter.of(terminal.writer());
        return new Terminal() {
            @Override
            public String readLine(String prompt) {
                return terminal.readLine(InertText.escape(prompt));
            }

            @Override
            public PrintWriter writer() {
                return writer;
            }
        };
    }

    /** Shows {@code prompt} and reads one line; null at end of input. */
    String readLine(String prompt);

    /** Writes to the screen, never to a redirected standard output. */
    PrintWriter writer();
}
