package dev.gatehouse.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.http.ApiCall;
import dev.gatehouse.sim.http.Router;
import dev.gatehouse.sim.odata.DocumentShape;
import dev.gatehouse.sim.odata.Reply;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.GraphException;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Reports and activity logs: {@code /reports/authenticationMethods/userRegistrationDetails} (Entra ID P1,
 * computed live from the tenant by {@link RegistrationDetails}), {@code /auditLogs/directoryAudits} (every write
 * of the demo tenant lands here) and {@code /auditLogs/signIns} (Entra ID P1). Without P1 the gated ones answer
 * Graph's 403 {@code Authentication_RequestFromNonPremiumTenantOrB2CTenant}. Logs come newest first.
 */
public final class ReportsApi {

    private static final String REGISTRATION = "/reports/authenticationMethods/userRegistrationDetails";
    private static final String REGISTRATION_CONTEXT = "reports/authenticationMethods/userRegistrationDetails";
    /** Audit and sign-in logs page at up to 1,000 entries (graph-facts §12). */
    private static final Reply.Paging LOG_PAGING = new Reply.Paging(1000, 1000);

    static final DocumentShape DIRECTORY_AUDIT = DocumentShape.open("microsoft.graph.directoryAudit", Set.of("id",
            "activityDateTime", "activityDisplayName", "additionalDetails", "category", "correlationId", "initiatedBy",
            "loggedByService", "operationType", "result", "resultReason", "targetResources"));
    static final DocumentShape SIGN_IN = DocumentShape.open("microsoft.graph.signIn", Set.of("id", "appDisplayName",
            "appId", "appliedConditionalAccessPolicies", "clientAppUsed", "conditionalAccessStatus", "correlationId",
            "createdDateTime", "deviceDetail", "ipAddress", "isInteractive", "location", "resourceDisplayName",
            "resourceId", "riskDetail", "riskEventTypes", "riskEventTypes_v2", "riskLevelAggregated",
            "riskLevelDuringSignIn", "riskState", "status", "userDisplayName", "userId", "userPrincipalName"));

    private ReportsApi() {
    }

    public static void register(Router router) {
        router.get(REGISTRATION, ReportsApi::registrationDetails)
                .get(REGISTRATION + "/{userId}", ReportsApi::registrationDetailsOf)
                .get("/auditLogs/directoryAudits", call -> log(call, call.state().directoryAudits(), "activityDateTime",
                        DIRECTORY_AUDIT, "auditLogs/directoryAudits", false))
                .get("/auditLogs/directoryAudits/{entryId}", call -> logEntry(call, call.state().directoryAudits(),
                        DIRECTORY_AUDIT, "auditLogs/directoryAudits", false))
                .get("/auditLogs/signIns", call -> log(call, call.state().signIns(), "createdDateTime", SIGN_IN,
                        "auditLogs/signIns", true))
                .get("/auditLogs/signIns/{entryId}", call -> logEntry(call, call.state().signIns(), SIGN_IN,
                        "auditLogs/signIns", true));
    }

    private static Reply registrationDetails(ApiCall call) {
        requireReader(call, true);
        RegistrationDetails details = new RegistrationDetails(call.state(), call.rules());
        return new Reply.Collection<>(details.shape(), call.state().users(), REGISTRATION_CONTEXT,
                Reply.Paging.DIRECTORY);
    }

    private static Reply registrationDetailsOf(ApiCall call) {
        requireReader(call, true);
        String id = call.path("userId");
        SimUser user = call.state().user(id).orElseThrow(() -> GraphException.itemNotFound("user registration details", id));
        return new Reply.Entity<>(new RegistrationDetails(call.state(), call.rules()).shape(), user, REGISTRATION_CONTEXT);
    }

    private static Reply log(ApiCall call, List<ObjectNode> entries, String timeProperty, DocumentShape shape,
                             String context, boolean premium) {
        requireReader(call, premium);
        List<ObjectNode> newestFirst = entries.stream()
                .sorted(Comparator.comparing((ObjectNode e) -> e.path(timeProperty).asText()).reversed())
                .toList();
        return new Reply.Collection<>(shape, newestFirst, context, LOG_PAGING);
    }

    private static Reply logEntry(ApiCall call, List<ObjectNode> entries, DocumentShape shape, String context,
                                  boolean premium) {
        requireReader(call, premium);
        String id = call.path("entryId");
        ObjectNode entry = entries.stream().filter(e -> e.path("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> GraphException.itemNotFound("log entry", id));
        return new Reply.Entity<>(shape, entry, context);
    }

    private static void requireReader(ApiCall call, boolean premium) {
        TenantState state = call.state();
        if (premium && !state.hasEntraIdPremium()) {
            throw GraphException.nonPremiumTenant();
        }
        if (!call.rules().canReadActivityReports(call.actor())) {
            throw GraphException.insufficientPrivileges();
        }
    }
}
