package dev.gatehouse.domain.emergency;

import dev.gatehouse.domain.tenant.TenantDirectory;

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

    /**
     * The group named for this session only (the command line's {@code --breakglass-group ID|NAME}), looked up the
     * first time it is asked; a name must be exactly one group's (see {@link EmergencyGroupLookup#resolve}).
     */
    static EmergencyAccessSource named(TenantDirectory directory, String idOrName) {
        return new EmergencyAccessSource() {
            private EmergencyAccess resolved;

            @Override
            public synchronized EmergencyAccess current() {
                if (resolved == null) {
                    resolved = EmergencyAccess.chosen(EmergencyGroup.of(EmergencyGroupLookup.resolve(directory, idOrName)),
                            EmergencyAccess.Origin.COMMAND_LINE);
                }
                return resolved;
            }
        };
    }
}
