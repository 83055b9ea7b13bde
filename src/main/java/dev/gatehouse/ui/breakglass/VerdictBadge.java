package dev.gatehouse.ui.breakglass;

import dev.gatehouse.domain.breakglass.Verdict;
import dev.gatehouse.ui.common.Badge;
import dev.gatehouse.ui.common.Badge.Tone;
import dev.gatehouse.ui.common.Icons;
import javafx.scene.control.Label;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * A verdict as a badge: its colour, an icon and its word (OK, CHECK, FIX), so colour is never the only cue — the same
 * words {@code gatehouse breakglass status} prints.
 */
final class VerdictBadge {

    private VerdictBadge() {
    }

    static Label of(Verdict verdict) {
        Label badge = Badge.of(verdict.word(), tone(verdict), Icons.of(icon(verdict)));
        badge.getStyleClass().add("verdict-badge");
        return badge;
    }

    /** Shows {@code verdict} on a badge made by {@link #of}. */
    static void show(Label badge, Verdict verdict) {
        badge.setText(verdict.word());
        badge.setGraphic(Icons.of(icon(verdict)));
        Badge.retone(badge, tone(verdict));
    }

    static Tone tone(Verdict verdict) {
        return switch (verdict) {
            case GREEN -> Tone.SUCCESS;
            case AMBER -> Tone.WARNING;
            case RED -> Tone.DANGER;
        };
    }

    private static Ikon icon(Verdict verdict) {
        return switch (verdict) {
            case GREEN -> Material2OutlinedAL.CHECK;
            case AMBER -> Material2OutlinedMZ.PRIORITY_HIGH;
            case RED -> Material2OutlinedAL.CLOSE;
        };
    }
}
