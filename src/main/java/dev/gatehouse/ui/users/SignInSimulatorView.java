package dev.gatehouse.ui.users;

import dev.gatehouse.ui.common.VisibleText;
import dev.gatehouse.domain.signin.SignInMethod;
import dev.gatehouse.domain.signin.SignInTarget;
import dev.gatehouse.domain.signin.SignInVerdict;
import dev.gatehouse.ui.common.Badge;
import dev.gatehouse.ui.common.ErrorPane;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The sign-in simulator beside the methods table: pick how the user signs in and where to, see what Entra will
 * do and why. Everything shown comes from {@link SignInSimulatorViewModel}; nothing here reads the tenant.
 */
final class SignInSimulatorView extends VBox {

    private static final double WIDTH_FOR_TWO_COLUMNS = 680;
    /** Held here: a binding only the listener refers to could be collected, and the listener with it. */
    private final BooleanBinding narrow;

    SignInSimulatorView(SignInSimulatorViewModel viewModel) {
        setId("signInSimulator");
        getStyleClass().add("sign-in-simulator");

        ComboBox<SignInMethod> method = choice("simMethod", List.of(SignInMethod.values()), SignInMethod::label);
        method.valueProperty().bindBidirectional(viewModel.methodProperty());
        ComboBox<SignInTarget> target = choice("simTarget", SignInSimulatorViewModel.TARGETS, SignInTarget::label);
        target.valueProperty().bindBidirectional(viewModel.targetProperty());
        ComboBox<SignInSimulatorViewModel.Session> session = choice("simSession", List.of(),
                SignInSimulatorViewModel.Session::label);
        session.setItems(viewModel.sessions());
        session.valueProperty().bindBidirectional(viewModel.sessionProperty());
        CheckBox compliant = new CheckBox("Compliant device");
        compliant.setId("simCompliant");
        compliant.selectedProperty().bindBidirectional(viewModel.compliantDeviceProperty());
        GridPane choices = new GridPane();
        choices.getStyleClass().add("simulator-choices");
        List<Node> row = List.of(caption("Signs in with", method), method, caption("To", target), target,
                caption("Session", session), session, new Label(), compliant);
        // side by side the four choices cut their own words below this width: one under the other instead. The
        // binding tells only when the pane crosses the width, so the grid is rebuilt only then
        narrow = widthProperty().lessThan(WIDTH_FOR_TWO_COLUMNS);
        arrange(choices, row, narrow.get());
        narrow.addListener((obs, was, isNarrow) -> arrange(choices, row, isNarrow));

        Label assumptions = new Label();
        assumptions.setId("simAssumptions");
        assumptions.getStyleClass().addAll("panel", "panel-warning", "panel-outlined", "privileged-note");
        assumptions.setGraphic(new FontIcon(Material2OutlinedAL.INFO));
        wrap(assumptions);
        VisibleText.bind(assumptions, viewModel.assumptionsProperty());
        assumptions.visibleProperty().bind(assumptions.textProperty().isNotEmpty());
        assumptions.managedProperty().bind(assumptions.visibleProperty());

        Label outcome = Badge.of("", Badge.Tone.NEUTRAL);
        outcome.setId("simOutcome");
        outcome.getStyleClass().add("verdict");
        VisibleText.bind(outcome, viewModel.outcomeLabelProperty());
        viewModel.outcomeProperty().addListener((obs, old, now) -> Badge.retone(outcome, toneOf(now)));
        outcome.visibleProperty().bind(viewModel.outcomeProperty().isNotNull());
        outcome.managedProperty().bind(outcome.visibleProperty());
        Label again = Badge.of("Must sign in again", Badge.Tone.WARNING);
        again.getStyleClass().add("verdict");
        again.visibleProperty().bind(viewModel.mustSignInAgainProperty());
        again.managedProperty().bind(again.visibleProperty());
        Label headline = new Label();
        headline.setId("simHeadline");
        headline.getStyleClass().add("verdict-headline");
        wrap(headline);
        VisibleText.bind(headline, viewModel.headlineProperty());
        HBox.setHgrow(headline, Priority.ALWAYS);
        ProgressIndicator reading = new ProgressIndicator();
        reading.setPrefSize(20, 20);
        reading.visibleProperty().bind(viewModel.stateProperty().isEqualTo(LoadState.LOADING));
        reading.managedProperty().bind(reading.visibleProperty());
        HBox verdict = new HBox(10, outcome, again, headline, reading);
        verdict.setAlignment(Pos.CENTER_LEFT);

        VBox reasons = new VBox(6);
        reasons.setId("simReasons");
        reasons.getStyleClass().add("verdict-reasons");
        viewModel.reasons().addListener((ListChangeListener<String>) change -> {
            reasons.getChildren().clear();
            for (String reason : viewModel.reasons()) {
                Label line = VisibleText.show(new Label(null, new Label("\u2022")), reason);
                line.setGraphicTextGap(8);
                wrap(line);
                reasons.getChildren().add(line);
            }
        });
        ScrollPane reasonsScroll = new ScrollPane(reasons);
        reasonsScroll.setFitToWidth(true);
        reasonsScroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(reasonsScroll, Priority.ALWAYS);

        Label forecast = new Label();
        forecast.setId("simForecast");
        forecast.getStyleClass().add("muted");
        wrap(forecast);
        forecast.textProperty().bind(Bindings.when(viewModel.forecastProperty().isEmpty()).then("")
                .otherwise(Bindings.concat("In the standard situations today, this user ", viewModel.forecastProperty(),
                        ".")));
        forecast.visibleProperty().bind(viewModel.forecastProperty().isNotEmpty());
        forecast.managedProperty().bind(forecast.visibleProperty());

        getChildren().addAll(choices, new ErrorPane(viewModel.errorProperty(), "Rea_d again", viewModel::reload), assumptions,
                verdict, reasonsScroll, forecast);
        setSpacing(10);
    }

    private static Badge.Tone toneOf(SignInVerdict.Outcome outcome) {
        if (outcome == null) {
            return Badge.Tone.NEUTRAL;
        }
        return switch (outcome) {
            case SIGNS_IN -> Badge.Tone.SUCCESS;
            case PROMPTED_TO_REGISTER -> Badge.Tone.WARNING;
            case MUST_CHANGE_PASSWORD -> Badge.Tone.ACCENT;
            case METHOD_UNAVAILABLE -> Badge.Tone.NEUTRAL;
            case MFA_REQUIRED -> Badge.Tone.WARNING;
            case BLOCKED -> Badge.Tone.DANGER;
        };
    }

    private static <T> ComboBox<T> choice(String id, List<T> values, Function<T, String> label) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : capitalized(label.apply(value));
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("The simulator's choices are not editable");
            }
        });
        return box;
    }

    /**
     * The choices as four columns of caption and control (two rows), or on a narrow pane as two columns, one choice
     * to a row.
     */
    private static void arrange(GridPane choices, List<Node> captionsAndControls, boolean narrow) {
        choices.getChildren().clear();
        int perRow = narrow ? 2 : 4;
        for (int i = 0; i < captionsAndControls.size(); i++) {
            choices.add(captionsAndControls.get(i), i % perRow, i / perRow);
        }
    }

    private static Label caption(String text, Region control) {
        Label label = new Label(text);
        label.getStyleClass().add("muted");
        label.setLabelFor(control);
        label.setMinWidth(Region.USE_PREF_SIZE);
        control.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static void wrap(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
