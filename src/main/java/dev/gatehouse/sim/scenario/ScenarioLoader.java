package dev.gatehouse.sim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.sim.state.MethodStore;
import dev.gatehouse.sim.state.PasswordHash;
import dev.gatehouse.sim.state.SimGroup;
import dev.gatehouse.sim.state.SimMethod;
import dev.gatehouse.sim.state.SimRoleAssignment;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.Wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link TenantState} from a scenario: reads the file (with its {@code extends} chain), turns
 * relative dates into instants at load time, creates users, groups, role assignments and methods, expands
 * {@code {{user:UPN}}}-style references in the tenant's JSON documents and, for {@code large:N}, adds the
 * generated users. Every problem is reported as an {@link IllegalArgumentException} naming the scenario
 * and the offending entry.
 */
public final class ScenarioLoader {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(user|group|role|tenantId|initialDomain)(?::([^}]*))?}}");

    private final Instant now;

    private ScenarioLoader(Instant now) {
        this.now = now;
    }

    public static TenantState load(String name, Clock clock) {
        return load(ScenarioRef.parse(name), clock);
    }

    public static TenantState load(ScenarioRef ref, Clock clock) {
        ScenarioLoader loader = new ScenarioLoader(clock.instant());
        try {
            return loader.build(ref, clock);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Scenario '" + ref.name() + "': " + e.getMessage(), e);
        }
    }

    private TenantState build(ScenarioRef ref, Clock clock) {
        ObjectNode document = ScenarioFiles.read(ref.file());
        resolveTimes(document);
        ScenarioSpec spec = spec(document);
        require(spec.tenantId(), "tenantId");
        require(spec.organization(), "organization");
        String initialDomain = initialDomain(spec.organization());

        LargeTenant large = ref.generatedUsers() > 0
                ? new LargeTenant(ref.generatedUsers(), now, initialDomain, defaultDomain(spec.organization()))
                : null;
        MethodStore methods = large == null ? MethodStore.storedOnly() : new MethodStore(large::methodsOf);
        TenantState state = new TenantState(ref.name(), spec.tenantId().toLowerCase(Locale.ROOT), clock, methods);

        spec.subscribedSkus().forEach(sku -> state.subscribedSkus().add(sku(sku, state.tenantId())));
        for (ScenarioSpec.UserSpec user : spec.users()) {
            addUser(state, user, spec.defaultLicense());
        }
        for (ScenarioSpec.GroupSpec group : spec.groups()) {
            state.addGroup(group(group));
        }
        for (ScenarioSpec.GroupSpec group : spec.groups()) {
            wireGroup(state, group);
        }
        if (large != null) {
            large.populate(state);
        }
        PimSchedules pim = new PimSchedules(state, now);
        spec.roleAssignmentSchedules().forEach(schedule -> pim.addAssignment((ObjectNode) expand(schedule, state,
                initialDomain)));
        spec.roleEligibilitySchedules().forEach(schedule -> pim.addEligibility((ObjectNode) expand(schedule, state,
                initialDomain)));
        PimPolicies.load(state, spec.roleManagementPolicyAssignments().stream()
                .map(policy -> (ObjectNode) expand(policy, state, initialDomain)).toList());

        state.organization((ObjectNode) expand(spec.organization(), state, initialDomain));
        if (spec.authenticationMethodsPolicy() != null) {
            state.authenticationMethodsPolicy((ObjectNode) expand(spec.authenticationMethodsPolicy(), state,
                    initialDomain));
        }
        state.securityDefaultsEnabled(spec.identitySecurityDefaultsEnforcementPolicy() != null
                && spec.identitySecurityDefaultsEnforcementPolicy().path("isEnabled").asBoolean(false));
        builtInStrengths().forEach(strength -> state.authenticationStrengthPolicies().add(strength));
        addAll(spec.authenticationStrengthPolicies(), state.authenticationStrengthPolicies(), state, initialDomain);
        addAll(spec.conditionalAccessPolicies(), state.conditionalAccessPolicies(), state, initialDomain);
        addAll(spec.directoryAudits(), state.directoryAudits(), state, initialDomain);
        addAll(spec.signIns(), state.signIns(), state, initialDomain);

        if (spec.demoPassword() != null) {
            state.demoPassword(PasswordHash.of(spec.demoPassword()));
        }
        if (spec.signedInAdmin() != null) {
            SimUser admin = state.user(spec.signedInAdmin()).orElseThrow(() -> new IllegalArgumentException(
                    "signedInAdmin '" + spec.signedInAdmin() + "' is not one of the scenario's users"));
            state.scenarioAdmin(admin.id());
        }
        return state;
    }

    private void addUser(TenantState state, ScenarioSpec.UserSpec spec, String defaultLicense) {
        String upn = require(spec.userPrincipalName(), "userPrincipalName of a user");
        String id = spec.id() != null ? spec.id().toLowerCase(Locale.ROOT) : stableId("user", upn);
        SimUser user = new SimUser(id, upn, spec.displayName())
                .givenName(spec.givenName())
                .surname(spec.surname())
                .jobTitle(spec.jobTitle())
                .department(spec.department())
                .officeLocation(spec.officeLocation())
                .mobilePhone(spec.mobilePhone())
                .businessPhones(spec.businessPhones())
                .otherMails(spec.otherMails())
                .preferredLanguage(spec.preferredLanguage())
                .usageLocation(spec.usageLocation())
                .companyName(spec.companyName())
                .city(spec.city())
                .country(spec.country())
                .employeeId(spec.employeeId())
                .accountEnabled(spec.accountEnabled() == null || spec.accountEnabled())
                .userType(spec.userType() == null ? "Member" : spec.userType())
                .createdDateTime(instant(spec.createdDateTime()))
                .onPremisesSyncEnabled(spec.onPremisesSyncEnabled())
                .onPremisesImmutableId(spec.onPremisesImmutableId())
                .onPremisesLastSyncDateTime(instant(spec.onPremisesLastSyncDateTime()))
                .signInSessionsValidFromDateTime(instant(spec.signInSessionsValidFromDateTime()))
                .lastPasswordChangeDateTime(instant(spec.lastPasswordChangeDateTime()))
                .passwordPolicies(spec.passwordPolicies());
        boolean guest = user.guest();
        user.creationType(spec.creationType() != null ? spec.creationType() : guest ? "Invitation" : null);
        user.externalUserState(spec.externalUserState() != null ? spec.externalUserState() : guest ? "Accepted" : null);
        user.mailNickname(spec.mailNickname() != null ? spec.mailNickname() : upn.substring(0, upn.indexOf('@') < 0
                ? upn.length() : upn.indexOf('@')));
        List<String> skuIds = new ArrayList<>();
        if (Boolean.TRUE.equals(spec.licensed())) {
            skuIds.add(skuId(state, require(defaultLicense, "defaultLicense (user " + upn + " is licensed)")));
        }
        for (String license : spec.licenses() == null ? List.<String>of() : spec.licenses()) {
            skuIds.add(skuId(state, license));
        }
        user.directSkuIds(skuIds);
        user.mail(spec.mail() != null ? spec.mail() : !guest && !skuIds.isEmpty() ? upn : null);
        if (user.signInSessionsValidFromDateTime() == null) {
            user.signInSessionsValidFromDateTime(user.createdDateTime());
        }
        if (user.lastPasswordChangeDateTime() == null && !guest) {
            user.lastPasswordChangeDateTime(user.createdDateTime());
        }
        try {
            state.addUser(user);
        } catch (IllegalArgumentException duplicate) {
            throw new IllegalArgumentException("user " + upn + ": " + duplicate.getMessage());
        }
        for (String role : spec.roles() == null ? List.<String>of() : spec.roles()) {
            state.addRoleAssignment(SimRoleAssignment.tenantWide(user.id(), roleTemplate(state, role, upn)));
        }
        state.methods().put(user.id(), methods(user, spec.methods() == null ? List.of() : spec.methods()));
    }

    private List<SimMethod> methods(SimUser user, List<ObjectNode> specs) {
        List<SimMethod> methods = new ArrayList<>();
        boolean hasPassword = specs.stream().anyMatch(m -> "password".equals(m.path("type").asText()));
        if (!user.guest() && !hasPassword) {
            methods.add(new SimMethod(MethodType.PASSWORD_METHOD_ID, MethodType.PASSWORD,
                    user.lastPasswordChangeDateTime(), Wire.object()));
        }
        for (int i = 0; i < specs.size(); i++) {
            methods.add(method(user, specs.get(i), i));
        }
        return methods;
    }

    private SimMethod method(SimUser user, ObjectNode spec, int index) {
        String typeName = spec.path("type").asText("");
        MethodType type = MethodType.fromCollection(typeName + "Methods").orElseThrow(() -> new IllegalArgumentException(
                "user " + user.userPrincipalName() + ": unknown method type '" + typeName + "'. Use one of: "
                        + String.join(", ", methodTypeNames())));
        if (spec.has("temporaryAccessPass")) {
            throw new IllegalArgumentException("user " + user.userPrincipalName() + ": a scenario never holds a "
                    + "Temporary Access Pass code; leave temporaryAccessPass out");
        }
        ObjectNode properties = spec.deepCopy();
        properties.remove(List.of("type", "id", "createdDateTime"));
        String id = spec.hasNonNull("id") ? spec.get("id").asText() : defaultMethodId(user, type, properties, index);
        Instant created = spec.hasNonNull("createdDateTime") ? instant(spec.get("createdDateTime").asText()) : null;
        if (type == MethodType.PHONE && !SimMethod.PHONE_IDS.containsKey(properties.path("phoneType").asText())) {
            throw new IllegalArgumentException("user " + user.userPrincipalName()
                    + ": a phone method needs phoneType mobile, alternateMobile or office");
        }
        return new SimMethod(id, type, created, properties);
    }

    private static List<String> methodTypeNames() {
        List<String> names = new ArrayList<>();
        for (MethodType type : MethodType.values()) {
            type.collection().ifPresent(c -> names.add(c.substring(0, c.length() - "Methods".length())));
        }
        return names;
    }

    private static String defaultMethodId(SimUser user, MethodType type, ObjectNode properties, int index) {
        return switch (type) {
            case PASSWORD -> MethodType.PASSWORD_METHOD_ID;
            case PHONE -> SimMethod.PHONE_IDS.get(properties.path("phoneType").asText());
            case EMAIL -> SimMethod.EMAIL_METHOD_ID;
            default -> stableId("method", user.userPrincipalName() + "/" + type.name() + "/" + index);
        };
    }

    private SimGroup group(ScenarioSpec.GroupSpec spec) {
        String name = require(spec.displayName(), "displayName of a group");
        String id = spec.id() != null ? spec.id().toLowerCase(Locale.ROOT) : stableId("group", name);
        return new SimGroup(id, name)
                .description(spec.description())
                .mailNickname(spec.mailNickname() != null ? spec.mailNickname()
                        : name.replaceAll("[^A-Za-z0-9]", ""))
                .mail(spec.mail())
                .mailEnabled(Boolean.TRUE.equals(spec.mailEnabled()))
                .securityEnabled(spec.securityEnabled() == null || spec.securityEnabled())
                .groupTypes(spec.groupTypes())
                .isAssignableToRole(spec.isAssignableToRole())
                .visibility(spec.visibility())
                .membershipRule(spec.membershipRule())
                .createdDateTime(instant(spec.createdDateTime()))
                .onPremisesSyncEnabled(spec.onPremisesSyncEnabled());
    }

    private void wireGroup(TenantState state, ScenarioSpec.GroupSpec spec) {
        SimGroup group = state.group(spec.id() != null ? spec.id() : stableId("group", spec.displayName()))
                .orElseThrow();
        for (String member : spec.members() == null ? List.<String>of() : spec.members()) {
            group.members().add(objectId(state, member, group.displayName()));
        }
        for (String owner : spec.owners() == null ? List.<String>of() : spec.owners()) {
            group.owners().add(objectId(state, owner, group.displayName()));
        }
        group.licensedSkuIds((spec.licenses() == null ? List.<String>of() : spec.licenses()).stream()
                .map(license -> skuId(state, license)).toList());
        for (String role : spec.roles() == null ? List.<String>of() : spec.roles()) {
            if (!group.roleAssignable()) {
                throw new IllegalArgumentException("group " + group.displayName() + " holds role '" + role
                        + "' but is not role-assignable (isAssignableToRole: true)");
            }
            state.addRoleAssignment(SimRoleAssignment.tenantWide(group.id(), roleTemplate(state, role,
                    group.displayName())));
        }
    }

    private static String objectId(TenantState state, String reference, String group) {
        return state.user(reference).map(SimUser::id)
                .or(() -> state.groups().stream().filter(g -> g.displayName().equalsIgnoreCase(reference)
                        || g.id().equalsIgnoreCase(reference)).map(SimGroup::id).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("group " + group + " lists '" + reference
                        + "', which is neither a user nor a group of the scenario"));
    }

    private static String roleTemplate(TenantState state, String role, String holder) {
        return state.roles().templateId(role).orElseThrow(() -> new IllegalArgumentException(holder
                + ": unknown directory role '" + role + "'"));
    }

    private static String skuId(TenantState state, String license) {
        return state.subscribedSkus().stream()
                .filter(s -> s.path("skuPartNumber").asText().equalsIgnoreCase(license)
                        || s.path("skuId").asText().equalsIgnoreCase(license))
                .map(s -> s.path("skuId").asText())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("licence '" + license
                        + "' is not among the scenario's subscribedSkus"));
    }

    private static ObjectNode sku(ObjectNode spec, String tenantId) {
        ObjectNode sku = spec.deepCopy();
        String skuId = require(sku.path("skuId").asText(null), "skuId of a subscribed SKU");
        if (!sku.has("id")) {
            sku.put("id", tenantId + "_" + skuId);
        }
        if (!sku.has("accountId")) {
            sku.put("accountId", tenantId);
        }
        return sku;
    }

    private void addAll(List<ObjectNode> specs, List<ObjectNode> target, TenantState state, String initialDomain) {
        specs.forEach(spec -> target.add((ObjectNode) expand(spec, state, initialDomain)));
    }

    /** Replaces {@code {{user:UPN}}}, {@code {{group:Name}}}, {@code {{role:Name}}}, {@code {{tenantId}}}, {@code {{initialDomain}}}. */
    private JsonNode expand(JsonNode node, TenantState state, String initialDomain) {
        if (node.isTextual()) {
            Matcher matcher = PLACEHOLDER.matcher(node.asText());
            StringBuilder result = new StringBuilder();
            while (matcher.find()) {
                String argument = matcher.group(2);
                String value = switch (matcher.group(1)) {
                    case "user" -> state.user(argument).map(SimUser::id).orElseThrow(() ->
                            new IllegalArgumentException("{{user:" + argument + "}} names no user of the scenario"));
                    case "group" -> state.groups().stream().filter(g -> g.displayName().equalsIgnoreCase(argument))
                            .map(SimGroup::id).findFirst().orElseThrow(() ->
                                    new IllegalArgumentException("{{group:" + argument + "}} names no group"));
                    case "role" -> roleTemplate(state, argument, "{{role:" + argument + "}}");
                    case "tenantId" -> state.tenantId();
                    default -> initialDomain;
                };
                matcher.appendReplacement(result, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(result);
            return new TextNode(result.toString());
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = Wire.object();
            object.properties().forEach(f -> copy.set(f.getKey(), expand(f.getValue(), state, initialDomain)));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = Wire.array();
            array.forEach(element -> copy.add(expand(element, state, initialDomain)));
            return copy;
        }
        return node.deepCopy();
    }

    /** Turns every relative value of a {@code …DateTime} field into an ISO date-time at load time. */
    private void resolveTimes(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (field.getKey().endsWith("DateTime") && value.isTextual() && RelativeTime.isRelative(value.asText())) {
                    field.setValue(new TextNode(Wire.formatDateTime(RelativeTime.resolve(value.asText(), now))));
                } else {
                    resolveTimes(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::resolveTimes);
        }
    }

    private ScenarioSpec spec(ObjectNode document) {
        try {
            return Wire.MAPPER.treeToValue(document, ScenarioSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the file does not match the scenario format: " + e.getOriginalMessage());
        }
    }

    private Instant instant(String value) {
        return value == null ? null : RelativeTime.resolve(value, now);
    }

    private static String initialDomain(ObjectNode organization) {
        for (JsonNode domain : organization.path("verifiedDomains")) {
            if (domain.path("isInitial").asBoolean()) {
                return domain.path("name").asText();
            }
        }
        throw new IllegalArgumentException("organization.verifiedDomains needs the initial *.onmicrosoft.com domain "
                + "(isInitial: true)");
    }

    private static String defaultDomain(ObjectNode organization) {
        for (JsonNode domain : organization.path("verifiedDomains")) {
            if (domain.path("isDefault").asBoolean()) {
                return domain.path("name").asText();
            }
        }
        return initialDomain(organization);
    }

    private static List<ObjectNode> builtInStrengths() {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(
                "/dev/gatehouse/sim/builtInAuthenticationStrengths.json")) {
            List<ObjectNode> strengths = new ArrayList<>();
            Objects.requireNonNull(in, "builtInAuthenticationStrengths.json is missing");
            Wire.MAPPER.readTree(in).forEach(node -> strengths.add((ObjectNode) node));
            return strengths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ids derived from names, so a user keeps the same id across resets and across scenarios. */
    static String stableId(String kind, String name) {
        return UUID.nameUUIDFromBytes((kind + ":" + name.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return value;
    }
}
