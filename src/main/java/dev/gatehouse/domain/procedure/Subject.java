package dev.gatehouse.domain.procedure;

import java.util.Objects;

/**
 * What a run acts on.
 *
 * @param id    stable: a user's object id, or a fixed word for a tenant-wide procedure
 * @param label as the admin knows it ("Alex Wilber (alex.wilber@contoso.com)"), for messages
 */
public record Subject(String id, String label) {

    public Subject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }

    /** The subject of a procedure that acts on the tenant as a whole. */
    public static Subject tenant(String tenantLabel) {
        return new Subject("tenant", tenantLabel);
    }
}
