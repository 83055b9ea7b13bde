package dev.gatehouse.ui.plan;

import java.util.Optional;

/** The system clipboard as the secret view needs it; a port so the 60-second clearing is testable. */
public interface ClipboardAccess {

    void putText(String text);

    /** The text on the clipboard now, empty when it holds none. */
    Optional<String> text();

    void clear();
}
