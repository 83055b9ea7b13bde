package dev.gatehouse.ui.breakglass;

import dev.gatehouse.ui.plan.ClipboardAccess;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;

/**
 * "Checker config…": the Maester and ScubaGear entries for the emergency-access accounts, each with where it goes and a
 * copy. They hold object ids and names, not secrets, so the clipboard is not cleared after them.
 */
public final class CheckerConfigViewModel {

    private final CheckerSnippets snippets;
    private final ClipboardAccess clipboard;
    private final ReadOnlyStringWrapper copied = new ReadOnlyStringWrapper(this, "copied", "");

    public CheckerConfigViewModel(CheckerSnippets snippets, ClipboardAccess clipboard) {
        this.snippets = Objects.requireNonNull(snippets, "snippets");
        this.clipboard = Objects.requireNonNull(clipboard, "clipboard");
    }

    public CheckerSnippets snippets() {
        return snippets;
    }

    public void copyMaester() {
        clipboard.putText(snippets.maester());
        copied.set("Copied the Maester entries.");
    }

    public void copyScubaGear() {
        clipboard.putText(snippets.scubaGear());
        copied.set("Copied the ScubaGear entries.");
    }

    /** What the last copy put on the clipboard, in words; empty before the first. */
    public ReadOnlyStringProperty copiedProperty() {
        return copied.getReadOnlyProperty();
    }
}
