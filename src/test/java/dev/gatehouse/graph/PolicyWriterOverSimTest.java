package dev.gatehouse.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Grant;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Users;
import dev.gatehouse.domain.policy.MethodConfiguration;
import dev.gatehouse.domain.policy.MethodConfigurationChange;
import dev.gatehouse.domain.policy.MethodConfigurationChange.Targets;
import dev.gatehouse.domain.policy.MethodConfigurationSnapshot;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.policy.NewAuthenticationStrength;
import dev.gatehouse.domain.policy.PolicyTarget;
import dev.gatehouse.domain.policy.TapSettings;
import dev.gatehouse.domain.tenant.PolicyWriter;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantException.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link GraphPolicyWriter} over HTTP against the demo tenant ({@code baseline}, reloaded before every test): the
 * registration policy's strength and Conditional Access policy from report-only to on and back out, the break-glass
 * group's FIDO2 and TAP configurations and their restoration, each read back through the tenant, and Graph's refusals.
 */
class PolicyWriterOverSimTest extends OnWritableBaseline {

    static final String ADMIN = GatewayOverSimTest.ADMIN;
    /** Authentication Policy Administrator and Conditional Access Administrator. */
    static final String POLICY_ADMIN = "lee.gu@tailspintoys.com";
    static final String GLOBAL_READER = "johanna.lorenz@tailspintoys.com";
    static final String AUTH_ADMIN = WriterOverSimTest.AUTH_ADMIN;
    static final NewAuthenticationStrength PASSKEY_OR_TAP = new NewAuthenticationStrength("Passkey or one-time TAP",
            "Register security info with a passkey or a one-time Temporary Access Pass",
            List.of("fido2", "temporaryAccessPassOneTime"));

    private static String emergencyGroupId() {
        return groupId("Emergency Access Accounts");
    }

    /** Issue 9's policy: All users but guests and the break-glass group; the strength OR a compliant device; 1 hour. */
    static ConditionalAccessPolicy registrationPolicy(AuthenticationStrength strength, String breakGlassGroup) {
        return new ConditionalAccessPolicy(null, "Protect security info registration", State.REPORT_ONLY,
                new Users(Set.of("All"), Set.of(), Set.of(), Set.of(breakGlassGroup), Set.of(), Set.of(), false, true),
                Set.of(), Set.of(), Set.of(ConditionalAccessPolicy.REGISTER_SECURITY_INFO),
                new Grant(false, Set.of("compliantDevice"), Optional.of(strength)), Optional.of(1));
    }

    private Optional<ConditionalAccessPolicy> policy(String id) {
        return gateway(ADMIN).directory().conditionalAccessPolicies().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Test
    void theRegistrationPolicyGoesFromReportOnlyToOnAndIsThenRemovedWithItsStrength() {
        GraphGateway gateway = gateway(POLICY_ADMIN);
        PolicyWriter writer = gateway.policyWriter();
        String breakGlass = emergencyGroupId();

        AuthenticationStrength strength = writer.createAuthenticationStrength(PASSKEY_OR_TAP);
        ConditionalAccessPolicy draft = registrationPolicy(strength, breakGlass);
        ConditionalAccessPolicy created = writer.createConditionalAccessPolicy(draft);

        assertThat(strength.allowedCombinations()).containsExactlyInAnyOrder("fido2", "temporaryAccessPassOneTime");
        ConditionalAccessPolicy read = policy(created.id()).orElseThrow();
        assertThat(read).isEqualTo(created);
        assertThat(read.state()).isEqualTo(State.REPORT_ONLY);
        assertThat(read.users()).isEqualTo(draft.users());
        assertThat(read.includeUserActions()).containsExactly(ConditionalAccessPolicy.REGISTER_SECURITY_INFO);
        assertThat(read.includeApplications()).isEmpty();
        assertThat(read.grant()).isEqualTo(draft.grant());
        assertThat(read.signInFrequency()).contains(1);
        JsonNode stored = storedPolicy(created.id());
        assertThat(stored.path("grantControls").path("authenticationStrength").toString())
                .isEqualTo("{\"id\":\"" + strength.id() + "\"}");
        assertThat(stored.path("conditions").path("users").path("excludeGuestsOrExternalUsers")
                .path("externalTenants").path("membershipKind").asText()).isEqualTo("all");

        writer.setConditionalAccessPolicyState(created.id(), State.ENABLED);
        assertThat(policy(created.id()).orElseThrow().state()).isEqualTo(State.ENABLED);

        writer.deleteConditionalAccessPolicy(created.id());
        writer.deleteAuthenticationStrength(strength.id());
        assertThat(policy(created.id())).isEmpty();
        assertThat(sim.state().read(() -> sim.state().authenticationStrengthPolicies().stream()
                .noneMatch(s -> s.path("id").asText().equals(strength.id())))).isTrue();
        String policyPath = "/identity/conditionalAccess/policies/" + created.id();
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::method, GraphCall::pathAndQuery, GraphCall::status)
                .containsExactly(
                        tuple("POST", "/policies/authenticationStrengthPolicies", 201),
                        tuple("POST", "/identity/conditionalAccess/policies", 201),
                        tuple("PATCH", policyPath, 204),
                        tuple("DELETE", policyPath, 204),
                        tuple("DELETE", "/policies/authenticationStrengthPolicies/" + strength.id(), 204));
    }

