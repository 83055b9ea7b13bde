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
        return summary(1);
    }

    /** With {@code decimals} places: 1 for milliseconds, 2 for a ratio. */
    Map<String, Object> summary(int decimals) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("n", values.size());
        summary.put("median", round(percentile(50), decimals));
        summary.put("p95", round(percentile(95), decimals));
        summary.put("min", round(percentile(0), decimals));
        summary.put("max", round(percentile(100), decimals));
        return summary;
    }

    /** For a series of ratios: "median 1.23x  min 1.10x  max 1.40x". */
    String ratioLine(String what) {
        return String.format("%-50s n=%-4d median %5.2fx   min %5.2fx   max %5.2fx", what, values.size(),
                percentile(50), percentile(0), percentile(100));
    }

    String line(String what) {
        return String.format("%-50s n=%-4d median %7.1f ms   p95 %7.1f ms   min %7.1f   max %7.1f", what,
                values.size(), percentile(50), percentile(95), percentile(0), percentile(100));
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
