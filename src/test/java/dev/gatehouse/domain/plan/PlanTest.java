package dev.gatehouse.domain.plan;

import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.tenant.RequiredAccess;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanTest {

    private static Step step(String id, Risk risk) {
        return new Step(id, id, "", "", List.of(), RequiredAccess.of("User.Read.All"), Reversibility.reversible(""),
                risk, List.of(), ctx -> StepResult.done(id));
    }

    @Test
    void refusesAnEmptyPlan() {
        assertThatThrownBy(() -> new Plan("Nothing", "x", "x", List.of(), List.of()))
                .hasMessageContaining("at least one step");
    }

    @Test
    void refusesDuplicateStepIds() {
        assertThatThrownBy(() -> new Plan("Twice", "x", "x", List.of(step("a", Risk.LOW), step("a", Risk.LOW)), List.of()))
                .hasMessageContaining("Duplicate step id 'a'");
    }

    @Test
    void highestRiskIsTheWorstStep() {
        Plan plan = new Plan("Mixed", "x", "x", List.of(step("a", Risk.LOW), step("b", Risk.HIGH), step("c", Risk.MEDIUM)),
                List.of());
        assertThat(plan.highestRisk()).isEqualTo(Risk.HIGH);
    }

    @Test
    void secretsNeverShowInToString() {
        Secret secret = Secret.of("Temporary password", "Hunter2!x");
        assertThat(secret.toString()).doesNotContain("Hunter2!x").startsWith("Temporary password");
        secret.wipe();
        assertThat(secret.isWiped()).isTrue();
    }
}
