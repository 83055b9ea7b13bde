package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.policy.MethodConfiguration;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.policy.PolicyTarget;
import dev.gatehouse.domain.tenant.GroupRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EffectiveMethodsPolicyTest {

    private static final PolicyTarget PILOT = new PolicyTarget(PolicyTarget.Kind.GROUP, "g-pilot", null);
    private static final PolicyTarget CONTRACTORS = new PolicyTarget(PolicyTarget.Kind.GROUP, "g-contractors",
            "Contractors");

    private final MethodsPolicy policy = new MethodsPolicy(List.of(
            new MethodConfiguration("Fido2", true, List.of(PolicyTarget.allUsers()), List.of(CONTRACTORS)),
            new MethodConfiguration("TemporaryAccessPass", true, List.of(PILOT), List.of()),
            new MethodConfiguration("Sms", false, List.of(PolicyTarget.allUsers()), List.of()),
            new MethodConfiguration("Email", true, List.of(new PolicyTarget(PolicyTarget.Kind.USER, "u1", null)),
                    List.of())), Optional.empty());

    @Test
    void saysForEachMethodWhetherAndThroughWhichTargetItApplies() {
        EffectiveMethodsPolicy effective = EffectiveMethodsPolicy.compute(policy, "u1",
                List.of(new GroupRef("g-pilot", "Passkey pilot", false)));

        assertThat(effective.row("Fido2").orElseThrow().through()).contains("All users");
        assertThat(effective.row("TemporaryAccessPass").orElseThrow().reason())
                .isEqualTo("The user is a member of group 'Passkey pilot', which the configuration includes.")
                .as("the state column says 'Enabled via …' already").doesNotContain("Enabled");
        assertThat(effective.row("Fido2").orElseThrow().reason()).isEqualTo("Every user in the tenant may register "
                + "and use it. None of its exclusions applies to the user.");
        assertThat(effective.row("Sms").orElseThrow().reason()).isEqualTo("Disabled for the whole tenant.");
        assertThat(effective.row("Email").orElseThrow().enabledForUser()).isTrue();
        assertThat(effective.row("Fido2").orElseThrow().label()).isEqualTo("Passkey (FIDO2)");
    }

    @Test
    void anExclusionWinsOverAllUsersAndANonMemberIsToldWhichGroupsItIsFor() {
        EffectiveMethodsPolicy effective = EffectiveMethodsPolicy.compute(policy, "u2",
                List.of(new GroupRef("g-contractors", "Contractors", false)));

        assertThat(effective.row("Fido2").orElseThrow().enabledForUser()).isFalse();
        assertThat(effective.row("Fido2").orElseThrow().reason()).isEqualTo("Excluded through group 'Contractors'.");
        assertThat(effective.row("TemporaryAccessPass").orElseThrow().reason())
                .isEqualTo("Enabled only for group 'g-pilot', and the user is not a member.");
        assertThat(effective.row("Email").orElseThrow().enabledForUser()).isFalse();
    }
}
