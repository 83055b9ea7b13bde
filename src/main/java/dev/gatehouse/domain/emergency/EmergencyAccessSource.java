package dev.gatehouse.domain.emergency;

/**
 * Where a session learns the tenant's emergency-access group: the choice saved on this machine, or the one given
 * for a single command. Asked each time a target is read, so a choice made meanwhile counts at once.
 */
@FunctionalInterface
public interface EmergencyAccessSource {

    /** May read the disk and the tenant: call it off the FX thread. */
    EmergencyAccess current();

    /** Always the same answer; {@code EmergencyAccessSource.of(EmergencyAccess.notChosen())} where nothing is kept. */
    static EmergencyAccessSource of(EmergencyAccess access) {
        return () -> access;
    }
}
