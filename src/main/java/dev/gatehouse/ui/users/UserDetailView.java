package dev.gatehouse.ui.users;

import dev.gatehouse.ui.common.VisibleText;
import dev.gatehouse.ui.common.ErrorPane;
import dev.gatehouse.ui.common.Preferences;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

import java.util.Locale;

/** The selected user: who they are, the recovery-relevant facts, and every authentication method. */
final class UserDetailView extends StackPane {

    private static final PseudoClass RECENT = PseudoClass.getPseudoClass("recent");
    private static final int FACT_COLUMNS = 3;

    private final UserDetailViewModel viewModel;
    private final Label empty = new Label("Select a user to see their sign-in methods");
    /** Null until {@link #build()}: tables, tabs and the simulator cost a third of the window's first frame. */
    private MethodTable methods;
    /** A field, not a local: a binding's listeners on its sources are weak, so a local binding would be collected. */
    private BooleanBinding summaryNeedsAttention;

    UserDetailView(UserDetailViewModel viewModel) {
        this.viewModel = viewModel;
        empty.getStyleClass().add("placeholder");
        getChildren().add(empty);
        if (viewModel.stateProperty().get() != LoadState.IDLE) {
            build();
        }
        viewModel.stateProperty().addListener((obs, old, state) -> {
            if (state != LoadState.IDLE) {
                build();
            }
        });
    }

