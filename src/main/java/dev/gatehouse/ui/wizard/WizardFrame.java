package dev.gatehouse.ui.wizard;

import dev.gatehouse.ui.common.VisibleText;
import dev.gatehouse.ui.plan.PlanPhase;
import dev.gatehouse.ui.plan.PlanView;
import dev.gatehouse.ui.plan.PlanViewModel;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The frame every multi-step workspace shows a procedure in, generalised from the compromised-account playbook's
 * window: a rail of stages (done, current, available, blocked) on the left, the current stage's form beside it with
 * Back and Next under it, and on the right the stage's plan with Confirm and its run — or why there is none. A banner
 * says when a run is continued after a restart. With a single stage the rail and Back/Next are left out.
 */
public final class WizardFrame extends BorderPane {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass BLOCKED = PseudoClass.getPseudoClass("blocked");
    private static final double FORM_WIDTH = 360;

    private final WizardViewModel viewModel;
    private final Function<WizardStage, Node> forms;
    private final Function<WizardStage, Node> details;
    private final Map<WizardStage, Optional<Node>> builtDetails = new HashMap<>();
    private final Runnable closeWindow;
    private final StackPane formArea = new StackPane();
    private final StackPane planArea = new StackPane();
    private final Map<WizardStage, Node> builtForms = new HashMap<>();
    /** One view per plan: a view built again would not be the one its secrets and progress are drawn in. */
    private final Map<PlanViewModel, PlanView> builtPlans = new HashMap<>();
    /** How far down its plan under review the admin had read, per stage, until the next plan is shown. */
    private final Map<WizardStage, Double> readingAt = new HashMap<>();

    /**
     * @param forms       builds the form of a stage, once, when it is first shown
     * @param closeWindow closes the window the frame is in (Close, Cancel)
     */
    public WizardFrame(WizardViewModel viewModel, Function<WizardStage, Node> forms, Runnable closeWindow) {
        this(viewModel, forms, stage -> null, closeWindow);
    }

