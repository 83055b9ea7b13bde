package dev.gatehouse.sim.conformance;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the placeholders of {@link DocumentedEndpoints} from the running tenant, through its own
 * Graph API: {@code {user}} every user, {@code {methodUser:fido2Methods}} with {@code {method}} every
 * FIDO2 key of every user, {@code {group}}, {@code {roleAssignment}}, {@code {organization}},
 * {@code {caPolicy}}, {@code {admin}} the signed-in admin, {@code {plainUser}} one enabled member
 * without a directory role, {@code {missingUser}} an id no user has, {@code {newUser}} and {@code {newGroup}} a user or
 * security group created for that request alone (for endpoints that delete or change them), {@code {initialDomain}}
 * the tenant's {@code *.onmicrosoft.com} domain.
 */
final class TenantProbe {

    /** Enough objects to meet every state the scenario has, few enough to stay fast. */
    private static final int MAX_BINDINGS = 60;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(admin|plainUser|missingUser|user|group|roleAssignment"
            + "|organization|caPolicy|newUser|newGroup|initialDomain|methodUser:\\w+|method)}");

    private final GraphHttp http;
    private final String adminId;
    private final Map<String, List<String>> cache = new LinkedHashMap<>();
    private int created;

    TenantProbe(GraphHttp http, String adminId) {
        this.http = http;
        this.adminId = adminId;
    }

