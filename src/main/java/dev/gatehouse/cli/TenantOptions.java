package dev.gatehouse.cli;

import dev.gatehouse.domain.tenant.SignInRequest;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.util.Locale;

/** The global options that choose a tenant; accepted before or after the command name. */
public final class TenantOptions {

    static final String DEMO = "demo";

    @Option(names = "--tenant", scope = ScopeType.INHERIT, paramLabel = "demo|TENANT",
            description = "demo (default) or a tenant id / verified domain to sign in to.")
    String tenant = DEMO;

    @Option(names = "--scenario", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Demo tenant scenario: baseline (default), compromised, new-hires, breakglass-gaps, large:N.")
    String scenario;

    @Option(names = "--cloud", scope = ScopeType.INHERIT, paramLabel = "CLOUD",
            description = "global (default), usgov, usgovdod or china.")
    String cloud = "global";

    @Option(names = "--client-id", scope = ScopeType.INHERIT, paramLabel = "ID",
            description = "Client id of your Gatehouse app registration (real tenants).")
    String clientId;

    @Option(names = "--graph-endpoint", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Any Graph-compatible service root including the version, e.g. http://127.0.0.1:8080/v1.0. "
                    + "The access token is read from the environment variable GATEHOUSE_ACCESS_TOKEN.")
    String graphEndpoint;

    @Option(names = "--device-code", scope = ScopeType.INHERIT,
            description = "Sign in with a device code instead of the system browser (real tenants).")
    boolean deviceCode;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Machine-readable JSON on standard output.")
    boolean json;

    boolean isDemo() {
        return graphEndpoint == null && DEMO.equalsIgnoreCase(tenant);
    }

    String scenarioOrDefault() {
        return scenario == null ? "baseline" : scenario;
    }

    /** Rejects combinations that would silently do something other than what was asked. */
    void validate() {
        if (!isDemo() && scenario != null) {
            throw new UsageException("--scenario only applies to the demo tenant; remove it or use --tenant demo.");
        }
        String normalisedCloud = cloud.toLowerCase(Locale.ROOT);
        if (!normalisedCloud.matches("global|usgov|usgovdod|china")) {
            throw new UsageException("Unknown cloud '" + cloud + "'; use global, usgov, usgovdod or china.");
        }
        if (graphEndpoint != null && !graphEndpoint.matches("(?i)https?://[^/]+/.+")) {
            throw new UsageException("--graph-endpoint needs a service root with its version segment, "
                    + "e.g. https://graph.microsoft.com/v1.0 or http://127.0.0.1:8080/v1.0; got '" + graphEndpoint + "'.");
        }
    }

    SignInRequest signInRequest() {
        String target = DEMO.equalsIgnoreCase(tenant) ? null : tenant;
        return new SignInRequest(target, cloud.toLowerCase(Locale.ROOT), clientId, graphEndpoint,
                deviceCode ? SignInRequest.Flow.DEVICE_CODE : SignInRequest.Flow.INTERACTIVE_BROWSER);
    }
}
