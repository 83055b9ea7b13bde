package dev.gatehouse.ui.shell;

import dev.gatehouse.ui.common.VisibleText;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** App name, tenant switcher and who is signed in. */
final class HeaderBar extends HBox {

    HeaderBar(ShellViewModel viewModel, TenantSwitcher switcher) {
        getStyleClass().add("header-bar");
        Label brand = new Label("Gatehouse", new FontIcon(Material2OutlinedMZ.SECURITY));
        brand.getStyleClass().add("brand");
        brand.setMinWidth(Label.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label signedInAs = new Label();
        signedInAs.setId("signedInAs");
        signedInAs.getStyleClass().add("muted");
        VisibleText.bind(signedInAs, viewModel.signedInAsProperty());
        getChildren().addAll(brand, switcher, spacer, signedInAs);
    }
}
