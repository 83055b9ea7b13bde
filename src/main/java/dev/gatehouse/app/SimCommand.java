package dev.gatehouse.app;

import dev.gatehouse.sim.SimMain;
import dev.gatehouse.cli.HelpPages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "sim",
        footerHeading = HelpPages.EXAMPLES, footer = {
                "  gatehouse sim --port 8080 --scenario compromised",
                "  gatehouse sim --faults 429=0.1,503=0.05,seed=7"},
        mixinStandardHelpOptions = true, description = {
        "Serve the demo tenant standalone on 127.0.0.1 until interrupted (Ctrl+C).",
        "Prints its service root (http://127.0.0.1:N/v1.0) as the first line. Any bearer token acts as the "
                + "scenario's admin; 'sim-user:<upn>' acts as that user.",
        "Trainer controls under /_demo/ take the same bearer token and, for POSTs, Content-Type: application/json."})
public final class SimCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "Port to listen on; 0 (default) picks a free one.")
    int port;

    @Option(names = "--faults", paramLabel = "SPEC",
            description = "Inject failures, e.g. 429=0.1,503=0.05,slow=0.2:300ms,retry-after=2,seed=7.")
    String faults;

    @Option(names = "--scenarios-dir", paramLabel = "DIR",
            description = "A folder of scenario .json files that POST /_demo/scenario may load by file name. "
                    + "Without it, trainer controls load only the bundled scenarios and large:N.")
    Path scenariosDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // --scenario is the global option (baseline-free and scenario .json paths also work here)
        return SimMain.run(port, InheritedOptions.scenario(spec), faults, scenariosDir, System.out, System.err);
    }
}
