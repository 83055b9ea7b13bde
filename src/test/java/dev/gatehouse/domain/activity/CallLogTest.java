package dev.gatehouse.domain.activity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class CallLogTest {

    private static GraphCall call(String path) {
        return new GraphCall(Instant.EPOCH, "GET", path, 200, Duration.ofMillis(5), "rid", "");
    }

    @Test
    void keepsTheNewestCallsUpToItsCapacity() {
        CallLog log = new CallLog(2);
        log.record(call("/a"));
        log.record(call("/b"));
        log.record(call("/c"));
        assertThat(log.snapshot()).extracting(GraphCall::pathAndQuery).containsExactly("/b", "/c");
    }

    @Test
    void aFailingListenerNeitherFailsTheCallNorStarvesTheOthers() {
        CallLog log = new CallLog();
        List<String> seen = new ArrayList<>();
        log.subscribe(c -> {
            throw new IllegalStateException("view closed");
        });
        log.subscribe(c -> seen.add(c.pathAndQuery()));

        assertThatCode(() -> log.record(call("/users"))).doesNotThrowAnyException();
        assertThat(seen).containsExactly("/users");
        assertThat(log.snapshot()).hasSize(1);
    }

    @Test
    void unsubscribedListenersHearNothingMore() {
        CallLog log = new CallLog();
        List<String> seen = new ArrayList<>();
        Runnable unsubscribe = log.subscribe(c -> seen.add(c.pathAndQuery()));
        log.record(call("/a"));
        unsubscribe.run();
        log.record(call("/b"));
        assertThat(seen).containsExactly("/a");
    }
}
