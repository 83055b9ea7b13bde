package dev.gatehouse.ui.wizard;

/** How a stage looks in the wizard's rail. */
public enum StageState {
    /** Every step done. */
    DONE,
    /** Shown now. */
    CURRENT,
    /** Can be opened. */
    AVAILABLE,
    /** Needs an earlier stage first. */
    BLOCKED
}
