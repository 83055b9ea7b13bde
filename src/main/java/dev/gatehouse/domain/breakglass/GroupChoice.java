package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.emergency.EmergencyGroup;

/**
 * Makes a group the tenant's emergency-access group from now on: kept in the settings
 * ({@link dev.gatehouse.domain.emergency.EmergencyGroupSettings}) so every workspace and front end agrees, and used by
 * the stages that follow in this run. Called by the step that created the group, right after Graph answered.
 */
@FunctionalInterface
public interface GroupChoice {

    void choose(EmergencyGroup group);
}
