package dev.gatehouse.sim.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.state.SimGroup;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.Wire;

import java.util.UUID;

/**
 * Appends {@code directoryAudit} records (Graph JSON, as {@code /auditLogs/directoryAudits} serves them) for
 * the demo tenant's writes: who acted, on what, which properties changed. Never records a secret: password
 * and Temporary Access Pass changes name the property, not the value.
 */
public final class DirectoryAuditLog {

    private final TenantState state;

    public DirectoryAuditLog(TenantState state) {
        this.state = state;
    }

    /**
     * @param actor        the signed-in user who made the change (initiatedBy.user)
     * @param resultReason Graph's short explanation, e.g. "Admin deleted Passkey (FIDO2) method for user"; may be empty
     */
    public ObjectNode record(SimUser actor, AuditActivity activity, String resultReason, ObjectNode... targets) {
        ObjectNode entry = Wire.object();
        String correlation = UUID.randomUUID().toString();
        entry.put("id", "Directory_" + correlation);
        entry.put("category", activity.category());
        entry.put("correlationId", correlation);
        entry.put("result", "success");
        entry.put("resultReason", resultReason);
        entry.put("activityDisplayName", activity.displayName());
        entry.put("activityDateTime", Wire.formatDateTime(state.now()));
        entry.put("loggedByService", activity.loggedByService());
        entry.put("operationType", activity.operationType());
        ObjectNode initiatedBy = entry.putObject("initiatedBy");
        ObjectNode user = initiatedBy.putObject("user");
        user.put("id", actor.id());
        user.put("displayName", actor.displayName());
        user.put("userPrincipalName", actor.userPrincipalName());
        user.putNull("ipAddress");
        initiatedBy.putNull("app");
        ArrayNode targetResources = entry.putArray("targetResources");
        for (ObjectNode target : targets) {
            targetResources.add(target);
        }
        entry.putArray("additionalDetails");
        state.directoryAudits().add(entry);
        return entry;
    }

    /** A user as a target; {@code changed} lists the modified properties as name/old/new triples. */
    public static ObjectNode user(SimUser user, ModifiedProperty... changed) {
        ObjectNode target = target(user.id(), user.displayName(), "User", changed);
        target.put("userPrincipalName", user.userPrincipalName());
        return target;
    }

    public static ObjectNode group(SimGroup group, ModifiedProperty... changed) {
        return target(group.id(), group.displayName(), "Group", changed);
    }

    public static ObjectNode role(String id, String displayName) {
        return target(id, displayName, "Role");
    }

    public static ObjectNode policy(String id, String displayName, ModifiedProperty... changed) {
        return target(id, displayName, "Policy", changed);
    }

    private static ObjectNode target(String id, String displayName, String type, ModifiedProperty... changed) {
        ObjectNode target = Wire.object();
        target.put("id", id);
        target.put("displayName", displayName);
        target.put("type", type);
        target.putNull("userPrincipalName");
        target.putNull("groupType");
        ArrayNode modified = target.putArray("modifiedProperties");
        for (ModifiedProperty property : changed) {
            ObjectNode item = modified.addObject();
            item.put("displayName", property.name());
            item.put("oldValue", property.oldValue());
            item.put("newValue", property.newValue());
        }
        return target;
    }

    /**
     * One changed property as the audit log shows it: values JSON-encoded in a list ({@code ["false"]}), null
     * when not shown (secrets, or a value that did not exist).
     */
    public record ModifiedProperty(String name, String oldValue, String newValue) {

        public static ModifiedProperty of(String name, Object oldValue, Object newValue) {
            return new ModifiedProperty(name, encode(oldValue), encode(newValue));
        }

        /** A property whose values are never written, such as a password. */
        public static ModifiedProperty secret(String name) {
            return new ModifiedProperty(name, null, null);
        }

        private static String encode(Object value) {
            if (value == null) {
                return null;
            }
            ArrayNode list = Wire.array();
            list.add(String.valueOf(value));
            return list.toString();
        }
    }
}
