package dev.gatehouse.ui.shell;

/** Whether the window has a tenant to show. */
public enum ConnectionState {
    CONNECTING,
    CONNECTED,
    FAILED
}
