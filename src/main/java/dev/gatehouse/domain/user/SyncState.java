package dev.gatehouse.domain.user;

/**
 * Where a user's identity is mastered, read from {@code onPremisesSyncEnabled}:
 * {@code true} synced, {@code false} once synced but no longer, {@code null} never synced.
 */
public enum SyncState {
    CLOUD_ONLY("Cloud only"),
    SYNCED("Synced from on-premises AD"),
    NO_LONGER_SYNCED("Previously synced, now cloud-managed");

    private final String label;

    SyncState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static SyncState fromGraph(Boolean onPremisesSyncEnabled) {
        if (onPremisesSyncEnabled == null) {
            return CLOUD_ONLY;
        }
        return onPremisesSyncEnabled ? SYNCED : NO_LONGER_SYNCED;
    }
}
