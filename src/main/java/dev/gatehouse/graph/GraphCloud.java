package dev.gatehouse.graph;

import dev.gatehouse.domain.tenant.Cloud;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Microsoft clouds Gatehouse can sign in to: each has its own Graph host and login authority, and
 * tokens from one do not work in another (graph-facts §14). The app must be registered in that cloud.
 */
public enum GraphCloud {
    GLOBAL(Cloud.GLOBAL, "Global (includes GCC)", "https://graph.microsoft.com", "https://login.microsoftonline.com",
            Set.of("login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net")),
    US_GOV(Cloud.US_GOV, "US Government L4 (GCC High)", "https://graph.microsoft.us", "https://login.microsoftonline.us",
            Set.of("login.microsoftonline.us", "login.usgovcloudapi.net")),
    US_GOV_DOD(Cloud.US_GOV_DOD, "US Government L5 (DoD)", "https://dod-graph.microsoft.us",
            "https://login.microsoftonline.us", Set.of("login.microsoftonline.us", "login.usgovcloudapi.net")),
    CHINA(Cloud.CHINA, "China (operated by 21Vianet)", "https://microsoftgraph.chinacloudapi.cn",
            "https://login.chinacloudapi.cn", Set.of("login.partner.microsoftonline.cn", "login.chinacloudapi.cn"));

    private final Cloud cloud;
    private final String label;
    private final String graphResource;
    private final String loginHost;
    private final Set<String> loginHostAliases;

    GraphCloud(Cloud cloud, String label, String graphResource, String loginHost, Set<String> loginHostAliases) {
        this.cloud = cloud;
        this.label = label;
        this.graphResource = graphResource;
        this.loginHost = loginHost;
        this.loginHostAliases = loginHostAliases;
    }

    /** The name used on the command line and in settings: global, usgov, usgovdod, china. */
    public String id() {
        return cloud.id();
    }

    public String label() {
        return label;
    }

    public ServiceRoot serviceRoot() {
        return ServiceRoot.parse(graphResource + "/v1.0");
    }

    /** MSAL authority for {@code tenant} (a tenant id, a verified domain, or "organizations"). */
    public String authority(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("No tenant given; use a tenant id, a verified domain or 'organizations'");
        }
        return loginHost + "/" + tenant.strip() + "/";
    }

    /**
     * Whether an MSAL account's {@code environment} is this cloud's sign-in service. MSAL caches accounts under
     * the cloud's "preferred_cache" host (login.windows.net for the global cloud), so every alias of the cloud's
     * login host counts, as listed by Entra's instance discovery ({@code /common/discovery/instance}).
     */
    public boolean signsInAt(String environment) {
        return environment != null && loginHostAliases.contains(environment.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Delegated permission names qualified with this cloud's Graph resource
     * ({@code https://graph.microsoft.us/User.Read.All}), so the token is issued for the right Graph.
     */
    public Set<String> qualify(Collection<String> permissions) {
        return permissions.stream().map(p -> graphResource + "/" + p)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** @throws IllegalArgumentException naming the accepted values, as {@link Cloud#parse} does */
    public static GraphCloud fromId(String id) {
        Cloud wanted = Cloud.parse(id);
        return Arrays.stream(values()).filter(c -> c.cloud == wanted).findFirst().orElseThrow();
    }
}
