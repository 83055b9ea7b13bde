package dev.gatehouse.ui.registration;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * A building block the registration-policy views share: sections. The rest is every wizard's, in
 * {@link dev.gatehouse.ui.wizard.FormNodes}.
 */
final class RegistrationNodes {

    private RegistrationNodes() {
    }

    static VBox section(String heading, Node... children) {
        Label title = new Label(heading);
        title.getStyleClass().add("registration-section-title");
        VBox section = new VBox(8, title);
        section.getChildren().addAll(children);
        return section;
    }
}
