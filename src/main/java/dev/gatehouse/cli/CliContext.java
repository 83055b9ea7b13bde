package dev.gatehouse.cli;

import dev.gatehouse.domain.tenant.SignInPrompt;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantConnector;

import java.io.PrintWriter;

/** What every command needs: where to write, and how to open the tenant the global options chose. */
final class CliContext {

    private final TenantConnector connector;
    private final PrintWriter out;
    private final PrintWriter err;

    CliContext(TenantConnector connector, PrintWriter out, PrintWriter err) {
        this.connector = connector;
        this.out = out;
        this.err = err;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
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
