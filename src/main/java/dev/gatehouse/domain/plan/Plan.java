package dev.gatehouse.domain.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An ordered list of steps that changes a tenant, built and explained before anything is sent.
 * The same object feeds the confirmation view, {@code --dry-run}, exports, execution and the journal.
 *
 * @param target      who or what the plan acts on, as the admin knows it ("Ada Lovelace (ada@contoso.com)")
 * @param targetId    the object id of the target, for the journal
 * @param warnings    plan-level warnings shown above the steps
 */
public record Plan(String title, String target, String targetId, List<Step> steps, List<String> warnings) {

    public Plan {
        Objects.requireNonNull(title, "title");
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("A plan needs at least one step");
        }
        Set<String> ids = new HashSet<>();
        for (Step step : steps) {
            if (!ids.add(step.id())) {
                throw new IllegalArgumentException("Duplicate step id '" + step.id() + "' in plan '" + title + "'");
            }
        }
    }

    public Risk highestRisk() {
        return steps.stream().map(Step::risk).max(Enum::compareTo).orElse(Risk.LOW);
    }
}
