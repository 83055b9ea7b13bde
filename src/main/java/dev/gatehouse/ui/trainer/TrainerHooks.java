package dev.gatehouse.ui.trainer;

import java.util.Objects;

/**
 * What the rest of the window does when the trainer changes the demo tenant under it.
 *
 * @param tenantReset    after a reset: every workspace reads the tenant again, the header re-reads who is signed in
 * @param actorChanged   after "act as": the header re-reads the signed-in admin's roles, every workspace reloads
 * @param userPlayed     after a play changed the selected user (a pass used, a method registered): their detail reloads
 * @param showSimulator  opens the users workspace's sign-in simulator for the selected user
 */
public record TrainerHooks(Runnable tenantReset, Runnable actorChanged, Runnable userPlayed, Runnable showSimulator) {

    public TrainerHooks {
        Objects.requireNonNull(tenantReset, "tenantReset");
        Objects.requireNonNull(actorChanged, "actorChanged");
        Objects.requireNonNull(userPlayed, "userPlayed");
        Objects.requireNonNull(showSimulator, "showSimulator");
    }

    /** Hooks that do nothing (ViewModel tests that watch the tenant instead). */
    public static TrainerHooks none() {
        Runnable nothing = () -> { };
        return new TrainerHooks(nothing, nothing, nothing, nothing);
    }
}
