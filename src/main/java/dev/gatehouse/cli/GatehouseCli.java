package dev.gatehouse.cli;

import dev.gatehouse.domain.journal.DataFolder;
import dev.gatehouse.domain.procedure.RunChangedException;
import dev.gatehouse.domain.procedure.RunInProgressException;
import dev.gatehouse.domain.tenant.TenantConnector;
import dev.gatehouse.domain.tenant.TenantException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs one CLI invocation. Every failure ends as one line on stderr ("gatehouse: …") and a documented exit code;
 * stack traces are for bugs only.
 */
public final class GatehouseCli {

    private final CommandLine commandLine;

    /** How long Ctrl+C waits for a running plan to stop, journal and report before the process ends anyway. */
    private static final Duration CTRL_C_GRACE = Duration.ofSeconds(30);

    /** The CLI of this process: its terminal if it has one, the JVM's Ctrl+C, the user's data folder. */
    public GatehouseCli(TenantConnector connector, PrintWriter out, PrintWriter err) {
        this(connector, out, err, Terminal.system(), InterruptSignal.shutdownHook(CTRL_C_GRACE), DataFolder.resolve());
    }

    /**
     * @param terminal   where confirmations are asked and secrets shown; empty when input or output is redirected
     * @param dataFolder where the action journal and saved playbook runs are kept
     */
    public GatehouseCli(TenantConnector connector, PrintWriter stdout, PrintWriter stderr, Optional<Terminal> terminal,
                        InterruptSignal interrupts, Path dataFolder) {
        // Nothing reaches stdout or stderr but through an InertWriter: attacker-chosen names print inert
        PrintWriter out = InertWriter.of(stdout);
        PrintWriter err = InertWriter.of(stderr);
        GatehouseCommand root = new GatehouseCommand();
        root.bind(new CliContext(connector, out, err, terminal, interrupts, dataFolder, () -> root.tenantOptions));
        commandLine = new CommandLine(root)
                // no ANSI colours in help: an InertWriter would show them as \x1b escapes
                .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .setOut(InertWriter.keepingLineBreaks(stdout))
                .setErr(InertWriter.keepingLineBreaks(stderr))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(new UsageErrors(err))
                .setExecutionExceptionHandler((e, cmd, parseResult) -> {
                    err.println("gatehouse: " + oneLine(e));
                    if (isBug(e) && !System.getenv().getOrDefault("GATEHOUSE_DEBUG", "").isBlank()) {
                        e.printStackTrace(err);
                    }
                    err.flush();
                    return exitCode(e);
                });
        HelpPages.apply(commandLine);
        commandLine.getSubcommands().values().forEach(GatehouseCli::sameConventions);
    }

    /**
     * What every subcommand shares with the root: -V/--version prints the version wherever it is given, and its help
     * page lists its own options, naming the global ones.
     */
    private static void sameConventions(CommandLine command) {
        command.getCommandSpec().versionProvider(new GatehouseVersion());
        HelpPages.apply(command);
        command.getSubcommands().values().forEach(GatehouseCli::sameConventions);
    }

    /** Adds a command implemented outside the CLI package (e.g. the standalone demo server). */
    public GatehouseCli withSubcommand(String name, Object command) {
        // picocli hands writers and colours only to subcommands present when they are set: give them to this one too
        CommandLine sub = new CommandLine(command)
                .setColorScheme(commandLine.getColorScheme())
                .setOut(commandLine.getOut())
                .setErr(commandLine.getErr());
        sameConventions(sub);
        commandLine.addSubcommand(name, sub);
        return this;
    }

    public int run(String... args) {
        int code = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return code;
    }

    private static int exitCode(Exception e) {
        if (e instanceof UsageException || e instanceof IllegalArgumentException) {
            return ExitCodes.USAGE;
        }
        if (e instanceof TenantException tenant) {
            return ExitCodes.of(tenant);
        }
        if (e instanceof RunInProgressException || e instanceof RunChangedException) {
            return ExitCodes.BUSY;
        }
        return ExitCodes.FAILED;
    }

    /** An IllegalArgumentException is the domain or gateway refusing a value the user gave (an id, a URL). */
    private static boolean isBug(Exception e) {
        return !(e instanceof UsageException || e instanceof TenantException || e instanceof IllegalArgumentException
                || e instanceof RunInProgressException || e instanceof RunChangedException
                || e instanceof FileNotWrittenException);
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage();
        if (isBug(e)) {
            return "unexpected " + e.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip())
                    + " (set GATEHOUSE_DEBUG=1 for the stack trace)";
        }
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        if (e instanceof RunInProgressException busy && busy.stale()) {
            message += " Then add --take-over to continue it (or --start-over --take-over to plan a new one).";
        }
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
