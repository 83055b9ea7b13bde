package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.sim.state.SimRoleAssignment;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Memberships, groups, role definitions and role assignments. */
class DirectoryTest extends OnBaseline {

    private static final String ADELE = "adele.vance@tailspintoys.com";

    @Test
    void memberOfListsGroupsAndDirectlyAssignedRolesWithTheirTypes() {
        JsonNode body = http.get("/users/" + ADELE + "/memberOf").json();
        assertThat(body.path("@odata.context").asText()).endsWith("$metadata#directoryObjects");
        assertThat(typedNames(body)).containsExactlyInAnyOrder(
                "#microsoft.graph.group:IT Administrators", "#microsoft.graph.group:All Staff",
                "#microsoft.graph.directoryRole:Global Administrator");
        JsonNode role = find(body, "Global Administrator");
        assertThat(role.path("roleTemplateId").asText()).isEqualTo("62e90394-69f5-4237-9190-012177145e10");
        assertThat(role.path("id").asText()).isNotEqualTo("62e90394-69f5-4237-9190-012177145e10");
    }

    @Test
    void transitiveMemberOfAddsRolesHeldThroughRoleAssignableGroups() {
        JsonNode body = http.get("/users/" + ADELE + "/transitiveMemberOf").json();
        assertThat(typedNames(body)).contains("#microsoft.graph.directoryRole:Security Reader");
    }

    @Test
    void roleAssignableGroupsThroughTheCastNeedAdvancedQueryParameters() {
        String path = "/users/" + ADELE + "/transitiveMemberOf/microsoft.graph.group?$filter=isAssignableToRole eq true";
        SimHttp.Answer without = http.get(path);
        assertThat(without.status()).isEqualTo(400);
        assertThat(without.errorCode()).isEqualTo("Request_UnsupportedQuery");
        JsonNode body = http.get(path + "&$count=true", "ConsistencyLevel", "eventual").json();
        assertThat(body.path("@odata.context").asText()).endsWith("$metadata#groups");
        assertThat(QueryTest.names(body)).containsExactly("IT Administrators");
        assertThat(body.path("value").get(0).has("@odata.type")).isFalse();
        assertThat(body.path("@odata.count").asInt()).isEqualTo(1);
    }

    @Test
    void filteringMemberOfWithoutAdvancedParametersIsRefused() {
        SimHttp.Answer answer = http.get("/users/" + ADELE + "/memberOf/microsoft.graph.group?$filter=isAssignableToRole eq true");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorMessage()).isEqualTo("The specified filter to the reference property query is currently "
                + "not supported.");
        assertThat(QueryTest.names(http.get("/users/" + ADELE + "/memberOf/microsoft.graph.group"))).hasSize(2);
        assertThat(QueryTest.names(http.get("/users/" + ADELE + "/memberOf/graph.group"))).as("short alias").hasSize(2);
    }

    @Test
    void meAliasReachesMemberships() {
        assertThat(typedNames(http.getAs("lee.gu@tailspintoys.com", "/me/memberOf").json())).contains(
                "#microsoft.graph.directoryRole:Authentication Policy Administrator",
                "#microsoft.graph.directoryRole:Conditional Access Administrator");
    }

    @Test
    void groupMembersCarryTheirType() {
        String groupId = http.get("/groups?$filter=displayName eq 'Emergency Access Accounts'").json()
                .path("value").get(0).path("id").asText();
        JsonNode members = http.get("/groups/" + groupId + "/members").json();
        assertThat(typedNames(members)).containsExactlyInAnyOrder("#microsoft.graph.user:Emergency Access 01",
                "#microsoft.graph.user:Emergency Access 02");
        JsonNode users = http.get("/groups/" + groupId + "/members/microsoft.graph.user").json();
        assertThat(users.path("@odata.context").asText()).endsWith("$metadata#users");
        assertThat(users.path("value").get(0).has("@odata.type")).isFalse();
        assertThat(http.get("/groups/" + groupId).json().path("displayName").asText())
                .isEqualTo("Emergency Access Accounts");
        assertThat(http.get("/groups/00000000-0000-0000-0000-000000000001").errorCode())
                .isEqualTo("Request_ResourceNotFound");
    }

    @Test
    void roleAssignmentsFilterByPrincipalAndExpandTheDefinition() {
        String adele = http.get("/users/" + ADELE).json().path("id").asText();
        JsonNode body = http.get("/roleManagement/directory/roleAssignments?$filter=principalId eq '" + adele
                + "'&$expand=roleDefinition").json();
        assertThat(body.path("@odata.context").asText()).endsWith(
                "$metadata#roleManagement/directory/roleAssignments(roleDefinition())");
        assertThat(body.path("value")).hasSize(1);
        JsonNode assignment = body.path("value").get(0);
        assertThat(assignment.path("id").asText()).matches("[A-Za-z0-9_-]{43}-1");
        assertThat(assignment.path("directoryScopeId").asText()).isEqualTo("/");
        assertThat(assignment.path("roleDefinition").path("displayName").asText()).isEqualTo("Global Administrator");
        assertThat(assignment.path("roleDefinition").path("templateId").asText())
                .isEqualTo("62e90394-69f5-4237-9190-012177145e10");
    }

    @Test
    void roleAssignmentIdsFollowGraphsFormat() {
        assertThat(SimRoleAssignment.tenantWide("f1847572-48aa-47aa-96a3-2ec61904f41f",
                "62e90394-69f5-4237-9190-012177145e10").id())
                .as("the documented example assignment id").isEqualTo("lAPpYvVpN0KRkAEhdxReEHJ1hPGqSKpHlqMuxhkE9B8-1");
    }

    @Test
    void roleDefinitionsListAndGet() {
        JsonNode list = http.get("/roleManagement/directory/roleDefinitions").json();
        assertThat(QueryTest.names(list)).contains("Global Administrator", "Authentication Administrator",
                "Privileged Authentication Administrator", "Global Reader");
        JsonNode one = http.get("/roleManagement/directory/roleDefinitions/c4e39bd9-1100-46d3-8c65-fb160da0071f").json();
        assertThat(one.path("description").asText()).isEqualTo(
                "Can access to view, set and reset authentication method information for any non-admin user.");
        assertThat(one.path("isBuiltIn").asBoolean()).isTrue();
        JsonNode filtered = http.get("/roleManagement/directory/roleDefinitions?$filter=displayName eq 'Global Reader'")
                .json();
        assertThat(QueryTest.names(filtered)).containsExactly("Global Reader");
    }

    @Test
    void guestsCannotListUsers() {
        SimHttp.Answer answer = http.getAs("jordan.miller_fabrikam.com#EXT#@tailspintoys.onmicrosoft.com", "/users");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.errorCode()).isEqualTo("Authorization_RequestDenied");
    }

    private static List<String> typedNames(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.path("value").forEach(v -> names.add(v.path("@odata.type").asText() + ":" + v.path("displayName").asText()));
        return names;
    }

    private static JsonNode find(JsonNode body, String displayName) {
        for (JsonNode item : body.path("value")) {
            if (item.path("displayName").asText().equals(displayName)) {
                return item;
            }
        }
        throw new AssertionError(displayName + " not in " + body);
    }
}
