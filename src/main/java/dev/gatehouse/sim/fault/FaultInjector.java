package dev.gatehouse.sim.fault;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides, request by request, whether to throttle, fail or delay. The n-th request's fate depends only on
 * the seed and n, so a test that sends its requests one after another sees the same faults every run.
 */
public final class FaultInjector {

    public enum Outcome { PASS, THROTTLE, UNAVAILABLE }

    /** @param delay extra latency before the answer (zero when not slowed) */
    public record Decision(Outcome outcome, Duration delay) {
    }

    private final FaultSpec spec;
    private final AtomicLong requests = new AtomicLong();

    public FaultInjector(FaultSpec spec) {
        this.spec = spec;
    }

    public FaultSpec spec() {
        return spec;
    }

    public Decision next() {
        if (spec.none()) {
            return new Decision(Outcome.PASS, Duration.ZERO);
        }
        SplittableRandom random = new SplittableRandom(spec.seed() * 0x9E3779B97F4A7C15L + requests.getAndIncrement());
        double fate = random.nextDouble();
        Outcome outcome = fate < spec.throttled() ? Outcome.THROTTLE
                : fate < spec.throttled() + spec.unavailable() ? Outcome.UNAVAILABLE : Outcome.PASS;
        Duration delay = random.nextDouble() < spec.slow() ? spec.delay() : Duration.ZERO;
        return new Decision(outcome, delay);
    }
}
