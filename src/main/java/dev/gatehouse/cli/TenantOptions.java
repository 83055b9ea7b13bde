package dev.gatehouse.cli;

import dev.gatehouse.domain.tenant.Cloud;
import dev.gatehouse.domain.tenant.SignInRequest;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.time.Duration;


/** The global options that choose a tenant; accepted before or after the command name. */
public final class TenantOptions {

    static final String DEMO = "demo";
    /** An hour: far beyond any single request; larger values only hide a dead endpoint. */
    static final int MAX_TIMEOUT_SECONDS = 3600;

    @Option(names = "--tenant", scope = ScopeType.INHERIT, paramLabel = "demo|TENANT",
            description = "demo (default) or a tenant id / verified domain to sign in to.")
    String tenant = DEMO;

    @Option(names = "--scenario", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Demo tenant scenario: baseline (default), baseline-free (no Entra ID P1), compromised, "
                    + "new-hires, breakglass-gaps, registration-report-only, registration-conflict, large:N.")
    String scenario;

    @Option(names = "--cloud", scope = ScopeType.INHERIT, paramLabel = "CLOUD",
            description = "global (default), usgov, usgovdod or china.")
    String cloud;

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

    @Option(names = "--timeout", scope = ScopeType.INHERIT, paramLabel = "SECONDS",
            description = "Give up on one request to the tenant after SECONDS (default 60, at most 3600); waiting for a "
                    + "connection (at most 10 s) or for the next byte gets half of it.")
    Integer timeoutSeconds;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Machine-readable JSON on standard output.")
    boolean json;

    @Option(names = "--breakglass-group", scope = ScopeType.INHERIT, paramLabel = "ID|NAME",
            description = "The group that holds the tenant's emergency-access (break-glass) accounts, for this command "
                    + "only: its object id or exact display name. Without it, the group chosen on this machine "
                    + "('gatehouse breakglass group --set') is used.")
    String breakglassGroup;

    boolean isDemo() {
        return graphEndpoint == null && DEMO.equalsIgnoreCase(tenant);
    }

    String scenarioOrDefault() {
        return scenario == null ? "baseline" : scenario;
    }

    /** Rejects combinations that would silently do something other than what was asked. */
    void validate() {
        if (breakglassGroup != null && breakglassGroup.isBlank()) {
            throw new UsageException("--breakglass-group needs the group's object id or its exact display name.");
        }
        if (timeoutSeconds != null && (timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS)) {
            throw new UsageException("--timeout is in seconds, from 1 to " + MAX_TIMEOUT_SECONDS + "; was "
                    + timeoutSeconds + ".");
        }
        if (graphEndpoint != null) {
            validateEndpoint();
            return;
        }
        if (isDemo()) {
            refuseWithDemo("--client-id", clientId != null);
            refuseWithDemo("--cloud", cloud != null);
            refuseWithDemo("--device-code", deviceCode);
            if (timeoutSeconds != null) {
                throw new UsageException("--timeout applies to a tenant reached over the network (--tenant TENANT or "
                        + "--graph-endpoint URL); the demo tenant inside this process uses the defaults. Against a "
                        + "demo tenant started with 'gatehouse sim', use --graph-endpoint.");
            }
            return;
        }
        if (scenario != null) {
            throw new UsageException("--scenario only applies to the demo tenant; remove it or use --tenant demo.");
        }
        cloud();
        SignInRequest.tenantProblem(tenant).ifPresent(problem -> {
            throw new UsageException("--tenant: " + problem);
        });
        if (clientId == null) {
            throw new UsageException("--client-id is required to sign in to a tenant: the Application (client) ID of "
                    + "your Gatehouse app registration (README, 'Connecting a real tenant').");
        }
        SignInRequest.clientIdProblem(clientId).ifPresent(problem -> {
            throw new UsageException("--client-id: " + problem);
        });
    }

    private void validateEndpoint() {
        if (!graphEndpoint.matches("(?i)https?://[^/]+/.+")) {
            throw new UsageException("--graph-endpoint needs a service root with its version segment, "
                    + "e.g. https://graph.microsoft.com/v1.0 or http://127.0.0.1:8080/v1.0; got '" + graphEndpoint + "'.");
        }
        // with an explicit endpoint the token comes from the environment; these would be silently ignored
        refuseWithEndpoint("--scenario", scenario != null);
        refuseWithEndpoint("--tenant", !DEMO.equalsIgnoreCase(tenant));
        refuseWithEndpoint("--client-id", clientId != null);
        refuseWithEndpoint("--cloud", cloud != null);
        refuseWithEndpoint("--device-code", deviceCode);
    }

    private static void refuseWithEndpoint(String option, boolean given) {
        if (given) {
            throw new UsageException(option + " does not apply with --graph-endpoint, which takes its access token "
                    + "from GATEHOUSE_ACCESS_TOKEN; remove " + option + ".");
        }
    }

    private static void refuseWithDemo(String option, boolean given) {
        if (given) {
            throw new UsageException(option + " only applies when signing in to a tenant (--tenant TENANT); "
                    + "the demo tenant needs no sign-in.");
        }
    }

    Cloud cloud() {
        try {
            return cloud == null ? Cloud.GLOBAL : Cloud.parse(cloud);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    SignInRequest signInRequest() {
        String target = DEMO.equalsIgnoreCase(tenant) ? null : tenant;
        return new SignInRequest(target, cloud().id(), clientId, graphEndpoint,
                deviceCode ? SignInRequest.Flow.DEVICE_CODE : SignInRequest.Flow.INTERACTIVE_BROWSER,
                timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds));
    }
}
