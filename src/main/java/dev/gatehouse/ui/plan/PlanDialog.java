package dev.gatehouse.ui.plan;

import dev.gatehouse.ui.common.ModalWindow;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The window a plan is reviewed, confirmed and followed in; it cannot be closed while the plan runs. */
public final class PlanDialog {

    private PlanDialog() {
    }

    public static Stage show(Window owner, PlanViewModel viewModel) {
        ModalWindow window = new ModalWindow(owner, "plan",
                viewModel.plan().title() + " \u2014 " + viewModel.plan().target(), 820, 680)
                .busyWhile(viewModel.phaseProperty().isEqualTo(PlanPhase.RUNNING))
                .whenClosed(viewModel::close);
        return window.show(new PlanView(viewModel, window::close));
    }
}
