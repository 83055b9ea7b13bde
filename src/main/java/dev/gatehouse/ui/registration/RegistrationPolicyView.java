package dev.gatehouse.ui.registration;

import static dev.gatehouse.ui.wizard.FormNodes.hiddenWhenEmpty;
import static dev.gatehouse.ui.wizard.FormNodes.listOf;
import static dev.gatehouse.ui.registration.RegistrationNodes.section;
import static dev.gatehouse.ui.wizard.FormNodes.wrapped;

import dev.gatehouse.domain.registration.CheckPoint;
import dev.gatehouse.domain.registration.CheckerVerdict;
import dev.gatehouse.ui.common.Badge;
import dev.gatehouse.ui.common.Badge.Tone;
import dev.gatehouse.ui.common.ErrorPane;
import dev.gatehouse.ui.common.Icons;
import dev.gatehouse.ui.common.VisibleText;
import dev.gatehouse.ui.registration.RegistrationPolicyViewModel.Gate;
import dev.gatehouse.ui.workspace.WorkspaceView;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.WindowEvent;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;


/**
 * The Registration-policy workspace's home: the gate's state, the policies that reach "Register security
 * information", the prerequisites, the three checkers' verdicts, and the button that starts the wizard. One scrolling
 * column, so it reads top to bottom at 1024 × 768.
 */
public final class RegistrationPolicyView extends VBox implements WorkspaceView {

    private static final PseudoClass PROTECTED = PseudoClass.getPseudoClass("protected");
    private static final PseudoClass NOT_PROTECTED = PseudoClass.getPseudoClass("not-protected");
    private static final PseudoClass ELSEWHERE = PseudoClass.getPseudoClass("only-all-resources");

    private final Button wizard = new Button();

    public RegistrationPolicyView(RegistrationPolicyViewModel viewModel) {
        getStyleClass().addAll("workspace", "registration");

        Label title = new Label("Registration policy");
        title.getStyleClass().add("section-title");
        Label explanation = wrapped(new Label("Who may register sign-in methods: the Conditional Access policies on"
                + " the user action Register security information, and what they require."));
        explanation.getStyleClass().add("muted");
        VBox heading = new VBox(2, title, explanation);
        HBox.setHgrow(heading, Priority.ALWAYS);

        wizard.setId("registrationWizard");
        wizard.getStyleClass().add("accent");
        wizard.setGraphic(Icons.of(Material2OutlinedMZ.PLAY_CIRCLE_OUTLINE));
        wizard.textProperty().bind(viewModel.wizardLabelProperty());
        wizard.setMnemonicParsing(false);
        wizard.setMinWidth(Button.USE_PREF_SIZE);
        wizard.disableProperty().bind(viewModel.attachedProperty().not());
        wizard.setOnAction(event -> viewModel.startWizard());
        HBox top = new HBox(16, heading, wizard);
        top.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(16, gatePanel(viewModel), policiesSection(viewModel), prerequisitesSection(viewModel),
                checkersSection(viewModel));
        content.getStyleClass().add("registration-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("registration-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Label wizardProblem = wrapped(new Label());
        wizardProblem.getStyleClass().add("sign-in-error");
        wizardProblem.textProperty().bind(viewModel.wizardProblemProperty());
        hiddenWhenEmpty(wizardProblem, viewModel.wizardProblemProperty());
        viewModel.wizardProperty().addListener((obs, old, ready) -> {
            if (ready != null && getScene() != null) {
                viewModel.wizardShown();
                RegistrationWizardView.show(getScene().getWindow(), ready, ready.clipboard())
                        .addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> viewModel.wizardClosed());
            }
        });

        getChildren().addAll(top, wizardProblem, progressRow(viewModel), scroll);
        // the shell shows the open workspace's view and hides the others: reading waits until this one is shown
        visibleProperty().addListener((obs, was, shown) -> viewModel.inView(shown));
        viewModel.inView(isVisible());
    }

    @Override
    public Node node() {
        return this;
    }

    /** The wizard button: the one thing to do here. */
    @Override
    public void focusMain() {
        wizard.requestFocus();
    }

