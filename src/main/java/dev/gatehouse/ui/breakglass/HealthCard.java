package dev.gatehouse.ui.breakglass;

import dev.gatehouse.domain.breakglass.HealthCheck;
import dev.gatehouse.ui.common.Icons;
import dev.gatehouse.ui.common.VisibleText;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One row of the health view as a card: a header with the name, the UPN or id and the worst verdict, then every check
 * that is amber or red in full — badge, label, and the reason wrapped, never cut — and the green ones named on one line
 * ("OK: Enabled, Cloud-only, …") with their reasons a click away. So two accounts with a handful of problems each fit
 * a 1024 × 768 window without hiding any problem, and a green card stays short.
 */
final class HealthCard {

    /**
     * Fixed, so the labels of every card line up and no word is ever broken: wide enough for "Global Administrator"
     * on one line, while the longest labels wrap between words.
     */
    private static final double LABEL_WIDTH = 170;
    /** Fixed too, as wide as the widest badge (CHECK), so OK and FIX rows line up with it in every card. */
    private static final double BADGE_WIDTH = 80;

    private HealthCard() {
    }

    /** @param extra shown under the checks (the group's "Choose…" button); none when null */
    static VBox of(HealthRow row, Ikon icon, Node extra) {
        VBox card = new VBox(8, header(row, icon));
        card.getStyleClass().addAll("panel", "panel-outlined", "health-card");
        List<HealthCheck> attention = row.needingAttention();
        if (!attention.isEmpty()) {
            GridPane grid = grid(attention);
            grid.getStyleClass().add("attention-checks");
            card.getChildren().add(grid);
        }
        if (extra != null) {
            card.getChildren().add(extra);
        }
        List<HealthCheck> fine = row.fine();
        if (!fine.isEmpty()) {
            card.getChildren().add(fineChecks(fine));
        }
        return card;
    }

    private static Node header(HealthRow row, Ikon ikon) {
        Node icon = Icons.of(ikon);
        icon.getStyleClass().add("health-card-icon");
        Label name = HealthNodes.wrapped(VisibleText.show(new Label(), row.name()));
        name.getStyleClass().add("health-card-name");
        VBox names = new VBox(1, name);
        if (!row.identity().isEmpty() && !row.identity().equals(row.name())) {
            Label identity = HealthNodes.wrapped(VisibleText.show(new Label(), row.identity()));
            identity.getStyleClass().addAll("muted", "health-card-identity");
            names.getChildren().add(identity);
        }
        HBox.setHgrow(names, Priority.ALWAYS);
        Label verdict = VerdictBadge.of(row.verdict());
        verdict.getStyleClass().add("health-card-verdict");
        HBox header = new HBox(10, icon, names, verdict);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    /** The green checks: their labels on one line, and their reasons behind "Show why". */
    private static Node fineChecks(List<HealthCheck> fine) {
        Label summary = HealthNodes.wrapped(new Label("OK: " + fine.stream().map(HealthCheck::label)
                .collect(Collectors.joining(", ")) + "."));
        summary.getStyleClass().add("fine-summary");
        HBox.setHgrow(summary, Priority.ALWAYS);
        GridPane details = grid(fine);
        details.getStyleClass().add("fine-checks");
        HealthNodes.shownWhen(details, false);
        Hyperlink toggle = new Hyperlink();
        toggle.getStyleClass().add("fine-toggle");
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        Runnable label = () -> toggle.setText(details.isVisible() ? "Hide why"
                : "Show why (" + fine.size() + ")");
        toggle.setOnAction(event -> {
            HealthNodes.shownWhen(details, !details.isVisible());
            label.run();
        });
        label.run();
        HBox line = new HBox(8, summary, toggle);
        line.setAlignment(Pos.BASELINE_LEFT);
        return new VBox(6, line, details);
    }

    /** Badge, label, reason: one line each, the reason wrapping in the room left. */
    private static GridPane grid(List<HealthCheck> checks) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("health-checks");
        ColumnConstraints badges = new ColumnConstraints(BADGE_WIDTH);
        ColumnConstraints labels = new ColumnConstraints(LABEL_WIDTH, LABEL_WIDTH, LABEL_WIDTH);
        ColumnConstraints reasons = new ColumnConstraints();
        reasons.setHgrow(Priority.ALWAYS);
        reasons.setFillWidth(true);
        grid.getColumnConstraints().addAll(badges, labels, reasons);
        int row = 0;
        for (HealthCheck check : checks) {
            Label badge = VerdictBadge.of(check.verdict());
            Label label = HealthNodes.wrapped(new Label(check.label()));
            label.getStyleClass().add("check-label");
            // the reasons name policies and methods: tenant text
            Label reason = HealthNodes.wrapped(VisibleText.show(new Label(), check.reason()));
            reason.getStyleClass().add("check-reason");
            reason.setAccessibleText(check.verdict().word() + ", " + check.label() + ": " + check.reason());
            grid.addRow(row++, badge, label, reason);
            // a reason of several lines: its badge and label stay beside its first line
            List.of(badge, label, reason).forEach(node -> GridPane.setValignment(node, VPos.TOP));
        }
        return grid;
    }
}
