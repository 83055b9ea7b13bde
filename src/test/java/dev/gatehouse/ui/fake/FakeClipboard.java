package dev.gatehouse.ui.fake;

import dev.gatehouse.ui.plan.ClipboardAccess;

import java.util.Optional;

/** A clipboard that is just a field. */
public final class FakeClipboard implements ClipboardAccess {

    private String text;

    @Override
    public void putText(String value) {
        text = value;
    }

    @Override
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    @Override
    public void clear() {
        text = null;
    }
}
