package dev.gatehouse.ui.plan;

import dev.gatehouse.domain.text.InertText;
import dev.gatehouse.ui.common.VisibleText;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.Reversibility;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.tenant.RequiredAccess;
import dev.gatehouse.ui.common.Badge;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.List;
import java.util.Locale;

/**
 * A plan before and while it runs: what it will do to whom, the warnings first, then every step with its effect,
 * the user's experience, the exact Graph requests, the access it needs, whether it can be undone and its risk.
 * Confirm is the only control that sends anything.
 */
public final class PlanView extends BorderPane {

    private static final PseudoClass HIGH_RISK = PseudoClass.getPseudoClass("high-risk");

    /** @param closeWindow closes the window the plan is shown in (Cancel, Close, accepting an offer) */
    private final ScrollPane scroll;
    private final ReadOnlyObjectProperty<PlanPhase> phase;

    public PlanView(PlanViewModel viewModel, Runnable closeWindow) {
        phase = viewModel.phaseProperty();
        getStyleClass().add("plan-view");
        pseudoClassStateChanged(HIGH_RISK, viewModel.highRisk());
        Plan plan = viewModel.plan();

        VBox content = new VBox(14, header(plan));
        content.getStyleClass().add("plan-content");
        if (!viewModel.intro().isEmpty()) {
            content.getChildren().add(wrapped(viewModel.intro(), null));
        }
        if (!plan.warnings().isEmpty()) {
            content.getChildren().add(warnings(plan.warnings(), "panel-danger", "panel-outlined", "plan-warnings"));
        }
        viewModel.forecast().ifPresent(forecast -> content.getChildren().add(
                new ForecastPane(forecast, viewModel.forecastDetails())));
        for (StepRow row : viewModel.steps()) {
            content.getChildren().add(stepCard(row));
        }
        if (!viewModel.offerLabel().isEmpty()) {
            Button offer = new Button(viewModel.offerLabel());
            offer.setId("planOffer");
            offer.setOnAction(event -> {
                closeWindow.run();
                viewModel.acceptOffer();
            });
            offer.visibleProperty().bind(viewModel.phaseProperty().isEqualTo(PlanPhase.REVIEW));
            offer.managedProperty().bind(offer.visibleProperty());
            content.getChildren().add(offer);
        }
        VBox secrets = new VBox(12);
        // a view built again for a plan that already ran shows the secrets it has, not only those still to come
        viewModel.secrets().forEach(secret -> secrets.getChildren().add(new SecretView(secret)));
        viewModel.secrets().addListener((ListChangeListener<SecretViewModel>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(secret -> secrets.getChildren().add(new SecretView(secret)));
            }
        });
        content.getChildren().add(secrets);
        scroll = new ScrollPane(content);
        scroll.setId("planScroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);
        setBottom(footer(viewModel, closeWindow, scroll));
    }

    /** Whether the plan is still waiting for Confirm. */
    public boolean underReview() {
        return phase.get() == PlanPhase.REVIEW;
    }

    /** How far down the plan the admin has read, 0 to 1. */
    public double readingPosition() {
        return scroll.getVvalue();
    }

    /** Opens this plan where the admin was reading the one it replaces, rather than back at its top. */
    public void readFrom(double position) {
        scroll.setVvalue(position);
    }

