package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.registration.ActionCoverage.Reach;
import dev.gatehouse.domain.registration.ActionCoverage.Route;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.gatehouse.domain.registration.Policies.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Which policies reach Register security information (graph-facts §10.3, §10.5) and what they add up to. */
class ActionCoverageTest {

    private static final ConditionalAccessPolicy OFFICE_ONLY = new ConditionalAccessPolicy("p-o365", "MFA for Office",
            State.ENABLED, everyone(), Set.of("Office365"), Set.of(), Set.of(), anyOf("mfa"), Optional.empty());

    @Test
    void aPolicyOnTheActionReachesItInEveryStateAndAnAllResourcesPolicyOnlyWhenNotOff() {
        ActionCoverage coverage = ActionCoverage.of(List.of(template(State.DISABLED), mfaEverywhere(State.DISABLED),
                mfaEverywhere(State.REPORT_ONLY), OFFICE_ONLY));

        assertThat(coverage.reaches()).extracting(r -> r.policy().displayName() + "/" + r.route() + "/" + r.state())
                .containsExactly("Securing security info registration/USER_ACTION/Off",
                        "CA001: Require MFA for all users/ALL_RESOURCES/Report-only");
        assertThat(coverage.enforced()).isEmpty();
        assertThat(coverage.combinedRequirement()).isEmpty();
    }

    @Test
    void aPolicyOnLegacyClientsOnlyDoesNotReachItAsTheSimulatorSays() {
        ConditionalAccessPolicy legacy = new ConditionalAccessPolicy("p-l", "Block legacy", State.ENABLED, everyone(),
                Set.of("All"), Set.of(), Set.of(), anyOf("block"), Optional.empty(), Set.of("exchangeActiveSync"));

        assertThat(ActionCoverage.of(List.of(legacy)).reaches()).isEmpty();
    }

    @Test
    void nothingEnforcedSaysTheGateIsOpenAndReportOnlyIsNotEvaluated() {
        List<String> lines = ActionCoverage.of(List.of(design(State.REPORT_ONLY))).explanation();

        assertThat(lines).containsExactly(
                "No policy that is On reaches Register security information: anyone who has a user's password can"
                        + " register their own methods.",
                "'Protect security info registration' is Report-only: not enforced, and Entra does not even evaluate"
                        + " report-only policies on user actions, so sign-in logs will show nothing for it.");
    }

    @Test
    void theDraftWithAnAllResourcesMfaPolicyMustBothBeMet() {
        ActionCoverage coverage = ActionCoverage.withDraft(List.of(mfaEverywhere(State.ENABLED)),
                design(State.REPORT_ONLY));

        assertThat(coverage.enforced()).hasSize(2);
        assertThat(coverage.enforcedBesidesDraft()).extracting(r -> r.policy().id()).containsExactly("p-ca001");
        assertThat(coverage.combinedRequirement()).hasValue("MFA (CA001: Require MFA for all users) AND [a compliant"
                + " device or authentication strength 'Passkey or one-time TAP' (one-time TAP or passkey (FIDO2))]"
                + " (Protect security info registration, new)");
        assertThat(coverage.explanation().get(0)).startsWith("A user all 2 policies apply to must satisfy every one"
                + " of them, not just one: ");
    }

    @Test
    void aDraftWithTheIdOfAnExistingPolicyReplacesIt() {
        ConditionalAccessPolicy existing = onAction("p-reg", "Old registration policy", State.REPORT_ONLY, everyone(),
                anyOf("mfa"));
        ConditionalAccessPolicy changed = onAction("p-reg", "Registration policy", State.REPORT_ONLY, everyone(),
                anyOf("compliantDevice"));

        ActionCoverage coverage = ActionCoverage.withDraft(List.of(existing), changed);

        assertThat(coverage.reaches()).singleElement().satisfies(r -> {
            assertThat(r.draft()).isTrue();
            assertThat(r.enforced()).isTrue();
        });
        assertThat(coverage.combinedRequirement()).hasValue("a compliant device (Registration policy, as changed)");
    }

    @Test
    void eachReachSaysStateScopeAndGrantInAdminWords() {
        Reach reach = ActionCoverage.of(List.of(design(State.REPORT_ONLY))).reaches().get(0);

        assertThat(reach.route()).isEqualTo(Route.USER_ACTION);
        assertThat(reach.scope()).isEqualTo("All users, except guests and external users and 1 group ("
                + BREAK_GLASS_GROUP + ")");
        assertThat(reach.grant()).isEqualTo("a compliant device or authentication strength 'Passkey or one-time TAP'"
                + " (one-time TAP or passkey (FIDO2))");
        assertThat(reach.describe()).startsWith("'Protect security info registration' (Report-only), on the user"
                + " action: All users");
    }

    @Test
    void anAndGrantAndAnUnknownControlAreSaidAsTheyAre() {
        ConditionalAccessPolicy strict = onAction("p-s", "Strict", State.ENABLED, everyone(),
                new ConditionalAccessPolicy.Grant(true, Set.of("mfa", "domainJoinedDevice", "termsOfUseX"),
                        Optional.empty()));

        assertThat(ActionCoverage.of(List.of(strict)).combinedRequirement()).hasValue("[a Microsoft Entra hybrid"
                + " joined device and MFA and 'termsOfUseX'] (Strict)");
    }
}
