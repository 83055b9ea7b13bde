package dev.gatehouse.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.tenant.AuditRecord;
import dev.gatehouse.domain.tenant.GroupExclusionChange;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.LicenceAssignment;
import dev.gatehouse.domain.tenant.PolicyWriter;
import dev.gatehouse.domain.tenant.TenantException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The break-glass workspace's writes over HTTP against the demo tenant (baseline, reloaded before every test): a
 * group excluded from a Conditional Access policy and taken out again, licences taken off an account, and what the
 * directory audit log then says about the account and the group.
 */
class BreakGlassWritesOverSimTest extends OnWritableBaseline {

    private static final String ADMIN = "adele.vance@tailspintoys.com";
    /** Conditional Access Administrator (and Authentication Policy Administrator). */
    private static final String POLICY_ADMIN = "lee.gu@tailspintoys.com";
    private static final String MEGAN = "megan.bowen@tailspintoys.com";
    private static final String SPB = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";
    private static final String EMERGENCY_GROUP = "Emergency Access Accounts";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String policyId(String displayNamePrefix) {
        return sim.state().read(() -> sim.state().conditionalAccessPolicies().stream()
                .filter(p -> p.path("displayName").asText().startsWith(displayNamePrefix)).findFirst().orElseThrow()
                .path("id").asText());
    }

    private static String userId(String upn) {
        return sim.state().read(() -> sim.state().user(upn).orElseThrow().id());
    }

