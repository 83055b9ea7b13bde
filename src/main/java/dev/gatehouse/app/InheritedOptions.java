package dev.gatehouse.app;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Reads the CLI's global options from commands that live outside the CLI package. */
final class InheritedOptions {

    private InheritedOptions() {
    }

    /**
     * The global --scenario, "baseline" when not given; refuses the options that choose or reach a real tenant, and
     * --breakglass-group, which only a CLI command uses.
     */
    static String scenario(CommandSpec spec) {
        // --timeout too: 'gui' uses the default deadlines, as the app opened without arguments does
        for (String realTenantOption : new String[]{"--graph-endpoint", "--client-id", "--timeout"}) {
            if (value(spec, realTenantOption) != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        realTenantOption + " does not apply to '" + spec.name() + "', which only runs the demo tenant.");
            }
        }
        if (value(spec, "--breakglass-group") != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--breakglass-group does not apply to '"
                    + spec.name() + "'; in the app, choose the group under Emergency-access accounts\u2026 in the "
                    + "tenant menu.");
        }
        Object tenant = value(spec, "--tenant");
        if (tenant != null && !"demo".equalsIgnoreCase(tenant.toString())) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--tenant does not apply to '" + spec.name() + "', which only runs the demo tenant.");
        }
        Object scenario = value(spec, "--scenario");
        return scenario == null ? "baseline" : scenario.toString();
    }

    private static Object value(CommandSpec spec, String name) {
        OptionSpec option = spec.findOption(name);
        return option == null ? null : option.getValue();
    }
}
