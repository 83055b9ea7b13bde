package dev.gatehouse.graph;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworkDeadlinesTest {

    @Test
    void theDefaultsAreTenSecondsToConnectThirtyOfSilenceAndSixtyPerRequest() {
        assertThat(NetworkDeadlines.DEFAULT).isEqualTo(new NetworkDeadlines(Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(60)));
    }

    @Test
    void oneNumberSetsAllThreeAndConnectingNeverGetsMoreThanTenSeconds() {
        assertThat(NetworkDeadlines.forRequest(Duration.ofSeconds(2))).isEqualTo(new NetworkDeadlines(
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2)));
        assertThat(NetworkDeadlines.forRequest(Duration.ofSeconds(600))).isEqualTo(new NetworkDeadlines(
                Duration.ofSeconds(10), Duration.ofSeconds(300), Duration.ofSeconds(600)));
        assertThat(NetworkDeadlines.forRequest(Duration.ofSeconds(1)).read()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aDeadlineMustBePositiveAndReadsInSeconds() {
        assertThatThrownBy(() -> NetworkDeadlines.forRequest(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(NetworkDeadlines.words(Duration.ofSeconds(30))).isEqualTo("30 s");
        assertThat(NetworkDeadlines.words(Duration.ofMillis(1500))).isEqualTo("1.5 s");
    }
}
