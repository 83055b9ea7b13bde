package dev.gatehouse.ui;

import dev.gatehouse.domain.tenant.TenantConnector;
import dev.gatehouse.domain.user.UserSummary;
import dev.gatehouse.ui.users.MethodRow;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** A TestFX robot that knows Gatehouse's main window. */
public class GatehouseRobot extends FxRobot {

    @SuppressWarnings("unchecked")
    protected ListView<UserSummary> users() {
        return lookup("#userList").queryAs(ListView.class);
    }

    @SuppressWarnings("unchecked")
    protected TableView<MethodRow> methods() {
        return lookup("#methodTable").queryAs(TableView.class);
    }

    /**
     * Opens the main window as the launcher does, on {@code connector}'s demo tenant {@code scenario}, and waits until
     * it lists users. {@link #closeWindow} closes it.
     */
    protected Application openWindow(TenantConnector connector, String scenario) throws Exception {
        FxToolkit.registerPrimaryStage();
        GatehouseApp.configure(connector, scenario);
        Application app = FxToolkit.setupApplication(GatehouseApp::new);
        waitUntil(() -> !users().getItems().isEmpty());
        return app;
    }

    /** Closes the app and its windows; {@code app} is null when the test ended before launching it. */
    protected static void closeWindow(Application app) throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    /** Checks on the FX thread, so the test never sees a list half-way through an update. */
    protected static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Types {@code search} into the user search as a user would, picks the one match with the arrow key and waits
     * until that user's detail is loaded and their recovery buttons are enabled.
     */
    protected void openUser(String search, String userPrincipalName) throws Exception {
        clickOn("#userSearch").push(KeyCode.SHORTCUT, KeyCode.A).write(search);
        waitUntil(() -> users().getItems().size() == 1
                && users().getItems().get(0).userPrincipalName().equals(userPrincipalName));
        type(KeyCode.DOWN);
        waitUntil(() -> !methods().getItems().isEmpty()
                && !lookup("#actionResetPassword").queryAs(Button.class).isDisabled()
                && lookup("#userName").queryAs(Label.class).getText()
                        .equals(users().getItems().get(0).displayName()));
    }

    /** The value of one of the profile facts above the methods ("Account" → "Enabled"). */
    protected String fact(String name) {
        Node tile = lookup("#profileFacts").query().lookupAll(".fact-label").stream()
                .filter(label -> name.equals(((Label) label).getText())).findFirst().orElseThrow().getParent();
        return ((Label) tile.lookup(".fact-value")).getText();
    }

    protected String label(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    /** Every label and button text in the window that holds {@code query}'s node, one per line: what the admin reads. */
    protected String windowText(String query) {
        Node root = lookup(query).query().getScene().getRoot();
        return from(root).lookup((Node node) -> node instanceof Labeled).queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(Objects::nonNull).collect(Collectors.joining("\n"));
    }

    /** Clicks the row of the methods table that shows the first method matching {@code which}. */
    protected void selectMethod(Predicate<MethodRow> which) {
        Node row = lookup(".table-row-cell").match((Node node) -> node instanceof TableRow<?> cell
                && cell.getItem() instanceof MethodRow method && which.test(method)).query();
        clickOn(row);
    }

    /** Presses Confirm in the open plan and waits for the run's summary, which it returns. */
    protected String confirmPlan() throws Exception {
        clickOn("#confirmPlan");
        waitUntil(() -> !label("#planSummary").isEmpty());
        return label("#planSummary");
    }

    /** Waits for the plan window to offer Confirm: the plan is shown and nothing has been sent. */
    protected void waitForPlan() throws Exception {
        waitUntil(() -> lookup("#confirmPlan").tryQuery().isPresent());
    }

    /** Closes the finished plan's window (its Cancel button reads "Close" by then). */
    protected void closePlan() throws Exception {
        clickOn("#cancelPlan");
        waitUntil(() -> lookup("#cancelPlan").tryQuery().isEmpty());
    }

    /** Signs in to contoso.onmicrosoft.com with a device code, through the tenant menu, as an admin would. */
    protected void signInToContosoWithADeviceCode() {
        clickOn("#tenantSwitcher").clickOn("Sign in to a tenant\u2026");
        interact(() -> {
            lookup("#tenantField").queryAs(javafx.scene.control.TextField.class).setText("contoso.onmicrosoft.com");
            lookup("#clientIdField").queryAs(javafx.scene.control.TextField.class)
                    .setText("2f4a9a3c-1b7e-4c55-8f0d-6a3e9b1c2d7f");
        });
        clickOn("#deviceCodeFlow");
        clickOn("#signInButton");
    }

    /** A PNG of the window in target/screenshots, for looking at what the test saw. */
    protected void snapshot(Window window, String name) throws IOException {
        WritableImage image = new WritableImage((int) window.getScene().getWidth(), (int) window.getScene().getHeight());
        interact(() -> window.getScene().snapshot(image));
        BufferedImage png = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                png.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        ImageIO.write(png, "png", folder.resolve(name + ".png").toFile());
    }

}
