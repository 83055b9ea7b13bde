package dev.gatehouse.sim.state;

import java.time.Instant;

/** What PIM's schedules of a role share ({@code unifiedRoleScheduleBase}): who holds which role, where, from when to when. */
public interface SimSchedule {

    String id();

    String principalId();

    String roleDefinitionId();

    String directoryScopeId();

    Instant start();

    /** Null when it never ends. */
    Instant end();

    /** Still in force at {@code now}: permanent, or not yet at its end. */
    default boolean activeAt(Instant now) {
        return end() == null || end().isAfter(now);
    }
}
