package dev.gatehouse.ui.shell;

/** The main window's workspaces, in navigation order. Unavailable ones are listed but cannot be opened. */
public enum Workspace {
    USERS("_Users", true),
    BREAK_GLASS("_Break-glass", false),
    REGISTRATION_POLICY("_Registration policy", false),
    ACTIVITY("_Activity", true);

    public static final String NOT_AVAILABLE_YET = "Not available yet: this workspace arrives in a later version of Gatehouse.";

    private final String label;
    private final boolean available;

    Workspace(String label, boolean available) {
        this.label = label;
        this.available = available;
    }

    /** The navigation label, with an underscore before its mnemonic letter. */
    public String label() {
        return label;
    }

    public boolean available() {
        return available;
    }
}
