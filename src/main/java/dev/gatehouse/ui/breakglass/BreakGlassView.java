package dev.gatehouse.ui.breakglass;

import static dev.gatehouse.ui.breakglass.HealthNodes.section;
import static dev.gatehouse.ui.breakglass.HealthNodes.shownWhen;
import static dev.gatehouse.ui.breakglass.HealthNodes.shownWhenNotEmpty;
import static dev.gatehouse.ui.breakglass.HealthNodes.wrapped;

import dev.gatehouse.domain.breakglass.Verdict;
import dev.gatehouse.ui.common.ErrorPane;
import dev.gatehouse.ui.common.Icons;
import dev.gatehouse.ui.common.VisibleText;
import dev.gatehouse.ui.emergency.EmergencyAccessDialog;
import dev.gatehouse.ui.workspace.WorkspaceView;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.WindowEvent;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.List;

/**
 * The Break-glass workspace's home: the verdict over every emergency-access account and their group with the drill's
 * dates, then the group's card and one card per account (problems in full, OK checks summed up), and the actions:
 * the drill and the checker config entries. One scrolling column, so it reads top to bottom at 1024 × 768.
 */
public final class BreakGlassView extends VBox implements WorkspaceView {

    private static final List<String> TONES = List.of("panel-danger", "panel-warning", "panel-success");

    private final Button drill = new Button("Start drill\u2026");
    private final ScrollPane scroll;

