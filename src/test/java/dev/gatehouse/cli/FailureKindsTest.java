package dev.gatehouse.cli;

import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.Reconciliation;
import dev.gatehouse.domain.plan.Reversibility;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepCheck;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.tenant.RequiredAccess;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FailureKindsTest {

    @Test
    void watchingAPlanKeepsEachStepsReadBackAfterAStop() {
        StepCheck readBack = started -> Reconciliation.applied("the account is disabled.", Map.of());
        Step disable = new Step("disable", "Disable the account", "effect", "experience",
                List.of(GraphRequest.of("PATCH", "/users/u1")), RequiredAccess.of("User.EnableDisableAccount.All"),
                Reversibility.reversible("enable"), Risk.MEDIUM, List.of(), context -> StepResult.done("done"))
                .checkedBy(readBack);

        Plan watched = new FailureKinds().watch(new Plan("Disable", "Ada", "u1", List.of(disable), List.of()));

        assertThat(watched.steps().get(0).check()).as("the CLI must not lose the read-back").isSameAs(readBack);
        assertThat(watched.steps().get(0).action()).isNotSameAs(disable.action());
    }
}