    @Test
    void aStrengthAPolicyRequiresCannotBeDeletedAndStays() {
        PolicyWriter writer = gateway(ADMIN).policyWriter();
        AuthenticationStrength strength = writer.createAuthenticationStrength(PASSKEY_OR_TAP);
        writer.createConditionalAccessPolicy(registrationPolicy(strength, emergencyGroupId()));

        assertThatThrownBy(() -> writer.deleteAuthenticationStrength(strength.id()))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("Graph rejected the request to delete the authentication "
                            + "strength: The authentication strength is used by Conditional Access policies");
                });
        assertThat(sim.state().read(() -> sim.state().authenticationStrengthPolicies().stream()
                .anyMatch(s -> s.path("id").asText().equals(strength.id())))).isTrue();
    }

    @Test
    void mfaBesideAStrengthIsRefusedWithGraphsReasonAndNothingIsCreated() {
        PolicyWriter writer = gateway(ADMIN).policyWriter();
        AuthenticationStrength strength = writer.createAuthenticationStrength(PASSKEY_OR_TAP);
        ConditionalAccessPolicy valid = registrationPolicy(strength, emergencyGroupId());
        ConditionalAccessPolicy withMfa = new ConditionalAccessPolicy(null, valid.displayName(), valid.state(),
                valid.users(), valid.includeApplications(), valid.excludeApplications(), valid.includeUserActions(),
                new Grant(false, Set.of("mfa"), Optional.of(strength)), valid.signInFrequency());
        int before = gateway(ADMIN).directory().conditionalAccessPolicies().size();

        assertThatThrownBy(() -> writer.createConditionalAccessPolicy(withMfa))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.getMessage()).contains("'mfa' and 'authenticationStrength' cannot be used together");
                });
        assertThat(gateway(ADMIN).directory().conditionalAccessPolicies()).hasSize(before);
    }

    @Test
    void fido2AndTheTapAreTurnedOnForTheBreakGlassGroupAndRestoredExactly() {
        GraphGateway gateway = gateway(POLICY_ADMIN);
        PolicyWriter writer = gateway.policyWriter();
        PolicyTarget group = new PolicyTarget(PolicyTarget.Kind.GROUP, emergencyGroupId(), null);
        JsonNode fido2Before = storedConfiguration("Fido2");
        JsonNode tapBefore = storedConfiguration(MethodsPolicy.TEMPORARY_ACCESS_PASS);
        TapSettings shortOneTime = new TapSettings(60, 60, 120, true, 8);

        MethodConfigurationSnapshot fido2 = writer.changeMethodConfiguration(
                MethodConfigurationChange.fido2For(group, Targets.ADD));
        MethodConfigurationSnapshot tap = writer.changeMethodConfiguration(
                MethodConfigurationChange.temporaryAccessPassFor(group, Targets.REPLACE, shortOneTime));

        MethodsPolicy changed = gateway(ADMIN).directory().methodsPolicy();
        assertThat(changed.configuration("Fido2").orElseThrow().includeTargets()).extracting(PolicyTarget::id)
                .containsExactly(PolicyTarget.ALL_USERS, group.id());
        MethodConfiguration tapConfiguration = changed.configuration(MethodsPolicy.TEMPORARY_ACCESS_PASS).orElseThrow();
        assertThat(tapConfiguration.enabled()).isTrue();
        assertThat(tapConfiguration.includeTargets()).extracting(PolicyTarget::id).containsExactly(group.id());
        assertThat(changed.temporaryAccessPass()).contains(shortOneTime);
        JsonNode keptTarget = storedConfiguration("Fido2").path("includeTargets").get(0);
        assertThat(keptTarget).isEqualTo(fido2Before.path("includeTargets").get(0));
        assertThat(storedConfiguration("Fido2").path("keyRestrictions")).isEqualTo(fido2Before.path("keyRestrictions"));
        assertThat(tap.body()).contains("\"isUsableOnce\":false").contains("\"all_users\"")
                .doesNotContain("excludeTargets");

        writer.restoreMethodConfiguration(tap);
        writer.restoreMethodConfiguration(fido2);

        assertThat(storedConfiguration("Fido2")).isEqualTo(fido2Before);
        assertThat(storedConfiguration(MethodsPolicy.TEMPORARY_ACCESS_PASS)).isEqualTo(tapBefore);
        String configurations = "/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/";
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::method, GraphCall::pathAndQuery, GraphCall::status)
                .containsExactly(
                        tuple("GET", configurations + "Fido2", 200),
                        tuple("PATCH", configurations + "Fido2", 204),
                        tuple("GET", configurations + "TemporaryAccessPass", 200),
                        tuple("PATCH", configurations + "TemporaryAccessPass", 204),
                        tuple("PATCH", configurations + "TemporaryAccessPass", 204),
                        tuple("PATCH", configurations + "Fido2", 204));
    }

    @Test
    void aGlobalReaderMayReadTheConfigurationButIsToldWhoMayChangeIt() {
        PolicyTarget group = new PolicyTarget(PolicyTarget.Kind.GROUP, emergencyGroupId(), null);
        JsonNode before = storedConfiguration("Fido2");

        assertThatThrownBy(() -> gateway(GLOBAL_READER).policyWriter()
                .changeMethodConfiguration(MethodConfigurationChange.fido2For(group, Targets.ADD)))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MISSING_ROLE);
                    assertThat(e.getMessage()).startsWith("Graph refused to change the authentication method's "
                            + "configuration: the signed-in account needs one of these Entra roles: Authentication "
                            + "Policy Administrator, and the app needs the delegated permission "
                            + "Policy.ReadWrite.AuthenticationMethod.");
                });
        assertThat(storedConfiguration("Fido2")).isEqualTo(before);
    }

    @Test
    void anAuthenticationAdministratorIsToldWhichRolesWriteConditionalAccess() {
        AuthenticationStrength builtIn = new AuthenticationStrength("00000000-0000-0000-0000-000000000004",
                "Phishing-resistant MFA", Set.of("fido2"));

        assertThatThrownBy(() -> gateway(AUTH_ADMIN).policyWriter()
                .createConditionalAccessPolicy(registrationPolicy(builtIn, emergencyGroupId())))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MISSING_ROLE);
                    assertThat(e.getMessage()).contains("Conditional Access Administrator or Security Administrator")
                            .contains("Policy.ReadWrite.ConditionalAccess")
                            .doesNotContain(GraphErrorMapper.PRIVILEGED_TARGETS);
                });
    }

    @Test
    void withoutEntraIdP1StrengthsAndPoliciesAreRefusedForTheLicence() {
        sim.loadScenario("baseline-free");
        PolicyWriter writer = gateway(ADMIN).policyWriter();
        AuthenticationStrength builtIn = new AuthenticationStrength("00000000-0000-0000-0000-000000000004",
                "Phishing-resistant MFA", Set.of("fido2"));

        assertThatThrownBy(() -> writer.createAuthenticationStrength(PASSKEY_OR_TAP))
                .isInstanceOfSatisfying(TenantException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.MISSING_LICENCE));
        assertThatThrownBy(() -> writer.createConditionalAccessPolicy(registrationPolicy(builtIn, emergencyGroupId())))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MISSING_LICENCE);
                    assertThat(e.getMessage()).startsWith("Cannot create the Conditional Access policy: this needs "
                            + "Microsoft Entra ID P1 (or higher)");
                });
    }

    @Test
    void anUnknownConfigurationIsNotFoundAndNothingIsPatched() {
        GraphGateway gateway = gateway(ADMIN);
        MethodConfigurationChange change = new MethodConfigurationChange("Smoke", true, List.of(PolicyTarget.allUsers()),
                Targets.ADD, Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> gateway.policyWriter().changeMethodConfiguration(change))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
                    assertThat(e.getMessage()).startsWith("The 'Smoke' configuration of the authentication methods "
                            + "policy was not found in the tenant.");
                });
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::method).containsExactly("GET");
    }

    private static JsonNode storedConfiguration(String id) {
        return sim.state().read(() -> sim.state().authenticationMethodConfiguration(id).orElseThrow().deepCopy());
    }

    private static ObjectNode storedPolicy(String id) {
        return sim.state().read(() -> sim.state().conditionalAccessPolicies().stream()
                .filter(p -> p.path("id").asText().equals(id)).findFirst().orElseThrow().deepCopy());
    }

    /**
     * One GET and one PATCH: the grant and users change, a platform condition Gatehouse does not manage (set in the
     * portal, here straight in the tenant) stays, and what was there before comes back.
     */
    @Test
    void anUpdateChangesGrantAndUsersAndKeepsAnUnmanagedCondition() {
        GraphGateway gateway = gateway(POLICY_ADMIN);
        PolicyWriter writer = gateway.policyWriter();
        AuthenticationStrength strength = writer.createAuthenticationStrength(PASSKEY_OR_TAP);
        ConditionalAccessPolicy created = writer.createConditionalAccessPolicy(
                registrationPolicy(strength, emergencyGroupId()));
        ObjectNode platforms = JsonNodeFactory.instance.objectNode();
        platforms.putArray("includePlatforms").add("all");
        platforms.putArray("excludePlatforms");
        sim.state().write(() -> ((ObjectNode) sim.state().conditionalAccessPolicies().stream()
                .filter(p -> p.path("id").asText().equals(created.id())).findFirst().orElseThrow().path("conditions"))
                .set("platforms", platforms));
        String pilots = groupId("Service Accounts");
        ConditionalAccessPolicy changed = new ConditionalAccessPolicy(null, "Protect security info registration (pilot)",
                State.REPORT_ONLY, new Users(Set.of(), Set.of(), Set.of(pilots), Set.of(emergencyGroupId()), Set.of(),
                Set.of(), false, true), Set.of(), Set.of(), Set.of(ConditionalAccessPolicy.REGISTER_SECURITY_INFO),
                new Grant(false, Set.of("compliantDevice"), Optional.empty()), Optional.empty());
        int before = gateway.callLog().snapshot().size();

        ConditionalAccessPolicy previous = writer.updateConditionalAccessPolicy(created.id(), changed);

        assertThat(previous).isEqualTo(created);
        ConditionalAccessPolicy read = policy(created.id()).orElseThrow();
        assertThat(read.displayName()).isEqualTo("Protect security info registration (pilot)");
        assertThat(read.users()).isEqualTo(changed.users());
        assertThat(read.grant()).isEqualTo(changed.grant());
        assertThat(read.signInFrequency()).isEmpty();
        JsonNode stored = storedPolicy(created.id());
        assertThat(stored.path("conditions").path("platforms").path("includePlatforms").toString())
                .isEqualTo("[\"all\"]");
        assertThat(stored.path("conditions").path("users").path("excludeGuestsOrExternalUsers").isObject()).isTrue();
        String path = "/identity/conditionalAccess/policies/" + created.id();
        assertThat(gateway.callLog().snapshot().subList(before, gateway.callLog().snapshot().size()))
                .extracting(GraphCall::method, GraphCall::pathAndQuery, GraphCall::status)
                .containsExactly(tuple("GET", path, 200), tuple("PATCH", path, 204));
    }

    @Test
    void updatingAPolicyThatIsGoneSendsNoPatch() {
        GraphGateway gateway = gateway(ADMIN);
        assertThatThrownBy(() -> gateway.policyWriter().updateConditionalAccessPolicy(
                "00000000-0000-0000-0000-0000000000aa", registrationPolicy(
                        new AuthenticationStrength("00000000-0000-0000-0000-000000000004", null, Set.of()),
                        emergencyGroupId())))
                .isInstanceOfSatisfying(TenantException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::method).containsExactly("GET");
    }
}
