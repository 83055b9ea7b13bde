package dev.gatehouse.ui.shell;

import atlantafx.base.controls.CaptionMenuItem;
import javafx.collections.ListChangeListener;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** "Demo tenant · baseline ▾": the other demo scenarios and "Sign in to a tenant…". */
final class TenantSwitcher extends MenuButton {

    TenantSwitcher(ShellViewModel viewModel, Runnable signIn) {
        setId("tenantSwitcher");
        setMnemonicParsing(false);
        setGraphic(new FontIcon(Material2OutlinedAL.DOMAIN));
        textProperty().bind(viewModel.tenantLabelProperty());
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
            getItems().addAll(new SeparatorMenuItem(), signInItem);
        };
        viewModel.otherScenarios().addListener((ListChangeListener<String>) change -> rebuild.run());
        rebuild.run();
    }
}
