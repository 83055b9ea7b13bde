package dev.gatehouse.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.policy.MethodConfigurationChange;
import dev.gatehouse.domain.policy.MethodConfigurationChange.Targets;
import dev.gatehouse.domain.policy.PolicyTarget;
import dev.gatehouse.domain.policy.TapSettings;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantException.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PATCH and its undo, from a configuration as Graph returns it. */
class MethodConfigurationPatchTest {

    private static final PolicyTarget GROUP = new PolicyTarget(PolicyTarget.Kind.GROUP, "B5A6-group", "Emergency");

    private static JsonNode json(String text) throws Exception {
        return JsonRequests.JSON.readTree(text);
    }

    @Test
    void addingATargetKeepsTheOthersWithTheirFieldsAndNeverDoublesOne() throws Exception {
        JsonNode current = json("""
                {"@odata.type": "#microsoft.graph.fido2AuthenticationMethodConfiguration", "id": "Fido2",
                 "state": "disabled", "isSelfServiceRegistrationAllowed": false,
                 "includeTargets": [{"targetType": "group", "id": "b5a6-GROUP", "isRegistrationRequired": true,
                                     "allowedPasskeyProfiles": ["p1"]}],
                 "excludeTargets": [{"targetType": "group", "id": "x"}]}""");

        MethodConfigurationPatch patch = MethodConfigurationPatch.of(current,
                MethodConfigurationChange.fido2For(GROUP, Targets.ADD));

        assertThat(json(patch.body())).isEqualTo(json("""
                {"@odata.type": "#microsoft.graph.fido2AuthenticationMethodConfiguration", "state": "enabled",
                 "includeTargets": [{"targetType": "group", "id": "b5a6-GROUP", "isRegistrationRequired": true,
                                     "allowedPasskeyProfiles": ["p1"]}],
                 "isSelfServiceRegistrationAllowed": true}"""));
        assertThat(json(patch.previous().body())).isEqualTo(json("""
                {"@odata.type": "#microsoft.graph.fido2AuthenticationMethodConfiguration", "state": "disabled",
                 "includeTargets": [{"targetType": "group", "id": "b5a6-GROUP", "isRegistrationRequired": true,
                                     "allowedPasskeyProfiles": ["p1"]}],
                 "isSelfServiceRegistrationAllowed": false}"""));
        assertThat(patch.previous().configurationId()).isEqualTo("Fido2");
    }

    @Test
    void replacingLeavesOnlyTheGivenTargetsAndTheUndoLeavesOutWhatGraphDidNotReturn() throws Exception {
        JsonNode current = json("""
                {"@odata.type": "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration",
                 "id": "TemporaryAccessPass", "state": "disabled", "defaultLifetimeInMinutes": 60,
                 "includeTargets": [{"targetType": "group", "id": "all_users", "isRegistrationRequired": false}]}""");

        MethodConfigurationPatch patch = MethodConfigurationPatch.of(current,
                MethodConfigurationChange.temporaryAccessPassFor(GROUP, Targets.REPLACE, new TapSettings(30, 10, 120, true, 12)));

        JsonNode body = json(patch.body());
        assertThat(body.path("includeTargets")).isEqualTo(json("""
                [{"targetType": "group", "id": "B5A6-group", "isRegistrationRequired": false}]"""));
        assertThat(body.path("defaultLifetimeInMinutes").asInt()).isEqualTo(30);
        assertThat(body.path("minimumLifetimeInMinutes").asInt()).isEqualTo(10);
        assertThat(body.path("isUsableOnce").asBoolean()).isTrue();
        assertThat(json(patch.previous().body())).isEqualTo(json("""
                {"@odata.type": "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration",
                 "state": "disabled", "defaultLifetimeInMinutes": 60,
                 "includeTargets": [{"targetType": "group", "id": "all_users", "isRegistrationRequired": false}]}"""));
    }

    @Test
    void aConfigurationWithoutItsTypeCannotBeChanged() throws Exception {
        assertThatThrownBy(() -> MethodConfigurationPatch.of(json("{\"id\": \"Fido2\", \"state\": \"enabled\"}"),
                MethodConfigurationChange.fido2For(GROUP, Targets.ADD)))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED);
                    assertThat(e.getMessage()).contains("Nothing was changed");
                });
    }

    @Test
    void settingsOfAnotherMethodAreRefusedWhenTheChangeIsMade() {
        assertThatThrownBy(() -> new MethodConfigurationChange("TemporaryAccessPass", true, List.of(GROUP),
                Targets.ADD, Optional.of(true), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MethodConfigurationChange("Fido2", true, List.of(GROUP), Targets.ADD,
                Optional.empty(), Optional.of(new TapSettings(60, 60, 480, false, 8))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