    /**
     * @param details builds, once, what a step that offers no plan shows beside its form (checks, an export, a What If
     *                table) under its explanation; null for a step that has nothing more to show
     */
    public WizardFrame(WizardViewModel viewModel, Function<WizardStage, Node> forms,
                       Function<WizardStage, Node> details, Runnable closeWindow) {
        this.viewModel = viewModel;
        this.forms = forms;
        this.details = details;
        this.closeWindow = closeWindow;
        getStyleClass().add("wizard-frame");
        boolean several = viewModel.stages().size() > 1;

        Label banner = new Label();
        banner.setId("wizardBanner");
        banner.getStyleClass().addAll("panel", "panel-accent", "panel-outlined", "unfinished-run");
        banner.setGraphic(new FontIcon(Material2OutlinedMZ.RESTORE));
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setMinHeight(Region.USE_PREF_SIZE);
        VisibleText.bind(banner, viewModel.bannerProperty());
        banner.visibleProperty().bind(viewModel.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        HBox.setHgrow(banner, Priority.ALWAYS);
        Button bannerAction = new Button();
        bannerAction.setId("wizardBannerAction");
        bannerAction.setMinWidth(Region.USE_PREF_SIZE);
        VisibleText.bind(bannerAction, viewModel.bannerActionProperty());
        bannerAction.visibleProperty().bind(viewModel.bannerActionProperty().isNotEmpty());
        bannerAction.managedProperty().bind(bannerAction.visibleProperty());
        bannerAction.disableProperty().bind(viewModel.runningProperty());
        bannerAction.setOnAction(event -> viewModel.bannerAction());
        HBox bannerRow = new HBox(10, banner, bannerAction);
        bannerRow.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(bannerRow);
        top.getStyleClass().add("wizard-banner-area");
        top.visibleProperty().bind(banner.visibleProperty());
        top.managedProperty().bind(banner.visibleProperty());
        setTop(top);

        VBox formColumn = new VBox(formArea);
        VBox.setVgrow(formArea, Priority.ALWAYS);
        formColumn.getStyleClass().add("wizard-form-column");
        formColumn.setPrefWidth(FORM_WIDTH);
        formColumn.setMinWidth(FORM_WIDTH);
        if (several) {
            formColumn.getChildren().add(navigation());
        }
        HBox left = several ? new HBox(scrolling(rail()), formColumn) : new HBox(formColumn);
        setLeft(left);
        planArea.getStyleClass().add("wizard-plan");
        setCenter(planArea);

        viewModel.currentStageProperty().addListener((obs, old, stage) -> showStage(stage));
        if (viewModel.currentStageProperty().get() != null) {
            showStage(viewModel.currentStageProperty().get());
        }
    }

    /** A long rail scrolls rather than push Back and Next below the window's edge on a small screen. */
    private static Node scrolling(Node rail) {
        ScrollPane scroll = new ScrollPane(rail);
        scroll.setId("wizardRailScroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("wizard-rail-scroll");
        return scroll;
    }

    private Node rail() {
        VBox rail = new VBox(4);
        rail.setId("wizardRail");
        rail.getStyleClass().add("wizard-rail");
        rail.setMinHeight(Region.USE_PREF_SIZE); // taller than the window: the scroll pane around it scrolls
        Label caption = new Label("STAGES");
        caption.getStyleClass().add("nav-caption");
        rail.getChildren().add(caption);
        for (RailItem item : viewModel.rail()) {
            Label entry = VisibleText.show(new Label(), item.number() + ". " + item.title());
            entry.setId("stage-" + item.number());
            entry.getStyleClass().add("wizard-rail-item");
            entry.setWrapText(true);
            entry.setMaxWidth(Double.MAX_VALUE);
            entry.setMinHeight(Region.USE_PREF_SIZE);
            Runnable show = () -> {
                StageState state = item.stateProperty().get();
                entry.setGraphic(new FontIcon(icon(state)));
                entry.pseudoClassStateChanged(CURRENT, state == StageState.CURRENT);
                entry.pseudoClassStateChanged(DONE, state == StageState.DONE);
                entry.pseudoClassStateChanged(BLOCKED, state == StageState.BLOCKED);
                entry.setAccessibleText(item.number() + ". " + item.title() + ", " + describe(state));
            };
            item.stateProperty().addListener((obs, old, state) -> show.run());
            show.run();
            entry.setOnMouseClicked(event -> viewModel.open(item.number() - 1));
            rail.getChildren().add(entry);
        }
        return rail;
    }

    private Node navigation() {
        Button back = new Button("Back", new FontIcon(Material2OutlinedAL.ARROW_BACK));
        back.setId("wizardBack");
        back.disableProperty().bind(viewModel.canGoBackProperty().not());
        back.setOnAction(event -> viewModel.back());
        Button rest = new Button("Plan the remaining steps");
        rest.setId("wizardPlanRest");
        rest.visibleProperty().bind(viewModel.canPlanRestProperty());
        rest.managedProperty().bind(rest.visibleProperty());
        rest.setOnAction(event -> viewModel.planRest());
        Button next = new Button("Next", new FontIcon(Material2OutlinedAL.ARROW_FORWARD));
        next.setId("wizardNext");
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        next.getStyleClass().add("accent");
        next.disableProperty().bind(viewModel.canGoNextProperty().not());
        next.setOnAction(event -> viewModel.next());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, back, spacer, rest, next);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("wizard-navigation");
        return bar;
    }

    private void showStage(WizardStage stage) {
        Node form = builtForms.computeIfAbsent(stage, this::firstShown);
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("wizard-form-scroll");
        formArea.getChildren().setAll(scroll);
        showPlan(stage);
    }

    /** Builds the stage's form and follows its plan and explanation, once per stage. */
    private Node firstShown(WizardStage stage) {
        stage.planProperty().addListener((obs, old, plan) -> {
            // a choice changed this stage's plan under review (taken off screen while the new one is made): the
            // new one opens where the admin was reading, not back at its top
            PlanView replaced = old == null ? null : builtPlans.get(old);
            if (replaced != null && replaced.underReview()) {
                readingAt.put(stage, replaced.readingPosition());
            }
            if (viewModel.currentStageProperty().get() == stage) {
                showPlan(stage);
            }
        });
        stage.explanationProperty().addListener((obs, old, text) -> {
            if (viewModel.currentStageProperty().get() == stage && stage.planProperty().get() == null) {
                showPlan(stage);
            }
        });
        Node form = forms.apply(stage);
        if (!stage.formLocksItself()) {
            form.disableProperty().bind(stage.lockedProperty());
        }
        return form;
    }

    private void showPlan(WizardStage stage) {
        PlanViewModel plan = stage.planProperty().get();
        // plans never confirmed are gone for good once replaced; only those that ran can come back on screen
        builtPlans.keySet().removeIf(built -> built != plan && built.phaseProperty().get() == PlanPhase.REVIEW);
        if (plan != null) {
            PlanView view = builtPlans.computeIfAbsent(plan, shown -> {
                PlanView built = new PlanView(shown, closeWindow);
                Optional.ofNullable(readingAt.remove(stage)).ifPresent(built::readFrom);
                return built;
            });
            planArea.getChildren().setAll(view);
            return;
        }
        Label title = VisibleText.show(new Label(), stage.title());
        title.getStyleClass().add("plan-title");
        title.setWrapText(true); // a long stage title is read whole, not cut short
        title.setMinHeight(Region.USE_PREF_SIZE);
        // paragraphs the stage joined from parts it escaped one by one
        Label why = VisibleText.showLines(new Label(), stage.explanationProperty().get());
        why.setId("wizardExplanation");
        why.setWrapText(true);
        why.setMinHeight(Region.USE_PREF_SIZE);
        why.setMaxWidth(Double.MAX_VALUE);
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(event -> closeWindow.run());
        close.disableProperty().bind(viewModel.runningProperty());
        VBox body = new VBox(14, title, why);
        builtDetails.computeIfAbsent(stage, shown -> Optional.ofNullable(details.apply(shown)))
                .ifPresent(body.getChildren()::add);
        why.visibleProperty().bind(why.textProperty().isNotEmpty());
        why.managedProperty().bind(why.visibleProperty());
        body.getChildren().add(close);
        body.getStyleClass().add("plan-content");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        planArea.getChildren().setAll(scroll);
    }

    private static Ikon icon(StageState state) {
        return switch (state) {
            case DONE -> Material2OutlinedAL.CHECK_CIRCLE;
            case CURRENT -> Material2OutlinedMZ.RADIO_BUTTON_CHECKED;
            case AVAILABLE -> Material2OutlinedMZ.RADIO_BUTTON_UNCHECKED;
            case BLOCKED -> Material2OutlinedAL.LOCK;
        };
    }

    private static String describe(StageState state) {
        return switch (state) {
            case DONE -> "done";
            case CURRENT -> "current";
            case AVAILABLE -> "not done yet";
            case BLOCKED -> "needs an earlier stage first";
        };
    }
}
