package dev.gatehouse.ui.emergency;

import dev.gatehouse.ui.common.VisibleText;
import dev.gatehouse.domain.emergency.Evidence;
import dev.gatehouse.domain.emergency.Finding;
import dev.gatehouse.domain.emergency.GroupEvidence;
import dev.gatehouse.ui.common.ModalWindow;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.function.Function;

/**
 * "Emergency-access accounts…" from the tenant menu: the chosen group and its evidence, discovery's proposals with
 * theirs (each with "Use this group"), the groups considered and why not (which may still be chosen), what could not
 * be checked, and a field to choose any group by id or name. It says on every path that the choice stays on this machine.
 */
public final class EmergencyAccessDialog {

    private static final double WIDTH = 820;
    private static final double HEIGHT = 680;

    private EmergencyAccessDialog() {
    }

    /** Opens the window over {@code owner} and reads the tenant; closing it drops whatever still runs. */
    public static Stage show(Window owner, EmergencyAccessViewModel viewModel) {
        ModalWindow window = new ModalWindow(owner, "emergency-access", "Emergency-access accounts", WIDTH, HEIGHT)
                .whenClosed(viewModel::cancel);
        Label heading = wrapping("", "plan-title");
        VisibleText.bind(heading, Bindings.createStringBinding(() -> viewModel.tenantNameProperty().get().isEmpty()
                ? "Emergency-access accounts" : "Emergency-access accounts of " + viewModel.tenantNameProperty().get(),
                viewModel.tenantNameProperty()));
        VBox body = content(viewModel);
        body.getChildren().add(0, heading);
        Button close = new Button("Close");
        close.setId("emergencyClose");
        close.setDefaultButton(true);
        close.setOnAction(event -> window.close());
        Stage stage = window.show(body, close);
        viewModel.load();
        return stage;
    }

    private static VBox content(EmergencyAccessViewModel viewModel) {
        Label intro = wrapping("Gatehouse treats the members of one group as this tenant's emergency-access (break-glass) "
                + "accounts and warns as a fact before any change to them. Choose that group here. "
                + viewModel.localOnly(), "muted");

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label progress = wrapping("", null);
        VisibleText.bind(progress, viewModel.progressProperty());
        HBox busy = new HBox(8, spinner, progress);
        shownWhen(busy, viewModel.busyProperty());
        Label error = wrapping("", "emergency-error");
        error.setId("emergencyError");
        VisibleText.bind(error, viewModel.errorProperty());
        shownWhenNotEmpty(error);
        Label outcome = wrapping("", "emergency-outcome");
        outcome.setId("emergencyOutcome");
        VisibleText.bind(outcome, viewModel.outcomeProperty());
        shownWhenNotEmpty(outcome);

        VBox content = new VBox(14, intro, busy, error, outcome, chosen(viewModel), proposals(viewModel),
                considered(viewModel), couldNotCheck(viewModel), chooser(viewModel));
        content.getStyleClass().add("emergency-content");
        return content;
    }

    private static VBox chosen(EmergencyAccessViewModel viewModel) {
        Label title = wrapping("", "step-title");
        title.setId("emergencyChosen");
        VisibleText.bind(title, viewModel.chosenTitleProperty());
        Label note = wrapping("", "muted");
        VisibleText.bind(note, viewModel.chosenNoteProperty());
        Label problem = wrapping("", "emergency-error");
        VisibleText.bind(problem, viewModel.chosenProblemProperty());
        shownWhenNotEmpty(problem);
        VBox evidence = new VBox(4);
        rebuild(viewModel.chosenEvidence(), evidence, EmergencyAccessDialog::point);
        Button forget = new Button("Forget this choice", new FontIcon(Material2OutlinedAL.DELETE_OUTLINE));
        forget.setId("emergencyForget");
        forget.setOnAction(event -> viewModel.forget());
        forget.disableProperty().bind(viewModel.busyProperty());
        shownWhen(forget, viewModel.chosenProperty());
        VBox card = new VBox(6, title, note, problem, evidence, forget);
        card.getStyleClass().addAll("panel", "panel-outlined", "emergency-group");
        return section("Chosen group", card);
    }

