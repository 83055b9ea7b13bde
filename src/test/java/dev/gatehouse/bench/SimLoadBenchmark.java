package dev.gatehouse.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The standalone demo tenant under load: 50 clients sending what the app sends, plus 8 slow connections (slowloris),
 * against {@code gatehouse sim} in a child JVM started with app/jvm.options. Per run (a fresh JVM each): p50 and p99
 * latency over the measured window, resident memory (VmRSS) at start, at its peak under load, and after the load
 * stopped and the JVM sat idle. Prints the median of the runs with their spread (min–max).
 *
 * <p>Run on a quiet machine: {@code mvn -B -Pbench verify}, or this class alone with {@code exec:exec}. Properties:
 * {@code gatehouse.bench.runs} (5), {@code .clients} (50), {@code .slow} (8), {@code .seconds} (measured window,
 * 20), {@code .warmupSeconds} (5), {@code .idleSeconds} (60), {@code .scenario} (baseline), {@code .jvmOptions}
 * (app/jvm.options; {@code none} for the JVM's defaults, to compare), {@code .classpath} (this JVM's).
 */
public final class SimLoadBenchmark {

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("gatehouse.bench.runs", 5);
        int clients = Integer.getInteger("gatehouse.bench.clients", 50);
        int slow = Integer.getInteger("gatehouse.bench.slow", 8);
        Duration window = Duration.ofSeconds(Integer.getInteger("gatehouse.bench.seconds", 20));
        Duration warmup = Duration.ofSeconds(Integer.getInteger("gatehouse.bench.warmupSeconds", 5));
        Duration idle = Duration.ofSeconds(Integer.getInteger("gatehouse.bench.idleSeconds", 60));
        String scenario = System.getProperty("gatehouse.bench.scenario", "baseline");
        String options = System.getProperty("gatehouse.bench.jvmOptions", "app/jvm.options");
        Path jvmOptions = options.equals("none") ? null : Path.of(options);
        String classpath = System.getProperty("gatehouse.bench.classpath", System.getProperty("java.class.path"));

        Stats p50 = new Stats();
        Stats p99 = new Stats();
        Stats throughput = new Stats();
        Stats rssStart = new Stats();
        Stats rssPeak = new Stats();
        Stats rssIdle = new Stats();
        long failures = 0;
        for (int run = 1; run <= runs; run++) {
            try (SimProcess sim = SimProcess.start(jvmOptions, classpath, scenario)) {
                double start = sim.residentMegabytes();
                RssPeak peak = new RssPeak(sim);
                LoadClients load = new LoadClients(sim.serviceRoot());
                Stats latency = new Stats();
                int requests;
                try (SlowConnections slowloris = new SlowConnections(sim.port(), slow)) {
                    load.run(clients, warmup);
                    load.failures.set(0);
                    List<Double> measured = load.run(clients, window);
                    measured.forEach(latency::add);
                    requests = measured.size();
                }
                double highest = peak.stop();
                Thread.sleep(idle.toMillis());
                double rested = sim.residentMegabytes();
                p50.add(latency.percentile(50));
                p99.add(latency.percentile(99));
                throughput.add(requests / (double) window.toSeconds());
                rssStart.add(start);
                rssPeak.add(highest);
                rssIdle.add(rested);
                failures += load.failures.get();
                System.out.printf("run %d: p50 %.1f ms, p99 %.1f ms, %.0f requests/s, RSS start %.0f MB, peak %.0f MB, "
                                + "after %d s idle %.0f MB, failed requests %d%n", run, latency.percentile(50),
                        latency.percentile(99), requests / (double) window.toSeconds(), start, highest,
                        idle.toSeconds(), rested, load.failures.get());
            }
        }
        System.out.println("Demo tenant '" + scenario + "' under " + clients + " clients + " + slow + " slow connections, "
                + window.toSeconds() + " s measured after " + warmup.toSeconds() + " s warm-up, JVM options "
                + (jvmOptions == null ? "none (JVM defaults)" : jvmOptions) + ", " + runs + " runs (median, min-max):");
        System.out.println(line("latency p50", p50, "ms"));
        System.out.println(line("latency p99", p99, "ms"));
        System.out.println(line("throughput", throughput, "req/s"));
        System.out.println(line("RSS at start", rssStart, "MB"));
        System.out.println(line("RSS peak under load", rssPeak, "MB"));
        System.out.println(line("RSS after " + idle.toSeconds() + " s idle", rssIdle, "MB"));
        System.out.println("failed requests: " + failures);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("scenario", scenario);
        figures.put("clients", clients);
        figures.put("slowConnections", slow);
        figures.put("windowSeconds", window.toSeconds());
        figures.put("jvmOptions", jvmOptions == null ? "none" : jvmOptions.toString());
        figures.put("latencyP50Millis", p50.summary());
        figures.put("latencyP99Millis", p99.summary());
        figures.put("requestsPerSecond", throughput.summary());
        figures.put("rssStartMegabytes", rssStart.summary());
        figures.put("rssPeakMegabytes", rssPeak.summary());
        figures.put("rssIdleMegabytes", rssIdle.summary());
        figures.put("failedRequests", failures);
        System.out.println("report: " + BenchReport.write("sim-load", figures));
    }

    private static String line(String what, Stats stats, String unit) {
        return String.format("%-26s median %8.1f %-5s  (min %.1f, max %.1f)", what, stats.percentile(50), unit,
                stats.percentile(0), stats.percentile(100));
    }

    /** Samples the child's VmRSS every 200 ms until stopped; keeps the highest. */
    private static final class RssPeak {
        private final Thread sampler;
        private volatile boolean running = true;
        private volatile double peak;

        RssPeak(SimProcess sim) {
            sampler = new Thread(() -> {
                while (running) {
                    try {
                        peak = Math.max(peak, sim.residentMegabytes());
                        Thread.sleep(200);
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "rss-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        double stop() throws InterruptedException {
            running = false;
            sampler.join();
            return peak;
        }
    }
}
