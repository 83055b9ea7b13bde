package dev.gatehouse.ui.users;

import dev.gatehouse.domain.text.InertText;
import dev.gatehouse.ui.common.VisibleText;
import dev.gatehouse.domain.user.UserSummary;
import dev.gatehouse.ui.common.Badge;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** One user in the result list: initials, name, UPN and the badges that matter for recovery. */
final class UserListCell extends ListCell<UserSummary> {

    private final Label avatar = new Label();
    private final Label name = new Label();
    private final Label upn = new Label();
    private final HBox badges = new HBox(4);
    private final HBox row;

    UserListCell() {
        avatar.getStyleClass().add("avatar");
        name.getStyleClass().add("name");
        upn.getStyleClass().add("upn");
        // badges go under the UPN, not beside the name: there, in a 240 px list, they left "Ben Wal…" or only "…"
        badges.managedProperty().bind(Bindings.isNotEmpty(badges.getChildren()));
        badges.visibleProperty().bind(badges.managedProperty());
        VBox text = new VBox(1, name, upn, badges);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        row = new HBox(avatar, text);
        row.getStyleClass().add("user-cell");
        setPrefWidth(0); // follow the list's width and cut long UPNs with "…" instead of scrolling sideways
    }

    @Override
    protected void updateItem(UserSummary user, boolean empty) {
        super.updateItem(user, empty);
        if (empty || user == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        avatar.setText(initials(user.displayName()));
        VisibleText.show(name, user.displayName());
        VisibleText.show(upn, user.userPrincipalName());
        badges.getChildren().setAll(UserBadge.of(user).stream()
                .map(badge -> Badge.of(badge.label(), tone(badge)))
                .toList());
        setAccessibleText(InertText.escape(user.displayName() + ", " + user.userPrincipalName()) + UserBadge.of(user).stream()
                .map(badge -> ", " + badge.label()).collect(Collectors.joining()));
        setGraphic(row);
    }

    private static Badge.Tone tone(UserBadge badge) {
        return switch (badge) {
            case GUEST -> Badge.Tone.ACCENT;
            case DISABLED -> Badge.Tone.DANGER;
            case SYNCED -> Badge.Tone.NEUTRAL;
        };
    }

    static String initials(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return "?";
        }
        return Arrays.stream(displayName.strip().split("\\s+"))
                .filter(word -> Character.isLetter(word.charAt(0)))
                .limit(2)
                .map(word -> word.substring(0, 1).toUpperCase(Locale.ROOT))
                .collect(Collectors.joining());
    }
}
