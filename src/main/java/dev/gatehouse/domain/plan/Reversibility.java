package dev.gatehouse.domain.plan;

/** Whether the effect of a step can be taken back, and how. */
public record Reversibility(Kind kind, String how) {

    public enum Kind { REVERSIBLE, PARTLY_REVERSIBLE, IRREVERSIBLE }

    public static Reversibility reversible(String how) {
        return new Reversibility(Kind.REVERSIBLE, how);
    }

    public static Reversibility partly(String how) {
        return new Reversibility(Kind.PARTLY_REVERSIBLE, how);
    }

    public static Reversibility irreversible(String why) {
        return new Reversibility(Kind.IRREVERSIBLE, why);
    }
}