    private static HBox progressRow(RegistrationPolicyViewModel viewModel) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        Label text = new Label();
        text.setId("registrationProgress");
        text.getStyleClass().add("muted");
        text.textProperty().bind(viewModel.progressProperty());
        Hyperlink stop = new Hyperlink("Stop");
        stop.setId("registrationStop");
        stop.setOnAction(event -> viewModel.stop());
        HBox row = new HBox(8, spinner, text, stop);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(viewModel.loadingProperty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private static Node gatePanel(RegistrationPolicyViewModel viewModel) {
        FontIcon icon = new FontIcon();
        icon.getStyleClass().add("gate-icon");
        Label headline = wrapped(VisibleText.bind(new Label(), viewModel.headlineProperty()));
        headline.setId("gateHeadline");
        headline.getStyleClass().add("gate-headline");
        Label requirement = wrapped(VisibleText.bind(new Label(), viewModel.requirementProperty()));
        requirement.setId("gateRequirement");
        hiddenWhenEmpty(requirement, viewModel.requirementProperty());
        VBox words = new VBox(4, headline, requirement);
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox panel = new HBox(12, icon, words);
        panel.setAlignment(Pos.TOP_LEFT);
        panel.getStyleClass().addAll("panel", "panel-outlined", "gate");
        Runnable tone = () -> {
            Gate gate = viewModel.gateProperty().get();
            panel.pseudoClassStateChanged(PROTECTED, gate == Gate.PROTECTED);
            panel.pseudoClassStateChanged(NOT_PROTECTED, gate == Gate.NOT_PROTECTED);
            panel.pseudoClassStateChanged(ELSEWHERE, gate == Gate.ONLY_ALL_RESOURCES);
            icon.setIconCode(switch (gate) {
                case PROTECTED -> Material2OutlinedMZ.VERIFIED_USER;
                case NOT_PROTECTED -> Material2OutlinedAL.LOCK_OPEN;
                case ONLY_ALL_RESOURCES -> Material2OutlinedMZ.WARNING;
                case UNKNOWN -> Material2OutlinedAL.HELP_OUTLINE;
            });
        };
        viewModel.gateProperty().addListener((obs, old, now) -> tone.run());
        tone.run();
        return panel;
    }

    private static Node policiesSection(RegistrationPolicyViewModel viewModel) {
        ErrorPane error = new ErrorPane(viewModel.policiesErrorProperty(), "Read the policies a_gain",
                viewModel::retryPolicies);
        error.setId("policiesError");
        Label names = wrapped(VisibleText.bind(new Label(), viewModel.namesProblemProperty()));
        names.getStyleClass().add("explain-warning");
        names.setGraphic(Icons.of(Material2OutlinedMZ.WARNING));
        hiddenWhenEmpty(names, viewModel.namesProblemProperty());
        Label placeholder = wrapped(new Label());
        placeholder.setId("policiesPlaceholder");
        placeholder.getStyleClass().add("muted");
        placeholder.textProperty().bind(viewModel.policiesPlaceholderProperty());
        hiddenWhenEmpty(placeholder, viewModel.policiesPlaceholderProperty());
        VBox cards = listOf(viewModel.policies(), RegistrationPolicyView::policyCard);
        cards.setId("policyCards");
        return section("Policies that reach Register security information", error, names, placeholder, cards);
    }

    private static Node policyCard(PolicyRow row) {
        Label name = VisibleText.show(new Label(), row.name());
        name.getStyleClass().add("policy-name");
        Label state = Badge.of(row.stateLabel(), switch (row.state()) {
            case ENABLED -> Tone.SUCCESS;
            case REPORT_ONLY -> Tone.WARNING;
            case DISABLED -> Tone.NEUTRAL;
        });
        state.getStyleClass().add("policy-state");
        Label route = new Label(row.route());
        route.getStyleClass().add("muted");
        HBox top = new HBox(8, name, state, route);
        top.setAlignment(Pos.BASELINE_LEFT);

        GridPane facts = new GridPane();
        facts.getStyleClass().add("policy-facts");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        facts.getColumnConstraints().addAll(labels, values);
        facts.addRow(0, factLabel("Requires"), wrapped(VisibleText.show(new Label(), row.grant())));
        facts.addRow(1, factLabel("Applies to"), wrapped(VisibleText.show(new Label(), row.appliesTo())));
        VBox excluded = new VBox(2);
        if (row.exclusions().isEmpty()) {
            excluded.getChildren().add(new Label("Nobody"));
        } else {
            row.exclusions().forEach(exclusion -> excluded.getChildren()
                    .add(wrapped(VisibleText.show(new Label(), exclusion))));
        }
        excluded.getStyleClass().add("policy-exclusions");
        facts.addRow(2, factLabel("Excludes"), excluded);

        VBox card = new VBox(6, top, facts);
        row.warning().ifPresent(text -> {
            Label warning = wrapped(new Label(text));
            warning.getStyleClass().add("explain-warning");
            warning.setGraphic(Icons.of(Material2OutlinedMZ.WARNING));
            card.getChildren().add(warning);
        });
        card.getStyleClass().addAll("panel", "panel-outlined", "policy-card");
        return card;
    }

    private static Node prerequisitesSection(RegistrationPolicyViewModel viewModel) {
        Node licence = prerequisite(viewModel.licenceProperty());
        licence.setId("licencePrerequisite");
        Node defaults = prerequisite(viewModel.securityDefaultsProperty());
        defaults.setId("securityDefaultsPrerequisite");
        return section("Prerequisites", licence, defaults);
    }

    private static Node prerequisite(ObservableValue<Prerequisite> value) {
        FontIcon icon = new FontIcon();
        Label title = new Label();
        title.getStyleClass().add("prerequisite-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label text = wrapped(new Label());
        text.getStyleClass().add("prerequisite-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, icon, title, text);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add("prerequisite");
        Runnable show = () -> {
            Prerequisite prerequisite = value.getValue();
            title.setText(prerequisite.title());
            text.setText(prerequisite.text());
            icon.getStyleClass().setAll("ikonli-font-icon", switch (prerequisite.status()) {
                case MET -> "finding-met";
                case NOT_MET -> "finding-not-met";
                case UNKNOWN -> "finding-unknown";
                case READING -> "finding-moot";
            });
            icon.setIconCode(iconFor(prerequisite.status()));
        };
        value.addListener((obs, old, now) -> show.run());
        show.run();
        return row;
    }

    private static Ikon iconFor(Prerequisite.Status status) {
        return switch (status) {
            case MET -> Material2OutlinedAL.CHECK_CIRCLE;
            case NOT_MET -> Material2OutlinedAL.CANCEL;
            case UNKNOWN -> Material2OutlinedAL.HELP_OUTLINE;
            case READING -> Material2OutlinedAL.HOURGLASS_EMPTY;
        };
    }

    private static Node checkersSection(RegistrationPolicyViewModel viewModel) {
        Label placeholder = wrapped(new Label());
        placeholder.getStyleClass().add("muted");
        placeholder.textProperty().bind(viewModel.verdictsPlaceholderProperty());
        hiddenWhenEmpty(placeholder, viewModel.verdictsPlaceholderProperty());
        VBox cards = listOf(viewModel.verdicts(), RegistrationPolicyView::verdictCard);
        cards.setId("checkerVerdicts");
        return section("What the public checkers would say", placeholder, cards);
    }

    private static Node verdictCard(CheckerVerdict verdict) {
        Label outcome = verdict.passes()
                ? Badge.of("PASS", Tone.SUCCESS, Icons.of(Material2OutlinedAL.CHECK))
                : Badge.of("FAIL", Tone.DANGER, Icons.of(Material2OutlinedAL.CLOSE));
        outcome.getStyleClass().add("verdict-outcome");
        Label id = new Label(verdict.id());
        id.getStyleClass().add("verdict-id");
        id.setMinWidth(Region.USE_PREF_SIZE);
        Label title = wrapped(new Label(verdict.title()));
        HBox.setHgrow(title, Priority.ALWAYS);
        HBox top = new HBox(8, outcome, id, title);
        top.setAlignment(Pos.BASELINE_LEFT);

        VBox points = new VBox(3);
        points.getStyleClass().add("verdict-points");
        for (CheckPoint point : verdict.points()) {
            FontIcon icon = Icons.of(point.met() ? Material2OutlinedAL.CHECK_CIRCLE : Material2OutlinedAL.CANCEL);
            icon.getStyleClass().add(point.met() ? "finding-met" : "finding-not-met");
            // a point names the policy it was tried on: tenant text
            Label line = wrapped(VisibleText.show(new Label(), (point.met() ? "Met: " : "Not met: ") + point.text()));
            line.setGraphic(icon);
            line.getStyleClass().add("finding");
            points.getChildren().add(line);
        }
        VBox card = new VBox(6, top, points);
        verdict.note().ifPresent(note -> {
            Label text = wrapped(VisibleText.show(new Label(), note));
            text.getStyleClass().addAll("muted", "verdict-note");
            card.getChildren().add(text);
        });
        card.getStyleClass().addAll("panel", "verdict-card");
        return card;
    }

    private static Label factLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("fact-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
