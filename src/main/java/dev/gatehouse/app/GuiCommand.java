package dev.gatehouse.app;

import dev.gatehouse.domain.tenant.TenantConnector;
import dev.gatehouse.ui.GatehouseApp;
import javafx.application.Application;
import dev.gatehouse.cli.HelpPages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "gui",
        footerHeading = HelpPages.EXAMPLES, footer = {
                "  gatehouse gui --scenario compromised"},
        mixinStandardHelpOptions = true,
        description = "Open the desktop app on the demo scenario given with --scenario "
                + "(app/gatehouse with no arguments opens baseline).")
public final class GuiCommand implements Callable<Integer> {

    private final TenantConnector connector;

    @Spec
    CommandSpec spec;

    public GuiCommand(TenantConnector connector) {
        this.connector = connector;
    }

    /** @throws IllegalArgumentException when there is no display to open a window on (a server, an SSH session) */
    public static void open(TenantConnector connector, String scenario) {
        requireDisplay();
        GatehouseApp.configure(connector, scenario);
        Application.launch(GatehouseApp.class);
    }

    /** @throws IllegalArgumentException when there is no display to open a window on (a server, an SSH session) */
    public static void requireDisplay() {
        if (System.getProperty("os.name", "").startsWith("Linux") && System.getProperty("glass.platform") == null
                && blank(System.getenv("DISPLAY")) && blank(System.getenv("WAYLAND_DISPLAY"))) {
            throw new IllegalArgumentException("The desktop app needs a display, and none is set (DISPLAY). "
                    + "Run it in a desktop session, or use a command such as 'users list' (see --help).");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public Integer call() {
        open(connector, InheritedOptions.scenario(spec));
        return 0;
    }
}
