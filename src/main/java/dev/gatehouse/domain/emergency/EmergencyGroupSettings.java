package dev.gatehouse.domain.emergency;

import dev.gatehouse.domain.settings.SettingsFile;
import dev.gatehouse.domain.tenant.SignInRequest;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The emergency-access group chosen for each tenant, kept in {@code settings.properties} as
 * {@code emergencyAccessGroup.<tenant id>=<group id>} (plus the group's name then, for messages). A local
 * preference of this machine: choosing or forgetting changes nothing in the tenant. A missing or malformed value
 * reads as "none chosen". Every method touches the disk: call it off the FX thread.
 */
public final class EmergencyGroupSettings {

    static final String GROUP = "emergencyAccessGroup.";
    static final String NAME = "emergencyAccessGroupName.";

    /** What the front ends say when the admin chooses or forgets. */
    public static final String LOCAL_ONLY = "The choice of group is kept on this machine only (settings.properties in "
            + "Gatehouse's data folder); choosing or forgetting it changes nothing in the tenant.";

    private final SettingsFile file;

    /** The settings file in the user's data folder; nothing is read until a method asks. */
    public static EmergencyGroupSettings in(Path dataFolder) {
        return new EmergencyGroupSettings(new SettingsFile(dataFolder));
    }

    public EmergencyGroupSettings(SettingsFile file) {
        this.file = file;
    }

    /** The group chosen for the tenant with this id; empty when none was, or when what was saved is not an id. */
    public Optional<EmergencyGroup> chosen(String tenantId) {
        String tenant = key(tenantId);
        return file.value(GROUP + tenant).map(String::strip).filter(SignInRequest::isGuid)
                .map(id -> new EmergencyGroup(id, file.value(NAME + tenant).orElse(id)));
    }

    public void save(String tenantId, EmergencyGroup group) {
        if (!SignInRequest.isGuid(group.id())) {
            throw new IllegalArgumentException("'" + group.id() + "' is not a group's object id.");
        }
        Map<String, Optional<String>> changes = new LinkedHashMap<>();
        changes.put(GROUP + key(tenantId), Optional.of(group.id()));
        changes.put(NAME + key(tenantId), Optional.of(group.displayName()));
        file.save(changes);
    }

    public void forget(String tenantId) {
        Map<String, Optional<String>> changes = new LinkedHashMap<>();
        changes.put(GROUP + key(tenantId), Optional.empty());
        changes.put(NAME + key(tenantId), Optional.empty());
        file.save(changes);
    }

    /**
     * This machine's choice for the tenant {@code directory} reads. The tenant's id is asked once, and only when some
     * tenant has a choice saved, so a machine that never chose sends no extra request.
     */
    public EmergencyAccessSource source(TenantDirectory directory) {
        return new EmergencyAccessSource() {
            private volatile String tenantId;

            @Override
            public EmergencyAccess current() {
                if (file.valuesStartingWith(GROUP).isEmpty()) {
                    return EmergencyAccess.notChosen();
                }
                String id = tenantId;
                if (id == null) {
                    try {
                        id = directory.tenant().id();
                    } catch (TenantException e) {
                        if (Reads.endsEverything(e)) {
                            throw e;
                        }
                        return EmergencyAccess.undetermined("the tenant's id could not be read: " + e.getMessage());
                    }
                    tenantId = id;
                }
                return chosen(id).map(group -> EmergencyAccess.chosen(group, EmergencyAccess.Origin.SAVED))
                        .orElse(EmergencyAccess.notChosen());
            }
        };
    }

    private static String key(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("A tenant id is required to keep a choice per tenant.");
        }
        return tenantId.strip().toLowerCase(Locale.ROOT);
    }
}
