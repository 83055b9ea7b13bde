package dev.gatehouse.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.domain.tenant.GroupExclusionChange;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantException.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PATCH body that adds a group to, or takes it out of, a Conditional Access policy's
 * {@code conditions.users.excludeGroups}, made from the policy as Graph returned it: {@code users} goes back as read
 * with only {@code excludeGroups} changed, so user conditions Gatehouse does not model are not lost. The whole
 * {@code users} object is sent because Graph's "Update conditionalAccessPolicy" example shows that {@code conditions}
 * merges by condition, but not whether a condition's own properties merge.
 *
 * @param body empty when the policy already is as asked, so nothing is to be sent
 */
record GroupExclusionPatch(GroupExclusionChange change, Optional<String> body) {

    static GroupExclusionPatch of(JsonNode policy, String policyId, String groupId, boolean exclude) {
        JsonNode users = policy.path("conditions").path("users");
        String name = policy.path("displayName").asText(policyId);
        if (!users.isObject()) {
            throw new TenantException(Kind.UNEXPECTED, "Graph returned the Conditional Access policy '" + name
                    + "' without its user conditions, so Gatehouse cannot tell which groups it excludes. Nothing was "
                    + "changed.");
        }
        List<String> before = new ArrayList<>();
        users.path("excludeGroups").forEach(id -> before.add(id.asText()));
        boolean excluded = before.stream().anyMatch(groupId::equalsIgnoreCase);
        if (excluded == exclude) {
            return new GroupExclusionPatch(new GroupExclusionChange(policyId, name, before, before, false),
                    Optional.empty());
        }
        List<String> after = new ArrayList<>(before);
        if (exclude) {
            after.add(groupId);
        } else {
            after.removeIf(groupId::equalsIgnoreCase);
        }
        ObjectNode changedUsers = users.deepCopy();
        ArrayNode excludeGroups = changedUsers.putArray("excludeGroups");
        after.forEach(excludeGroups::add);
        ObjectNode body = JsonRequests.JSON.createObjectNode();
        body.putObject("conditions").set("users", changedUsers);
        return new GroupExclusionPatch(new GroupExclusionChange(policyId, name, before, after, true),
                Optional.of(body.toString()));
    }
}
