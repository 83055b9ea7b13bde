package dev.gatehouse;

import dev.gatehouse.app.GatehouseConnector;
import dev.gatehouse.app.GuiCommand;
import dev.gatehouse.app.HeadStartConnector;
import dev.gatehouse.app.SimCommand;
import dev.gatehouse.cli.GatehouseCli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The one entry point. No arguments: the desktop app on the demo tenant. Otherwise the command line.
 * A plain class rather than the Application subclass, so JavaFX runs from the classpath (build-facts G8).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        quietJavaUtilLogging();
        GatehouseConnector connector = new GatehouseConnector();
        if (args.length == 0) {
            try {
                GuiCommand.requireDisplay();
                // the demo tenant starts beside JavaFX rather than after the window's first frame
                GuiCommand.open(HeadStartConnector.starting(connector, "baseline"), "baseline");
            } catch (IllegalArgumentException noDisplay) {
                System.err.println("gatehouse: " + noDisplay.getMessage());
                System.exit(2);
            }
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = new GatehouseCli(connector, out, err).withSubcommand("sim", new SimCommand())
                .withSubcommand("gui", new GuiCommand(connector)).run(args);
        System.exit(code);
    }

    /**
     * OkHttp and a few JDK components log through java.util.logging, which simplelogger.properties does not reach.
     * Errors only, as for the other libraries, so the CLI keeps its one line on stderr; GATEHOUSE_DEBUG shows all.
     */
    private static void quietJavaUtilLogging() {
        if (System.getenv().getOrDefault("GATEHOUSE_DEBUG", "").isBlank()) {
            java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
        }
    }
}
