package dev.gatehouse.ui.plan;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/** The desktop's clipboard. JavaFX allows it on the FX thread only, where the secret view uses it. */
public final class SystemClipboard implements ClipboardAccess {

    /** A digest of the last text put there, never the text: enough to tell whether it is still ours. */
    private byte[] lastPut;

    @Override
    public void putText(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        lastPut = digest(text);
    }

    /**
     * Clears what Gatehouse put on the clipboard if it is still there; the app calls it when it quits, so a secret
     * copied less than a minute before does not outlive the 60-second clearing the app no longer runs.
     */
    public void clearIfStillOurs() {
        if (lastPut != null && text().map(now -> MessageDigest.isEqual(lastPut, digest(now))).orElse(false)) {
            clear();
        }
        lastPut = null;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
