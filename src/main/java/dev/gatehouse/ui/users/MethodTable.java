package dev.gatehouse.ui.users;

import dev.gatehouse.domain.text.InertText;
import dev.gatehouse.ui.common.VisibleText;
import dev.gatehouse.ui.common.Badge;
import dev.gatehouse.ui.common.Icons;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/**
 * Every authentication method of one user, two lines per row so that type, summary, age and marks fit
 * at 1366×768 without cutting. Recently added methods are tinted and badged.
 */
final class MethodTable extends TableView<MethodRow> {

    private static final PseudoClass RECENT = PseudoClass.getPseudoClass("recent");
    /** The header and four two-line rows: the least the detail pane gives the table. */
    static final double HEIGHT_FOR_FOUR_ROWS = 36 + 4 * 50;
    /** The least table width at which the Details column still shows more than a word or two. */
    static final double WIDTH_FOR_DETAILS = 640;

    MethodTable(ObservableList<MethodRow> methods) {
        super(methods);
        setId("methodTable");
        getStyleClass().add("method-table");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label("No authentication methods registered"));

        getColumns().add(column("Method", 250, 140, row -> {
            Label type = new Label(row.typeLabel(), Icons.method(row.type()));
            type.getStyleClass().add("method-type");
            return twoLines(type, row.summary());
        }));
        getColumns().add(column("Added", 160, 120, row -> {
            Node cell = twoLines(new Label(row.age().isEmpty() ? "Unknown" : row.age()), row.created());
            Tooltip.install(cell, new Tooltip(row.age().isEmpty()
                    ? "Microsoft Graph does not report when this kind of method was registered; the audit log "
                      + "(\"User registered security info\") shows when it was added."
                    : "Registered " + row.created()));
            return cell;
        }));
        getColumns().add(column("Marks", 170, 110, MethodTable::marks));
        TableColumn<MethodRow, MethodRow> detailsColumn = column("Details", 220, 60, row -> {
            Label details = VisibleText.show(new Label(), row.details());
            details.getStyleClass().add("muted");
            // two lines fit the row the Method column already needs; the tooltip has the rest
            details.setWrapText(true);
            details.setMaxHeight(36);
            if (!row.details().isEmpty()) {
                details.setTooltip(new Tooltip(InertText.escape(row.details())));
            }
            return details;
        });
        detailsColumn.setId("detailsColumn");
        getColumns().add(detailsColumn);
        // on a narrow pane (a 1024 px projector) the column would show a few cut words: the pane under the table
        // has every detail of the selected method, so the other columns get the room instead
        detailsColumn.visibleProperty().bind(widthProperty().greaterThanOrEqualTo(WIDTH_FOR_DETAILS));

        setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(MethodRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(RECENT, !empty && row != null && row.recentlyAdded());
            }
        });
    }

    private static Node marks(MethodRow row) {
        FlowPane marks = new FlowPane(4, 4);
        if (row.recentlyAdded()) {
            marks.getChildren().add(Badge.of("Recently added", Badge.Tone.WARNING, Icons.recentlyAdded()));
        }
        if (!row.issuedByYou().isEmpty()) {
            // the Added column has the time already: the badge stays short, its tooltip says when
            Node issued = Badge.of("Issued by you", Badge.Tone.NEUTRAL);
            Tooltip.install(issued, new Tooltip(row.issuedByYou() + ", from Gatehouse on this computer: new, but "
                    + "not added by an attacker."));
            marks.getChildren().add(issued);
        }
        if (row.phishingResistant()) {
            marks.getChildren().add(Badge.of("Phishing-resistant", Badge.Tone.SUCCESS, Icons.phishingResistant()));
        }
        if (row.datedFromAuditLog()) {
            Node audit = Badge.of("Date from audit log", Badge.Tone.NEUTRAL);
            Tooltip.install(audit, new Tooltip("Graph gives " + row.typeLabel() + " methods no date; this is when the "
                    + "directory audit log recorded its registration. " + row.facts().getOrDefault("Registered", "")));
            marks.getChildren().add(audit);
        }
        return marks;
    }

    private static Node twoLines(Label first, String second) {
        first.setMinWidth(0);
        Label below = VisibleText.show(new Label(), second);
        below.getStyleClass().addAll("muted", "second-line");
        return new VBox(2, first, below);
    }

    private static TableColumn<MethodRow, MethodRow> column(String title, double width, double minWidth,
                                                            Function<MethodRow, Node> content) {
        TableColumn<MethodRow, MethodRow> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(MethodRow row, boolean empty) {
                super.updateItem(row, empty);
                setGraphic(empty || row == null ? null : content.apply(row));
            }
        });
        column.setPrefWidth(width);
        column.setMinWidth(minWidth);
        column.setSortable(false);
        return column;
    }
}
