package dev.gatehouse.ui.activity;

import dev.gatehouse.domain.text.InertText;
import atlantafx.base.controls.CustomTextField;
import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.ui.activity.ActivityViewModel.CopyFormat;
import dev.gatehouse.ui.common.TimeText;
import dev.gatehouse.ui.workspace.WorkspaceView;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/** The Activity workspace: every Graph request of this session, newest first, failures in red. */
public final class ActivityView extends VBox implements WorkspaceView {

    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    /** Table width from which every column shows in full. */
    private static final double WIDE_TABLE = 1000;

    private final CustomTextField filter = new CustomTextField();

    public ActivityView(ActivityViewModel viewModel) {
        getStyleClass().add("workspace");

        Label title = new Label("Graph activity");
        title.getStyleClass().add("section-title");
        Label explanation = new Label("Every request this session sent to the tenant. Quote the request ID when you contact Microsoft support.");
        explanation.getStyleClass().add("muted");
        explanation.setWrapText(true);

        filter.setId("callFilter");
        filter.setPromptText("Filter by path, method, status or request ID");
        filter.setTooltip(new Tooltip("Every word must match. Type \u201cfailed\u201d to see only failed requests."));
        filter.setLeft(new FontIcon(Material2OutlinedAL.FILTER_LIST));
        filter.textProperty().bindBidirectional(viewModel.filterTextProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        filter.setMaxWidth(560);

        Label summary = new Label();
        summary.setId("callSummary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.setMinWidth(Label.USE_PREF_SIZE);

        TableView<GraphCall> table = table(viewModel);
        Button copy = new Button("_Copy request ID", new FontIcon(Material2OutlinedAL.CONTENT_COPY));
        copy.setId("copyRequestId");
        copy.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        copy.setOnAction(event -> viewModel.copyRequestId());
        copy.setMinWidth(Button.USE_PREF_SIZE);
        viewModel.selectedCallProperty().bind(table.getSelectionModel().selectedItemProperty());
        MenuButton copyAs = copyAsMenu(viewModel);
        copyAs.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        HBox toolbar = new HBox(12, filter, spacer, summary, copy, copyAs);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        Label copyStatus = new Label();
        copyStatus.setId("copyStatus");
        copyStatus.getStyleClass().add("muted");
        copyStatus.textProperty().bind(viewModel.copyStatusProperty());
        copyStatus.managedProperty().bind(copyStatus.textProperty().isNotEmpty());
        copyStatus.visibleProperty().bind(copyStatus.managedProperty());

        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, explanation, toolbar, table, copyStatus);
    }

    @Override
    public Node node() {
        return this;
    }

    /** The filter field. */
    @Override
    public void focusMain() {
        filter.requestFocus();
        filter.selectAll();
    }

    /** "Copy as ▾": the selected call as a command to run in PowerShell or a shell; no token, no secret. */
    private static MenuButton copyAsMenu(ActivityViewModel viewModel) {
        MenuButton menu = new MenuButton("Copy _as", new FontIcon(Material2OutlinedAL.CODE));
        menu.setId("copyAs");
        menu.setMinWidth(MenuButton.USE_PREF_SIZE);
        menu.setTooltip(new Tooltip("Copy the selected request as a command you can run yourself. The access token "
                + "and any password are left out."));
        for (CopyFormat format : CopyFormat.values()) {
            MenuItem item = new MenuItem(format.label());
            item.setId("copyAs-" + format.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            item.setOnAction(event -> viewModel.copy(format));
            menu.getItems().add(item);
        }
        MenuItem cmdlet = menu.getItems().get(CopyFormat.CMDLET.ordinal());
        menu.setOnShowing(event -> {
            boolean exists = viewModel.snippet(CopyFormat.CMDLET).isPresent();
            cmdlet.setDisable(!exists);
            cmdlet.setText(exists ? CopyFormat.CMDLET.label() : CopyFormat.CMDLET.label() + " (none known)");
        });
        return menu;
    }

    private static TableView<GraphCall> table(ActivityViewModel viewModel) {
        SortedList<GraphCall> sorted = new SortedList<>(viewModel.visibleCalls());
        TableView<GraphCall> table = new TableView<>(sorted);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setId("callTable");
        table.getStyleClass().add("call-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("No Graph requests yet"));
        ZoneId zone = ZoneId.systemDefault();

        TableColumn<GraphCall, Instant> time = new TableColumn<>("Time");
        time.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().startedAt()));
        time.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(Instant startedAt, boolean empty) {
                super.updateItem(startedAt, empty);
                setText(empty || startedAt == null ? null : TimeText.timeOfDay(startedAt, zone));
            }
        });
        time.setPrefWidth(115);
        time.setMinWidth(112);
        TableColumn<GraphCall, Integer> status = new TableColumn<>("Status");
        status.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().status()));
        status.setPrefWidth(70);
        status.setMinWidth(65);
        TableColumn<GraphCall, Long> duration = new TableColumn<>("Duration");
        duration.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().duration().toMillis()));
        duration.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(Long millis, boolean empty) {
                super.updateItem(millis, empty);
                setText(empty || millis == null ? null : millis + " ms");
            }
        });
        duration.setPrefWidth(85);
        duration.setMinWidth(80);
        duration.getStyleClass().add("numeric");

        TableColumn<GraphCall, String> path = text("Path", GraphCall::pathAndQuery, 560);
        path.setMinWidth(160);
        path.getStyleClass().add("mono");
        TableColumn<GraphCall, String> requestId = text("Request ID", GraphCall::requestId, 290);
        // a whole GUID, as support asks for, wherever the table has room (1280 pixels wide and up); on a projector's
        // 1024 the column shortens so the path stays readable, and "Copy request ID" still copies all of it
        requestId.minWidthProperty().bind(Bindings.when(table.widthProperty().greaterThan(WIDE_TABLE))
                .then(290).otherwise(120));
        requestId.getStyleClass().add("mono");
        TableColumn<GraphCall, String> method = text("Method", GraphCall::method, 80);
        method.setMinWidth(75);
        TableColumn<GraphCall, String> note = text("Note", GraphCall::outcome, 110);
        note.setMinWidth(100);
        table.getColumns().addAll(List.of(time, method, path, status, duration, requestId, note));

        MenuItem copyId = new MenuItem("Copy request ID");
        copyId.setOnAction(event -> viewModel.copyRequestId());
        MenuItem copyPath = new MenuItem("Copy path");
        copyPath.setOnAction(event -> viewModel.copyPath());
        ContextMenu menu = new ContextMenu(copyId, copyPath);
        for (CopyFormat format : CopyFormat.values()) {
            MenuItem item = new MenuItem("Copy as " + format.label());
            item.setOnAction(event -> viewModel.copy(format));
            menu.getItems().add(item);
        }
        table.setContextMenu(menu);
        table.setOnKeyPressed(event -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(event)) {
                viewModel.copyRequestId();
            }
        });

        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(GraphCall call, boolean empty) {
                super.updateItem(call, empty);
                pseudoClassStateChanged(FAILED, !empty && call != null && call.failed());
                setTooltip(empty || call == null ? null : new Tooltip(InertText.escape(call.method() + " "
                        + call.pathAndQuery()) + (call.outcome() == null || call.outcome().isEmpty() ? ""
                        : "\n" + InertText.escape(call.outcome()))));
            }
        });
        return table;
    }

    private static TableColumn<GraphCall, String> text(String title, Function<GraphCall, String> value, double width) {
        TableColumn<GraphCall, String> column = new TableColumn<>(title);
        // an error's outcome quotes the tenant's message, which may quote a name
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(InertText.escape(value.apply(cell.getValue()))));
        column.setPrefWidth(width);
        return column;
    }

}
