package dev.gatehouse.ui;

import dev.gatehouse.domain.user.UserSummary;
import dev.gatehouse.ui.users.MethodRow;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

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

    /** Checks on the FX thread, so the test never sees a list half-way through an update. */
    protected static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
