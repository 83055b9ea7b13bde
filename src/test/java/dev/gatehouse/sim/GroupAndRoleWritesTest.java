package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /groups, members/$ref, role assignments, and how they change who may act on whom. */
class GroupAndRoleWritesTest extends OnWritableBaseline {

    private static final String MEGAN = "megan.bowen@tailspintoys.com";
    private static final String PATTI = "patti.fernandez@tailspintoys.com";
    private static final String GRADY = "grady.archie@tailspintoys.com";
    private static final String ROLE_ASSIGNABLE = """
            {"displayName": "Tier 0 Operators", "mailEnabled": false, "mailNickname": "tier0",
             "securityEnabled": true, "isAssignableToRole": true}""";
    private static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";

    @Test
    void createsGroupsWithTheRequiredProperties() {
        SimHttp.Answer created = http.as(GRADY, "POST", "/groups", "{\"displayName\": \"Pilot\", \"mailEnabled\": false,"
                + " \"mailNickname\": \"pilot\", \"securityEnabled\": true}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("@odata.context").asText()).endsWith("$metadata#groups/$entity");
        assertThat(created.json().path("isAssignableToRole").isNull()).isTrue();
        assertThat(http.get("/groups/" + created.json().path("id").asText()).status()).isEqualTo(200);
        assertThat(UserWritesTest.lastAudit().path("activityDisplayName").asText()).isEqualTo("Add group");
        SimHttp.Answer missing = http.post("/groups", "{\"displayName\": \"No nickname\", \"mailEnabled\": false,"
                + " \"securityEnabled\": true}", "Content-Type", "application/json");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorMessage()).isEqualTo("Property mailNickname value is required but is empty or missing.");
    }

