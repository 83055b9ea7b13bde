package dev.gatehouse.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StartupTimelineTest {

    @Test
    void figuresAreMillisecondsSinceTheJvmStarted() {
        StartupTimeline timeline = new StartupTimeline();
        long before = System.currentTimeMillis();
        timeline.windowShown();
        timeline.firstDataShown();
        timeline.settled();
        long jvmStart = before - 1_000;

        String json = timeline.toJson(jvmStart, "large:100000", null);

        assertThat(json).containsPattern("\"windowShownMillis\": 1\\d{3},")
                .containsPattern("\"firstDataMillis\": 1\\d{3},")
                .containsPattern("\"settledMillis\": 1\\d{3},")
                .contains("\"jvmStartEpochMillis\": " + jvmStart + ",")
                .contains("\"scenario\": \"large:100000\"")
                .contains("\"error\": null");
    }

    @Test
    void aStartThatNeverShowedDataSaysWhy() {
        StartupTimeline timeline = new StartupTimeline();
        timeline.windowShown();

        String json = timeline.toJson(0, "baseline", "Could not open \"Demo tenant\":\nport in use");

        assertThat(json).contains("\"firstDataMillis\": null,").contains("\"settledMillis\": null,")
                .contains("\"error\": \"Could not open \\\"Demo tenant\\\":\\nport in use\"");
    }

    @Test
    void onlyTheFirstDataCounts() throws InterruptedException {
        StartupTimeline timeline = new StartupTimeline();
        timeline.firstDataShown();
        String first = timeline.toJson(0, "baseline", null);

        Thread.sleep(5);
        timeline.firstDataShown();

        assertThat(timeline.toJson(0, "baseline", null)).isEqualTo(first);
    }
}
