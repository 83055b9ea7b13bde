package dev.gatehouse.domain.tenant;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Microsoft clouds a tenant can live in. The gateway knows each one's Graph and sign-in hosts. */
public enum Cloud {
    GLOBAL("global", "Global"),
    US_GOV("usgov", "US Gov (GCC High)"),
    US_GOV_DOD("usgovdod", "US Gov DoD"),
    CHINA("china", "China (21Vianet)");

    private final String id;
    private final String label;

    Cloud(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The value {@link SignInRequest#cloud()} and {@code --cloud} use. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Cloud parse(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown cloud '" + id + "'; use "
                        + Arrays.stream(values()).map(Cloud::id).collect(Collectors.joining(", ")) + "."));
    }

    /**
     * The cloud a Graph service root belongs to, by its host (graph.microsoft.us, dod-graph.microsoft.us,
     * microsoftgraph.chinacloudapi.cn); anything else — the global Graph, the demo tenant — is {@link #GLOBAL}.
     */
    public static Cloud ofServiceRoot(String serviceRoot) {
        String root = serviceRoot == null ? "" : serviceRoot.toLowerCase(Locale.ROOT);
        if (root.contains("://dod-graph.microsoft.us")) {
            return US_GOV_DOD;
        }
        if (root.contains("://graph.microsoft.us")) {
            return US_GOV;
        }
        if (root.contains("://microsoftgraph.chinacloudapi.cn")) {
            return CHINA;
        }
        return GLOBAL;
    }

    @Override
    public String toString() {
        return label;
    }
}
