package dev.gatehouse.ui.common;

import dev.gatehouse.domain.text.HiddenCharacters;
import dev.gatehouse.domain.text.InertText;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;

/**
 * Text from the tenant as a label shows it: a bidi override, a zero-width character or a control in a name is shown
 * as its escape (U+202E as backslash-u202E, ESC as backslash-x1b) through {@link InertText}, never rendered, so a name
 * cannot pass itself off as another ("KOOL" written right to left to read "LOOK") or hide a character in a UPN.
 * Ordinary names in every script render as they are. A label that had anything escaped is marked: the
 * {@value #MARK} style class and a tooltip saying what the escapes are.
 *
 * <p>Views put tenant text on screen through these methods: the cell factories and label builders of the user
 * list, the user detail, the method table, the plan view and the dialogs.
 */
public final class VisibleText {

    /** The style class of a label that shows escaped characters. */
    public static final String MARK = "hidden-characters";

    static final String EXPLANATION = "This text holds characters that are invisible or change the direction of the "
            + "text. Each is shown as its code (such as \\u202E or \\x1b) instead: names can use them to look like "
            + "another name.";

    private VisibleText() {
    }

    /** Shows {@code text} on one line with every hidden character escaped, and marks the label if any was. */
    public static <T extends Labeled> T show(T labeled, String text) {
        labeled.setText(InertText.escape(text));
        mark(labeled, text);
        return labeled;
    }

    /**
     * Shows lines the view joined itself from parts it escaped one by one (with {@link InertText#escape}): the line
     * breaks stay, anything else hidden is escaped.
     */
    public static <T extends Labeled> T showLines(T labeled, String lines) {
        labeled.setText(InertText.escapeKeepingLineBreaks(lines));
        return labeled;
    }

    /** Keeps the label showing {@code text} as {@link #show} would, marked while it needs escapes. */
    public static <T extends Labeled> T bind(T labeled, ObservableValue<String> text) {
        labeled.textProperty().bind(Bindings.createStringBinding(() -> InertText.escape(text.getValue()), text));
        text.addListener((observable, old, now) -> mark(labeled, now));
        mark(labeled, text.getValue());
        return labeled;
    }

    private static void mark(Labeled labeled, String text) {
        boolean escaped = text != null && !HiddenCharacters.noneIn(text);
        labeled.getStyleClass().remove(MARK);
        if (escaped) {
            labeled.getStyleClass().add(MARK);
            labeled.setTooltip(new Tooltip(EXPLANATION));
        } else if (labeled.getTooltip() != null && EXPLANATION.equals(labeled.getTooltip().getText())) {
            labeled.setTooltip(null);
        }
    }
}
