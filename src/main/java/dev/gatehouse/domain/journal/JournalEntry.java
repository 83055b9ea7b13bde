package dev.gatehouse.domain.journal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One line of the action journal: what was changed, when, by whom, on which tenant, before and after.
 * Holds no secrets: a secret produced by the step appears only as its label in {@code secretsShown}.
 */
public record JournalEntry(
        Instant at,
        String tenant,
        String actor,
        String plan,
        String target,
        String targetId,
        String step,
        String stepTitle,
        String status,
        String message,
        List<String> requests,
        Map<String, Object> before,
        Map<String, Object> after,
        List<String> secretsShown) {

    public JournalEntry {
        requests = requests == null ? List.of() : List.copyOf(requests);
        before = before == null ? Map.of() : Map.copyOf(before);
        after = after == null ? Map.of() : Map.copyOf(after);
        secretsShown = secretsShown == null ? List.of() : List.copyOf(secretsShown);
    }
}
