package dev.gatehouse.graph;

import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantException.Kind;

/** What a creation Graph accepted must come back with: its id, without which it cannot be undone from here. */
final class Created {

    private Created() {
    }

    /**
     * @param id      the id Graph answered, or null when it answered none
     * @param subject what was created, for the message ("the group 'Emergency access'")
     */
    static String id(String id, String subject) {
        if (id == null || id.isEmpty()) {
            throw new TenantException(Kind.UNEXPECTED, "Graph accepted the creation of " + subject + " but did not "
                    + "answer its id. Look for it in the tenant before creating it again.");
        }
        return id;
    }
}
