package dev.gatehouse.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.audit.AuditActivity;
import dev.gatehouse.sim.audit.DirectoryAuditLog;
import dev.gatehouse.sim.http.ApiCall;
import dev.gatehouse.sim.http.Router;
import dev.gatehouse.sim.odata.DocumentShape;
import dev.gatehouse.sim.odata.Reply;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.WireResponse;
import dev.gatehouse.sim.wire.Wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Authentication strengths ({@code /policies/authenticationStrengthPolicies}, graph-facts §9): the three
 * built-ins with their fixed ids (never changed or deleted), custom strengths created with a computed
 * {@code policyType} and {@code requirementsSatisfied}, PATCH of name and description only,
 * {@code updateAllowedCombinations} (refusing to weaken a strength an MFA-requiring Conditional Access policy
 * uses), {@code usage}, and DELETE of unused custom strengths. Writes need Entra ID P1.
 */
public final class AuthenticationStrengthsApi {

    private static final String ROOT = "/policies/authenticationStrengthPolicies";
    private static final String CONTEXT = "policies/authenticationStrengthPolicies";
    private static final String MULTIFACTOR = "00000000-0000-0000-0000-000000000002";
    static final DocumentShape STRENGTH = DocumentShape.open("microsoft.graph.authenticationStrengthPolicy", Set.of("id",
            "createdDateTime", "modifiedDateTime", "displayName", "description", "policyType", "requirementsSatisfied",
            "allowedCombinations", "combinationConfigurations"));

    /** authenticationMethodModes members a combination may join with commas. */
    private static final Set<String> MODES = Set.of("password", "voice", "hardwareOath", "softwareOath", "sms", "fido2",
            "windowsHelloForBusiness", "microsoftAuthenticatorPush", "deviceBasedPush", "temporaryAccessPassOneTime",
            "temporaryAccessPassMultiUse", "email", "x509CertificateSingleFactor", "x509CertificateMultiFactor",
            "federatedSingleFactor", "federatedMultiFactor", "qrCodePin");

    private AuthenticationStrengthsApi() {
    }

    public static void register(Router router) {
        router.get(ROOT, AuthenticationStrengthsApi::list)
                .post(ROOT, AuthenticationStrengthsApi::create)
                .get(ROOT + "/{strengthId}", AuthenticationStrengthsApi::get)
                .patch(ROOT + "/{strengthId}", AuthenticationStrengthsApi::update)
                .delete(ROOT + "/{strengthId}", AuthenticationStrengthsApi::delete)
                .post(ROOT + "/{strengthId}/updateAllowedCombinations", AuthenticationStrengthsApi::updateCombinations)
                .get(ROOT + "/{strengthId}/usage", AuthenticationStrengthsApi::usage);
    }

    private static Reply list(ApiCall call) {
        requireReader(call);
        return new Reply.Collection<>(STRENGTH, call.state().authenticationStrengthPolicies(), CONTEXT, null);
    }

    private static Reply get(ApiCall call) {
        requireReader(call);
        return new Reply.Entity<>(STRENGTH, strength(call), CONTEXT);
    }

    private static Reply create(ApiCall call) {
        requireWriter(call);
        TenantState state = call.state();
        Body body = new Body(call.body());
        only(body, Set.of("@odata.type", "displayName", "description", "allowedCombinations", "policyType",
                "requirementsSatisfied", "combinationConfigurations"));
        String displayName = body.requiredText("displayName", GraphException.badRequest("displayName is required."));
        uniqueName(state, displayName, null);
        List<String> combinations = combinations(body);
        ObjectNode strength = Wire.object();
        strength.put("id", UUID.randomUUID().toString());
        strength.put("createdDateTime", Wire.formatDateTime(state.now()));
        strength.put("modifiedDateTime", Wire.formatDateTime(state.now()));
        strength.put("displayName", displayName);
        strength.put("description", body.text("description").orElse(null));
        strength.put("policyType", "custom");
        strength.put("requirementsSatisfied", requirements(state, combinations));
        strength.set("allowedCombinations", Wire.strings(combinations));
        strength.putArray("combinationConfigurations");
        state.authenticationStrengthPolicies().add(strength);
        audit(call, AuditActivity.STRENGTH_CREATE, strength);
        return new Reply.Created(new Reply.Entity<>(STRENGTH, strength, CONTEXT));
    }

