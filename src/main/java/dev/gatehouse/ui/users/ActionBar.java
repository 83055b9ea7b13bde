package dev.gatehouse.ui.users;

import dev.gatehouse.ui.common.VisibleText;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.recovery.RecoveryRequest;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The recovery buttons for the open user: the everyday ones in view, the rarer ones under "More". Each opens an
 * explanation or a plan first; nothing here changes the tenant.
 */
final class ActionBar extends VBox {

    ActionBar(UserDetailViewModel detail) {
        UserActionsViewModel actions = detail.actions();
        getStyleClass().add("action-bar");

        Button reset = button("Reset password", "actionResetPassword",
                () -> actions.request(new RecoveryRequest.ResetPassword(false)));
        Button reregister = button("Require re-register MFA", "actionRequireReregister",
                () -> actions.request(new RecoveryRequest.RequireReregister(false)));
        Button revoke = button("Revoke sessions", "actionRevokeSessions",
                () -> actions.request(new RecoveryRequest.RevokeSessions()));
        Button tap = button("Issue TAP\u2026", "actionIssueTap", actions::issueTap);

        MenuItem revokeMfa = new MenuItem("Revoke MFA sessions\u2026");
        revokeMfa.setId("actionRevokeMfaSessions");
        revokeMfa.setOnAction(event -> actions.request(new RecoveryRequest.RevokeMfaSessions()));
        MenuItem accountState = new MenuItem();
        accountState.setId("actionAccountState");
        accountState.textProperty().bind(Bindings.when(detail.accountEnabledProperty())
                .then("Disable account").otherwise("Enable account"));
        accountState.setOnAction(event -> actions.request(detail.accountEnabledProperty().get()
                ? new RecoveryRequest.Disable() : new RecoveryRequest.Enable()));
        MenuItem policy = new MenuItem("View authentication methods policy");
        policy.setId("actionMethodsPolicy");
        policy.setOnAction(event -> actions.showMethodsPolicy());
        MenuItem record = new MenuItem("Incident record\u2026");
        record.setId("actionIncidentRecord");
        record.setOnAction(event -> actions.incidentRecord());
        MenuButton more = new MenuButton("More", new FontIcon(Material2OutlinedMZ.MORE_HORIZ), revokeMfa, accountState,
                policy, new SeparatorMenuItem(), record);
        more.setId("actionMore");
        more.setMinWidth(Region.USE_PREF_SIZE);

        ProgressIndicator planning = new ProgressIndicator();
        planning.setPrefSize(18, 18);
        planning.visibleProperty().bind(actions.busyProperty());
        planning.managedProperty().bind(planning.visibleProperty());

        FlowPane buttons = new FlowPane(8, 8, reset, reregister, revoke, tap, more, planning);
        buttons.setAlignment(Pos.CENTER_LEFT);
        for (var control : buttons.getChildren()) {
            control.disableProperty().bind(actions.availableProperty().not());
        }

        Label error = new Label();
        error.getStyleClass().add("sign-in-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        VisibleText.bind(error, actions.errorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        getChildren().addAll(buttons, error);
        setSpacing(6);
    }

    /**
     * The playbook's button, set apart in the user's header: it chains most of the others and is the one to reach
     * for when an attacker got in.
     */
    static Button compromisedAccount(UserActionsViewModel actions) {
        Button compromised = button("Compromised account\u2026", "actionCompromised", actions::compromisedAccount);
        compromised.getStyleClass().add("danger");
        compromised.setGraphic(new FontIcon(Material2OutlinedMZ.REPORT));
        compromised.setTooltip(new Tooltip("The guided playbook: disable, revoke sessions, delete the methods that are "
                + "not the user's, re-register, reset the password, issue a TAP, enable \u2014 shown as a plan first."));
        compromised.disableProperty().bind(actions.availableProperty().not());
        return compromised;
    }

    /**
     * The button for the method selected in the table, shown with the methods; disabled for the password, which
     * cannot be deleted.
     */
    static Button deleteMethod(UserActionsViewModel actions, ObservableValue<MethodRow> selectedMethod) {
        Button delete = button("Delete method", "actionDeleteMethod",
                () -> actions.request(new RecoveryRequest.DeleteMethod(selectedMethod.getValue().id())));
        delete.setGraphic(new FontIcon(Material2OutlinedAL.DELETE));
        delete.setTooltip(new Tooltip("Deletes the method selected in the table. The password cannot be deleted: "
                + "use Reset password."));
        delete.disableProperty().bind(actions.availableProperty().not().or(Bindings.createBooleanBinding(
                () -> selectedMethod.getValue() == null || selectedMethod.getValue().type() == MethodType.PASSWORD,
                selectedMethod)));
        return delete;
    }

    /** No icons: five labelled buttons fit one row of the detail pane at 1280 px. */
    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(event -> action.run());
        return button;
    }
}