    @Test
    void roleAssignableGroupsNeedARoleManagerAndP1() {
        assertThat(http.as(GRADY, "POST", "/groups", ROLE_ASSIGNABLE).status()).as("User Administrator").isEqualTo(403);
        SimHttp.Answer created = http.post("/groups", ROLE_ASSIGNABLE, "Content-Type", "application/json");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("isAssignableToRole").asBoolean()).isTrue();
        String id = created.json().path("id").asText();
        SimHttp.Answer immutable = http.patch("/groups/" + id, "{\"isAssignableToRole\": false}");
        assertThat(immutable.status()).as("set at creation only").isEqualTo(400);
        assertThat(http.patch("/groups/" + id, "{\"description\": \"Tier 0\"}").status()).isEqualTo(204);
        assertThat(http.get("/groups/" + id).json().path("description").asText()).isEqualTo("Tier 0");
        assertThat(http.as(GRADY, "PATCH", "/groups/" + id, "{\"description\": \"x\"}").status()).isEqualTo(403);
        assertThat(http.post("/groups", ROLE_ASSIGNABLE.replace("\"securityEnabled\": true",
                "\"securityEnabled\": true, \"membershipRule\": \"user.department -eq \\\"IT\\\"\""), "Content-Type",
                "application/json").status()).as("no dynamic membership").isEqualTo(400);
        sim.loadScenario("baseline-free");
        SimHttp.Answer unlicensed = http.post("/groups", ROLE_ASSIGNABLE, "Content-Type", "application/json");
        assertThat(unlicensed.status()).isEqualTo(403);
        assertThat(unlicensed.errorCode()).isEqualTo("AccessDenied");
    }

    @Test
    void aRoleAssignableGroupIsDeletedByARoleManagerAndItsRolesEndWithIt() {
        String id = http.post("/groups", ROLE_ASSIGNABLE, "Content-Type", "application/json").json().path("id").asText();
        String body = "{\"roleDefinitionId\": \"" + GLOBAL_ADMINISTRATOR + "\", \"principalId\": \"" + id
                + "\", \"directoryScopeId\": \"/\"}";
        assertThat(http.post("/roleManagement/directory/roleAssignments", body, "Content-Type", "application/json")
                .status()).isEqualTo(201);
        assertThat(http.as(GRADY, "DELETE", "/groups/" + id, null).status()).as("User Administrator").isEqualTo(403);

        SimHttp.Answer deleted = http.delete("/groups/" + id);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(http.get("/groups/" + id).status()).isEqualTo(404);
        assertThat(http.get("/roleManagement/directory/roleAssignments?$filter=principalId eq '" + id + "'").json()
                .path("value")).isEmpty();
        assertThat(UserWritesTest.lastAudit().path("activityDisplayName").asText()).isEqualTo("Delete group");
        assertThat(http.delete("/groups/" + id).status()).isEqualTo(404);
        assertThat(http.as(GRADY, "DELETE", "/groups/" + groupId("Sales"), null).status())
                .as("a group writer deletes an ordinary group").isEqualTo(204);
    }

    @Test
    void membersOfARoleAssignableGroupAreBeyondAnAuthenticationAdministrator() {
        String tap = "/users/" + MEGAN + "/authentication/temporaryAccessPassMethods";
        assertThat(http.as(PATTI, "POST", tap, "{}").status()).isEqualTo(201);
        String group = http.post("/groups", ROLE_ASSIGNABLE, "Content-Type", "application/json").json().path("id").asText();
        String reference = "{\"@odata.id\": \"https://graph.microsoft.com/v1.0/directoryObjects/" + id(MEGAN) + "\"}";
        assertThat(http.as(GRADY, "POST", "/groups/" + group + "/members/$ref", reference).status())
                .as("Group.ReadWrite.All is not enough for a role-assignable group").isEqualTo(403);
        SimHttp.Answer added = http.post("/groups/" + group + "/members/$ref", reference, "Content-Type", "application/json");
        assertThat(added.status()).as(added.body()).isEqualTo(204);
        assertThat(UserWritesTest.lastAudit().path("activityDisplayName").asText()).isEqualTo("Add member to group");
        SimHttp.Answer again = http.post("/groups/" + group + "/members/$ref", reference, "Content-Type", "application/json");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorMessage()).isEqualTo("One or more added object references already exist for the following "
                + "modified properties: 'members'.");
        assertThat(http.as(PATTI, "POST", tap, "{}").status()).as("a role-assignable group member").isEqualTo(403);
        assertThat(http.as(PATTI, "PATCH", "/users/" + MEGAN, "{\"accountEnabled\": false}").status()).isEqualTo(403);
        String nested = "{\"@odata.id\": \"https://graph.microsoft.com/v1.0/groups/" + groupId("Finance") + "\"}";
        assertThat(http.post("/groups/" + group + "/members/$ref", nested, "Content-Type", "application/json").status())
                .as("no nested groups").isEqualTo(400);

        assertThat(http.delete("/groups/" + group + "/members/" + id(MEGAN) + "/$ref").status()).isEqualTo(204);
        assertThat(http.delete("/groups/" + group + "/members/" + id(MEGAN) + "/$ref").status()).isEqualTo(404);
        assertThat(http.as(PATTI, "POST", tap, "{}").status()).isEqualTo(201);
    }

    @Test
    void plainGroupsAreManagedByGroupWriters() {
        String sales = groupId("Sales");
        String reference = "{\"@odata.id\": \"https://graph.microsoft.com/v1.0/directoryObjects/" + id(MEGAN) + "\"}";
        assertThat(http.as(PATTI, "POST", "/groups/" + sales + "/members/$ref", reference).status()).isEqualTo(403);
        assertThat(http.as(GRADY, "POST", "/groups/" + sales + "/members/$ref", reference).status()).isEqualTo(204);
        assertThat(names(http.get("/groups/" + sales + "/members").json())).contains("Megan Bowen");
        assertThat(http.post("/groups/" + sales + "/members/$ref", "{\"@odata.id\": \"https://graph.microsoft.com/v1.0/"
                + "directoryObjects/00000000-0000-0000-0000-000000000000\"}", "Content-Type", "application/json").status())
                .isEqualTo(404);
    }

    @Test
    void groupsListWhatTheyAreMembersOf() {
        JsonNode memberOf = http.get("/groups/" + groupId("IT Administrators") + "/memberOf").json();
        assertThat(memberOf.path("value").get(0).path("@odata.type").asText()).isEqualTo("#microsoft.graph.directoryRole");
        assertThat(names(memberOf)).containsExactly("Security Reader");
        assertThat(http.get("/groups/" + groupId("Finance") + "/transitiveMemberOf").json().path("value")).isEmpty();
    }

    @Test
    void roleAssignmentsAreCreatedAndRemovedByRoleManagers() {
        String body = "{\"@odata.type\": \"#microsoft.graph.unifiedRoleAssignment\", \"roleDefinitionId\": \""
                + GLOBAL_ADMINISTRATOR + "\", \"principalId\": \"" + id(MEGAN) + "\", \"directoryScopeId\": \"/\"}";
        assertThat(http.as(GRADY, "POST", "/roleManagement/directory/roleAssignments", body).status()).isEqualTo(403);
        SimHttp.Answer created = http.post("/roleManagement/directory/roleAssignments", body, "Content-Type",
                "application/json");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode assignment = created.json();
        assertThat(assignment.path("principalId").asText()).isEqualTo(id(MEGAN));
        assertThat(assignment.has("resourceScope")).isFalse();
        assertThat(UserWritesTest.lastAudit().path("activityDisplayName").asText()).isEqualTo("Add member to role");
        assertThat(http.post("/roleManagement/directory/roleAssignments", body, "Content-Type", "application/json")
                .status()).as("duplicate").isEqualTo(400);
        assertThat(http.as(PATTI, "POST", "/users/" + MEGAN + "/authentication/temporaryAccessPassMethods", "{}")
                .status()).as("Megan is a Global Administrator now").isEqualTo(403);
        assertThat(http.post("/roleManagement/directory/roleAssignments", body.replace(id(MEGAN), groupId("Sales")),
                "Content-Type", "application/json").status()).as("not role-assignable").isEqualTo(400);
        assertThat(http.delete("/roleManagement/directory/roleAssignments/" + assignment.path("id").asText()).status())
                .isEqualTo(204);
        assertThat(http.get("/roleManagement/directory/roleAssignments?$filter=principalId eq '" + id(MEGAN) + "'")
                .json().path("value")).isEmpty();
        assertThat(UserWritesTest.lastAudit().path("activityDisplayName").asText()).isEqualTo("Remove member from role");
    }


    private static List<String> names(JsonNode collection) {
        List<String> names = new ArrayList<>();
        collection.path("value").forEach(item -> names.add(item.path("displayName").asText()));
        return names;
    }
}
