package dev.gatehouse.domain.recovery.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.domain.recovery.incident.IncidentRecord.Action;
import dev.gatehouse.domain.recovery.incident.IncidentRecord.FoundMethod;
import dev.gatehouse.domain.recovery.incident.IncidentRecord.HandOver;

import dev.gatehouse.domain.text.InertText;

import java.time.Instant;
import java.util.Locale;

/**
 * The record as JSON for scripts and ticket systems. The names are stable and, where Graph has one for the same
 * thing, Graph's: {@code id}, {@code displayName}, {@code userPrincipalName}, {@code accountEnabled},
 * {@code @odata.type}, {@code createdDateTime}, {@code activityDateTime}, {@code ipAddress}, and {@code createdBy} and
 * {@code initiatedBy} as {@code {"user": {"userPrincipalName": …}}}
 * (<a href="https://learn.microsoft.com/graph/api/resources/directoryaudit">directoryAudit resource type</a>,
 * <a href="https://learn.microsoft.com/graph/api/resources/auditactivityinitiator">auditActivityInitiator</a>).
 * A method's {@code registeredBy} is the audit entry's initiator flattened to one name (a user's UPN or an app's name),
 * as Gatehouse reads it. A pass handed over has Graph's {@code lifetimeInMinutes} and {@code isUsableOnce}
 * (<a href="https://learn.microsoft.com/graph/api/resources/temporaryaccesspassauthenticationmethod">
 * temporaryAccessPassAuthenticationMethod resource type</a>). Dates are ISO 8601 in UTC; unknown values are null.
 * The four sections are {@code found}, {@code done}, {@code handedOver} and {@code leftToDo}.
 */
public final class IncidentRecordJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private IncidentRecordJson() {
    }

    public static String render(IncidentRecord record) {
        try {
            // bidi and zero-width characters as \\u escapes: the values stay exact, and nothing hides in the file
            return InertText.escapeInJson(MAPPER.writeValueAsString(tree(record))) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The incident record could not be written as JSON", e);
        }
    }

    public static ObjectNode tree(IncidentRecord record) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode user = root.putObject("user");
        user.put("id", record.user().id());
        user.put("displayName", record.user().displayName());
        user.put("userPrincipalName", record.user().userPrincipalName());
        user.put("accountEnabled", record.user().accountEnabled());
        ObjectNode tenant = root.putObject("tenant");
        tenant.put("id", record.tenant().id());
        tenant.put("displayName", record.tenant().displayName());
        tenant.put("label", record.tenant().label());
        root.put("createdDateTime", iso(record.made()));
        root.putObject("createdBy").putObject("user").put("userPrincipalName", record.madeBy());
        root.put("journalSince", iso(record.since()));
        root.put("recentWindowInDays", record.recentWindow().toDays());

        ObjectNode found = root.putObject("found");
        ArrayNode methods = found.putArray("methods");
        for (FoundMethod method : record.methods()) {
            ObjectNode node = methods.addObject();
            node.put("@odata.type", method.type().odataType().orElse(null));
            node.put("id", method.id());
            node.put("summary", method.summary());
            ObjectNode registered = node.putObject("registered");
            registered.put("dateTime", iso(method.registered()));
            registered.put("source", method.source().jsonName());
            registered.put("explanation", method.explanation());
            registered.put("registeredBy", method.initiatedBy());
            registered.put("ipAddress", method.ipAddress());
            node.put("recent", method.recent());
            node.put("issuedByYou", iso(method.issuedByYou()));
        }
        found.put("auditLogProblem", record.auditProblem().orElse(null));

        ArrayNode done = root.putArray("done");
        for (Action action : record.actions()) {
            ObjectNode node = done.addObject();
            node.put("activityDateTime", iso(action.at()));
            node.putObject("initiatedBy").putObject("user").put("userPrincipalName", action.actor());
            node.put("plan", action.plan());
            node.put("step", action.step());
            node.put("title", action.title());
            node.put("outcome", action.outcome().name().toLowerCase(Locale.ROOT));
            node.put("message", action.message());
        }

        ArrayNode handed = root.putArray("handedOver");
        for (HandOver handOver : record.handedOver()) {
            ObjectNode node = handed.addObject();
            node.put("kind", handOver.kind() == IncidentRecord.HandOverKind.TEMPORARY_ACCESS_PASS
                    ? "temporaryAccessPass" : "temporaryPassword");
            node.put("createdDateTime", iso(handOver.at()));
            node.put("issuedBy", handOver.by());
            if (handOver.kind() == IncidentRecord.HandOverKind.TEMPORARY_ACCESS_PASS) {
                node.put("methodId", handOver.methodId());
                node.put("lifetimeInMinutes", handOver.lifetimeMinutes());
                node.put("isUsableOnce", handOver.usableOnce());
                node.put("expirationDateTime", iso(handOver.expires()));
                node.put("stillRegistered", handOver.stillRegistered());
            } else {
                node.put("forceChangePasswordNextSignIn", handOver.mustChange());
            }
            node.put("description", handOver.description());
        }

        ArrayNode left = root.putArray("leftToDo");
        record.leftToDo().forEach(left::add);
        return root;
    }

    private static String iso(Instant at) {
        return at == null ? null : at.toString();
    }
}