    private static VBox proposals(EmergencyAccessViewModel viewModel) {
        Label summary = wrapping("", "muted");
        VisibleText.bind(summary, viewModel.summaryProperty());
        shownWhenNotEmpty(summary);
        VBox cards = new VBox(10);
        cards.setId("emergencyProposals");
        rebuild(viewModel.proposals(), cards, proposal -> card(proposal, viewModel, "Use this group"));
        VBox section = section("Proposals from discovery", summary, cards);
        shownWhen(section, Bindings.isNotEmpty(viewModel.summaryProperty()));
        return section;
    }

    private static VBox considered(EmergencyAccessViewModel viewModel) {
        VBox cards = new VBox(10);
        // a group that fails a point can still be the right one (e.g. to be repaired by the break-glass wizard)
        rebuild(viewModel.considered(), cards, group -> card(group, viewModel, "Use this group anyway"));
        VBox section = section("Considered, not proposed", cards);
        shownWhen(section, Bindings.isNotEmpty(viewModel.considered()));
        return section;
    }

    private static VBox couldNotCheck(EmergencyAccessViewModel viewModel) {
        VBox lines = new VBox(4);
        rebuild(viewModel.couldNotCheck(), lines, text -> point(new Evidence(Finding.UNKNOWN, text)));
        VBox section = section("Could not check", lines);
        shownWhen(section, Bindings.isNotEmpty(viewModel.couldNotCheck()));
        return section;
    }

    private static VBox chooser(EmergencyAccessViewModel viewModel) {
        TextField field = new TextField();
        field.setId("emergencyChooseField");
        field.setPromptText("The group's object id or exact display name");
        field.textProperty().bindBidirectional(viewModel.typedGroupProperty());
        field.setOnAction(event -> viewModel.chooseTyped());
        HBox.setHgrow(field, Priority.ALWAYS);
        Button choose = new Button("Choose");
        choose.setId("emergencyChooseButton");
        choose.setOnAction(event -> viewModel.chooseTyped());
        HBox row = new HBox(8, field, choose);
        row.disableProperty().bind(viewModel.busyProperty());
        return section("Choose another group", wrapping("Any group can be chosen; its evidence then shows what "
                + "discovery would have wanted of it.", "muted"), row);
    }

    private static VBox card(GroupEvidence group, EmergencyAccessViewModel viewModel, String choose) {
        Label name = wrapping(group.group().displayName(), "step-title");
        Label id = wrapping("id " + group.group().id(), "muted");
        VBox card = new VBox(6, name, id);
        group.points().forEach(point -> card.getChildren().add(point(point)));
        Button use = new Button(choose, new FontIcon(Material2OutlinedAL.CHECK));
        if (group.proposable()) {
            use.getStyleClass().add("accent");
        }
        use.setOnAction(event -> viewModel.confirm(group));
        use.disableProperty().bind(viewModel.busyProperty());
        card.getChildren().add(use);
        card.getStyleClass().addAll("panel", "panel-outlined", "emergency-group");
        return card;
    }

    private static Node point(Evidence evidence) {
        FontIcon icon = new FontIcon(switch (evidence.finding()) {
            case MET -> Material2OutlinedAL.CHECK_CIRCLE;
            case NOT_MET -> Material2OutlinedAL.CANCEL;
            case UNKNOWN -> Material2OutlinedAL.HELP_OUTLINE;
            case MOOT -> Material2OutlinedMZ.REMOVE_CIRCLE_OUTLINE;
            case NOTE -> Material2OutlinedAL.INFO;
        });
        icon.getStyleClass().add("finding-" + evidence.finding().name().toLowerCase().replace('_', '-'));
        Label text = wrapping(evidence.text(), null);
        text.setAccessibleText(evidence.finding().word() + ": " + evidence.text());
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, icon, text);
        row.getStyleClass().add("finding");
        return row;
    }

    private static VBox section(String title, Node... children) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        VBox section = new VBox(8, heading);
        section.getChildren().addAll(children);
        return section;
    }

    private static <T> void rebuild(ObservableList<T> items, VBox into, Function<T, Node> node) {
        Runnable fill = () -> into.getChildren().setAll(items.stream().map(node).toList());
        items.addListener((ListChangeListener<T>) change -> fill.run());
        fill.run();
    }

    private static Label wrapping(String text, String styleClass) {
        Label label = VisibleText.show(new Label(), text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        if (styleClass != null) {
            label.getStyleClass().add(styleClass);
        }
        return label;
    }

    private static void shownWhenNotEmpty(Label label) {
        shownWhen(label, Bindings.isNotEmpty(label.textProperty()));
    }

    private static void shownWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }
}
