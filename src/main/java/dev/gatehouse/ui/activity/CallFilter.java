package dev.gatehouse.ui.activity;

import dev.gatehouse.domain.activity.GraphCall;

import java.util.Locale;
import java.util.function.Predicate;

/** Matches a call when every word of the filter occurs in its method, path, status, request id or outcome. */
final class CallFilter {

    private CallFilter() {
    }

    static Predicate<GraphCall> matching(String text) {
        String[] words = text == null ? new String[0] : text.strip().toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return call -> true;
        }
        return call -> {
            String haystack = (call.method() + ' ' + call.pathAndQuery() + ' ' + call.status() + ' '
                    + nullToEmpty(call.requestId()) + ' ' + nullToEmpty(call.outcome())
                    + (call.failed() ? " failed" : "")).toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (!haystack.contains(word)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
