package dev.gatehouse.ui.users;

import dev.gatehouse.ui.common.ErrorPane;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
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

    private final MethodTable methods;
    /** A field, not a local: a binding's listeners on its sources are weak, so a local binding would be collected. */
    private final BooleanBinding summaryNeedsAttention;

    UserDetailView(UserDetailViewModel viewModel) {
        Label name = new Label();
        name.setId("userName");
        name.getStyleClass().add("user-name");
        name.textProperty().bind(viewModel.displayNameProperty());
        Label upn = new Label();
        upn.getStyleClass().add("muted");
        upn.textProperty().bind(viewModel.userPrincipalNameProperty());
        Label subtitle = new Label();
        subtitle.getStyleClass().add("muted");
        subtitle.textProperty().bind(viewModel.subtitleProperty());
        subtitle.managedProperty().bind(subtitle.textProperty().isNotEmpty());
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(22, 22);
        loading.visibleProperty().bind(viewModel.stateProperty().isEqualTo(LoadState.LOADING));
        HBox titleRow = new HBox(12, name, loading);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(2, titleRow, upn, subtitle);

        Label privileged = new Label();
        privileged.setId("privilegedNote");
        privileged.getStyleClass().add("privileged-note");
        privileged.setGraphic(new FontIcon(Material2OutlinedAL.ADMIN_PANEL_SETTINGS));
        privileged.setWrapText(true);
        privileged.setMinHeight(Region.USE_PREF_SIZE); // wrap instead of cutting the sentence
        privileged.setMaxWidth(Double.MAX_VALUE);
        privileged.textProperty().bind(viewModel.privilegedNoteProperty());
        privileged.visibleProperty().bind(privileged.textProperty().isNotEmpty());
        privileged.managedProperty().bind(privileged.visibleProperty());

        GridPane facts = new GridPane();
        facts.setId("profileFacts");
        facts.getStyleClass().add("fact-grid");
        for (int i = 0; i < FACT_COLUMNS; i++) {
            ColumnConstraints third = new ColumnConstraints();
            third.setPercentWidth(100.0 / FACT_COLUMNS);
            facts.getColumnConstraints().add(third);
        }
        viewModel.facts().addListener((ListChangeListener<ProfileFact>) change -> fill(facts, viewModel));
        facts.visibleProperty().bind(Bindings.isNotEmpty(viewModel.facts()));
        facts.managedProperty().bind(facts.visibleProperty());

        Label methodsTitle = new Label("Authentication methods");
        methodsTitle.getStyleClass().add("section-title");
        Label methodSummary = new Label();
        methodSummary.setId("methodSummary");
        methodSummary.getStyleClass().add("method-summary");
        methodSummary.textProperty().bind(viewModel.methodSummaryProperty());
        // the summary is a warning when methods were added recently or cannot be shown at all
        summaryNeedsAttention = viewModel.recentMethodsProperty().or(viewModel.methodsHiddenProperty());
        summaryNeedsAttention.addListener((obs, old, warn) -> methodSummary.pseudoClassStateChanged(RECENT, warn));
        // the title never gives way; the summary wraps under it when the pane is narrow
        methodsTitle.setMinWidth(Region.USE_PREF_SIZE);
        methodSummary.setWrapText(true);
        methodSummary.setMinHeight(Region.USE_PREF_SIZE);
        methods = new MethodTable(viewModel.methods());
        Region headerSpacer = new Region();
        HBox.setHgrow(headerSpacer, Priority.ALWAYS);
        Button deleteMethod = ActionBar.deleteMethod(viewModel.actions(), methods.getSelectionModel().selectedItemProperty());
        HBox methodsHeader = new HBox(12, methodsTitle, methodSummary, headerSpacer, deleteMethod);
        methodsHeader.setAlignment(Pos.BASELINE_LEFT);

        VBox.setVgrow(methods, Priority.ALWAYS);
        methods.getItems().addListener((ListChangeListener<MethodRow>) change -> {
            if (methods.getSelectionModel().isEmpty() && !methods.getItems().isEmpty()) {
                methods.getSelectionModel().selectFirst();
            }
        });
        MethodDetailsPane methodDetails = new MethodDetailsPane(methods.getSelectionModel().selectedItemProperty());
        VBox methodsSection = new VBox(8, methodsHeader, methods, methodDetails);
        VBox.setVgrow(methodsSection, Priority.ALWAYS);
        methodsSection.visibleProperty().bind(viewModel.stateProperty().isEqualTo(LoadState.LOADED));
        methodsSection.managedProperty().bind(methodsSection.visibleProperty());

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
        VBox content = new VBox(header, actionBar, new ErrorPane(viewModel.errorProperty(), viewModel::reload),
                unfinished, privileged, facts, methodsSection);
        content.getStyleClass().add("user-detail");
        content.visibleProperty().bind(viewModel.stateProperty().isNotEqualTo(LoadState.IDLE));

        Label empty = new Label("Select a user to see their sign-in methods");
        empty.getStyleClass().add("placeholder");
        empty.visibleProperty().bind(content.visibleProperty().not());

        getChildren().addAll(empty, content);
    }

    void focusMethods() {
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
            Label value = new Label(fact.value());
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
