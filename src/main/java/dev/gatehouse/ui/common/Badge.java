package dev.gatehouse.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Label;

/** A small rounded label ("Guest", "Recently added") coloured by how much attention it deserves. */
public final class Badge {

    public enum Tone { NEUTRAL, ACCENT, SUCCESS, WARNING, DANGER }

    private Badge() {
    }

    public static Label of(String text, Tone tone) {
        Label badge = new Label(text);
        badge.getStyleClass().addAll("badge", tone.name().toLowerCase(java.util.Locale.ROOT));
        badge.setMinWidth(Label.USE_PREF_SIZE);
        return badge;
    }

    /** Recolours a badge whose text follows a changing state (the simulator's verdict). */
    public static void retone(Label badge, Tone tone) {
        for (Tone other : Tone.values()) {
            badge.getStyleClass().remove(other.name().toLowerCase(java.util.Locale.ROOT));
        }
        badge.getStyleClass().add(tone.name().toLowerCase(java.util.Locale.ROOT));
    }

    public static Label of(String text, Tone tone, Node icon) {
        Label badge = of(text, tone);
        badge.setGraphic(icon);
        return badge;
    }
}