    /**
     * Builds the detail's controls, once: when a user is first selected, or earlier when the window has a moment
     * ({@link UsersView} asks after the list first shows). Until then only the "Select a user" line exists.
     */
    void build() {
        if (methods != null) {
            return;
        }
        Label name = new Label();
        name.setId("userName");
        name.getStyleClass().add("user-name");
        VisibleText.bind(name, viewModel.displayNameProperty());
        Label upn = new Label();
        upn.getStyleClass().add("muted");
        VisibleText.bind(upn, viewModel.userPrincipalNameProperty());
        Label subtitle = new Label();
        subtitle.getStyleClass().add("muted");
        VisibleText.bind(subtitle, viewModel.subtitleProperty());
        subtitle.managedProperty().bind(subtitle.textProperty().isNotEmpty());
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(22, 22);
        loading.visibleProperty().bind(viewModel.stateProperty().isEqualTo(LoadState.LOADING));
        HBox titleRow = new HBox(12, name, loading);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        VBox identity = new VBox(2, titleRow, upn, subtitle);
        Region identitySpacer = new Region();
        HBox.setHgrow(identitySpacer, Priority.ALWAYS);
        Button compromised = ActionBar.compromisedAccount(viewModel.actions());
        compromised.visibleProperty().bind(viewModel.stateProperty().isEqualTo(LoadState.LOADED));
        compromised.managedProperty().bind(compromised.visibleProperty());
        HBox header = new HBox(12, identity, identitySpacer, compromised);
        header.setAlignment(Pos.TOP_LEFT);

        Label privileged = new Label();
        privileged.setId("privilegedNote");
        privileged.getStyleClass().addAll("panel", "panel-warning", "panel-outlined", "privileged-note");
        privileged.setGraphic(new FontIcon(Material2OutlinedAL.ADMIN_PANEL_SETTINGS));
        privileged.setWrapText(true);
        privileged.setMinHeight(Region.USE_PREF_SIZE); // wrap instead of cutting the sentence
        privileged.setMaxWidth(Double.MAX_VALUE);
        VisibleText.bind(privileged, viewModel.privilegedNoteProperty());
        privileged.visibleProperty().bind(privileged.textProperty().isNotEmpty());
        privileged.managedProperty().bind(privileged.visibleProperty());

        GridPane facts = new GridPane();
        facts.setId("profileFacts");
        facts.getStyleClass().addAll("panel", "fact-grid");
        for (int i = 0; i < FACT_COLUMNS; i++) {
            ColumnConstraints third = new ColumnConstraints();
            third.setPercentWidth(100.0 / FACT_COLUMNS);
            facts.getColumnConstraints().add(third);
        }
        viewModel.facts().addListener((ListChangeListener<ProfileFact>) change -> fill(facts, viewModel));
        facts.visibleProperty().bind(Bindings.isNotEmpty(viewModel.facts()));
        facts.managedProperty().bind(facts.visibleProperty());

        Label methodSummary = new Label();
        methodSummary.setId("methodSummary");
        methodSummary.getStyleClass().add("method-summary");
        methodSummary.textProperty().bind(viewModel.methodSummaryProperty());
        // the summary is a warning when methods were added recently or cannot be shown at all
        summaryNeedsAttention = viewModel.recentMethodsProperty().or(viewModel.methodsHiddenProperty());
        summaryNeedsAttention.addListener((obs, old, warn) -> methodSummary.pseudoClassStateChanged(RECENT, warn));
        // the summary wraps when the pane is narrow; the controls beside it never give way
        methodSummary.setWrapText(true);
        methodSummary.setMinHeight(Region.USE_PREF_SIZE);
        methods = new MethodTable(viewModel.methods());
        Region headerSpacer = new Region();
        HBox.setHgrow(headerSpacer, Priority.ALWAYS);
        Button deleteMethod = ActionBar.deleteMethod(viewModel.actions(), methods.getSelectionModel().selectedItemProperty());
        HBox methodsHeader = new HBox(12, methodSummary, headerSpacer, deleteMethod);
        methodsHeader.setAlignment(Pos.CENTER_LEFT);

        VBox.setVgrow(methods, Priority.ALWAYS);
        // at least four methods in view, whatever the screen: the rest of the detail scrolls instead
        methods.setMinHeight(MethodTable.HEIGHT_FOR_FOUR_ROWS);
        methods.getItems().addListener((ListChangeListener<MethodRow>) change -> {
            if (methods.getSelectionModel().isEmpty() && !methods.getItems().isEmpty()) {
                methods.getSelectionModel().selectFirst();
            }
        });
        MethodDetailsPane methodDetails = new MethodDetailsPane(methods.getSelectionModel().selectedItemProperty());
        VBox methodsSection = new VBox(8, methodsHeader, methods, recentWindow(viewModel), methodDetails);
        methodsSection.getStyleClass().add("tab-body");

        // a tab, not a side pane: the four-column table keeps the full width at 1280 px
        Tab methodsTab = new Tab("Authentication methods", methodsSection);
        methodsTab.setId("methodsTab");
        SignInSimulatorView simulator = new SignInSimulatorView(viewModel.simulator());
        simulator.getStyleClass().add("tab-body");
        Tab simulatorTab = new Tab("Sign-in simulator", simulator);
        simulatorTab.setId("simulatorTab");
        simulatorTab.selectedProperty().addListener((obs, old, selected) -> {
            viewModel.simulator().setActive(selected);
            viewModel.simulatorShownProperty().set(selected);
        });
        TabPane sections = new TabPane(methodsTab, simulatorTab);
        viewModel.simulatorShownProperty().addListener((obs, old, shown) ->
                sections.getSelectionModel().select(shown ? simulatorTab : methodsTab));
        if (viewModel.simulatorShownProperty().get()) {
            sections.getSelectionModel().select(simulatorTab);
        }
        sections.setId("userSections");
        sections.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // Ctrl+Tab switches tabs from anywhere inside, even from the table, which otherwise takes it to move focus
        sections.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.TAB && event.isShortcutDown()) {
                sections.getSelectionModel().select(sections.getSelectionModel().getSelectedIndex() == 0 ? 1 : 0);
                event.consume();
            }
        });
        VBox.setVgrow(sections, Priority.ALWAYS);
        sections.visibleProperty().bind(viewModel.stateProperty().isEqualTo(LoadState.LOADED));
        sections.managedProperty().bind(sections.visibleProperty());

        ActionBar actionBar = new ActionBar(viewModel);
        actionBar.visibleProperty().bind(viewModel.stateProperty().isEqualTo(LoadState.LOADED));
        actionBar.managedProperty().bind(actionBar.visibleProperty());
        UserActionsViewModel actions = viewModel.actions();
        actions.promptProperty().addListener((obs, old, prompt) -> {
            if (prompt != null) {
                actions.promptTaken();
                ActionWindows.open(getScene().getWindow(), prompt);
            }
        });

        UnfinishedRunBanner unfinished = new UnfinishedRunBanner(viewModel.unfinishedRun(), actions);
        VBox content = new VBox(header, actionBar, new ErrorPane(viewModel.errorProperty(), "Re_load", viewModel::reload),
                unfinished, privileged, facts, sections);
        content.getStyleClass().add("user-detail");
        content.visibleProperty().bind(viewModel.stateProperty().isNotEqualTo(LoadState.IDLE));

        empty.visibleProperty().bind(content.visibleProperty().not());

        // on a small screen (a 1024 x 768 projector) the detail scrolls as a whole rather than squeeze the table
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId("userDetailScroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.visibleProperty().bind(content.visibleProperty());

        getChildren().add(scroll);
    }

    /** "Recently added: last [7] days": what the table and plans flag as recently added, saved for next time. */
    private static HBox recentWindow(UserDetailViewModel viewModel) {
        Spinner<Integer> days = new Spinner<>(Preferences.MIN_RECENT_DAYS, Preferences.MAX_RECENT_DAYS,
                viewModel.recentDaysProperty().get());
        days.setId("recentDays");
        days.setEditable(true);
        days.setPrefWidth(72);
        days.getValueFactory().valueProperty().bindBidirectional(viewModel.recentDaysProperty());
        // short, so the summary beside it keeps its width; the tooltip says the rest
        Label before = new Label("Recently added: last");
        before.setLabelFor(days);
        HBox setting = new HBox(6, before, days, new Label("days"));
        setting.setAlignment(Pos.CENTER_LEFT);
        setting.setMinWidth(Region.USE_PREF_SIZE);
        setting.getStyleClass().add("recent-window");
        Tooltip.install(setting, new Tooltip("Methods registered within this many days are marked \u201cRecently "
                + "added\u201d and preselected for deletion in the compromised-account playbook. Saved for next time."));
        return setting;
    }

    void focusMethods() {
        build();
        methods.requestFocus();
        if (!methods.getItems().isEmpty() && methods.getSelectionModel().isEmpty()) {
            methods.getSelectionModel().selectFirst();
        }
    }

    /** Label-over-value tiles, three to a row, so the methods table keeps most of the height at 1366×768. */
    private static void fill(GridPane grid, UserDetailViewModel viewModel) {
        grid.getChildren().clear();
        int index = 0;
        for (ProfileFact fact : viewModel.facts()) {
            Label label = new Label(fact.label());
            label.getStyleClass().add("fact-label");
            // a fact lists one name per line, each escaped by ProfileFacts
            Label value = VisibleText.showLines(new Label(), fact.value());
            value.getStyleClass().addAll("fact-value", fact.tone().name().toLowerCase(Locale.ROOT));
            value.setWrapText(true);
            value.setMinHeight(Region.USE_PREF_SIZE);
            VBox tile = new VBox(2, label, value);
            grid.add(tile, index % FACT_COLUMNS, index / FACT_COLUMNS);
            GridPane.setValignment(tile, VPos.TOP);
            index++;
        }
    }
}
