package dev.gatehouse.ui.trainer;

import dev.gatehouse.ui.common.VisibleText;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The strip under the header while the trainer is at work: whom Gatehouse acts as (when not the scenario's admin), and
 * what the last trainer action did, in the demo tenant's words; Stop while it waits for the demo tenant.
 */
public final class TrainerNotice extends HBox {

    public TrainerNotice(TrainerViewModel viewModel) {
        setId("trainerNotice");
        getStyleClass().add("trainer-notice");
        setAlignment(Pos.CENTER_LEFT);
        Label acting = new Label();
        acting.setId("actingAs");
        acting.getStyleClass().add("trainer-acting");
        acting.setGraphic(new FontIcon(Material2OutlinedMZ.SUPERVISOR_ACCOUNT));
        acting.setMinWidth(Label.USE_PREF_SIZE);
        VisibleText.bind(acting, viewModel.actingAsProperty());
        acting.visibleProperty().bind(viewModel.actingAsProperty().isNotEmpty());
        acting.managedProperty().bind(acting.visibleProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(viewModel.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label status = new Label();
        status.setId("trainerStatus");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        VisibleText.bind(status, viewModel.statusProperty());
        Button stop = new Button("Stop");
        stop.setId("trainerStop");
        stop.setMinWidth(Button.USE_PREF_SIZE);
        stop.visibleProperty().bind(viewModel.busyProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        stop.setOnAction(event -> viewModel.cancel());
        getChildren().addAll(acting, busy, status, stop);
        visibleProperty().bind(viewModel.availableProperty().and(viewModel.actingAsProperty().isNotEmpty()
                .or(viewModel.statusProperty().isNotEmpty())));
        managedProperty().bind(visibleProperty());
    }
}
