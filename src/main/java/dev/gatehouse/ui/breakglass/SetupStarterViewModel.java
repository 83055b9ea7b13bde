package dev.gatehouse.ui.breakglass;

import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.workspace.OpenTenant;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The workspace home's set-up button: "Set up emergency access…", or "Continue the set-up…" while a run is unfinished
 * for the open tenant (whether started here or on the command line). Pressed, it prepares the wizard off the FX thread
 * and hands it to the view, which opens its window.
 */
public final class SetupStarterViewModel {

    public static final String START = "Set up emergency access\u2026";
    public static final String CONTINUE = "Continue the set-up\u2026";

    private final TaskRunner runner;
    private final SetupLauncher launcher;
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper(this, "label", START);
    private final ReadOnlyObjectWrapper<BreakGlassWizard> wizard = new ReadOnlyObjectWrapper<>(this, "wizard");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private OpenTenant tenant;

    SetupStarterViewModel(TaskRunner runner, SetupLauncher launcher) {
        this.runner = runner;
        this.launcher = launcher;
    }

    void attach(OpenTenant open) {
        tenant = open;
        problem.set("");
    }

    void detach() {
        tenant = null;
        label.set(START);
    }

    /** Whether a run is unfinished: asked with every read of the home, since the command line may have moved it. */
    void readUnfinished() {
        OpenTenant open = tenant;
        if (open != null) {
            runner.run("Looking for an unfinished set-up", () -> launcher.unfinished(open),
                    unfinished -> label.set(unfinished ? CONTINUE : START), failure -> label.set(START));
        }
    }

    /** The button: the wizard for the open tenant, opened at its first stage not done. */
    public void start() {
        OpenTenant open = tenant;
        if (open == null) {
            return;
        }
        problem.set("");
        runner.run("Opening the set-up wizard", () -> launcher.prepare(open), wizard::set,
                failure -> problem.set("The set-up wizard could not open: " + ErrorText.of(failure)));
    }

    /** The view opened the wizard's window: the next press prepares a new one. */
    public void shown() {
        wizard.set(null);
    }

    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    /** A wizard ready to show; null when none is waiting. */
    public ReadOnlyObjectProperty<BreakGlassWizard> wizardProperty() {
        return wizard.getReadOnlyProperty();
    }

    /** Why the wizard could not open; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
