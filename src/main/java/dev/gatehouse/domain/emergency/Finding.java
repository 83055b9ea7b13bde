package dev.gatehouse.domain.emergency;

/** How one point of the evidence about a group came out. */
public enum Finding {
    MET("\u2713", "yes"),
    NOT_MET("\u2717", "no"),
    /** The read it needs was refused or failed: never counted as met or as not met. */
    UNKNOWN("?", "?"),
    /** Nothing to check (no Conditional Access policy to be excluded from). */
    MOOT("\u2013", "-"),
    /** Context, not a criterion. */
    NOTE("\u2022", "");

    private final String symbol;
    private final String word;

    Finding(String symbol, String word) {
        this.symbol = symbol;
        this.word = word;
    }

    /** ✓ ✗ ? – • for the window. */
    public String symbol() {
        return symbol;
    }

    /** yes, no, ?, - for a terminal that may not show symbols. */
    public String word() {
        return word;
    }
}
