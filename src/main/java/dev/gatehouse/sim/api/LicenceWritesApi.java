package dev.gatehouse.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.audit.AuditActivity;
import dev.gatehouse.sim.audit.DirectoryAuditLog;
import dev.gatehouse.sim.audit.DirectoryAuditLog.ModifiedProperty;
import dev.gatehouse.sim.http.ApiCall;
import dev.gatehouse.sim.http.Router;
import dev.gatehouse.sim.odata.Reply;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.GraphException;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /users/{id}/assignLicense} (user-assignlicense): both parameters are required (Graph answers 400 naming
 * the missing one, even to a request that only removes); every SKU must be one of the tenant's subscriptions, a
 * licence removed must be assigned to the user directly (one held only through a group is refused; one held both ways
 * loses its direct assignment and stays through the group), one added needs the user's usage location; the whole
 * request is refused when one part is. 200 with the user, a "Change user license" and an "Update user" audit entry.
 * The error texts are Graph's as seen in the field (the page documents none).
 */
public final class LicenceWritesApi {

    private LicenceWritesApi() {
    }

    public static void register(Router router) {
        router.post("/users/{userId}/assignLicense", LicenceWritesApi::assignLicense);
    }

    private static Reply assignLicense(ApiCall call) {
        SimUser user = call.user("userId");
        // License Administrator and Directory Writers may too; the demo tenant's role catalogue has neither
        if (!call.rules().canWriteUsers(call.actor())) {
            throw GraphException.insufficientPrivileges();
        }
        TenantState state = call.state();
        ObjectNode body = call.body();
        List<String> add = added(body);
        List<String> remove = new Body(body).strings("removeLicenses").orElseThrow(() -> missing("removeLicenses"));
        for (String skuId : concat(add, remove)) {
            requireSubscription(state, skuId);
        }
        List<String> before = user.directSkuIds();
        List<String> heldBefore = state.heldSkuIds(user);
        for (String skuId : remove) {
            if (!containsIgnoringCase(before, skuId)) {
                throw containsIgnoringCase(heldBefore, skuId) ? inheritedFromGroup()
                        : GraphException.directoryBadRequest("User does not have a corresponding license.");
            }
        }
        if (!add.isEmpty() && (user.usageLocation() == null || user.usageLocation().isBlank())) {
            throw GraphException.directoryBadRequest("License assignment cannot be done for user with invalid usage "
                    + "location.");
        }
        List<String> after = new ArrayList<>(before);
        after.removeIf(skuId -> containsIgnoringCase(remove, skuId));
        add.stream().filter(skuId -> !containsIgnoringCase(after, skuId)).forEach(after::add);
        user.directSkuIds(after);
        List<String> heldAfter = state.heldSkuIds(user);
        countConsumed(state, heldBefore, heldAfter);

        DirectoryAuditLog audit = new DirectoryAuditLog(state);
        ModifiedProperty licences = ModifiedProperty.of("AssignedLicense", heldBefore, heldAfter);
        audit.record(call.actor(), AuditActivity.CHANGE_USER_LICENSE, "", DirectoryAuditLog.user(user, licences));
        audit.record(call.actor(), AuditActivity.UPDATE_USER, "", DirectoryAuditLog.user(user, licences));
        return new Reply.Entity<>(DirectoryShapes.user(state), user, "users");
    }

    /** The skuIds of {@code addLicenses}; disabled plans are refused, as the demo tenant keeps none. */
    private static List<String> added(ObjectNode body) {
        JsonNode licences = body.get("addLicenses");
        if (licences == null || licences.isNull()) {
            throw missing("addLicenses");
        }
        if (!licences.isArray()) {
            throw GraphException.badRequest("Cannot convert the literal '" + licences + "' to the expected type "
                    + "'Collection(microsoft.graph.assignedLicense)'.");
        }
        List<String> skuIds = new ArrayList<>();
        for (JsonNode licence : licences) {
            String skuId = licence.path("skuId").asText("");
            if (skuId.isBlank()) {
                throw GraphException.directoryBadRequest("Property skuId value is required but is empty or missing.");
            }
            if (licence.path("disabledPlans").size() > 0) {
                throw GraphException.directoryBadRequest("The demo tenant does not disable service plans of a "
                        + "licence.");
            }
            skuIds.add(skuId);
        }
        return skuIds;
    }

    private static void requireSubscription(TenantState state, String skuId) {
        if (state.subscribedSkus().stream().noneMatch(s -> s.path("skuId").asText().equalsIgnoreCase(skuId))) {
            throw GraphException.directoryBadRequest("License " + skuId + " does not correspond to a valid company "
                    + "License.");
        }
    }

    /** Keeps {@code consumedUnits} of {@code /subscribedSkus} true to the assignments. */
    private static void countConsumed(TenantState state, List<String> before, List<String> after) {
        for (ObjectNode sku : state.subscribedSkus()) {
            String skuId = sku.path("skuId").asText();
            int change = (containsIgnoringCase(after, skuId) ? 1 : 0) - (containsIgnoringCase(before, skuId) ? 1 : 0);
            if (change != 0) {
                sku.put("consumedUnits", Math.max(0, sku.path("consumedUnits").asInt() + change));
            }
        }
    }

    /**
     * Removing a licence the user holds only through group-based licensing. The Graph page documents no error; this is
     * the response Okta's support article quotes from Graph (400, errorCode Request_BadRequest, "User license is
     * inherited from a group membership and it cannot be removed directly from the user."; Okta KB "Microsoft Office
     * 365 Provisioning Error …", 2023) and matches Entra's rule that an inherited licence cannot be removed from the
     * user.
     */
    private static GraphException inheritedFromGroup() {
        return GraphException.directoryBadRequest("User license is inherited from a group membership and it cannot be "
                + "removed directly from the user.");
    }

    private static GraphException missing(String parameter) {
        return GraphException.directoryBadRequest("One or more parameters of the operation 'assignLicense' are missing "
                + "from the request payload. The missing parameters are: " + parameter + ".");
    }

    private static boolean containsIgnoringCase(List<String> ids, String id) {
        return ids.stream().anyMatch(id::equalsIgnoreCase);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
