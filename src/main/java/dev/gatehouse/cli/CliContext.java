package dev.gatehouse.cli;

import dev.gatehouse.domain.emergency.EmergencyAccessSource;
import dev.gatehouse.domain.emergency.EmergencyGroupSettings;
import dev.gatehouse.domain.procedure.RunHolder;
import dev.gatehouse.domain.recovery.RecoveryContext;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.settings.SettingsFile;
import dev.gatehouse.domain.tenant.SignInPrompt;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantConnector;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every command needs: where to write, how to open the tenant the global options chose, and for commands that
 * change it, the terminal (if any), Ctrl+C, and the data folder holding the action journal.
 */
final class CliContext {

    private final TenantConnector connector;
    private final InertWriter out;
    private final InertWriter err;
    private final Optional<Terminal> terminal;
    private final InterruptSignal interrupts;
    private final Path dataFolder;
    private final Supplier<TenantOptions> options;

    /** @param options the global options as parsed for this invocation */
    CliContext(TenantConnector connector, PrintWriter out, PrintWriter err, Optional<Terminal> terminal,
               InterruptSignal interrupts, Path dataFolder, Supplier<TenantOptions> options) {
        this.connector = connector;
        this.out = InertWriter.of(out);
        this.err = InertWriter.of(err);
        this.terminal = terminal.map(Terminal::inert);
        this.interrupts = interrupts;
        this.dataFolder = dataFolder;
        this.options = options;
    }

    Optional<Terminal> terminal() {
        return terminal;
    }

    InterruptSignal interrupts() {
        return interrupts;
    }

    /** Where the action journal and saved playbook runs live. */
    Path dataFolder() {
        return dataFolder;
    }

    InertWriter out() {
        return out;
    }

    InertWriter err() {
        return err;
    }

    /** The recovery desk the GUI also uses, journaling and saving playbook runs in the data folder. */
    RecoveryDesk recoveryDesk(TenantConnection connection) {
        return RecoveryDesk.open(connection, dataFolder, Clock.systemUTC(), recentWindow(), RunHolder.COMMAND_LINE,
                emergencyAccess(connection));
    }

    /** What a command does with one user, read through the recovery desk; returns the exit code. */
    @FunctionalInterface
    interface UserWork {
        int run(RecoveryDesk desk, RecoveryContext target);
    }

    /**
     * Opens the tenant the global options chose, reads {@code who} through the recovery desk, runs {@code work} and
     * closes the connection however it ends.
     */
    int onUser(TenantOptions options, String who, UserWork work) {
        try (TenantConnection connection = connect(options)) {
            RecoveryDesk desk = recoveryDesk(connection);
            return work.run(desk, desk.read(who));
        }
    }

    /** The group named with --breakglass-group for this command, else the one chosen on this machine. */
    EmergencyAccessSource emergencyAccess(TenantConnection connection) {
        String given = options.get().breakglassGroup;
        return given == null ? emergencyGroups().source(connection.directory())
                : EmergencyAccessSource.named(connection.directory(), given);
    }

    /** The emergency-access group chosen for each tenant, kept with the GUI's preferences. */
    EmergencyGroupSettings emergencyGroups() {
        return EmergencyGroupSettings.in(dataFolder);
    }

    /** The GUI's "recently added" window (default 7 days), so both flag the same methods. */
    Duration recentWindow() {
        return new SettingsFile(dataFolder).recentWindow();
    }

    TenantConnection connect(TenantOptions options) {
        options.validate();
        if (options.isDemo()) {
            return connector.connectDemo(options.scenarioOrDefault());
        }
        return connector.connectTenant(options.signInRequest(), new TerminalSignInPrompt(err));
    }

    /** Sign-in messages go to stderr so stdout stays clean for --json. */
    private record TerminalSignInPrompt(PrintWriter err) implements SignInPrompt {
        @Override
        public void showDeviceCode(String userCode, String verificationUri, String message) {
            err.println(message);
            err.flush();
        }

        @Override
        public void browserOpened() {
            err.println("Finish signing in in your browser…");
            err.flush();
        }
    }
}
