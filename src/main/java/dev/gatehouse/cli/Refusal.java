package dev.gatehouse.cli;

/**
 * Why nothing was sent, said once: in the one-line failure on standard error, which a person at the terminal and a
 * script that keeps standard output both see. Standard output (text) then only names what was refused.
 */
final class Refusal {

    private Refusal() {
    }

    static int report(CliContext context, String reason, int exitCode) {
        context.out().flush(); // the refused action's name, printed before, stays above the reason
        context.err().println("gatehouse: nothing was sent: " + reason.replaceAll("\\s*\\R\\s*", " ").strip());
        context.err().flush();
        return exitCode;
    }
}
