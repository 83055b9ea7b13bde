package dev.gatehouse.ui.shell;

import dev.gatehouse.ui.common.VisibleText;
import atlantafx.base.controls.CaptionMenuItem;
import javafx.collections.ListChangeListener;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** "Demo tenant · baseline ▾": the other demo scenarios, "Sign in to a tenant…" and this tenant's emergency accounts. */
final class TenantSwitcher extends MenuButton {

    /** @param emergencyAccess opens "Emergency-access accounts…" for the open tenant */
    TenantSwitcher(ShellViewModel viewModel, Runnable signIn, Runnable emergencyAccess) {
        setId("tenantSwitcher");
        setMnemonicParsing(false);
        setGraphic(new FontIcon(Material2OutlinedAL.DOMAIN));
        VisibleText.bind(this, viewModel.tenantLabelProperty());
        setAccessibleText("Tenant");
        Runnable rebuild = () -> {
            getItems().setAll(new CaptionMenuItem("Switch to a demo scenario"));
            for (String scenario : viewModel.otherScenarios()) {
                MenuItem item = new MenuItem(DemoScenarios.label(scenario));
                item.setMnemonicParsing(false);
                item.setOnAction(event -> viewModel.connectDemo(scenario));
                getItems().add(item);
            }
            MenuItem signInItem = new MenuItem("Sign in to a tenant\u2026", new FontIcon(Material2OutlinedAL.LOGIN));
            signInItem.setId("signInItem");
            signInItem.setOnAction(event -> signIn.run());
            MenuItem emergencyItem = new MenuItem("Emergency-access accounts\u2026",
                    new FontIcon(Material2OutlinedMZ.SECURITY));
            emergencyItem.setId("emergencyAccessItem");
            emergencyItem.disableProperty().bind(viewModel.stateProperty().isNotEqualTo(ConnectionState.CONNECTED));
            emergencyItem.setOnAction(event -> emergencyAccess.run());
            getItems().addAll(new SeparatorMenuItem(), signInItem, new SeparatorMenuItem(), emergencyItem);
        };
        viewModel.otherScenarios().addListener((ListChangeListener<String>) change -> rebuild.run());
        rebuild.run();
    }
}
