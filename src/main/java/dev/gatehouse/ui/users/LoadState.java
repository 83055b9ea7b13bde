package dev.gatehouse.ui.users;

/** Where a list or a detail pane stands; the views turn it into placeholders, spinners and error panels. */
public enum LoadState {
    /** No tenant connected yet, or nothing selected. */
    IDLE,
    LOADING,
    LOADED,
    /** The user asked for no longer exists in the tenant. */
    NOT_FOUND,
    FAILED
}
