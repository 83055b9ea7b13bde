package dev.gatehouse.domain.registration;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Grant;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Locations;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Users;
import dev.gatehouse.domain.policy.GraphPolicyJson;
import dev.gatehouse.domain.registration.PolicyShape.Kind;
import dev.gatehouse.domain.text.InertText;
import dev.gatehouse.domain.text.NearestName;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Conditional Access policy read from a file: a Graph {@code conditionalAccessPolicy} body (what
 * {@link PolicyExport#json} writes) or a {@code GET} response. Nothing is sent; every fault is named by Graph's JSON
 * path, and a JSON syntax error by line and column. Fields Gatehouse does not manage are never dropped in silence:
 * they are listed as not imported.
 */
public final class PolicyImport {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /**
     * One reason the file cannot be imported.
     *
     * @param path   Graph's JSON path of the field at fault; empty for the file as a whole
     * @param line   1-based, for JSON syntax errors
     * @param column 1-based, for JSON syntax errors
     */
    public record ImportError(String path, String message, OptionalInt line, OptionalInt column) {
        public ImportError {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
        }

        static ImportError at(String path, String message) {
            return new ImportError(path, message, OptionalInt.empty(), OptionalInt.empty());
        }

        @Override
        public String toString() {
            return message;
        }
    }

    /**
     * @param policy      the policy, when there are no errors; a required strength carries the id the file names and
     *                    whatever of its name and combinations the file holds (an export holds neither)
     * @param strengthId  the id of the authentication strength the policy names; {@link PolicyExport#NEW_STRENGTH_ID}
     *                    for an export whose strength was still to be created
     * @param notices     what was accepted but ignored (read-only fields) or read more widely than written
     * @param notImported fields Graph knows but Gatehouse does not manage, by path: saving the imported policy
     *                    leaves them out
     */
    public record Result(Optional<ConditionalAccessPolicy> policy, Optional<String> strengthId,
                         List<ImportError> errors, List<String> notices, List<String> notImported) {
        public Result {
            errors = List.copyOf(errors);
            notices = List.copyOf(notices);
            notImported = List.copyOf(notImported);
        }

        public boolean imported() {
            return policy.isPresent();
        }
    }

    private final List<ImportError> errors = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private final List<String> notImported = new ArrayList<>();
    private final Set<String> readOnly = new LinkedHashSet<>();

    private PolicyImport() {
    }

    public static Result parse(String text) {
        return new PolicyImport().read(text);
    }

    private Result read(String text) {
        if (text == null || text.isBlank()) {
            return refused(ImportError.at("", "The file is empty: it should hold one Conditional Access policy as "
                    + "JSON."));
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            OptionalInt line = where == null || where.getLineNr() < 1 ? OptionalInt.empty()
                    : OptionalInt.of(where.getLineNr());
            OptionalInt column = where == null || where.getColumnNr() < 1 ? OptionalInt.empty()
                    : OptionalInt.of(where.getColumnNr());
            String at = line.isPresent() ? "at line " + line.getAsInt() + (column.isPresent() ? ", column "
                    + column.getAsInt() : "") + ": " : "";
            return refused(new ImportError("", "The file is not valid JSON " + at
                    + InertText.escape(e.getOriginalMessage()), line, column));
        }
        if (!root.isObject()) {
            return refused(ImportError.at("", "The file holds " + kindOf(root) + "; it should hold one Conditional "
                    + "Access policy, a JSON object."));
        }
        if (root.has("value") && root.get("value").isArray()) {
            return refused(ImportError.at("value", "The file holds a list of policies (a GET of every policy); "
                    + "export or copy one policy on its own."));
        }
        if (root.has("allowedCombinations") && !root.has("conditions")) {
            return refused(ImportError.at("", "The file holds an authentication strength, not a Conditional Access "
                    + "policy."));
        }
        check(root, PolicyShape.POLICY, "");
        require(root, "displayName", "state", "conditions", "conditions.applications", "conditions.users");
        graphRules(root);
        if (!readOnly.isEmpty()) {
            notices.add(String.join(", ", readOnly) + (readOnly.size() == 1 ? " is" : " are") + " read-only and "
                    + "ignored: Graph sets " + (readOnly.size() == 1 ? "it" : "them") + ", and Gatehouse decides which "
                    + "policy it creates or changes.");
        }
        if (!errors.isEmpty()) {
            return new Result(Optional.empty(), Optional.empty(), errors, notices, notImported);
        }
        ConditionalAccessPolicy policy = policy(root);
        Optional<String> strengthId = policy.grant().strength().map(AuthenticationStrength::id);
        if (strengthId.filter(PolicyExport.NEW_STRENGTH_ID::equals).isPresent()) {
            notices.add("grantControls.authenticationStrength names " + PolicyExport.NEW_STRENGTH_ID + ": the strength "
                    + "this export would create first. Choose an existing strength or let Gatehouse create it.");
        }
        return new Result(Optional.of(policy), strengthId, errors, notices, notImported);
    }

    private static Result refused(ImportError error) {
        return new Result(Optional.empty(), Optional.empty(), List.of(error), List.of(), List.of());
    }

    // ---- checking against the shape

    private void check(JsonNode node, PolicyShape shape, String path) {
        if (node == null || node.isNull()) {
            return;
        }
        switch (shape.kind) {
            case READ_ONLY -> readOnly.add(path);
            case EXPANDED -> { }
            case NOT_IMPORTED -> {
                if (!isEmpty(node)) {
                    notImported.add(path + " is not imported: Gatehouse does not manage it, so the policy it "
                            + "saves leaves it out.");
                }
            }
            case TEXT -> expect(node.isTextual(), node, path, "text");
            case BOOLEAN -> expect(node.isBoolean(), node, path, "true or false");
            case INTEGER -> expect(node.isIntegralNumber() && node.canConvertToInt(), node, path, "a whole number");
            case ENUM -> {
                if (expect(node.isTextual(), node, path, "text")) {
                    value(node.asText(), shape.values, path);
                }
            }
            case FLAGS -> {
                if (expect(node.isTextual(), node, path, "text")) {
                    Arrays.stream(node.asText().split(",")).map(String::strip)
                            .forEach(flag -> value(flag, shape.values, path));
                }
            }
            case TEXT_LIST, ENUM_LIST -> list(node, shape, path);
            case OBJECT -> object(node, shape, path);
        }
    }

    private void object(JsonNode node, PolicyShape shape, String path) {
        if (!expect(node.isObject(), node, path, "an object")) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            String fieldPath = path.isEmpty() ? name : path + "." + name;
            if (name.contains("@")) {
                continue; // OData annotations: @odata.type, @odata.context, authenticationStrength@odata.context
            }
            PolicyShape known = shape.fields.get(name);
            if (known == null) {
                errors.add(ImportError.at(fieldPath, InertText.escape(fieldPath) + " is not a field Graph knows"
                        + NearestName.to(name, shape.fields.keySet()).map(near -> "; did you mean " + near + "?")
                        .orElse(here(shape))));
            } else {
                check(field.getValue(), known, fieldPath);
            }
        }
    }

    private static String here(PolicyShape shape) {
        return " here; the fields are " + String.join(", ", shape.fields.keySet()) + ".";
    }

    private void list(JsonNode node, PolicyShape shape, String path) {
        if (!expect(node.isArray(), node, path, "a list of text")) {
            return;
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                errors.add(ImportError.at(path, path + " must be a list of text, but holds " + kindOf(item) + "."));
                return;
            }
            if (shape.kind == Kind.ENUM_LIST) {
                value(item.asText(), shape.values, path);
            }
        }
    }

    private void value(String given, Set<String> values, String path) {
        if (!values.contains(given)) {
            String shown = InertText.escape(given);
            errors.add(ImportError.at(path, path + ": \"" + shown + "\" is not a value Graph knows"
                    + NearestName.to(given, values).map(near -> "; did you mean " + near + "?")
                    .orElse("; use " + String.join(", ", new TreeSet<>(values)) + ".")));
        }
    }

    private boolean expect(boolean fits, JsonNode node, String path, String wanted) {
        if (!fits) {
            errors.add(ImportError.at(path, path + " must be " + wanted + ", not " + kindOf(node) + "."));
        }
        return fits;
    }

    private void require(JsonNode root, String... paths) {
        for (String path : paths) {
            JsonNode node = root;
            for (String name : path.split("\\.")) {
                node = node.path(name);
            }
            // a parent of the wrong kind has its own error; "missing" beneath it would only repeat it
            boolean parentFaulty = errors.stream()
                    .anyMatch(e -> !e.path().isEmpty() && path.startsWith(e.path() + "."));
            if ((node.isMissingNode() || node.isNull()) && !parentFaulty) {
                errors.add(ImportError.at(path, path + " is missing; Graph requires it."));
            }
        }
    }

    /** What Graph refuses beyond the schema, in its words, and a time-based frequency without its time. */
    private void graphRules(JsonNode root) {
        JsonNode frequency = root.path("sessionControls").path("signInFrequency");
        if (frequency.path("isEnabled").asBoolean(false)
                && !"everyTime".equals(frequency.path("frequencyInterval").asText())) {
            for (String field : List.of("type", "value")) {
                if (frequency.path(field).isMissingNode() || frequency.path(field).isNull()) {
                    errors.add(ImportError.at("sessionControls.signInFrequency." + field, "sessionControls"
                            + ".signInFrequency." + field + " is missing; a time-based sign-in frequency needs "
                            + "its type (hours or days) and value."));
                }
            }
        }
        JsonNode grant = root.path("grantControls");
        JsonNode strength = grant.path("authenticationStrength");
        boolean mfa = false;
        for (JsonNode control : grant.path("builtInControls")) {
            mfa |= RegistrationPolicyDesign.MFA.equals(control.asText());
        }
        if (mfa && strength.isObject()) {
            errors.add(ImportError.at("grantControls.builtInControls", RegistrationPolicyDesign.MFA_WITH_STRENGTH));
        }
        if (strength.isObject() && !strength.path("id").isTextual()) {
            errors.add(ImportError.at("grantControls.authenticationStrength.id", "grantControls.authenticationStrength "
                    + "must name the strength by its id: {\"id\": \"…\"}."));
        }
    }

    private static boolean isEmpty(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return true;
        }
        if (node.isTextual()) {
            return node.asText().isEmpty();
        }
        if (node.isArray()) {
            return node.isEmpty();
        }
        if (node.isBoolean()) {
            return !node.asBoolean();
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!field.getKey().contains("@") && !isEmpty(field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static String kindOf(JsonNode node) {
        if (node.isTextual()) {
            return "text";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? "true" : "false";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.isObject() ? "an object" : "null";
    }

    // ---- the checked tree as the domain's policy

    private ConditionalAccessPolicy policy(JsonNode root) {
        JsonNode conditions = root.path("conditions");
        JsonNode users = conditions.path("users");
        JsonNode applications = conditions.path("applications");
        JsonNode grant = root.path("grantControls");
        JsonNode locations = conditions.path("locations");
        return new ConditionalAccessPolicy(null, root.path("displayName").asText(),
                State.fromGraph(root.path("state").asText()),
                new Users(strings(users, "includeUsers"), strings(users, "excludeUsers"),
                        strings(users, "includeGroups"), strings(users, "excludeGroups"),
                        strings(users, "includeRoles"), strings(users, "excludeRoles"),
                        guests(users, "includeGuestsOrExternalUsers"), guests(users, "excludeGuestsOrExternalUsers")),
                strings(applications, "includeApplications"), strings(applications, "excludeApplications"),
                strings(applications, "includeUserActions"),
                new Grant("AND".equals(grant.path("operator").asText()), strings(grant, "builtInControls"),
                        strength(grant.path("authenticationStrength"))),
                signInFrequencyHours(root.path("sessionControls").path("signInFrequency")),
                strings(conditions, "clientAppTypes"),
                new Locations(strings(locations, "includeLocations"), strings(locations, "excludeLocations")));
    }

    /**
     * Gatehouse holds guests as "every kind, from every tenant" or nothing; a narrower object is read as the wider
     * one, and said.
     */
    private boolean guests(JsonNode users, String field) {
        JsonNode guests = users.path(field);
        if (!guests.isObject()) {
            return false;
        }
        Set<String> types = new TreeSet<>(Arrays.stream(guests.path("guestOrExternalUserTypes").asText("").split(","))
                .map(String::strip).filter(type -> !type.isEmpty()).toList());
        Set<String> every = new TreeSet<>(Arrays.asList(GraphPolicyJson.ALL_GUEST_OR_EXTERNAL_USER_TYPES.split(",")));
        boolean allTenants = !guests.path("externalTenants").isObject()
                || "all".equals(guests.path("externalTenants").path("membershipKind").asText("all"));
        if (!types.equals(every) || !allTenants) {
            notices.add("conditions.users." + field + " names " + (types.isEmpty() ? "no type" : String.join(", ",
                    types)) + (allTenants ? "" : " from some tenants") + "; Gatehouse reads it as every kind of guest "
                    + "and external user, from every tenant.");
        }
        return true;
    }

    private static Optional<AuthenticationStrength> strength(JsonNode strength) {
        if (!strength.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new AuthenticationStrength(strength.path("id").asText(),
                strength.path("displayName").asText(null), strings(strength, "allowedCombinations")));
    }

    /** As the gateway reads it: days as 24 hours each, "every time" as 0, empty when not enabled. */
    private static Optional<Integer> signInFrequencyHours(JsonNode frequency) {
        if (!frequency.path("isEnabled").asBoolean(false)) {
            return Optional.empty();
        }
        if ("everyTime".equals(frequency.path("frequencyInterval").asText())) {
            return Optional.of(0);
        }
        int value = frequency.path("value").asInt(0);
        return Optional.of("days".equals(frequency.path("type").asText()) ? value * 24 : value);
    }

    private static Set<String> strings(JsonNode parent, String field) {
        Set<String> values = new LinkedHashSet<>();
        parent.path(field).forEach(value -> values.add(value.asText()));
        return values;
    }
}