    private static Reply update(ApiCall call) {
        requireWriter(call);
        ObjectNode strength = custom(call);
        Body body = new Body(call.body());
        if (body.has("allowedCombinations")) {
            throw GraphException.badRequest("allowedCombinations cannot be changed by PATCH; use updateAllowedCombinations.");
        }
        only(body, Set.of("@odata.type", "displayName", "description"));
        body.text("displayName").ifPresent(name -> {
            uniqueName(call.state(), name, strength.path("id").asText());
            strength.put("displayName", name);
        });
        if (body.has("description")) {
            strength.put("description", body.text("description").orElse(null));
        }
        strength.put("modifiedDateTime", Wire.formatDateTime(call.state().now()));
        audit(call, AuditActivity.STRENGTH_UPDATE, strength);
        return new Reply.Raw(WireResponse.empty(204));
    }

    /**
     * 200 with an updateAllowedCombinationsResult. A strength that a Conditional Access policy relies on for its
     * MFA requirement (see {@link #usage}) may not drop below MFA.
     */
    private static Reply updateCombinations(ApiCall call) {
        requireWriter(call);
        TenantState state = call.state();
        ObjectNode strength = custom(call);
        Body body = new Body(call.body());
        only(body, Set.of("allowedCombinations"));
        List<String> combinations = combinations(body);
        String requirements = requirements(state, combinations);
        String id = strength.path("id").asText();
        List<ObjectNode> references = referencingPolicies(state, id);
        boolean weakens = requirements.equals("none") && references.stream().anyMatch(AuthenticationStrengthsApi::requiresMfa);
        if (weakens) {
            throw GraphException.badRequest("The authentication strength is used by Conditional Access policies that "
                    + "require multifactor authentication; its combinations must all satisfy multifactor authentication.");
        }
        JsonNode previous = strength.get("allowedCombinations").deepCopy();
        strength.set("allowedCombinations", Wire.strings(combinations));
        strength.put("requirementsSatisfied", requirements);
        strength.put("modifiedDateTime", Wire.formatDateTime(state.now()));
        audit(call, AuditActivity.STRENGTH_UPDATE, strength);

        ObjectNode result = Wire.object();
        result.put("@odata.context", call.context("microsoft.graph.updateAllowedCombinationsResult"));
        result.put("additionalInformation", references.isEmpty() ? null : "This authentication strength is used by "
                + references.size() + " Conditional Access " + (references.size() == 1 ? "policy" : "policies")
                + "; the new combinations apply to their next evaluation.");
        result.set("conditionalAccessReferences", Wire.strings(references.stream().map(p -> p.path("id").asText()).toList()));
        result.set("currentCombinations", Wire.strings(combinations));
        result.set("previousCombinations", previous);
        return new Reply.Raw(WireResponse.json(200, result));
    }

    /**
     * authenticationstrengthpolicy-usage: the Conditional Access policies naming the strength, split into those
     * whose grant needs the MFA the strength gives (the strength is the only control, or ANDed with others) and
     * the rest (an OR with another control lets the sign-in through without it).
     */
    private static Reply usage(ApiCall call) {
        requireReader(call);
        TenantState state = call.state();
        ObjectNode strength = strength(call);
        ObjectNode result = Wire.object();
        result.put("@odata.context", call.context("microsoft.graph.authenticationStrengthUsage"));
        ArrayNode mfa = result.putArray("mfa");
        ArrayNode none = result.putArray("none");
        for (ObjectNode policy : referencingPolicies(state, strength.path("id").asText())) {
            ObjectNode item = Wire.object();
            item.put("id", policy.path("id").asText());
            item.put("displayName", policy.path("displayName").asText());
            item.put("state", policy.path("state").asText());
            ObjectNode grant = item.putObject("grantControls");
            grant.put("operator", policy.path("grantControls").path("operator").asText());
            grant.set("builtInControls", policy.path("grantControls").path("builtInControls").deepCopy());
            grant.putObject("authenticationStrength").put("id", strength.path("id").asText());
            (requiresMfa(policy) ? mfa : none).add(item);
        }
        return new Reply.Raw(WireResponse.json(200, result));
    }

