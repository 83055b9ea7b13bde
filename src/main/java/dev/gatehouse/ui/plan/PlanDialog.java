package dev.gatehouse.ui.plan;

import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The window a plan is reviewed, confirmed and followed in; it cannot be closed while the plan runs. */
public final class PlanDialog {

    private PlanDialog() {
    }

    public static Stage show(Window owner, PlanViewModel viewModel) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(viewModel.plan().title() + " \u2014 " + viewModel.plan().target());
        Scene scene = new Scene(new PlanView(viewModel, stage::close), 820, 680);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnCloseRequest(event -> {
            if (viewModel.phaseProperty().get() == PlanPhase.RUNNING) {
                event.consume(); // Stop first: closing must not hide a run that is still changing the tenant
            }
        });
        stage.setOnHidden(event -> viewModel.close());
        stage.show();
        return stage;
    }
}