    public BreakGlassView(BreakGlassViewModel viewModel) {
        getStyleClass().addAll("workspace", "breakglass");

        Label title = new Label("Break-glass");
        title.getStyleClass().add("section-title");
        Label explanation = wrapped("The tenant's emergency-access accounts: whether each would work, and be safe, on"
                + " the day everything else fails.", "muted");
        VBox heading = new VBox(2, title, explanation);
        HBox.setHgrow(heading, Priority.ALWAYS);
        HBox top = new HBox(16, heading, actions(viewModel));
        top.setAlignment(Pos.CENTER_LEFT);

        Label checkersReason = wrapped(new Label());
        checkersReason.setId("breakglassCheckersReason");
        checkersReason.getStyleClass().add("muted");
        checkersReason.textProperty().bind(Bindings.concat("Checker config: ", viewModel.checkersUnavailableProperty()));
        shownWhen(checkersReason, viewModel.drillReadyProperty().and(viewModel.checkersProperty().isNull()));

        Label setupProblem = wrapped(new Label());
        setupProblem.setId("breakglassSetupProblem");
        setupProblem.getStyleClass().add("sign-in-error");
        setupProblem.textProperty().bind(viewModel.setup().problemProperty());
        shownWhen(setupProblem, viewModel.setup().problemProperty().isNotEmpty());

        ErrorPane error = new ErrorPane(viewModel.errorProperty(), "Read a_gain", viewModel::refresh);
        error.setId("breakglassError");

        VBox content = new VBox(16, summary(viewModel), groupSection(viewModel), accountsSection(viewModel));
        content.getStyleClass().add("breakglass-content");
        scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("breakglass-scroll");
        scroll.setId("breakglassScroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        getChildren().addAll(top, setupProblem, checkersReason, progressRow(viewModel), error, scroll);
        // the shell shows the open workspace's view and hides the others: reading waits until this one is shown
        visibleProperty().addListener((obs, was, shown) -> viewModel.inView(shown));
        viewModel.inView(isVisible());
    }

    @Override
    public Node node() {
        return this;
    }

    /** The drill: the one thing an admin comes here to do regularly; the health itself until it can start. */
    @Override
    public void focusMain() {
        if (drill.isDisabled()) {
            scroll.requestFocus();
        } else {
            drill.requestFocus();
        }
    }

    /** The workspace's actions: the set-up wizard first, then the drill and the checker entries. */
    private HBox actions(BreakGlassViewModel viewModel) {
        SetupStarterViewModel starter = viewModel.setup();
        Button setUp = new Button();
        setUp.setId("breakglassSetup");
        setUp.getStyleClass().add("accent");
        setUp.setGraphic(Icons.of(Material2OutlinedMZ.PLAY_CIRCLE_OUTLINE));
        setUp.textProperty().bind(starter.labelProperty());
        setUp.setMnemonicParsing(false);
        setUp.setMinWidth(Button.USE_PREF_SIZE);
        setUp.disableProperty().bind(viewModel.attachedProperty().not());
        setUp.setOnAction(event -> starter.start());
        starter.wizardProperty().addListener((obs, old, ready) -> {
            if (ready != null) {
                starter.shown();
                // the set-up changed the tenant: the health is read again once its window closes
                BreakGlassWizardView.show(getScene().getWindow(), ready)
                        .addEventHandler(WindowEvent.WINDOW_HIDDEN, closed -> viewModel.refresh());
            }
        });
        drill.setId("breakglassDrill");
        drill.setGraphic(Icons.of(Material2OutlinedAL.FACT_CHECK));
        drill.setMinWidth(Button.USE_PREF_SIZE);
        drill.disableProperty().bind(viewModel.drillReadyProperty().not());
        drill.setOnAction(event -> viewModel.newDrill().ifPresent(model -> DrillDialog.show(getScene().getWindow(),
                model)));
        Button checkers = new Button("Checker config\u2026");
        checkers.setId("breakglassCheckers");
        checkers.setGraphic(Icons.of(Material2OutlinedAL.CODE));
        checkers.setMinWidth(Button.USE_PREF_SIZE);
        checkers.disableProperty().bind(viewModel.checkersProperty().isNull());
        checkers.setOnAction(event -> viewModel.newCheckerConfig().ifPresent(model ->
                CheckerConfigDialog.show(getScene().getWindow(), model)));
        HBox bar = new HBox(8, setUp, drill, checkers);
        bar.getStyleClass().add("breakglass-actions");
        bar.setAlignment(Pos.CENTER_RIGHT);
        return bar;
    }

    private static HBox progressRow(BreakGlassViewModel viewModel) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        Label text = wrapped(new Label());
        text.setId("breakglassProgress");
        text.getStyleClass().add("muted");
        text.textProperty().bind(viewModel.progressProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        Hyperlink stop = new Hyperlink("Stop");
        stop.setId("breakglassStop");
        stop.setMinWidth(Hyperlink.USE_PREF_SIZE);
        stop.setOnAction(event -> viewModel.stop());
        HBox row = new HBox(8, spinner, text, stop);
        row.setAlignment(Pos.CENTER_LEFT);
        shownWhen(row, viewModel.loadingProperty());
        return row;
    }

    /** The verdict over everything, the counts and the drill's dates, in the verdict's colour. */
    private static Node summary(BreakGlassViewModel viewModel) {
        Label badge = VerdictBadge.of(Verdict.GREEN);
        badge.setId("breakglassVerdict");
        Label headline = wrapped(new Label());
        headline.setId("breakglassHeadline");
        headline.getStyleClass().add("breakglass-headline");
        headline.textProperty().bind(viewModel.headlineProperty());
        HBox.setHgrow(headline, Priority.ALWAYS);
        HBox first = new HBox(10, badge, headline);
        first.setAlignment(Pos.CENTER_LEFT);
        Label counts = wrapped(new Label());
        counts.setId("breakglassCounts");
        counts.textProperty().bind(viewModel.countsProperty());
        shownWhenNotEmpty(counts, viewModel.countsProperty());
        Label drillLine = wrapped(new Label());
        drillLine.setId("breakglassDrillLine");
        drillLine.setGraphic(Icons.of(Material2OutlinedAL.EVENT));
        drillLine.textProperty().bind(viewModel.drillLineProperty());
        shownWhenNotEmpty(drillLine, viewModel.drillLineProperty());
        VBox panel = new VBox(6, first, counts, drillLine);
        panel.getStyleClass().addAll("panel", "panel-outlined", "breakglass-summary");
        Runnable tone = () -> {
            Verdict verdict = viewModel.verdictProperty().get();
            shownWhen(badge, verdict != null);
            if (verdict != null) {
                VerdictBadge.show(badge, verdict);
            }
            panel.getStyleClass().removeAll(TONES);
            if (verdict != null) {
                panel.getStyleClass().add(switch (verdict) {
                    case RED -> "panel-danger";
                    case AMBER -> "panel-warning";
                    case GREEN -> "panel-success";
                });
            }
        };
        viewModel.verdictProperty().addListener((obs, old, now) -> tone.run());
        tone.run();
        return panel;
    }

    /** The group's card; with "Choose the emergency-access group…" while Gatehouse knows none. */
    private Node groupSection(BreakGlassViewModel viewModel) {
        VBox holder = new VBox();
        holder.setId("breakglassGroup");
        Runnable rebuild = () -> {
            HealthRow row = viewModel.groupProperty().get();
            holder.getChildren().setAll(row == null ? List.of() : List.of(HealthCard.of(row,
                    Material2OutlinedAL.GROUP, viewModel.groupToChooseProperty().get() ? chooseGroup(viewModel)
                            : null)));
        };
        viewModel.groupProperty().addListener((obs, old, now) -> rebuild.run());
        viewModel.groupToChooseProperty().addListener((obs, old, now) -> rebuild.run());
        rebuild.run();
        VBox section = section("Group", holder);
        shownWhen(section, viewModel.groupProperty().isNotNull());
        return section;
    }

    private Button chooseGroup(BreakGlassViewModel viewModel) {
        Button choose = new Button("Choose the emergency-access group\u2026", Icons.of(Material2OutlinedMZ.SECURITY));
        choose.setId("breakglassChooseGroup");
        choose.getStyleClass().add("accent");
        choose.setOnAction(event -> viewModel.newEmergencyAccess().ifPresent(dialog ->
                EmergencyAccessDialog.show(getScene().getWindow(), dialog)
                        .addEventHandler(WindowEvent.WINDOW_HIDDEN, closed -> viewModel.refresh())));
        return choose;
    }

    private static Node accountsSection(BreakGlassViewModel viewModel) {
        Label placeholder = wrapped(new Label());
        placeholder.getStyleClass().add("muted");
        placeholder.textProperty().bind(viewModel.accountsPlaceholderProperty());
        shownWhenNotEmpty(placeholder, viewModel.accountsPlaceholderProperty());
        VBox cards = new VBox(12);
        cards.setId("breakglassAccounts");
        Runnable rebuild = () -> cards.getChildren().setAll(viewModel.accounts().stream()
                .map(row -> (Node) HealthCard.of(row, Material2OutlinedAL.ACCOUNT_CIRCLE, null)).toList());
        viewModel.accounts().addListener((ListChangeListener<HealthRow>) change -> rebuild.run());
        rebuild.run();
        VBox section = section("Accounts", placeholder, cards);
        shownWhen(section, viewModel.groupProperty().isNotNull());
        return section;
    }
}
