package dev.gatehouse.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.tenant.TenantException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupExclusionPatchTest {

    private static final String GROUP = "9f2a6bd8-0000-4000-8000-000000000001";

    private static JsonNode policy(String excludeGroups) throws Exception {
        return JsonRequests.JSON.readTree("{\"id\": \"p1\", \"displayName\": \"CA001\", \"conditions\": {"
                + "\"signInRiskLevels\": [\"high\"], \"users\": {\"includeUsers\": [\"All\"], \"excludeUsers\": [],"
                + " \"excludeGroups\": " + excludeGroups + ", \"futureProperty\": {\"kept\": true},"
                + " \"excludeGuestsOrExternalUsers\": {\"guestOrExternalUserTypes\": \"b2bCollaborationGuest\"}}}}");
    }

    @Test
    void theUsersConditionGoesBackAsReadWithOnlyExcludeGroupsChangedInItsPlace() throws Exception {
        GroupExclusionPatch patch = GroupExclusionPatch.of(policy("[\"a\"]"), "p1", GROUP, true);

        assertThat(patch.body()).hasValue("{\"conditions\":{\"users\":{\"includeUsers\":[\"All\"],\"excludeUsers\":[],"
                + "\"excludeGroups\":[\"a\",\"" + GROUP + "\"],\"futureProperty\":{\"kept\":true},"
                + "\"excludeGuestsOrExternalUsers\":{\"guestOrExternalUserTypes\":\"b2bCollaborationGuest\"}}}}");
        assertThat(patch.change().before()).containsExactly("a");
        assertThat(patch.change().after()).containsExactly("a", GROUP);
        assertThat(patch.change().displayName()).isEqualTo("CA001");
    }

    @Test
    void takingTheGroupOutIgnoresTheCaseOfItsIdAndNothingIsSentWhenThereIsNothingToDo() throws Exception {
        GroupExclusionPatch out = GroupExclusionPatch.of(policy("[\"" + GROUP.toUpperCase() + "\", \"a\"]"), "p1",
                GROUP, false);
        assertThat(out.change().after()).containsExactly("a");
        assertThat(out.body()).isPresent();

        assertThat(GroupExclusionPatch.of(policy("[\"a\"]"), "p1", GROUP, false).body()).isEmpty();
        assertThat(GroupExclusionPatch.of(policy("[\"" + GROUP + "\"]"), "p1", GROUP, true).change().changed())
                .isFalse();
    }

    @Test
    void aPolicyReadWithoutUserConditionsIsNotPatched() throws Exception {
        assertThatThrownBy(() -> GroupExclusionPatch.of(JsonRequests.JSON.readTree("{\"id\": \"p1\"}"), "p1", GROUP,
                true)).isInstanceOf(TenantException.class).hasMessageContaining("Nothing was changed");
    }
}
