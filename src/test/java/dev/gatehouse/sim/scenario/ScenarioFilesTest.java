package dev.gatehouse.sim.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.wire.Wire;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The "extends" merge rules and relative times of scenario files. */
class ScenarioFilesTest {

    @Test
    void arraysOfObjectsMergeByIdentityAndOtherArraysAreReplaced() throws Exception {
        ObjectNode parent = (ObjectNode) Wire.MAPPER.readTree("""
                {"users": [{"userPrincipalName": "a@x", "jobTitle": "Clerk", "methods": [{"type": "phone"}],
                            "roles": ["Global Reader"]},
                           {"userPrincipalName": "b@x"}],
                 "organization": {"displayName": "X", "assignedPlans": [{"service": "exchange"}]}}""");
        ObjectNode child = (ObjectNode) Wire.MAPPER.readTree("""
                {"users": [{"userPrincipalName": "A@X", "jobTitle": "Manager", "methods": [{"type": "fido2"}],
                            "roles": ["Global Administrator"]},
                           {"userPrincipalName": "b@x", "_remove": true},
                           {"userPrincipalName": "c@x"}],
                 "organization": {"$replace": ["assignedPlans"], "assignedPlans": [{"service": "SCO"}]}}""");
        ScenarioFiles.merge(parent, child);
        assertThat(parent.toString()).isEqualTo(Wire.MAPPER.readTree("""
                {"users": [{"userPrincipalName": "A@X", "jobTitle": "Manager",
                            "methods": [{"type": "phone"}, {"type": "fido2"}], "roles": ["Global Administrator"]},
                           {"userPrincipalName": "c@x"}],
                 "organization": {"displayName": "X", "assignedPlans": [{"service": "SCO"}]}}""").toString());
    }

    @Test
    void relativeTimes() {
        Instant now = Instant.parse("2026-01-10T10:00:00Z");
        assertThat(RelativeTime.resolve("now", now)).isEqualTo(now);
        assertThat(RelativeTime.resolve("-1d", now)).isEqualTo(Instant.parse("2026-01-09T10:00:00Z"));
        assertThat(RelativeTime.resolve("-1d-6h", now)).isEqualTo(Instant.parse("2026-01-09T04:00:00Z"));
        assertThat(RelativeTime.resolve("+30m", now)).isEqualTo(Instant.parse("2026-01-10T10:30:00Z"));
        assertThat(RelativeTime.resolve("2025-03-01T09:00:00Z", now)).isEqualTo(Instant.parse("2025-03-01T09:00:00Z"));
        assertThatThrownBy(() -> RelativeTime.resolve("yesterday", now)).hasMessageContaining("'yesterday'");
    }
}
