package dev.gatehouse.ui.shell;

/** The Microsoft clouds a tenant can live in, as the sign-in form offers them. */
public enum CloudChoice {
    GLOBAL("Global", "global"),
    US_GOV("US Gov (GCC High)", "usgov"),
    US_GOV_DOD("US Gov DoD", "usgovdod"),
    CHINA("China (21Vianet)", "china");

    private final String label;
    private final String id;

    CloudChoice(String label, String id) {
        this.label = label;
        this.id = id;
    }

    /** The value {@link dev.gatehouse.domain.tenant.SignInRequest#cloud()} expects. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return label;
    }
}