    private static Node header(Plan plan) {
        Label title = VisibleText.show(new Label(), plan.title());
        title.setId("planTitle");
        title.getStyleClass().add("plan-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox titleRow = new HBox(12, title, spacer, riskBadge(plan.highestRisk()));
        titleRow.setAlignment(Pos.CENTER_LEFT);
        Label target = VisibleText.show(new Label(), "For " + plan.target());
        target.setId("planTarget");
        target.getStyleClass().add("plan-target");
        int count = plan.steps().size();
        Label outline = new Label(count + (count == 1 ? " step" : " steps")
                + ", run in this order only after you confirm. Nothing has been sent yet.");
        outline.getStyleClass().add("muted");
        return new VBox(4, titleRow, target, outline);
    }

    private static Node warnings(List<String> texts, String... styleClasses) {
        VBox box = new VBox(6);
        box.getStyleClass().add("panel");
        box.getStyleClass().addAll(styleClasses);
        for (String text : texts) {
            box.getChildren().add(wrapped(text, new FontIcon(Material2OutlinedMZ.WARNING)));
        }
        return box;
    }

    private static Node stepCard(StepRow row) {
        Step step = row.step();
        Label title = VisibleText.show(new Label(), row.number() + ". " + step.title());
        title.getStyleClass().add("step-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        Label state = new Label();
        state.setMinWidth(Region.USE_PREF_SIZE);
        state.getStyleClass().add("badge");
        showState(state, row.stateProperty().get());
        row.stateProperty().addListener((obs, old, now) -> showState(state, now));
        HBox top = new HBox(8, title, riskBadge(step.risk()), state);
        top.setAlignment(Pos.CENTER_LEFT);

        GridPane facts = new GridPane();
        facts.getStyleClass().add("step-facts");
        facts.getColumnConstraints().addAll(new ColumnConstraints(), grow());
        int line = 0;
        facts.addRow(line++, caption("Effect"), wrapped(step.effect(), null));
        facts.addRow(line++, caption("At next sign-in"), wrapped(step.userExperience(), null));
        if (!step.requests().isEmpty()) {
            facts.addRow(line++, caption("Graph requests"), requests(row));
        }
        if (step.access() != null) {
            facts.addRow(line++, caption("Needs"), wrapped(access(step.access()), null));
        }
        if (step.reversibility() != null) {
            facts.addRow(line++, caption("Undo"), wrapped(reversibility(step.reversibility()), null));
        }

        VBox card = new VBox(8, top, facts);
        card.getStyleClass().addAll("panel", "panel-outlined", "step-card");
        card.setId("step-" + step.id());
        if (!step.warnings().isEmpty()) {
            card.getChildren().add(warnings(step.warnings(), "panel-warning", "step-warnings"));
        }
        Label message = new Label();
        message.getStyleClass().add("step-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        VisibleText.bind(message, row.messageProperty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        card.getChildren().add(message);
        return card;
    }

    private static Node requests(StepRow row) {
        // the requests are the view's own layout of JSON bodies, whose line breaks are structure
        TextArea text = new TextArea(InertText.escapeKeepingLineBreaks(row.requestsText()));
        text.getStyleClass().add("graph-requests");
        text.setEditable(false);
        text.setWrapText(true);
        long lines = row.requestsText().lines().count();
        text.setPrefRowCount((int) Math.min(Math.max(lines, 1), 10));
        return text;
    }

    private static Node footer(PlanViewModel viewModel, Runnable closeWindow, ScrollPane scroll) {
        Label summary = new Label();
        summary.setId("planSummary");
        summary.getStyleClass().add("plan-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.visibleProperty().bind(summary.textProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());
        viewModel.succeededProperty().addListener((obs, old, ok) ->
                summary.pseudoClassStateChanged(PseudoClass.getPseudoClass("failed"), !ok));
        summary.pseudoClassStateChanged(PseudoClass.getPseudoClass("failed"), true);

        ProgressIndicator running = new ProgressIndicator();
        running.setPrefSize(18, 18);
        running.visibleProperty().bind(viewModel.phaseProperty().isEqualTo(PlanPhase.RUNNING));
        running.managedProperty().bind(running.visibleProperty());

        Button cancel = new Button();
        cancel.setId("cancelPlan");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> {
            if (viewModel.phaseProperty().get() == PlanPhase.RUNNING) {
                viewModel.cancel();
            } else {
                closeWindow.run();
            }
        });
        Button confirm = VisibleText.show(new Button(), viewModel.confirmLabel());
        confirm.setId("confirmPlan");
        confirm.getStyleClass().add(viewModel.highRisk() ? "danger" : "accent");
        confirm.setMinWidth(Region.USE_PREF_SIZE);
        confirm.setOnAction(event -> viewModel.confirm());
        confirm.visibleProperty().bind(viewModel.phaseProperty().isEqualTo(PlanPhase.REVIEW));
        confirm.managedProperty().bind(confirm.visibleProperty());
        viewModel.phaseProperty().addListener((obs, old, phase) -> {
            cancel.setText(label(phase));
            if (phase == PlanPhase.FINISHED) {
                cancel.setDefaultButton(true);
                // the outcome and any secret are at the end; lay the new secrets out first, or the end is the old one
                scroll.applyCss();
                scroll.layout();
                scroll.setVvalue(scroll.getVmax());
            }
        });
        cancel.setText(label(viewModel.phaseProperty().get()));
        cancel.disableProperty().bind(viewModel.cancelRequestedProperty()
                .and(viewModel.phaseProperty().isEqualTo(PlanPhase.RUNNING)));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(10, running, spacer, cancel, confirm);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox footer = new VBox(10, summary, buttons);
        footer.getStyleClass().add("plan-footer");
        return footer;
    }

    private static String label(PlanPhase phase) {
        return switch (phase) {
            case REVIEW -> "Cancel";
            case RUNNING -> "Stop";
            case FINISHED -> "Close";
        };
    }

    private static void showState(Label badge, StepState state) {
        badge.setText(state.label());
        badge.getStyleClass().removeAll("neutral", "accent", "success", "warning", "danger");
        badge.getStyleClass().add(switch (state) {
            case PENDING, NOT_RUN -> "neutral";
            case RUNNING -> "accent";
            case DONE -> "success";
            case CANCELLED -> "warning";
            case FAILED -> "danger";
        });
    }

    private static Label riskBadge(Risk risk) {
        String text = risk.name().charAt(0) + risk.name().substring(1).toLowerCase(Locale.ROOT) + " risk";
        return Badge.of(text, switch (risk) {
            case LOW -> Badge.Tone.SUCCESS;
            case MEDIUM -> Badge.Tone.WARNING;
            case HIGH -> Badge.Tone.DANGER;
        });
    }

    private static String access(RequiredAccess access) {
        String text = "Permission " + access.permission() + " \u00b7 role: " + access.rolesSentence();
        return access.licence() == null ? text : text + " \u00b7 licence: " + access.licence();
    }

    private static String reversibility(Reversibility reversibility) {
        return switch (reversibility.kind()) {
            case REVERSIBLE -> "Can be undone: ";
            case PARTLY_REVERSIBLE -> "Partly reversible: ";
            case IRREVERSIBLE -> "Cannot be undone: ";
        } + reversibility.how();
    }

    static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("fact-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    static Label wrapped(String text, Node icon) {
        Label label = VisibleText.show(new Label(null, icon), text == null ? "" : text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static ColumnConstraints grow() {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        column.setFillWidth(true);
        return column;
    }
}
