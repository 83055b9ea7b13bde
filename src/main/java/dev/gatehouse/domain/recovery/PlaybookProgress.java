package dev.gatehouse.domain.recovery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A playbook run that has not finished: which steps are done (and when), so reopening the user continues it.
 * Holds no secret: a pass or password issued by a done step was shown once and is gone.
 *
 * @param done step id → when it finished, in plan order
 */
public record PlaybookProgress(String tenant, String userId, Instant started, PlaybookChoices choices,
                               Map<String, Instant> done, String lastProblem) {

    public PlaybookProgress {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(userId, "userId");
        done = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(done));
    }

    public static PlaybookProgress start(String tenant, String userId, Instant now, PlaybookChoices choices) {
        return new PlaybookProgress(tenant, userId, now, choices, Map.of(), null);
    }

    public boolean isDone(String stepId) {
        return done.containsKey(stepId);
    }

    public PlaybookProgress withDone(String stepId, Instant at) {
        Map<String, Instant> more = new LinkedHashMap<>(done);
        more.put(stepId, at);
        return new PlaybookProgress(tenant, userId, started, choices, more, null);
    }

    public PlaybookProgress withProblem(String problem) {
        return new PlaybookProgress(tenant, userId, started, choices, done, problem);
    }
}
