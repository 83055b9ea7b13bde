package dev.gatehouse.app;

import dev.gatehouse.cli.GatehouseCli;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line against a demo tenant served on its own (reached with --graph-endpoint), so the tenant's state and
 * the data folder carry from one command to the next, as they would between two runs of the real CLI.
 */
final class CliOverSim implements AutoCloseable {

    /** What a command printed and how it ended. */
    record Result(int code, String out, String err) {

        /** Standard output as one line: prose is wrapped to the terminal's width. */
        String text() {
            return out.replaceAll("\\s+", " ");
        }

        String errText() {
            return err.replaceAll("\\s+", " ");
        }
    }

    private final SimServer sim;
    private final Path data;

    CliOverSim(String scenario, Path data) {
        this.sim = SimServer.start(SimOptions.defaults().withScenario(scenario));
        this.data = data;
    }

    /** As the scenario's signed-in admin. */
    Result run(String... args) {
        return runAs("demo", args);
    }

    /** With {@code token} as the access token: {@code sim-user:<upn>} acts as that user. */
    Result runAs(String token, String... args) {
        return runAs(token, new StringWriter(), args);
    }

    /** As the scenario's signed-in admin, with standard error written to {@code err} as it comes (another thread may watch it). */
    Result watchingErr(StringWriter err, String... args) {
        return runAs("demo", err, args);
    }

    private Result runAs(String token, StringWriter err, String... args) {
        StringWriter out = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--graph-endpoint", sim.serviceRoot()));
        int code = new GatehouseCli(new GatehouseConnector(Map.of("GATEHOUSE_ACCESS_TOKEN", token)::get),
                new PrintWriter(out), new PrintWriter(err), Optional.empty(), onInterrupt -> () -> { }, data)
                .run(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    /** The demo tenant's state, for a test that sets up what an admin would set in the portal. */
    dev.gatehouse.sim.state.TenantState state() {
        return sim.state();
    }

    /** The trainer's end-user controls of this demo tenant. */
    DemoControls demo() {
        return new DemoControls(sim.serviceRoot());
    }

    @Override
    public void close() {
        sim.close();
    }
}
