package dev.gatehouse.graph;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    @Test
    void readsRetryAfterInSecondsOrAsAnHttpDate() {
        assertThat(RetryPolicy.retryAfterSeconds("7")).contains(7L);
        assertThat(RetryPolicy.retryAfterSeconds("1.2")).contains(2L);
        assertThat(RetryPolicy.retryAfterSeconds(null)).isEmpty();
        assertThat(RetryPolicy.retryAfterSeconds("soon")).isEmpty();
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(61));
        assertThat(RetryPolicy.retryAfterSeconds(inAMinute).orElseThrow()).isBetween(55L, 61L);
    }

    @Test
    void declinesWaitsLongerThanItsLimit() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(30));

        assertThat(policy.acceptsWait(30)).isTrue();
        assertThat(policy.acceptsWait(31)).isFalse();
        assertThat(policy.handlerOption().maxRetries()).isEqualTo(3);
    }

    @Test
    void resendsThrottledRequestsOfEveryMethodButOutagesOnlyOfReads() {
        for (String method : new String[]{"GET", "HEAD", "POST", "PATCH", "PUT", "DELETE"}) {
            assertThat(RetryPolicy.resendsAutomatically(method, 429)).as(method).isTrue();
            assertThat(RetryPolicy.resendsAutomatically(method, 400)).as(method).isFalse();
            assertThat(RetryPolicy.resendsAutomatically(method, 500)).as(method).isFalse();
        }
        for (int outage : new int[]{503, 504}) {
            assertThat(RetryPolicy.resendsAutomatically("GET", outage)).isTrue();
            assertThat(RetryPolicy.resendsAutomatically("head", outage)).isTrue();
            assertThat(RetryPolicy.resendsAutomatically("POST", outage)).isFalse();
            assertThat(RetryPolicy.resendsAutomatically("PATCH", outage)).isFalse();
            assertThat(RetryPolicy.resendsAutomatically("PUT", outage)).isFalse();
            assertThat(RetryPolicy.resendsAutomatically("DELETE", outage)).isFalse();
        }
    }

    @Test
    void staysWithinKiotasLimits() {
        assertThatThrownBy(() -> new RetryPolicy(11, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
