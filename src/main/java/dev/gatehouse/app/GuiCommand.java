package dev.gatehouse.app;

import dev.gatehouse.domain.tenant.TenantConnector;
import dev.gatehouse.ui.GatehouseApp;
import javafx.application.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

@Command(name = "gui", description = "Open the desktop app on the demo scenario given with --scenario "
        + "(app/gatehouse with no arguments opens baseline).")
public final class GuiCommand implements Callable<Integer> {

    private final TenantConnector connector;

    @Spec
    CommandSpec spec;

    public GuiCommand(TenantConnector connector) {
        this.connector = connector;
    }

    public static void open(TenantConnector connector, String scenario) {
        // JavaFX warns on every classpath start; the configuration is deliberate (docs/decisions/0003).
        Logger.getLogger("javafx").setLevel(Level.SEVERE);
        GatehouseApp.configure(connector, scenario);
        Application.launch(GatehouseApp.class);
    }

    @Override
    public Integer call() {
        open(connector, InheritedOptions.scenario(spec));
        return 0;
    }
}
