package dev.gatehouse.ui.shell;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The strip that never lets anyone mistake the demo tenant for a real one. */
final class DemoBanner extends HBox {

    static final String TEXT = "DEMO TENANT \u2014 simulated data on this computer; nothing here reaches a real tenant";

    DemoBanner(ObservableBooleanValue demo) {
        setId("demoBanner");
        getStyleClass().add("demo-banner");
        Label text = new Label(TEXT, new FontIcon(Material2OutlinedMZ.SCIENCE));
        getChildren().add(text);
        visibleProperty().bind(demo);
        managedProperty().bind(demo);
    }
}
