package dev.gatehouse.ui.trainer;

import dev.gatehouse.app.GatehouseConnector;
import dev.gatehouse.domain.tenant.SignInPrompt;
import dev.gatehouse.domain.tenant.SignInRequest;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantConnector;
import dev.gatehouse.ui.GatehouseRobot;
import dev.gatehouse.ui.fake.FakeConnector;
import javafx.application.Application;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real main window, headless, on the real demo tenant: the Trainer menu is there, opens with Alt+T and acts; after
 * a sign-in to a real tenant it is gone.
 */
class TrainerMenuWindowTest extends GatehouseRobot {

    /** The real demo tenant; a "real" tenant from the fake connector (its device-code sign-in). */
    private final FakeConnector fake = new FakeConnector();
    private final GatehouseConnector gatehouse = new GatehouseConnector(name -> null);
    private Application app;

    @BeforeEach
    void open() throws Exception {
        app = openWindow(new TenantConnector() {
            @Override
            public TenantConnection connectDemo(String scenario) {
                return gatehouse.connectDemo(scenario);
            }

            @Override
            public TenantConnection connectTenant(SignInRequest request, SignInPrompt prompt) {
                return fake.connectTenant(request, prompt);
            }
        }, "compromised");
    }

    @AfterEach
    void close() throws Exception {
        closeWindow(app);
    }

    @Test
    void onTheDemoTenantAltTOpensTheTrainerMenuAndActingAsAnotherAdminShowsInTheHeader() throws Exception {
        waitUntil(() -> menu().isVisible() && !menu().getItems().isEmpty());
        openUser("alex", "alex.wilber@tailspintoys.com");
        waitUntil(() -> !item("trainerPlay").isDisable());
        assertThat(item("trainerPlay").getText()).isEqualTo("_Play Alex Wilber");
        assertThat(Stream.of("trainerReset", "trainerActAs", "trainerSimulator", "trainerWhatChanged",
                "trainerSignInWithPass", "trainerRegisterPasskey", "trainerRegisterAuthenticator", "trainerSignInWithPush"))
                .allSatisfy(id -> assertThat(item(id)).as(id).isNotNull());

        press(KeyCode.ALT, KeyCode.T).release(KeyCode.T, KeyCode.ALT);
        waitUntil(() -> menu().isShowing());
        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

        Menu actAs = (Menu) item("trainerActAs");
        waitUntil(() -> actAs.getItems().size() > 3);
        MenuItem patti = actAs.getItems().stream().filter(i -> i.getText() != null
                && i.getText().startsWith("Patti Fernandez")).findFirst().orElseThrow();
        assertThat(patti.getText()).isEqualTo("Patti Fernandez \u2014 Authentication Administrator");
        assertThat(item("trainerBack").isDisable()).isTrue();
        interact(patti::fire);

        waitUntil(() -> label("#signedInAs").equals("Signed in as Patti Fernandez (Authentication Administrator)"));
        assertThat(label("#actingAs")).isEqualTo("Acting as Patti Fernandez (Authentication Administrator)");
        assertThat(lookup("#trainerNotice").query().isVisible()).isTrue();
        assertThat(item("trainerBack").getText()).isEqualTo("_Back to the scenario's admin (Adele Vance)");
        assertThat(item("trainerBack").isDisable()).isFalse();

        interact(() -> item("trainerSimulator").fire());
        Tab simulator = lookup("#userSections").queryAs(javafx.scene.control.TabPane.class).getTabs().stream()
                .filter(tab -> "simulatorTab".equals(tab.getId())).findFirst().orElseThrow();
        waitUntil(simulator::isSelected);
    }

    @Test
    void afterSigningInToARealTenantTheTrainerMenuIsGone() throws Exception {
        waitUntil(() -> menu().isVisible());

        signInToContosoWithADeviceCode();
        waitUntil(() -> !lookup("#demoBanner").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(menu().isVisible()).isFalse();
        assertThat(menu().isManaged()).isFalse();
        assertThat(lookup("#trainerNotice").query().isVisible()).isFalse();
        press(KeyCode.ALT, KeyCode.T).release(KeyCode.T, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(menu().isShowing()).as("Alt+T opens nothing on a real tenant").isFalse();
    }

    private MenuButton menu() {
        return lookup("#trainerMenu").queryAs(MenuButton.class);
    }

    /** The menu's item with this id, in sub-menus too. */
    private MenuItem item(String id) {
        return find(menu().getItems(), id);
    }

    private static MenuItem find(List<MenuItem> items, String id) {
        for (MenuItem each : items) {
            if (id.equals(each.getId())) {
                return each;
            }
            if (each instanceof Menu sub) {
                MenuItem inside = find(sub.getItems(), id);
                if (inside != null) {
                    return inside;
                }
            }
        }
        return null;
    }

}
