package dev.gatehouse.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.audit.AuditActivity;
import dev.gatehouse.sim.audit.DirectoryAuditLog;
import dev.gatehouse.sim.http.ApiCall;
import dev.gatehouse.sim.http.Router;
import dev.gatehouse.sim.odata.DocumentShape;
import dev.gatehouse.sim.odata.Reply;
import dev.gatehouse.sim.policy.WhatIfEvaluator;
import dev.gatehouse.sim.policy.WhatIfEvaluator.Conditions;
import dev.gatehouse.sim.policy.WhatIfEvaluator.Subject;
import dev.gatehouse.sim.policy.WhatIfEvaluator.Target;
import dev.gatehouse.sim.state.SimGroup;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.WireResponse;
import dev.gatehouse.sim.wire.Wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Conditional Access: {@code /identity/conditionalAccess/policies} (list, get, POST 201, PATCH 204, DELETE 204)
 * and {@code POST /identity/conditionalAccess/evaluate} (What If, {@link WhatIfEvaluator}). Every endpoint needs
 * Entra ID P1 (without it Graph's 403 {@code AccessDenied} "Your tenant is not licensed for this feature"), then
 * a Conditional Access role. Policies are returned with their authentication strength expanded, as Graph does.
 */
public final class ConditionalAccessApi {

    private static final String POLICIES = "/identity/conditionalAccess/policies";
    private static final String CONTEXT = "identity/conditionalAccess/policies";
    private static final Set<String> POLICY_PROPERTIES = Set.of("id", "templateId", "displayName", "description",
            "createdDateTime", "modifiedDateTime", "state", "sessionControls", "conditions", "grantControls");
    static final DocumentShape POLICY = DocumentShape.open("microsoft.graph.conditionalAccessPolicy", POLICY_PROPERTIES);
    private static final DocumentShape WHAT_IF = DocumentShape.open("microsoft.graph.whatIfAnalysisResult",
            union(POLICY_PROPERTIES, Set.of("policyApplies", "analysisReasons")));

    private ConditionalAccessApi() {
    }

    public static void register(Router router) {
        router.get(POLICIES, ConditionalAccessApi::list)
                .post(POLICIES, ConditionalAccessApi::create)
                .get(POLICIES + "/{policyId}", ConditionalAccessApi::get)
                .patch(POLICIES + "/{policyId}", ConditionalAccessApi::update)
                .delete(POLICIES + "/{policyId}", ConditionalAccessApi::delete)
                .post("/identity/conditionalAccess/evaluate", ConditionalAccessApi::evaluate);
    }

    private static Reply list(ApiCall call) {
        requireReader(call);
        List<ObjectNode> policies = call.state().conditionalAccessPolicies().stream()
                .map(p -> render(p, call.state())).toList();
        return new Reply.Collection<>(POLICY, policies, CONTEXT, null);
    }

    private static Reply get(ApiCall call) {
        requireReader(call);
        return new Reply.Entity<>(POLICY, render(policy(call), call.state()), CONTEXT);
    }

    private static Reply create(ApiCall call) {
        requireWriter(call);
        TenantState state = call.state();
        ObjectNode body = call.body();
        ConditionalAccessPolicyRules.refuseReadOnly(body);
        body.put("id", UUID.randomUUID().toString());
        body.put("createdDateTime", Wire.formatDateTime(state.now()));
        ObjectNode policy = ConditionalAccessPolicyRules.normalize(body, state);
        state.conditionalAccessPolicies().add(policy);
        audit(call, AuditActivity.ADD_CA_POLICY, policy);
        return new Reply.Created(new Reply.Entity<>(POLICY, render(policy, state), CONTEXT));
    }

    /**
     * Properties left out of the body keep their values (conditionalaccesspolicy-update). {@code conditions} merges
     * condition by condition, as the page's example implies by sending {@code signInRiskLevels} alone: a condition
     * given (users, applications…) replaces the stored one whole, the others stay.
     */
    private static Reply update(ApiCall call) {
        requireWriter(call);
        TenantState state = call.state();
        ObjectNode stored = policy(call);
        ObjectNode body = call.body();
        ConditionalAccessPolicyRules.refuseReadOnly(body);
        ObjectNode draft = stored.deepCopy();
        body.properties().forEach(property -> {
            if (property.getKey().equals("conditions") && property.getValue() instanceof ObjectNode conditions
                    && draft.get("conditions") instanceof ObjectNode storedConditions) {
                storedConditions.setAll(conditions);
            } else {
                draft.set(property.getKey(), property.getValue());
            }
        });
        draft.put("modifiedDateTime", Wire.formatDateTime(state.now()));
        if (!body.has("grantControls")) {
            // what is kept is checked as a write would be: a kept strength is the reference a write may send
            keptStrengthAsReference(draft);
        }
        ObjectNode updated = ConditionalAccessPolicyRules.normalize(draft, state);
        stored.removeAll();
        stored.setAll(updated);
        audit(call, AuditActivity.UPDATE_CA_POLICY, stored);
        return new Reply.Raw(WireResponse.empty(204));
    }

    private static void keptStrengthAsReference(ObjectNode draft) {
        if (draft.path("grantControls") instanceof ObjectNode grant
                && grant.path("authenticationStrength") instanceof ObjectNode strength && strength.has("id")) {
            ObjectNode reference = Wire.object();
            reference.set("id", strength.get("id").deepCopy());
            grant.set("authenticationStrength", reference);
        }
    }

    private static Reply delete(ApiCall call) {
        requireWriter(call);
        ObjectNode stored = policy(call);
        call.state().conditionalAccessPolicies().remove(stored);
        audit(call, AuditActivity.DELETE_CA_POLICY, stored);
        return new Reply.Raw(WireResponse.empty(204));
    }

    /**
     * What If for a user: every policy with {@code policyApplies} and {@code analysisReasons}, or only those that
     * apply when {@code appliedPoliciesOnly} is true.
     */
    private static Reply evaluate(ApiCall call) {
        requireReader(call);
        TenantState state = call.state();
        Body body = new Body(call.body());
        ObjectNode identity = body.object("signInIdentity", "microsoft.graph.signInIdentity")
                .orElseThrow(() -> GraphException.badRequest("signInIdentity is required."));
        ObjectNode context = body.object("signInContext", "microsoft.graph.signInContext")
                .orElseThrow(() -> GraphException.badRequest("signInContext is required."));
        ObjectNode conditions = body.object("signInConditions", "microsoft.graph.signInConditions")
                .orElseThrow(() -> GraphException.badRequest("signInConditions is required."));
        boolean appliedOnly = body.bool("appliedPoliciesOnly").orElse(false);
        Subject subject = subject(identity, call);
        Target target = target(context);
        Conditions sign = conditions(new Body(conditions));

        WhatIfEvaluator evaluator = new WhatIfEvaluator();
        List<ObjectNode> results = new ArrayList<>();
        for (ObjectNode policy : state.conditionalAccessPolicies()) {
            WhatIfEvaluator.Result result = evaluator.evaluate(policy, subject, target, sign);
            if (appliedOnly && !result.applies()) {
                continue;
            }
            ObjectNode item = render(policy, state);
            item.put("policyApplies", result.applies());
            item.put("analysisReasons", result.analysisReasons());
            results.add(item);
        }
        return new Reply.Collection<>(WHAT_IF, results, "Collection(microsoft.graph.whatIfAnalysisResult)", null);
    }

    private static Subject subject(ObjectNode identity, ApiCall call) {
        String type = identity.path("@odata.type").asText();
        if (type.equals("#microsoft.graph.servicePrincipalSignIn")) {
            throw GraphException.badRequest("The demo tenant has no service principals to evaluate; use "
                    + "#microsoft.graph.userSignIn.");
        }
        if (!type.equals("#microsoft.graph.userSignIn")) {
            throw GraphException.badRequest("signInIdentity needs @odata.type #microsoft.graph.userSignIn.");
        }
        String userId = identity.path("userId").asText("");
        SimUser user = call.state().user(userId).orElseThrow(() -> GraphException.resourceNotFound(userId));
        Set<String> groups = call.state().transitiveGroupsOf(user.id()).stream().map(SimGroup::id)
                .collect(Collectors.toSet());
        String guestType = user.guest() ? (user.creationType() == null ? "internalGuest" : "b2bCollaborationGuest") : null;
        return new Subject(user.id(), guestType, groups, call.rules().activeRoleTemplateIds(user.id()));
    }

    private static Target target(ObjectNode context) {
        String type = context.path("@odata.type").asText();
        return switch (type) {
            case "#microsoft.graph.applicationContext" -> {
                List<String> apps = new Body(context).strings("includeApplications").orElse(List.of());
                yield new Target.Applications(apps);
            }
            case "#microsoft.graph.userActionContext" -> {
                String action = context.path("userAction").asText("");
                if (!Set.of("registerSecurityInformation", "registerOrJoinDevices").contains(action)) {
                    throw GraphException.badRequest("Invalid userAction '" + action
                            + "'. Use registerSecurityInformation or registerOrJoinDevices.");
                }
                yield new Target.UserAction(action);
            }
            case "#microsoft.graph.authContext" -> new Target.AuthenticationContext(
                    context.path("authenticationContextValue").asText(""));
            default -> throw GraphException.badRequest("signInContext needs @odata.type "
                    + "#microsoft.graph.applicationContext, #microsoft.graph.userActionContext or "
                    + "#microsoft.graph.authContext.");
        };
    }

    private static Conditions conditions(Body conditions) {
        JsonNode device = conditions.object("deviceInfo", "microsoft.graph.deviceInfo").map(JsonNode.class::cast)
                .orElse(null);
        String transfer = conditions.object("authenticationFlow", "microsoft.graph.authenticationFlow")
                .map(flow -> flow.path("transferMethod").asText(null)).orElse(null);
        return new Conditions(conditions.text("clientAppType").orElse(null), conditions.text("devicePlatform").orElse(null),
                device, conditions.text("signInRiskLevel").orElse(null), conditions.text("userRiskLevel").orElse(null),
                conditions.text("insiderRiskLevel").orElse(null), transfer);
    }

    /** A copy as Graph returns it: the authentication strength expanded to the strength policy it names. */
    static ObjectNode render(ObjectNode policy, TenantState state) {
        ObjectNode copy = policy.deepCopy();
        JsonNode strength = copy.path("grantControls").path("authenticationStrength");
        if (strength.isObject()) {
            String id = strength.path("id").asText();
            state.authenticationStrengthPolicies().stream().filter(s -> s.path("id").asText().equalsIgnoreCase(id))
                    .findFirst().ifPresent(s -> ((ObjectNode) copy.get("grantControls"))
                            .set("authenticationStrength", s.deepCopy()));
        }
        return copy;
    }

    private static ObjectNode policy(ApiCall call) {
        String id = call.path("policyId");
        return call.state().conditionalAccessPolicies().stream()
                .filter(p -> p.path("id").asText().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> GraphException.itemNotFound("conditional access policy", id));
    }

    private static void requireReader(ApiCall call) {
        requireLicence(call.state());
        if (!call.rules().canReadConditionalAccess(call.actor())) {
            throw GraphException.insufficientPrivileges();
        }
    }

    private static void requireWriter(ApiCall call) {
        requireLicence(call.state());
        if (!call.rules().canWriteConditionalAccess(call.actor())) {
            throw GraphException.insufficientPrivileges();
        }
    }

    static void requireLicence(TenantState state) {
        if (!state.hasEntraIdPremium()) {
            throw GraphException.notLicensed();
        }
    }

    private static void audit(ApiCall call, AuditActivity activity, ObjectNode policy) {
        new DirectoryAuditLog(call.state()).record(call.actor(), activity, "",
                DirectoryAuditLog.policy(policy.path("id").asText(), policy.path("displayName").asText()));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }
}
