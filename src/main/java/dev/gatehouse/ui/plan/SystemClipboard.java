package dev.gatehouse.ui.plan;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import java.util.Optional;

/** The desktop's clipboard. JavaFX allows it on the FX thread only, where the secret view uses it. */
public final class SystemClipboard implements ClipboardAccess {

    @Override
    public void putText(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    @Override
    public Optional<String> text() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        return clipboard.hasString() ? Optional.ofNullable(clipboard.getString()) : Optional.empty();
    }

    @Override
    public void clear() {
        Clipboard.getSystemClipboard().clear();
    }
}