    /** The policy exactly as Graph's GET returns it, less the time of its last change. */
    private static JsonNode rawPolicy(String id) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.serviceRoot() + "/identity/conditionalAccess/policies/"
                + id)).header("Authorization", "Bearer sim-user:" + ADMIN).GET().build();
        ObjectNode policy = (ObjectNode) JSON.readTree(HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString()).body());
        policy.remove("modifiedDateTime");
        return policy;
    }

    @Test
    void excludingTheGroupAndTakingItOutAgainLeavesThePolicyAsItWas() throws Exception {
        String policy = policyId("CA005");
        String group = groupId(EMERGENCY_GROUP);
        JsonNode original = rawPolicy(policy);
        PolicyWriter writer = gateway(POLICY_ADMIN).policyWriter();

        GroupExclusionChange added = writer.excludeGroup(policy, group);

        assertThat(added.changed()).isTrue();
        assertThat(added.after()).containsAll(added.before()).contains(group).hasSize(added.before().size() + 1);
        JsonNode excluded = rawPolicy(policy);
        assertThat(excluded.path("conditions").path("users").path("excludeGroups").toString()).contains(group);
        ObjectNode otherConditions = ((ObjectNode) excluded.get("conditions").deepCopy());
        otherConditions.remove("users");
        ObjectNode originalOthers = ((ObjectNode) original.get("conditions").deepCopy());
        originalOthers.remove("users");
        assertThat(otherConditions).isEqualTo(originalOthers);
        assertThat(excluded.path("grantControls")).isEqualTo(original.path("grantControls"));

        GroupExclusionChange removed = writer.stopExcludingGroup(policy, group);

        assertThat(removed.changed()).isTrue();
        assertThat(removed.after()).isEqualTo(added.before());
        assertThat(rawPolicy(policy)).isEqualTo(original);
    }

    @Test
    void aGroupAlreadyExcludedSendsNothing() {
        GraphGateway gateway = gateway(POLICY_ADMIN);
        String policy = policyId("CA001");
        String group = groupId(EMERGENCY_GROUP);

        GroupExclusionChange change = gateway.policyWriter().excludeGroup(policy, group);

        assertThat(change.changed()).isFalse();
        assertThat(change.after()).isEqualTo(change.before()).contains(group);
        assertThat(change.displayName()).startsWith("CA001");
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::method).containsExactly("GET");
        assertThat(gateway.policyWriter().stopExcludingGroup(policy, "00000000-0000-4000-8000-000000000000")
                .changed()).as("not excluded, so nothing to take out").isFalse();
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::method).containsOnly("GET");
    }

    @Test
    void anAdminWithoutAConditionalAccessRoleIsRefusedAndThePolicyStays() throws Exception {
        String policy = policyId("CA005");
        JsonNode original = rawPolicy(policy);

        assertThatThrownBy(() -> gateway(MEGAN).policyWriter().excludeGroup(policy, groupId(EMERGENCY_GROUP)))
                .isInstanceOfSatisfying(TenantException.class,
                        e -> assertThat(e.kind()).isIn(TenantException.Kind.MISSING_ROLE,
                                TenantException.Kind.MISSING_PERMISSION));
        assertThat(rawPolicy(policy)).isEqualTo(original);
    }

    @Test
    void aRemovedLicenceIsGoneFromTheAccountAndTheLog() {
        GraphGateway gateway = gateway(ADMIN);
        String megan = userId(MEGAN);
        assertThat(gateway.directory().licenceAssignments(megan)).containsExactly(LicenceAssignment.direct(SPB));

        gateway.directoryWriter().removeLicences(megan, List.of(SPB));

        assertThat(gateway.directory().licenceAssignments(megan)).isEmpty();
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::method, GraphCall::pathAndQuery, GraphCall::status)
                .contains(tuple("POST", "/users/" + megan + "/assignLicense", 200));
        assertThat(gateway.directory().auditEvents(megan, sim.state().now().minus(Duration.ofHours(1))))
                .extracting(AuditRecord::activity).contains("Change user license");
        assertThatThrownBy(() -> gateway.directoryWriter().removeLicences(megan, List.of(SPB)))
                .as("Graph refuses to remove a licence the user lacks")
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TenantException.Kind.REJECTED);
                    assertThat(e.getMessage()).contains("User does not have a corresponding license");
                });
    }

    @Test
    void aLicenceFromAGroupIsReadWithTheGroupsNameAndOnlyItsDirectTwinCanBeRemoved() {
        GraphGateway gateway = gateway(ADMIN);
        String alex = userId("alex.wilber@tailspintoys.com");
        String sales = groupId("Sales");
        sim.state().write(() -> sim.state().group(sales).orElseThrow().licensedSkuIds(List.of(SPB)));

        assertThat(gateway.directory().licenceAssignments(alex)).containsExactly(LicenceAssignment.direct(SPB),
                LicenceAssignment.inherited(SPB, sales, java.util.Optional.of("Sales")));
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::pathAndQuery).containsExactly(
                "/users/" + alex + "?$select=licenseAssignmentStates", "/groups/" + sales + "?$select="
                        + String.join(",", DirectoryMapping.GROUP_FIELDS));

        gateway.directoryWriter().removeLicences(alex, List.of(SPB));

        assertThat(gateway.directory().licenceAssignments(alex)).extracting(LicenceAssignment::isDirect)
                .containsExactly(false);
        assertThatThrownBy(() -> gateway.directoryWriter().removeLicences(alex, List.of(SPB)))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TenantException.Kind.REJECTED);
                    assertThat(e.getMessage()).contains("inherited from a group membership");
                });
    }

    @Test
    void anUnknownLicenceIsRefusedAndNothingChanges() {
        GraphGateway gateway = gateway(ADMIN);
        String megan = userId(MEGAN);

        assertThatThrownBy(() -> gateway.directoryWriter().removeLicences(megan,
                List.of(SPB, "11111111-2222-4333-8444-555555555555")))
                .isInstanceOfSatisfying(TenantException.class, e -> assertThat(e.getMessage())
                        .contains("does not correspond to a valid company License"));
        assertThat(gateway.directory().licenceAssignments(megan)).containsExactly(LicenceAssignment.direct(SPB));
    }

    @Test
    void theAuditTrailOfAUserShowsAMethodDeletedByAnAdminNewestFirst() {
        GraphGateway gateway = gateway(ADMIN);
        String megan = userId(MEGAN);
        Instant since = sim.state().now().minus(Duration.ofMinutes(5));
        AuthMethod phone = gateway.directory().authenticationMethods(megan).stream()
                .filter(m -> m.type() != MethodType.PASSWORD).findFirst().orElseThrow();

        gateway.writer().deleteMethod(megan, phone);

        List<AuditRecord> events = gateway.directory().auditEvents(megan, since);
        assertThat(events).isNotEmpty();
        AuditRecord newest = events.get(0);
        assertThat(newest.activity()).isEqualTo("Admin deleted security info");
        assertThat(newest.initiatedBy()).isEqualTo(ADMIN);
        assertThat(newest.result()).isEqualTo("success");
        assertThat(newest.targets()).contains("Megan Bowen");
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::pathAndQuery)
                .anySatisfy(path -> assertThat(path).startsWith("/auditLogs/directoryAudits?$filter=activityDateTime ge ")
                        .endsWith(" and targetResources/any(t: t/id eq '" + megan + "')"));
        assertThat(gateway.directory().auditEvents(megan, sim.state().now().plus(Duration.ofMinutes(1))))
                .as("only since the given time").isEmpty();
    }

    @Test
    void theAuditTrailOfAGroupShowsAMemberAddedAndRemoved() {
        GraphGateway gateway = gateway(ADMIN);
        GroupRef sales = new GroupRef(groupId("Sales"), "Sales", false);
        String megan = userId(MEGAN);
        Instant since = sim.state().now().minus(Duration.ofMinutes(5));

        gateway.directoryWriter().addGroupMember(sales, megan);
        gateway.directoryWriter().removeGroupMember(sales, megan);

        assertThat(gateway.directory().auditEvents(sales.id(), since)).extracting(AuditRecord::activity)
                .as("both within the same second, so in no particular order")
                .contains("Remove member from group", "Add member to group");
        assertThat(gateway.directory().auditEvents(megan, since)).extracting(AuditRecord::activity)
                .contains("Add member to group");
    }
}