    private static Reply delete(ApiCall call) {
        requireWriter(call);
        ObjectNode strength = custom(call);
        if (!referencingPolicies(call.state(), strength.path("id").asText()).isEmpty()) {
            throw GraphException.badRequest("The authentication strength is used by Conditional Access policies; remove "
                    + "it from them before deleting it.");
        }
        call.state().authenticationStrengthPolicies().remove(strength);
        audit(call, AuditActivity.STRENGTH_DELETE, strength);
        return new Reply.Raw(WireResponse.empty(204));
    }

    /** The combinations, each a comma-joined set of known modes, normalized without spaces. */
    private static List<String> combinations(Body body) {
        List<String> given = body.strings("allowedCombinations").orElse(List.of());
        if (given.isEmpty()) {
            throw GraphException.badRequest("allowedCombinations is required and cannot be empty.");
        }
        Set<String> combinations = new LinkedHashSet<>();
        for (String combination : given) {
            List<String> modes = Arrays.stream(combination.split(",")).map(String::trim).toList();
            for (String mode : modes) {
                if (!MODES.contains(mode)) {
                    throw GraphException.badRequest("'" + combination + "' is not a valid authentication method mode "
                            + "combination.");
                }
            }
            combinations.add(String.join(",", modes));
        }
        return new ArrayList<>(combinations);
    }

    /** "mfa" when every combination is one the built-in Multifactor authentication strength allows. */
    private static String requirements(TenantState state, List<String> combinations) {
        Set<Set<String>> multifactor = new LinkedHashSet<>();
        state.authenticationStrengthPolicies().stream().filter(s -> s.path("id").asText().equals(MULTIFACTOR))
                .findFirst().ifPresent(s -> s.path("allowedCombinations")
                        .forEach(c -> multifactor.add(Set.of(c.asText().split(",")))));
        boolean allMfa = combinations.stream().allMatch(c -> multifactor.contains(Set.of(c.split(","))));
        return allMfa ? "mfa" : "none";
    }

    private static List<ObjectNode> referencingPolicies(TenantState state, String strengthId) {
        return state.conditionalAccessPolicies().stream()
                .filter(p -> p.path("grantControls").path("authenticationStrength").path("id").asText()
                        .equalsIgnoreCase(strengthId))
                .toList();
    }

    private static boolean requiresMfa(ObjectNode policy) {
        JsonNode grant = policy.path("grantControls");
        return grant.path("operator").asText().equals("AND") || grant.path("builtInControls").isEmpty();
    }

    private static void uniqueName(TenantState state, String name, String exceptId) {
        boolean taken = state.authenticationStrengthPolicies().stream()
                .anyMatch(s -> s.path("displayName").asText().equalsIgnoreCase(name)
                        && !s.path("id").asText().equals(exceptId));
        if (taken) {
            throw GraphException.badRequest("An authentication strength policy named '" + name + "' already exists.");
        }
    }

    private static ObjectNode strength(ApiCall call) {
        String id = call.path("strengthId");
        return call.state().authenticationStrengthPolicies().stream()
                .filter(s -> s.path("id").asText().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> GraphException.itemNotFound("authentication strength policy", id));
    }

    private static ObjectNode custom(ApiCall call) {
        ObjectNode strength = strength(call);
        if (strength.path("policyType").asText().equals("builtIn")) {
            throw GraphException.badRequest("Built-in authentication strength policies cannot be changed or deleted.");
        }
        return strength;
    }

    private static void only(Body body, Set<String> allowed) {
        body.json().fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw GraphException.unknownBodyProperty(name, STRENGTH.typeName());
            }
        });
    }

    private static void requireReader(ApiCall call) {
        if (!call.rules().canReadAuthenticationStrengths(call.actor())) {
            throw GraphException.insufficientPrivileges();
        }
    }

    private static void requireWriter(ApiCall call) {
        ConditionalAccessApi.requireLicence(call.state());
        if (!call.rules().canWriteAuthenticationStrengths(call.actor())) {
            throw GraphException.insufficientPrivileges();
        }
    }

    private static void audit(ApiCall call, AuditActivity activity, ObjectNode strength) {
        new DirectoryAuditLog(call.state()).record(call.actor(), activity, "",
                DirectoryAuditLog.policy(strength.path("id").asText(), strength.path("displayName").asText()));
    }
}
