package dev.gatehouse.cli;

import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.Step;

import java.util.Locale;
import java.util.Optional;

/**
 * Which steps create a secret, known before they run from the Graph requests they will send: the two calls whose
 * value exists only once are {@code resetPassword} (a password the admin must hand over) and creating a
 * {@code temporaryAccessPassMethod} (a pass Graph returns only in that response).
 */
final class SecretSteps {

    private SecretSteps() {
    }

    /** What the step's secret is called, or empty when it creates none. */
    static Optional<String> secretLabel(Step step) {
        for (GraphRequest request : step.requests()) {
            String path = request.path().toLowerCase(Locale.ROOT);
            if (request.method().equalsIgnoreCase("POST") && path.endsWith("/resetpassword")) {
                return Optional.of("temporary password");
            }
            if (request.method().equalsIgnoreCase("POST") && path.endsWith("/temporaryaccesspassmethods")) {
                return Optional.of("Temporary Access Pass");
            }
            if (request.body() != null && request.body().contains(GraphRequest.SECRET_MASK)) {
                return Optional.of("secret");
            }
        }
        return Optional.empty();
    }

    /** "a temporary password and a Temporary Access Pass", or empty when the plan creates no secret. */
    static Optional<String> describe(Plan plan) {
        java.util.List<String> labels = plan.steps().stream().map(SecretSteps::secretLabel).flatMap(Optional::stream).distinct()
                .map(label -> "a " + label).toList();
        return labels.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", labels));
    }
}
