package dev.gatehouse.domain.breakglass;

/**
 * How one fact about the emergency-access set-up stands. Amber is "look at this" (a fact Gatehouse could not read
 * included): it never makes {@code breakglass status} fail, red does.
 */
public enum Verdict {
    GREEN("OK"), AMBER("CHECK"), RED("FIX");

    private final String word;

    Verdict(String word) {
        this.word = word;
    }

    /** The word a terminal shows where the GUI shows a colour. */
    public String word() {
        return word;
    }

    public Verdict worse(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
