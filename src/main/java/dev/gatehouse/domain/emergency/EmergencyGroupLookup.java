package dev.gatehouse.domain.emergency;

import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.SignInRequest;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;

import java.util.List;
import java.util.stream.Collectors;

/** The one group an admin names by object id or by display name. Blocks on the network. */
public final class EmergencyGroupLookup {

    private EmergencyGroupLookup() {
    }

    /**
     * @throws TenantException          ({@code NOT_FOUND}) when no group has that id or name
     * @throws IllegalArgumentException when the text is empty, or several groups have that name (listed, with ids)
     */
    public static GroupRef resolve(TenantDirectory directory, String idOrName) {
        String text = idOrName == null ? "" : idOrName.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Give the emergency-access group's object id or its exact display name.");
        }
        if (SignInRequest.isGuid(text)) {
            return directory.findGroup(text).orElseThrow(() -> new TenantException(TenantException.Kind.NOT_FOUND,
                    "No group has the object id " + text + " in this tenant."));
        }
        List<GroupRef> named = directory.groupsNamed(text);
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.isEmpty()) {
            throw new TenantException(TenantException.Kind.NOT_FOUND, "No group is named '" + text
                    + "' in this tenant. Give the group's exact display name or its object id.");
        }
        throw new IllegalArgumentException(named.size() + " groups are named '" + text + "': "
                + named.stream().map(EmergencyGroupLookup::candidate).collect(Collectors.joining("; "))
                + ". Give the object id of the one that holds the emergency-access accounts.");
    }

    private static String candidate(GroupRef group) {
        return group.displayName() + " (id " + group.id() + ", " + (group.roleAssignable() ? "role-assignable"
                : "not role-assignable") + ")";
    }
}
