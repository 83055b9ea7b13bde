package dev.gatehouse.domain.method;

/**
 * How a read of the {@code userRegistrationDetails} report went: the figures the pre-flight shows and the benchmark
 * holds against "at most ⌈users / page size⌉ requests plus a few".
 *
 * @param requests HTTP requests sent, each one Graph throttled (429) and that was sent again included
 * @param rows     report rows handed over, one per user
 */
public record RegistrationReportRead(int requests, long rows) {

    public RegistrationReportRead {
        if (requests < 0 || rows < 0) {
            throw new IllegalArgumentException("requests and rows cannot be negative");
        }
    }
}