    /** Every way to fill the endpoint's placeholders; one map per request to send. */
    List<Map<String, String>> bindings(DocumentedEndpoints.Endpoint endpoint) {
        Set<String> names = new LinkedHashSet<>();
        for (String template : new String[]{endpoint.request(), endpoint.body()}) {
            if (template != null) {
                Matcher matcher = PLACEHOLDER.matcher(template);
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        List<Map<String, String>> bindings = List.of(Map.of());
        for (String name : names) {
            if (!name.equals("method")) {
                bindings = expand(bindings, name, names.contains("method"));
            }
        }
        return bindings.size() > MAX_BINDINGS ? bindings.subList(0, MAX_BINDINGS) : bindings;
    }

    static String fill(String template, Map<String, String> binding) {
        if (template == null) {
            return null;
        }
        String filled = template;
        for (var entry : binding.entrySet()) {
            filled = filled.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        return filled;
    }

    private List<Map<String, String>> expand(List<Map<String, String>> bindings, String name, boolean withMethod) {
        List<Map<String, String>> expanded = new ArrayList<>();
        for (Map<String, String> binding : bindings) {
            if (name.startsWith("methodUser:")) {
                for (String pair : methodsOf(name.substring("methodUser:".length()))) {
                    String[] userAndMethod = pair.split(" ", 2);
                    Map<String, String> next = new LinkedHashMap<>(binding);
                    next.put(name, userAndMethod[0]);
                    if (withMethod) {
                        next.put("method", userAndMethod[1]);
                    }
                    if (!expanded.contains(next)) {
                        expanded.add(next);
                    }
                }
            } else {
                for (String value : values(name)) {
                    Map<String, String> next = new LinkedHashMap<>(binding);
                    next.put(name, value);
                    expanded.add(next);
                }
            }
        }
        return expanded;
    }

    private List<String> values(String name) {
        return switch (name) {
            case "admin" -> List.of(adminId);
            case "missingUser" -> List.of("00000000-0000-0000-0000-000000000000");
            case "user" -> cached("users", () -> ids("/users?$select=id&$top=999"));
            case "group" -> cached("groups", () -> ids("/groups?$select=id&$top=999"));
            case "roleAssignment" -> cached("roleAssignments", () -> ids("/roleManagement/directory/roleAssignments"));
            case "organization" -> cached("organization", () -> ids("/organization"));
            case "caPolicy" -> cached("caPolicies", () -> ids("/identity/conditionalAccess/policies"));
            case "plainUser" -> cached("plainUser", this::plainUser);
            case "initialDomain" -> cached("initialDomain", () -> List.of(initialDomain()));
            case "newUser" -> List.of(newUser());
            case "newGroup" -> List.of(created("/groups", "{\"displayName\": \"Conformance\", \"mailEnabled\": false, "
                    + "\"mailNickname\": \"" + freshName() + "\", \"securityEnabled\": true}"));
            default -> throw new IllegalArgumentException("unknown placeholder {" + name + "}");
        };
    }

    private String newUser() {
        String name = freshName();
        return created("/users", "{\"accountEnabled\": true, \"displayName\": \"Conformance\", \"mailNickname\": \""
                + name + "\", \"userPrincipalName\": \"" + name + "@" + initialDomain() + "\", "
                + "\"passwordProfile\": {\"password\": \"Cf-8#kq2-Lx7!\"}}");
    }

    /** The id of an object created for one request that changes or removes it, so no other endpoint loses it. */
    private String created(String collection, String body) {
        GraphHttp.Response response = http.send("POST", collection, body, List.of("Content-Type", "application/json"));
        if (response.status() != 201) {
            throw new IllegalStateException("POST " + collection + " answered " + response.status() + ": "
                    + response.body());
        }
        return response.json().path("id").asText();
    }

    /** A name no object has yet ({@code conformance-1}, {@code conformance-2}, …). */
    private String freshName() {
        return "conformance-" + ++created;
    }

    private String initialDomain() {
        for (JsonNode domain : http.get("/organization").json().path("value").get(0).path("verifiedDomains")) {
            if (domain.path("isInitial").asBoolean()) {
                return domain.path("name").asText();
            }
        }
        throw new IllegalStateException("the tenant has no initial domain");
    }

    /** "userId methodId" for every method in that per-type collection, read from /authentication/methods. */
    private List<String> methodsOf(String collection) {
        return cached("methods:" + collection, () -> {
            List<String> pairs = new ArrayList<>();
            for (String user : values("user")) {
                for (JsonNode method : http.get("/users/" + user + "/authentication/methods").json().path("value")) {
                    if (collection.equals(collectionOf(method.path("@odata.type").asText()))) {
                        pairs.add(user + " " + method.path("id").asText());
                    }
                }
            }
            return pairs;
        });
    }

    /** #microsoft.graph.fido2AuthenticationMethod → fido2Methods; externalAuthenticationMethod keeps its name. */
    static String collectionOf(String odataType) {
        String type = odataType.replaceFirst("^#microsoft\\.graph\\.", "");
        if (type.equals("externalAuthenticationMethod")) {
            return "externalAuthenticationMethods";
        }
        return type.endsWith("AuthenticationMethod") ? type.replaceFirst("AuthenticationMethod$", "Methods") : type;
    }

    private List<String> plainUser() {
        Set<String> privileged = new LinkedHashSet<>(ids("/roleManagement/directory/roleAssignments", "principalId"));
        privileged.add(adminId);
        for (JsonNode user : http.get("/users?$select=id,userType,accountEnabled&$top=999").json().path("value")) {
            String id = user.path("id").asText();
            if (!privileged.contains(id) && "Member".equals(user.path("userType").asText())
                    && user.path("accountEnabled").asBoolean()) {
                return List.of(id);
            }
        }
        return List.of();
    }

    private List<String> ids(String pathAndQuery) {
        return ids(pathAndQuery, "id");
    }

    private List<String> ids(String pathAndQuery, String property) {
        GraphHttp.Response response = http.get(pathAndQuery);
        if (response.status() != 200) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        response.json().path("value").forEach(object -> ids.add(object.path(property).asText()));
        return ids;
    }

    private List<String> cached(String key, Supplier<List<String>> load) {
        List<String> values = cache.get(key);
        if (values == null) {
            values = load.get();
            cache.put(key, values);
        }
        return values;
    }
}
