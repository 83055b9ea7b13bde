package dev.gatehouse.ui;

import dev.gatehouse.ui.fake.FakeConnector;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the real main window on fake data, for looking at screens with ../shared/tools/screenshot.
 * Arguments: {@code [scenario] [WIDTHxHEIGHT] [step...]}, steps run one second apart:
 * {@code search=TEXT}, {@code select=INDEX}, {@code click=#id}, {@code switcher}, {@code signin}, {@code fail}.
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
        if (steps.contains("fail")) {
            connector.failNextConnect(new dev.gatehouse.domain.tenant.TenantException(
                    dev.gatehouse.domain.tenant.TenantException.Kind.UNAVAILABLE,
                    "The demo tenant could not listen on 127.0.0.1: Address already in use."));
        }
        GatehouseApp.configure(connector, scenario);
        Thread driver = new Thread(() -> drive(size, steps), "screenshot-driver");
        driver.setDaemon(true);
        driver.start();
        Application.launch(GatehouseApp.class);
    }

    private static void drive(String size, List<String> steps) {
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
            actions.add(() -> perform(step));
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
    private static void perform(String step) {
        Node root = Window.getWindows().get(0).getScene().getRoot();
        if (step.startsWith("search=")) {
            ((TextField) root.lookup("#userSearch")).setText(step.substring("search=".length()));
        } else if (step.startsWith("select=")) {
            ListView<Object> list = (ListView<Object>) root.lookup("#userList");
            list.getSelectionModel().select(Integer.parseInt(step.substring("select=".length())));
            list.requestFocus();
        } else if (step.startsWith("click=")) {
            ((ButtonBase) root.lookup(step.substring("click=".length()))).fire();
        } else if (step.equals("switcher")) {
            ((MenuButton) root.lookup("#tenantSwitcher")).show();
        } else if (step.equals("signin")) {
            MenuButton switcher = (MenuButton) root.lookup("#tenantSwitcher");
            switcher.getItems().stream().filter(item -> "signInItem".equals(item.getId())).findFirst().orElseThrow().fire();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
