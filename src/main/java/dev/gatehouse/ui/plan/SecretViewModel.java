package dev.gatehouse.ui.plan;

import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.common.TimeText;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A secret a step produced (Temporary Access Pass, temporary password), shown this once: hidden until the
 * admin reveals it, optionally split in two parts for two people (ISM-1594), copied to a clipboard that is
 * cleared again after {@link #CLIPBOARD_LIFETIME} if it still holds what was copied, and wiped on close.
 *
 * <p>Only a digest of the copied text is kept for that check, so closing the view can wipe the secret without
 * stopping the clipboard from being cleared later. Nothing here logs.
 */
public final class SecretViewModel {

    public static final Duration CLIPBOARD_LIFETIME = Duration.ofSeconds(60);

    private final Secret secret;
    private final String note;
    private final ClipboardAccess clipboard;
    private final TaskRunner runner;
    private final BooleanProperty revealed = new SimpleBooleanProperty(this, "revealed");
    private final BooleanProperty split = new SimpleBooleanProperty(this, "split");
    private final ReadOnlyStringWrapper firstPart = new ReadOnlyStringWrapper(this, "firstPart", GraphRequest.SECRET_MASK);
    private final ReadOnlyStringWrapper secondPart = new ReadOnlyStringWrapper(this, "secondPart", "");
    private final ReadOnlyStringWrapper clipboardStatus = new ReadOnlyStringWrapper(this, "clipboardStatus", "");
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper(this, "closed");
    private Cancellable pendingClear = Cancellable.NONE;
    private String expiry = "";
    private String largeHeading = "";

    /**
     * @param note what the admin must know with it ("Valid until 14:05, once"); never the secret itself
     */
    public SecretViewModel(Secret secret, String note, ClipboardAccess clipboard, TaskRunner runner) {
        this.secret = secret;
        this.note = note == null ? "" : note;
        this.clipboard = clipboard;
        this.runner = runner;
        revealed.addListener((obs, old, now) -> refresh());
        split.addListener((obs, old, now) -> refresh());
    }

    SecretViewModel splitFromStart(boolean twoParts) {
        split.set(twoParts);
        return this;
    }

    /** Says until when the secret works, in the admin's time zone; nothing when the step did not know. */
    SecretViewModel validUntil(Optional<Instant> expires, ZoneId zone) {
        expiry = expires.map(at -> "Valid until " + TimeText.dateTime(at, zone) + " ("
                + TimeText.zoneName(zone) + ")")
                .orElse("");
        return this;
    }

    /**
     * Shows the secret large, grouped and under {@code heading} (whose it is), for reading it aloud or typing it at a
     * second machine; a blank heading leaves the ordinary display.
     */
    SecretViewModel large(String heading) {
        largeHeading = heading == null ? "" : heading.strip();
        return this;
    }

    /** Whether the secret is shown large, for reading aloud. */
    public boolean large() {
        return !largeHeading.isEmpty();
    }

    /** Whose secret it is, above the large display ("Cloud account kavo 01 (acct-kavo-01@…)"); empty otherwise. */
    public String heading() {
        return largeHeading;
    }

    /** "Temporary Access Pass", "Temporary password". */
    public String label() {
        return secret.label();
    }

    public String note() {
        return note;
    }

    /** "Valid until 23 Nov 2026, 14:05 (Australia/Sydney time)"; empty for a secret without expiry. */
    public String expiry() {
        return expiry;
    }

    /** Puts the whole secret, or with {@link #splitProperty() split} part 1 or 2, on the clipboard. */
    public void copy(int part) {
        if (closed.get()) {
            return;
        }
        String text = part(part);
        clipboard.putText(text);
        byte[] copied = digest(text);
        pendingClear.cancel();
        pendingClear = runner.schedule(CLIPBOARD_LIFETIME, () -> clearIfStillHolds(copied));
        clipboardStatus.set((split.get() ? "Part " + part : label()) + " copied. The clipboard is cleared in "
                + CLIPBOARD_LIFETIME.toSeconds() + " seconds unless something else is copied meanwhile.");
    }

    /** Wipes the secret; the clipboard is still cleared when its time is up. Called when the view closes. */
    public void close() {
        if (closed.get()) {
            return;
        }
        secret.wipe();
        closed.set(true);
        revealed.set(false);
        refresh();
    }

    private void clearIfStillHolds(byte[] copied) {
        boolean stillOurs = clipboard.text().map(current -> MessageDigest.isEqual(copied, digest(current)))
                .orElse(false);
        if (stillOurs) {
            clipboard.clear();
            clipboardStatus.set("The clipboard was cleared.");
        } else {
            clipboardStatus.set("");
        }
    }

    private String part(int part) {
        String value = secret.reveal();
        if (!split.get()) {
            return value;
        }
        int middle = (value.length() + 1) / 2;
        return part == 1 ? value.substring(0, middle) : value.substring(middle);
    }

    private void refresh() {
        boolean show = revealed.get() && !closed.get();
        firstPart.set(show ? part(1) : GraphRequest.SECRET_MASK);
        secondPart.set(!split.get() ? "" : show ? part(2) : GraphRequest.SECRET_MASK);
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Bound to the Reveal toggle; false after close. */
    public BooleanProperty revealedProperty() {
        return revealed;
    }

    /** Shows the secret as two halves, each copied on its own, for two people to hand over separately. */
    public BooleanProperty splitProperty() {
        return split;
    }

    /** The whole secret (or part 1 when split), masked unless revealed. */
    public ReadOnlyStringProperty firstPartProperty() {
        return firstPart.getReadOnlyProperty();
    }

    /** Part 2 when split (masked unless revealed), empty otherwise. */
    public ReadOnlyStringProperty secondPartProperty() {
        return secondPart.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clipboardStatusProperty() {
        return clipboardStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }
}
