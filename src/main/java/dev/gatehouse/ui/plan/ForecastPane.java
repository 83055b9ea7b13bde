package dev.gatehouse.ui.plan;

import dev.gatehouse.domain.plan.PlanForecast;
import dev.gatehouse.domain.signin.SignInVerdict;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.geometry.VPos;

import java.util.List;

/**
 * The sign-in simulator's forecast above a plan: one line for today, one for after the plan, what it had to assume,
 * and — folded away so the plan keeps the room — every standard situation with its verdict and the reasons.
 */
final class ForecastPane extends VBox {

    ForecastPane(PlanForecast forecast, List<SituationForecast> details) {
        super(8);
        setId("signInForecast");
        getStyleClass().addAll("panel", "panel-accent", "plan-forecast");
        GridPane lines = new GridPane();
        lines.getStyleClass().add("forecast-lines");
        lines.getColumnConstraints().addAll(new ColumnConstraints(), grow(-1));
        lines.addRow(0, caption("Sign-in today"), text(forecast.before().summary(), "forecastBefore"));
        lines.addRow(1, caption("After this plan"), text(forecast.after().summary(), "forecastAfter"));
        getChildren().add(lines);
        if (!forecast.assumptions().isEmpty()) {
            Label assumptions = text(forecast.assumptions(), "forecastAssumptions");
            assumptions.getStyleClass().add("muted");
            getChildren().add(assumptions);
        }
        if (!details.isEmpty()) {
            TitledPane more = new TitledPane("Details: " + details.size() + " sign-in situations (fresh sign-in, "
                    + "device not marked compliant)", null);
            more.setId("forecastDetails");
            more.getStyleClass().add("forecast-details");
            more.setExpanded(false);
            // built on first opening: most plans are confirmed without it
            more.expandedProperty().addListener((obs, was, open) -> {
                if (open && more.getContent() == null) {
                    more.setContent(situations(details));
                }
            });
            getChildren().add(more);
        }
    }

    private static Node situations(List<SituationForecast> details) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("forecast-situations");
        grid.getColumnConstraints().addAll(grow(24), grow(38), grow(38));
        grid.addRow(0, caption("Situation"), caption("Today"), caption("After this plan"));
        int row = 1;
        for (SituationForecast situation : details) {
            Label name = text(situation.situation(), null);
            name.getStyleClass().add("forecast-situation");
            Node after = situation.unchanged() ? unchanged() : verdict(situation.afterPlan());
            grid.addRow(row++, name, verdict(situation.today()), after);
        }
        grid.getChildren().forEach(cell -> GridPane.setValignment(cell, VPos.TOP));
        return grid;
    }

    private static Node verdict(SignInVerdict verdict) {
        VBox cell = new VBox(3, text(verdict.headline(), null));
        cell.getChildren().get(0).getStyleClass().add("forecast-headline");
        for (String reason : verdict.reasons()) {
            Label line = text("\u2022 " + reason, null);
            line.getStyleClass().add("forecast-reason");
            cell.getChildren().add(line);
        }
        return cell;
    }

    private static Node unchanged() {
        Label same = text("Unchanged", null);
        same.getStyleClass().add("muted");
        return same;
    }

    private static Label caption(String text) {
        return PlanView.caption(text);
    }

    private static Label text(String value, String id) {
        Label label = PlanView.wrapped(value, null);
        label.setId(id);
        return label;
    }

    /** A column that takes its share ({@code percent}) of the width, or all that is left (-1). */
    private static ColumnConstraints grow(double percent) {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        column.setFillWidth(true);
        if (percent > 0) {
            column.setPercentWidth(percent);
        }
        return column;
    }
}
