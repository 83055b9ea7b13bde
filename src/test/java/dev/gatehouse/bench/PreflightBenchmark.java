package dev.gatehouse.bench;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.emergency.EmergencyGroup;
import dev.gatehouse.domain.registration.PolicyExport;
import dev.gatehouse.domain.registration.RegistrationPolicyDesign;
import dev.gatehouse.domain.registration.RegistrationPreflight;
import dev.gatehouse.domain.registration.RegistrationRead;
import dev.gatehouse.domain.registration.RegistrationReads;
import dev.gatehouse.graph.GraphGateway;
import dev.gatehouse.graph.RetryPolicy;
import dev.gatehouse.graph.ServiceRoot;
import dev.gatehouse.graph.TokenSource;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registration-policy pre-flight on a large tenant: every read and the userRegistrationDetails report streamed
 * page by page, from a demo tenant in a child JVM (so the heap measured is the client's alone; this JVM runs with
 * {@code -Xmx256m}). Reports wall time, requests (the report's pages against ⌈users / page⌉, and the rest) and the
 * heap's peak during a run, median and spread over the runs.
 *
 * <p>Run: {@code mvn -B -Pbench verify}; {@code -Dgatehouse.bench.preflightUsers=N} (default 100000),
 * {@code -Dgatehouse.bench.preflightRuns=R} (default 5).
 */
public final class PreflightBenchmark {

    private static final String ADMIN = "adele.vance@tailspintoys.com";
    /** The demo tenant's page for the report when no $top is sent (Graph documents none). */
    private static final int PAGE = 100;

    public static void main(String[] args) throws Exception {
        int users = Integer.getInteger("gatehouse.bench.preflightUsers", 100_000);
        int runs = Integer.getInteger("gatehouse.bench.preflightRuns", 5);
        String classpath = System.getProperty("gatehouse.bench.classpath", System.getProperty("java.class.path"));
        Stats wall = new Stats();
        Stats peakHeap = new Stats();
        Stats requests = new Stats();
        Stats reportRequests = new Stats();
        long rows = 0;
        try (SimProcess sim = SimProcess.start(null, classpath, "large:" + users)) {
            for (int run = 0; run <= runs; run++) { // run 0 warms the JIT and the demo tenant, and is not counted
                CallLog log = new CallLog(20_000);
                try (GraphGateway gateway = GraphGateway.open(ServiceRoot.parse(sim.serviceRoot()),
                        TokenSource.fixed("sim-user:" + ADMIN), log, RetryPolicy.DEFAULT)) {
                    EmergencyAccess emergency = EmergencyAccess.chosen(EmergencyGroup.of(gateway.directory()
                            .groupsNamed("Emergency Access Accounts").get(0)), EmergencyAccess.Origin.SAVED);
                    System.gc();
                    resetPeaks();
                    int before = log.snapshot().size();
                    long start = System.nanoTime();
                    RegistrationRead read = new RegistrationReads(gateway.directory(), Clock.systemUTC())
                            .read(emergency);
                    RegistrationPreflight.Outcome outcome = new RegistrationPreflight(gateway.directory()).run(read,
                            PolicyExport.preview(RegistrationPolicyDesign.defaults(emergency.group()
                                    .map(EmergencyGroup::id), read.strengths())), count -> { });
                    double millis = (System.nanoTime() - start) / 1e6;
                    long peak = peakHeapBytes();
                    if (outcome.report().isEmpty()) {
                        throw new IllegalStateException("The report was not read: " + outcome.readiness().whyUnread());
                    }
                    if (run == 0) {
                        continue;
                    }
                    rows = outcome.report().get().rows();
                    wall.add(millis);
                    peakHeap.add(peak / 1048576.0);
                    requests.add(log.snapshot().size() - before);
                    reportRequests.add(outcome.report().get().requests());
                }
            }
        }
        long pages = (rows + PAGE - 1) / PAGE;
        System.out.printf("Registration pre-flight on large:%d (%d report rows, %d runs, -Xmx%d MiB)%n", users, rows,
                runs, Runtime.getRuntime().maxMemory() / 1048576);
        System.out.println(wall.line("pre-flight, wall time"));
        System.out.printf("%-34s median %.0f (⌈rows/%d⌉ = %d)%n", "report requests", reportRequests.percentile(50),
                PAGE, pages);
        System.out.printf("%-34s median %.0f (report + %.0f other reads)%n", "requests in all",
                requests.percentile(50), requests.percentile(50) - reportRequests.percentile(50));
        System.out.printf("%-34s median %.0f MiB, max %.0f MiB%n", "heap peak during a run", peakHeap.percentile(50),
                peakHeap.percentile(100));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("users", users);
        figures.put("reportRows", rows);
        figures.put("wallMillis", wall.summary());
        figures.put("reportRequests", reportRequests.summary());
        figures.put("expectedReportRequests", pages);
        figures.put("requests", requests.summary());
        figures.put("peakHeapMiB", peakHeap.summary());
        figures.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / 1048576);
        System.out.println("report: " + BenchReport.write("preflight", figures));
        if (reportRequests.percentile(100) > pages || peakHeap.percentile(100) > 256) {
            System.err.println("pre-flight over its budget: report requests or heap");
            System.exit(1);
        }
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap the run held at once. */
    private static long peakHeapBytes() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private PreflightBenchmark() {
    }
}
