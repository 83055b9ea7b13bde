package dev.gatehouse.sim.scenario;

import java.util.List;
import java.util.Locale;

/**
 * A scenario name as a user types it: one of the bundled scenarios, {@code large:N} for the baseline
 * tenant plus N generated users, or the path of a scenario file ending in {@code .json}.
 *
 * @param generatedUsers N for {@code large:N}, otherwise 0
 */
public record ScenarioRef(String name, int generatedUsers) {

    /** The bundled scenario files, in the order they are offered. */
    public static final List<String> BUNDLED = List.of("baseline", "baseline-free", "compromised", "new-hires",
            "breakglass-gaps", "registration-report-only", "registration-conflict");

    public static final int MAX_GENERATED_USERS = 1_000_000;

    public static ScenarioRef parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("No scenario given. " + known());
        }
        if (text.trim().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return new ScenarioRef(text.trim(), 0);
        }
        String name = text.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("large:")) {
            String count = name.substring("large:".length()).replace("_", "");
            int users;
            try {
                users = Integer.parseInt(count);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Scenario '" + text + "': after large: give a number of users, e.g. "
                        + "large:100000.");
            }
            if (users < 1 || users > MAX_GENERATED_USERS) {
                throw new IllegalArgumentException("Scenario '" + text + "': large:N takes N from 1 to "
                        + MAX_GENERATED_USERS + ".");
            }
            return new ScenarioRef("large:" + users, users);
        }
        if (!BUNDLED.contains(name)) {
            throw new IllegalArgumentException("Unknown scenario '" + text + "'. " + known());
        }
        return new ScenarioRef(name, 0);
    }

    /** The file the scenario starts from (a bundled name or a path): large tenants are built on the baseline. */
    public String file() {
        return generatedUsers > 0 ? "baseline" : name;
    }

    private static String known() {
        return "Known scenarios: " + String.join(", ", BUNDLED) + ", large:N (N generated users, e.g. large:100000), "
                + "or the path of a scenario .json file.";
    }
}
