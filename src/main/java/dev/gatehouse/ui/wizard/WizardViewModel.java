package dev.gatehouse.ui.wizard;

import dev.gatehouse.ui.plan.PlanPhase;
import dev.gatehouse.ui.plan.PlanViewModel;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A procedure's stages in order, one of them current: the rail (done / current / available / blocked), Back and Next,
 * and whether a plan is running (then nothing may move or close). Answers live in each stage's form ViewModel, so
 * going Back and forth never loses them.
 */
public final class WizardViewModel {

    private final String title;
    private final List<WizardStage> stages;
    private final List<RailItem> rail = new ArrayList<>();
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(this, "current", -1);
    private final ReadOnlyObjectWrapper<WizardStage> currentStage = new ReadOnlyObjectWrapper<>(this, "currentStage");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(this, "canGoBack");
    private final ReadOnlyBooleanWrapper canGoNext = new ReadOnlyBooleanWrapper(this, "canGoNext");
    private final ReadOnlyBooleanWrapper canPlanRest = new ReadOnlyBooleanWrapper(this, "canPlanRest");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
    private final ReadOnlyStringWrapper bannerAction = new ReadOnlyStringWrapper(this, "bannerAction", "");
    private Runnable bannerActionRun = () -> { };
    private final List<Runnable> onClose = new ArrayList<>();
    private final ChangeListener<PlanPhase> phaseFollower = (obs, old, phase) -> update();
    private PlanViewModel followed;
    private Runnable onMove = () -> { };

    /** @param stages in order; at least one */
    public WizardViewModel(String title, List<? extends WizardStage> stages) {
        this.title = Objects.requireNonNull(title, "title");
        this.stages = List.copyOf(stages);
        if (this.stages.isEmpty()) {
            throw new IllegalArgumentException("A wizard needs at least one stage");
        }
        for (int i = 0; i < this.stages.size(); i++) {
            WizardStage stage = this.stages.get(i);
            rail.add(new RailItem(i + 1, stage.title()));
            stage.doneProperty().addListener((Observable obs) -> update());
            stage.planProperty().addListener((obs, old, plan) -> follow(plan));
        }
    }

    /**
     * Opens the wizard on {@code stageIndex} (the first stage not done, when continuing a saved run).
     *
     * @param continuing what the banner says about a run continued after a restart; empty for a new run
     */
    public void start(int stageIndex, String continuing) {
        tell(continuing);
        move(Math.max(0, Math.min(stageIndex, stages.size() - 1)));
    }

    /** Shows {@code text} in the banner until the next move (a problem the admin must know, e.g. answers not saved). */
    public void tell(String text) {
        banner.set(text == null ? "" : text);
        bannerAction.set("");
    }

    /** Shows {@code text} in the banner with a button {@code label} that runs {@code action} ("Take over…"). */
    public void tell(String text, String label, Runnable action) {
        banner.set(text == null ? "" : text);
        bannerAction.set(label);
        bannerActionRun = action;
    }

    /** The banner's button label; empty when it has none. */
    public ReadOnlyStringProperty bannerActionProperty() {
        return bannerAction.getReadOnlyProperty();
    }

    /** Presses the banner's button; nothing while a plan runs. */
    public void bannerAction() {
        if (!running.get() && !bannerAction.get().isEmpty()) {
            bannerActionRun.run();
        }
    }

    /** Runs when the wizard closes, before the stages stop (save answers, drop reads still in flight). */
    public void onClose(Runnable action) {
        onClose.add(action);
    }

    /** Called after every move, on the FX thread (the wizard saves its answers there). */
    public void onMove(Runnable action) {
        onMove = action;
    }

    public String title() {
        return title;
    }

    public List<WizardStage> stages() {
        return stages;
    }

    public List<RailItem> rail() {
        return List.copyOf(rail);
    }

    public ReadOnlyIntegerProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WizardStage> currentStageProperty() {
        return currentStage.getReadOnlyProperty();
    }

    /** A plan is running: the wizard cannot move or close until it ends. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    /** The current stage is done and the next one may be opened. */
    public ReadOnlyBooleanProperty canGoNextProperty() {
        return canGoNext.getReadOnlyProperty();
    }

    /** The current stage's run stopped before its end (failure, Stop): what is left can be planned again. */
    public ReadOnlyBooleanProperty canPlanRestProperty() {
        return canPlanRest.getReadOnlyProperty();
    }

    /** Reads the tenant again and plans the steps the stopped run left, with the same answers. */
    public void planRest() {
        if (canPlanRest.get()) {
            currentStage.get().enter();
        }
    }

    /** "Continuing the run started …" after a restart; empty for a new run. */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public void back() {
        if (canGoBack.get()) {
            move(current.get() - 1);
        }
    }

    public void next() {
        if (canGoNext.get()) {
            move(current.get() + 1);
        }
    }

    /** Opens a stage from the rail: any stage that is not blocked, while nothing runs. */
    public void open(int stageIndex) {
        if (!running.get() && stageIndex != current.get() && stageIndex >= 0 && stageIndex < stages.size()
                && !blocked(stageIndex)) {
            move(stageIndex);
        }
    }

    /** The window closes: every stage stops and wipes what it showed. */
    public void close() {
        onClose.forEach(Runnable::run);
        stages.forEach(WizardStage::close);
    }

    private void move(int index) {
        int from = current.get();
        if (from >= 0) {
            stages.get(from).leave();
        }
        current.set(index);
        currentStage.set(stages.get(index));
        follow(stages.get(index).planProperty().get());
        update();
        stages.get(index).enter();
        if (from >= 0) {
            tell(""); // it described the run as it was opened, no longer as it is
            onMove.run();
        }
    }

    private void follow(PlanViewModel plan) {
        WizardStage shown = currentStage.get();
        PlanViewModel now = shown == null ? null : shown.planProperty().get();
        if (followed != null) {
            followed.phaseProperty().removeListener(phaseFollower);
        }
        followed = now;
        if (followed != null) {
            followed.phaseProperty().addListener(phaseFollower);
        }
        update();
    }

    /** A stage is blocked while an earlier one it needs is not done. */
    private boolean blocked(int index) {
        if (!stages.get(index).needsEarlierStages()) {
            return false;
        }
        for (int i = 0; i < index; i++) {
            if (!stages.get(i).doneProperty().get() && !stages.get(i).optional()) {
                return true;
            }
        }
        return false;
    }

    private void update() {
        int index = current.get();
        running.set(followed != null && followed.phaseProperty().get() == PlanPhase.RUNNING);
        canPlanRest.set(followed != null && followed.phaseProperty().get() == PlanPhase.FINISHED
                && !followed.succeededProperty().get());
        for (int i = 0; i < stages.size(); i++) {
            rail.get(i).state(i == index ? StageState.CURRENT : stages.get(i).doneProperty().get() ? StageState.DONE
                    : blocked(i) ? StageState.BLOCKED : StageState.AVAILABLE);
        }
        canGoBack.set(index > 0 && !running.get() && !blocked(index - 1));
        canGoNext.set(index >= 0 && index < stages.size() - 1 && !running.get()
                && (stages.get(index).doneProperty().get() || stages.get(index).optional()) && !blocked(index + 1));
    }
}
