package dev.gatehouse.sim.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.method.TapState;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.signin.PolicyScope;
import dev.gatehouse.domain.signin.SignInMethod;
import dev.gatehouse.domain.signin.SignInSimulator;
import dev.gatehouse.domain.signin.SignInSituation;
import dev.gatehouse.domain.signin.SignInTarget;
import dev.gatehouse.domain.signin.SignInVerdict;
import dev.gatehouse.domain.signin.UserSnapshot;
import dev.gatehouse.domain.user.SyncState;
import dev.gatehouse.domain.user.UserProfile;
import dev.gatehouse.domain.user.UserType;
import dev.gatehouse.sim.access.TemporaryAccessPassPolicy;
import dev.gatehouse.sim.policy.WhatIfEvaluator.Conditions;
import dev.gatehouse.sim.policy.WhatIfEvaluator.Subject;
import dev.gatehouse.sim.policy.WhatIfEvaluator.Target;
import dev.gatehouse.sim.scenario.ScenarioLoader;
import dev.gatehouse.sim.state.SimMethod;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.Wire;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo tenant and the domain's sign-in simulator decide two questions each on their own: whether a Conditional
 * Access policy reaches a sign-in (What If's {@code policyApplies} on users and resources, against
 * {@link PolicyScope}) and whether a Temporary Access Pass can be used at a given time (the tenant's
 * {@code methodUsabilityReason}, against the simulator reading the pass as Graph reported it earlier). Same cases,
 * same answers. (The methods-policy targeting both use is one rule, {@code MethodConfiguration.appliesTo}.)
 */
class SignInSimulatorAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GLOBAL_ADMIN = "62e90394-69f5-4237-9190-012177145e10";
    private static final String BREAK_GLASS_GROUP = "11111111-1111-1111-1111-111111111111";
    private static final String STAFF_GROUP = "22222222-2222-2222-2222-222222222222";
    private static final String EXCHANGE = "00000002-0000-0ff1-ce00-000000000000";
    private static final String ALL_GUEST_TYPES = "{\"guestOrExternalUserTypes\": \"internalGuest,b2bCollaborationGuest,"
            + "b2bCollaborationMember,b2bDirectConnectUser,otherExternalUser,serviceProvider\", \"externalTenants\":"
            + " {\"@odata.type\": \"#microsoft.graph.conditionalAccessAllExternalTenants\", \"membershipKind\": \"all\"}}";

    /** Users ({@code conditions.users} bodies) × resources ({@code conditions.applications} bodies). */
    private static final List<String> USERS = List.of(
            "{\"includeUsers\": [\"All\"]}",
            "{\"includeUsers\": [\"All\"], \"excludeGroups\": [\"" + BREAK_GLASS_GROUP + "\"], \"excludeGuestsOrExternalUsers\": "
                    + ALL_GUEST_TYPES + "}",
            "{\"includeRoles\": [\"" + GLOBAL_ADMIN + "\"]}",
            "{\"includeGroups\": [\"" + STAFF_GROUP + "\"], \"excludeUsers\": [\"m\"]}",
            "{\"includeUsers\": [\"GuestsOrExternalUsers\"]}",
            "{\"includeGuestsOrExternalUsers\": " + ALL_GUEST_TYPES + "}",
            "{\"includeUsers\": [\"None\"], \"includeGroups\": [\"" + STAFF_GROUP + "\"]}",
            "{\"includeUsers\": [\"a\", \"g\"], \"excludeRoles\": [\"" + GLOBAL_ADMIN + "\"]}");
    private static final List<String> RESOURCES = List.of(
            "{\"includeApplications\": [\"All\"]}",
            "{\"includeApplications\": [\"All\"], \"excludeApplications\": [\"Office365\"]}",
            "{\"includeApplications\": [\"Office365\"]}",
            "{\"includeApplications\": [\"MicrosoftAdminPortals\"]}",
            "{\"includeApplications\": [\"All\"], \"excludeApplications\": [\"MicrosoftAdminPortals\"]}",
            "{\"includeApplications\": [], \"includeUserActions\": [\"urn:user:registersecurityinfo\"]}");

    private record Person(Subject subject, UserSnapshot snapshot) {
    }

    private static final List<Person> PEOPLE = List.of(
            person("a", null, Set.of(), Set.of(GLOBAL_ADMIN)),
            person("m", null, Set.of(STAFF_GROUP), Set.of()),
            person("s", null, Set.of(STAFF_GROUP), Set.of()),
            person("g", "b2bCollaborationGuest", Set.of(), Set.of()),
            person("b", null, Set.of(BREAK_GLASS_GROUP), Set.of(GLOBAL_ADMIN)));

    /** What If's targets and the simulator's, pairwise. */
    private static final Map<Target, SignInTarget> TARGETS = Map.of(
            new Target.UserAction("registerSecurityInformation"), SignInTarget.REGISTER_SECURITY_INFO,
            new Target.Applications(List.of(EXCHANGE)), SignInTarget.OFFICE_365,
            new Target.Applications(List.of(SignInTarget.OTHER_CLOUD_APP.id())), SignInTarget.OTHER_CLOUD_APP,
            new Target.Applications(List.of(SignInTarget.AZURE_PORTAL.id())), SignInTarget.AZURE_PORTAL);

    /** {@code conditions.clientAppTypes}: every client, legacy protocols only (as "Block legacy authentication"), browsers. */
    private static final List<String> CLIENT_APPS = List.of("[\"all\"]", "[\"exchangeActiveSync\", \"other\"]",
            "[\"browser\"]");
    /** The simulator's sign-ins are modern ones; What If is asked about a browser sign-in. */
    private static final Conditions BROWSER = new Conditions("browser", null, null, null, null, null, null);

    @Test
    void whatIfAndTheSimulatorAgreeOnWhichPoliciesReachASignIn() {
        int cases = 0;
        for (String clientApps : CLIENT_APPS) {
            for (String users : USERS) {
                for (String resources : RESOURCES) {
                    JsonNode policy = json("{\"state\": \"enabled\", \"conditions\": {\"clientAppTypes\": " + clientApps
                            + ", \"users\": " + users + ", \"applications\": " + resources + "}}");
                    ConditionalAccessPolicy domain = asDomain(policy);
                    for (Person person : PEOPLE) {
                        for (Map.Entry<Target, SignInTarget> target : TARGETS.entrySet()) {
                            boolean whatIf = new WhatIfEvaluator().evaluate(policy, person.subject(), target.getKey(),
                                    BROWSER).applies();
                            assertThat(PolicyScope.appliesTo(domain, person.snapshot(), target.getValue()))
                                    .as("%s / %s / %s / %s / %s", clientApps, users, resources, person.subject().userId(),
                                            target.getValue().label())
                                    .isEqualTo(whatIf);
                            cases++;
                        }
                    }
                }
            }
        }
        assertThat(cases).isEqualTo(CLIENT_APPS.size() * USERS.size() * RESOURCES.size() * PEOPLE.size() * TARGETS.size());
    }

    @Test
    void theTenantAndTheSimulatorAgreeWhenAPassCanBeUsed() {
        TenantState state = ScenarioLoader.load("baseline", Clock.systemUTC());
        Instant issued = Instant.parse("2025-06-02T09:00:00Z");
        MethodsPolicy methodsPolicy = new MethodsPolicy(List.of(dev.gatehouse.sim.access.MethodsPolicy.asDomain(
                TemporaryAccessPassPolicy.CONFIGURATION_ID, state.authenticationMethodConfiguration(
                        TemporaryAccessPassPolicy.CONFIGURATION_ID).orElseThrow())), Optional.empty());
        int cases = 0;
        for (boolean oneTime : List.of(true, false)) {
            for (long startOffset : List.of(0L, 30L)) {
                for (boolean used : List.of(false, true)) {
                    if (used && startOffset > 0) {
                        continue; // a pass cannot have been used before it starts
                    }
                    SimMethod pass = pass(issued.plus(Duration.ofMinutes(startOffset)), 60, oneTime, used);
                    // The admin reads the pass (as Graph reports it) right after issuing it; the user signs in later.
                    String readReason = TemporaryAccessPassPolicy.usability(state, pass, issued);
                    AuthMethod read = new AuthMethod(pass.id(), MethodType.TEMPORARY_ACCESS_PASS, "", issued, null,
                            new TapState(TemporaryAccessPassPolicy.start(pass), 60, oneTime,
                                    readReason.equals("EnabledByPolicy"), readReason));
                    for (long minutes : List.of(0L, 15L, 45L, 89L, 91L, 200L)) {
                        Instant at = issued.plus(Duration.ofMinutes(minutes));
                        boolean tenant = TemporaryAccessPassPolicy.usability(state, pass, at).equals("EnabledByPolicy");
                        SignInVerdict verdict = new SignInSimulator(List.of(), Optional.of(methodsPolicy), at).simulate(
                                member(read), SignInSituation.of(SignInMethod.TEMPORARY_ACCESS_PASS, SignInTarget.OFFICE_365));
                        assertThat(verdict.outcome() == SignInVerdict.Outcome.SIGNS_IN)
                                .as("one-time %s, starts +%d, used %s, at +%d: %s", oneTime, startOffset, used, minutes,
                                        verdict.reasons())
                                .isEqualTo(tenant);
                        cases++;
                    }
                }
            }
        }
        assertThat(cases).isEqualTo(36);
    }

    private static SimMethod pass(Instant start, int lifetime, boolean oneTime, boolean used) {
        ObjectNode properties = Wire.object();
        properties.put("startDateTime", Wire.formatDateTime(start));
        properties.put("lifetimeInMinutes", lifetime);
        properties.put("isUsableOnce", oneTime);
        if (used) {
            properties.put("_used", true);
        }
        return new SimMethod("tap-1", MethodType.TEMPORARY_ACCESS_PASS, start, properties);
    }

    private static UserSnapshot member(AuthMethod pass) {
        return new UserSnapshot(profile("u", UserType.MEMBER), List.of(pass), Set.of(), Set.of(), false);
    }

    private static Person person(String id, String guestType, Set<String> groups, Set<String> roles) {
        return new Person(new Subject(id, guestType, groups, roles), new UserSnapshot(
                profile(id, guestType == null ? UserType.MEMBER : UserType.GUEST), List.of(), groups, roles, false));
    }

    private static UserProfile profile(String id, UserType type) {
        return new UserProfile(id, id, id + "@contoso.com", null, type, true, SyncState.CLOUD_ONLY, null, null, null,
                null, null);
    }

    /** The domain's reading of a policy body; guests are "all guest types of all tenants" in these cases. */
    private static ConditionalAccessPolicy asDomain(JsonNode policy) {
        JsonNode users = policy.path("conditions").path("users");
        JsonNode apps = policy.path("conditions").path("applications");
        return new ConditionalAccessPolicy("p", "p", ConditionalAccessPolicy.State.fromGraph(policy.path("state").asText()),
                new ConditionalAccessPolicy.Users(strings(users.path("includeUsers")), strings(users.path("excludeUsers")),
                        strings(users.path("includeGroups")), strings(users.path("excludeGroups")),
                        strings(users.path("includeRoles")), strings(users.path("excludeRoles")),
                        users.path("includeGuestsOrExternalUsers").isObject(),
                        users.path("excludeGuestsOrExternalUsers").isObject()),
                strings(apps.path("includeApplications")), strings(apps.path("excludeApplications")),
                strings(apps.path("includeUserActions")),
                new ConditionalAccessPolicy.Grant(false, Set.of(), Optional.empty()), Optional.empty(),
                strings(policy.path("conditions").path("clientAppTypes")));
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
