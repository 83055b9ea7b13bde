package dev.gatehouse.ui;

import javafx.beans.binding.Bindings;
import dev.gatehouse.domain.text.InertText;
import atlantafx.base.theme.PrimerLight;
import dev.gatehouse.domain.journal.DataFolder;
import dev.gatehouse.domain.settings.SettingsFile;
import dev.gatehouse.domain.tenant.TenantConnector;
import dev.gatehouse.ui.common.FirstPulse;
import dev.gatehouse.ui.common.FontWarmUp;
import dev.gatehouse.ui.common.PooledTaskRunner;
import dev.gatehouse.ui.common.SettingsFilePreferences;
import dev.gatehouse.ui.plan.SystemClipboard;
import dev.gatehouse.ui.shell.ConnectionState;
import dev.gatehouse.ui.shell.DemoScenarios;
import dev.gatehouse.ui.shell.ShellView;
import dev.gatehouse.ui.shell.ShellViewModel;
import dev.gatehouse.ui.trainer.TrainerHooks;
import dev.gatehouse.ui.trainer.TrainerMenu;
import dev.gatehouse.ui.trainer.TrainerNotice;
import dev.gatehouse.ui.trainer.TrainerViewModel;
import dev.gatehouse.ui.users.LoadState;
import dev.gatehouse.ui.users.UserDetailViewModel;
import dev.gatehouse.ui.users.UsersViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.time.Clock;
import java.util.Objects;

/**
 * The desktop app. The launcher calls {@link #configure} and then {@code Application.launch(GatehouseApp.class)}.
 *
 * <p>Nothing slow runs on the FX thread: the tenant connection and the first page of users load on the task runner
 * while the window lays out its first frame (the launcher starts the demo tenant even earlier, beside JavaFX), and the
 * workspaces fill as data arrives. What the first frame does not show is built after the first data.
 */
public final class GatehouseApp extends Application {

    private static final double PREFERRED_WIDTH = 1280;
    private static final double PREFERRED_HEIGHT = 820;

    private static volatile TenantConnector configuredConnector;
    private static volatile String configuredScenario = DemoScenarios.DEFAULT;

    private final StartupTimeline startup = new StartupTimeline();
    private PooledTaskRunner runner;
    private ShellViewModel shell;
    /** The desktop clipboard, shared so quitting can clear a secret copied less than a minute before. */
    private final SystemClipboard clipboard = new SystemClipboard();

    /**
     * Sets what the next launch opens: {@code connector} makes every tenant connection, and the window
     * starts on the demo tenant with {@code scenario} (null for "baseline").
     */
    public static void configure(TenantConnector connector, String scenario) {
        configuredConnector = Objects.requireNonNull(connector, "connector");
        configuredScenario = scenario == null || scenario.isBlank() ? DemoScenarios.DEFAULT : scenario;
    }

    @Override
    public void start(Stage stage) {
        TenantConnector connector = configuredConnector;
        if (connector == null) {
            throw new IllegalStateException("Call GatehouseApp.configure(connector, scenario) before launching the app");
        }
        String scenario = configuredScenario;
        FontWarmUp.start(); // beside the theme, which takes the FX thread for as long
        // the theme as AtlantaFX ships it pre-parsed (binary CSS): its 170 KB of text is not parsed before the window
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());

        runner = new PooledTaskRunner();
        Clock clock = Clock.systemDefaultZone();
        UsersViewModel users = new UsersViewModel(runner, new UserDetailViewModel(runner, clock, clipboard));
        users.detail().usePreferences(new SettingsFilePreferences(new SettingsFile(DataFolder.resolve()), runner));
        shell = new ShellViewModel(connector, runner, WorkspaceCatalog.all(users, runner, clipboard), DataFolder.resolve(), clock);
        TrainerViewModel trainer = trainer(users, clock);
        shell.follow(trainer);

        ShellView view = new ShellView(shell, runner);
        view.addHeaderControl(new TrainerMenu(trainer));
        view.addNotice(new TrainerNotice(trainer));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(PREFERRED_WIDTH, screen.getWidth()),
                Math.min(PREFERRED_HEIGHT, screen.getHeight()));
        scene.getStylesheets().add(Objects.requireNonNull(
                GatehouseApp.class.getResource("gatehouse.css"), "gatehouse.css").toExternalForm());
        view.installAccelerators(scene);

        // the title names the tenant, which its admins name
        stage.titleProperty().bind(Bindings.createStringBinding(() -> InertText.escape(shell.titleProperty().get()),
                shell.titleProperty()));
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.setOnShown(event -> FirstPulse.after(scene, startup::windowShown));
        users.stateProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends LoadState> property, LoadState old, LoadState state) {
                if (state == LoadState.LOADED) {
                    property.removeListener(this);
                    FirstPulse.after(scene, () -> {
                        startup.firstDataShown();
                        // after what the first data queued for the FX thread: the user detail's controls
                        Platform.runLater(() -> {
                            startup.settled();
                            finishStartup(scenario, null);
                        });
                    });
                } else if (state == LoadState.FAILED) {
                    property.removeListener(this);
                    finishStartup(scenario, users.errorProperty().get());
                }
            }
        });
        shell.stateProperty().addListener((obs, old, state) -> {
            if (state == ConnectionState.FAILED) {
                finishStartup(scenario, shell.stateMessageProperty().get());
            }
        });
        // the connection and the first page load on the task runner while the window lays out its first frame
        shell.connectDemo(scenario);
        stage.show();
        view.focusOpenWorkspace();
    }

    /** The demo tenant's Trainer menu, wired to the window: what reloads after a reset, a new actor or a play. */
    private TrainerViewModel trainer(UsersViewModel users, Clock clock) {
        Runnable reread = shell::tenantChanged;
        return new TrainerViewModel(runner, clock, new TrainerHooks(reread, reread, users.detail()::reload, () -> {
            shell.workspace("users").ifPresent(shell::selectWorkspace);
            users.detail().showSimulator();
        }), users.detail().userPrincipalNameProperty(), users.detail().displayNameProperty());
    }

    @Override
    public void stop() {
        clipboard.clearIfStillOurs();
        if (shell != null) {
            shell.shutdown();
        }
        if (runner != null) {
            runner.close();
        }
    }

    private void finishStartup(String scenario, String error) {
        if (startup.finished()) {
            return;
        }
        startup.finish(scenario, error);
        if (StartupTimeline.exitWhenFinished()) {
            Platform.exit();
        }
    }
}
