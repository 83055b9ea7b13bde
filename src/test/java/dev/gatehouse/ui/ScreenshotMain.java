package dev.gatehouse.ui;

import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.ui.fake.FakeConnector;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the real main window on fake data, for looking at screens with ../shared/tools/screenshot:
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * ../shared/tools/screenshot shot.png 14 -- java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     dev.gatehouse.ui.ScreenshotMain compromised 1366x768 search=meg select=0
 * </pre>
 * Arguments: {@code [scenario] [WIDTHxHEIGHT] [step...]} ({@code demo:NAME}: the real demo tenant), steps run one second apart:
 * {@code snap=FILE} (the newest window as a PNG), {@code search=TEXT}, {@code select=INDEX}, {@code click=#id}, {@code set=#id=TEXT}, {@code expand=#id} (a titled pane),
 * {@code row=#id=INDEX} (a table row), {@code show=#id} (opens a menu button), {@code submenu=#id=ITEM} (its sub-menu ITEM, once {@code show=#id} opened it), {@code item=#id=ITEM} (fires its item, found by id or by the start of its text, in sub-menus too),
 * {@code scroll=#id=FRACTION} (a scroll pane, 0 top to 1 bottom), {@code tickall=#id} (every check box under it),
 * {@code more=ID} (an item of the user's More menu), {@code pause} (one more second), {@code switcher}, {@code signin}, {@code slow} (connects take minutes),
 * {@code throttle} (the next
 * Graph call fails with 429), {@code fail} (the first connect fails),
 * {@code slowstart} (the first connect takes minutes), {@code breakglass-setup} (opens the break-glass set-up wizard over
 * the demo tenant the window opened, with the app's data folder).
 */
public final class ScreenshotMain {

    private ScreenshotMain() {
    }

    public static void main(String[] args) throws Exception {
        String scenario = args.length > 0 ? args[0] : "baseline";
        String size = args.length > 1 ? args[1] : "";
        List<String> steps = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        FakeConnector connector = new FakeConnector()
                .withConnectDelay(Duration.ofMillis(700))
                .withCallLatency(Duration.ofMillis(120));
        if (steps.contains("slowstart")) {
            connector.withConnectDelay(Duration.ofMinutes(5));
        }
        if (steps.contains("fail")) {
            connector.failNextConnect(new TenantException(TenantException.Kind.UNAVAILABLE,
                    "The demo tenant could not listen on 127.0.0.1: Address already in use."));
        }
        if (scenario.startsWith("demo:")) { // the real demo tenant over HTTP: plans really run
            GatehouseApp.configure(new DemoRecorder(), scenario.substring("demo:".length()));
        } else {
            GatehouseApp.configure(connector, scenario);
        }
        Thread driver = new Thread(() -> drive(connector, size, steps), "screenshot-driver");
        driver.setDaemon(true);
        driver.start();
        Application.launch(GatehouseApp.class);
    }

    /** The item with this id, or whose text starts with it, in the menu or any of its sub-menus. */
    private static java.util.Optional<javafx.scene.control.MenuItem> menuItem(
            List<javafx.scene.control.MenuItem> items, String idOrText) {
        for (javafx.scene.control.MenuItem item : items) {
            if (idOrText.equals(item.getId()) || (item.getText() != null && item.getText().startsWith(idOrText))) {
                return java.util.Optional.of(item);
            }
            if (item instanceof javafx.scene.control.Menu menu) {
                var inside = menuItem(menu.getItems(), idOrText);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static void drive(FakeConnector connector, String size, List<String> steps) {
        List<Runnable> actions = new ArrayList<>();
        if (!size.isBlank()) {
            String[] wh = size.split("x");
            actions.add(() -> {
                Stage stage = (Stage) Window.getWindows().get(0);
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(Double.parseDouble(wh[0]));
                stage.setHeight(Double.parseDouble(wh[1]));
            });
        }
        for (String step : steps) {
            actions.add(() -> perform(connector, step));
        }
        waitForFirstUsers();
        for (Runnable action : actions) {
            Platform.runLater(action);
            sleep(1000);
        }
    }

    /** Steps start once the window shows users (or after 20 s, to shoot whatever is there). */
    private static void waitForFirstUsers() {
        for (int i = 0; i < 100; i++) {
            sleep(200);
            java.util.concurrent.CompletableFuture<Boolean> ready = new java.util.concurrent.CompletableFuture<>();
            Platform.runLater(() -> {
                Node list = Window.getWindows().isEmpty() ? null : Window.getWindows().get(0).getScene().lookup("#userList");
                ready.complete(list != null && !((ListView<?>) list).getItems().isEmpty());
            });
            if (ready.join()) {
                return;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void perform(FakeConnector connector, String step) {
        Node root = Window.getWindows().get(0).getScene().getRoot();
        if (step.equals("slow")) {
            connector.withConnectDelay(Duration.ofMinutes(5));
        } else if (step.equals("throttle")) {
            List<dev.gatehouse.ui.fake.FakeConnection> opened = connector.opened();
            opened.get(opened.size() - 1).fakeDirectory().failNext(new TenantException(TenantException.Kind.THROTTLED,
                    "Microsoft Graph is throttling requests from this app (429 Too Many Requests) and kept doing so "
                    + "after 3 retries. Wait a minute, then try again.", 429, "TooManyRequests",
                    "7d1c2f0a-3b9e-4f5a-9c1d-2e8b6a4f0c37", null));
        } else if (step.startsWith("search=")) {
            ((TextField) root.lookup("#userSearch")).setText(step.substring("search=".length()));
        } else if (step.startsWith("select=")) {
            ListView<Object> list = (ListView<Object>) root.lookup("#userList");
            list.getSelectionModel().select(Integer.parseInt(step.substring("select=".length())));
            list.requestFocus();
        } else if (step.startsWith("row=")) {
            String[] idAndRow = step.substring("row=".length()).split("=", 2);
            javafx.scene.control.TableView<?> table = (javafx.scene.control.TableView<?>) lookupAnywhere(idAndRow[0]);
            table.getSelectionModel().select(Integer.parseInt(idAndRow[1]));
            table.requestFocus();
        } else if (step.startsWith("item=")) {
            String[] idAndItem = step.substring("item=".length()).split("=", 2);
            menuItem(((MenuButton) lookupAnywhere(idAndItem[0])).getItems(), idAndItem[1]).orElseThrow().fire();
        } else if (step.startsWith("submenu=")) {
            String[] idAndItem = step.substring("submenu=".length()).split("=", 2);
            MenuButton button = (MenuButton) lookupAnywhere(idAndItem[0]);
            if (!button.isShowing()) {
                button.show();
            }
            ((javafx.scene.control.Menu) menuItem(button.getItems(), idAndItem[1]).orElseThrow()).show();
        } else if (step.startsWith("show=")) {
            ((MenuButton) lookupAnywhere(step.substring("show=".length()))).show();
        } else if (step.startsWith("click=")) {
            ((ButtonBase) lookupAnywhere(step.substring("click=".length()))).fire();
        } else if (step.startsWith("more=")) {
            ((MenuButton) root.lookup("#actionMore")).getItems().stream()
                    .filter(item -> step.substring("more=".length()).equals(item.getId())).findFirst().orElseThrow().fire();
        } else if (step.startsWith("expand=")) {
            ((TitledPane) lookupAnywhere(step.substring("expand=".length()))).setExpanded(true);
        } else if (step.startsWith("set=")) {
            String[] idAndText = step.substring("set=".length()).split("=", 2);
            ((TextField) lookupAnywhere(idAndText[0])).setText(idAndText[1]);
        } else if (step.startsWith("scroll=")) {
            String[] idAndPosition = step.substring("scroll=".length()).split("=", 2);
            ((javafx.scene.control.ScrollPane) lookupAnywhere(idAndPosition[0]))
                    .setVvalue(Double.parseDouble(idAndPosition[1]));
        } else if (step.startsWith("tickall=")) {
            lookupAnywhere(step.substring("tickall=".length())).lookupAll(".check-box")
                    .forEach(box -> ((javafx.scene.control.CheckBox) box).setSelected(true));
        } else if (step.startsWith("tab=")) {
            String id = step.substring("tab=".length());
            root.lookupAll(".tab-pane").stream().map(pane -> (javafx.scene.control.TabPane) pane)
                    .forEach(pane -> pane.getTabs().stream().filter(tab -> id.equals(tab.getId())).findFirst()
                            .ifPresent(tab -> pane.getSelectionModel().select(tab)));
        } else if (step.startsWith("widths=")) {
            printWidths(lookupAnywhere(step.substring("widths=".length())), "");
        } else if (step.startsWith("snap=")) {
            snap(Window.getWindows().get(Window.getWindows().size() - 1), step.substring("snap=".length()));
        } else if (step.equals("breakglass-setup")) {
            openBreakGlassSetup();
        } else if (step.equals("switcher")) {
            ((MenuButton) root.lookup("#tenantSwitcher")).show();
        } else if (step.equals("signin")) {
            MenuButton switcher = (MenuButton) root.lookup("#tenantSwitcher");
            switcher.getItems().stream().filter(item -> "signInItem".equals(item.getId())).findFirst().orElseThrow().fire();
        }
    }

    /** Each node whose least width is more than it was given: what pushes a pane wider than the window. */
    private static void printWidths(Node node, String indent) {
        if (node instanceof javafx.scene.layout.Region region) {
            double min = region.minWidth(-1);
            System.err.printf("%s%s#%s min=%.0f pref=%.0f width=%.0f%s%n", indent, node.getClass().getSimpleName(),
                    node.getId(), min, region.prefWidth(-1), region.getWidth(), min > region.getWidth() + 0.5
                            ? "  <-- wider than given" : "");
        }
        if (node instanceof javafx.scene.Parent parent && indent.length() < 40) {
            parent.getChildrenUnmodifiable().forEach(child -> printWidths(child, indent + "  "));
        }
    }

    /** The demo tenant the window opened last, for steps that open a window of their own over it. */
    private static volatile dev.gatehouse.domain.tenant.TenantConnection demo;

    /** The real connector, remembering the demo tenant it opened. */
    private static final class DemoRecorder implements dev.gatehouse.domain.tenant.TenantConnector {
        private final dev.gatehouse.domain.tenant.TenantConnector real = new dev.gatehouse.app.GatehouseConnector();

        @Override
        public dev.gatehouse.domain.tenant.TenantConnection connectDemo(String scenario) {
            demo = real.connectDemo(scenario);
            return demo;
        }

        @Override
        public dev.gatehouse.domain.tenant.TenantConnection connectTenant(
                dev.gatehouse.domain.tenant.SignInRequest request, dev.gatehouse.domain.tenant.SignInPrompt prompt) {
            return real.connectTenant(request, prompt);
        }
    }

    /** Prepares the wizard off the FX thread, as the workspace home does, then shows it over the main window. */
    private static void openBreakGlassSetup() {
        dev.gatehouse.ui.common.TaskRunner runner = new dev.gatehouse.ui.common.PooledTaskRunner();
        dev.gatehouse.ui.breakglass.SetupLauncher launcher = dev.gatehouse.ui.breakglass.BreakGlassWizard.launcher(
                runner, new dev.gatehouse.ui.plan.SystemClipboard(), java.time.ZoneId.systemDefault());
        dev.gatehouse.ui.workspace.OpenTenant open = new dev.gatehouse.ui.workspace.OpenTenant(demo,
                dev.gatehouse.domain.journal.DataFolder.resolve(), java.time.Clock.systemUTC());
        runner.run("Opening the set-up", () -> launcher.prepare(open), wizard ->
                dev.gatehouse.ui.breakglass.BreakGlassWizardView.show(Window.getWindows().get(0), wizard),
                failure -> failure.printStackTrace());
    }

    /** The window's scene as a PNG, without a window manager's frame: the newest window is the one on top. */
    private static void snap(Window window, String file) {
        javafx.scene.image.WritableImage image = window.getScene().snapshot(null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        javafx.scene.image.PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            javax.imageio.ImageIO.write(out, "png", new java.io.File(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Dialogs are windows of their own. */
    private static Node lookupAnywhere(String selector) {
        return Window.getWindows().stream().map(window -> window.getScene().lookup(selector))
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow(() -> new IllegalArgumentException(selector));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
