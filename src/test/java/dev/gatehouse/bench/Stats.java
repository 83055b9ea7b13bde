package dev.gatehouse.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Median, p95, min and max of a series of millisecond figures. */
final class Stats {

    private final List<Double> values = new ArrayList<>();

    void add(double value) {
        values.add(value);
    }

    int count() {
        return values.size();
    }

    double percentile(double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("n", values.size());
        summary.put("median", round(percentile(50)));
        summary.put("p95", round(percentile(95)));
        summary.put("min", round(percentile(0)));
        summary.put("max", round(percentile(100)));
        return summary;
    }

    String line(String what) {
        return String.format("%-34s n=%-4d median %7.1f ms   p95 %7.1f ms   min %7.1f   max %7.1f", what,
                values.size(), percentile(50), percentile(95), percentile(0), percentile(100));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
