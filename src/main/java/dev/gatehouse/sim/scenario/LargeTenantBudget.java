package dev.gatehouse.sim.scenario;

/**
 * Whether a {@code large:N} tenant fits in this JVM's heap, and if not, a message that says what it needs. Measured
 * on JDK 17 with G1 (heap retained after a full GC): {@code large:100000} holds 69 MB, {@code large:1000000} 674 MB,
 * about 0.7 KB per generated user; methods are derived on demand and cost nothing until changed. While a scenario is
 * replaced, the old tenant stays in memory until the new one is loaded, so both must fit.
 */
public final class LargeTenantBudget {

    /** Heap per generated user, rounded up from the measurement above. */
    static final long BYTES_PER_USER = 720;

    /** The rest of the sim (its server, the baseline tenant, a request's working set) and the app beside it. */
    static final long HEADROOM_BYTES = 96L << 20;

    private final long maxHeapBytes;

    /** @param maxHeapBytes the heap this JVM may grow to ({@code Runtime.maxMemory()}) */
    public LargeTenantBudget(long maxHeapBytes) {
        this.maxHeapBytes = maxHeapBytes;
    }

    public static LargeTenantBudget ofThisJvm() {
        return new LargeTenantBudget(Runtime.getRuntime().maxMemory());
    }

    /** Heap needed to hold {@code large:users}, in bytes. */
    public static long bytesFor(int users) {
        return users * BYTES_PER_USER;
    }

    /**
     * @param wanted  the scenario about to be loaded
     * @param current the scenario held while it loads, or null at start
     * @throws IllegalArgumentException when {@code wanted} would not fit, saying how much heap it needs
     */
    public void check(ScenarioRef wanted, ScenarioRef current) {
        if (wanted.generatedUsers() == 0) {
            return;
        }
        long held = current == null ? 0 : bytesFor(current.generatedUsers());
        long needed = bytesFor(wanted.generatedUsers()) + HEADROOM_BYTES;
        if (needed + held <= maxHeapBytes) {
            return;
        }
        long fits = Math.max(0, (maxHeapBytes - HEADROOM_BYTES - held) / BYTES_PER_USER);
        throw new IllegalArgumentException("Scenario '" + wanted.name() + "' needs about " + mb(needed) + " MB of heap"
                + (held > 0 ? " (plus " + mb(held) + " MB while '" + current.name() + "' is replaced)" : "")
                + ", and this Java may use " + mb(maxHeapBytes) + " MB. Choose large:N with N up to "
                + fits + ", or start Java with more heap (-Xmx" + Math.max(1, (needed + held + (1L << 30) - 1) >> 30)
                + "g, e.g. in GATEHOUSE_JAVA_OPTS).");
    }

    private static long mb(long bytes) {
        return (bytes + (1L << 20) - 1) >> 20;
    }
}
