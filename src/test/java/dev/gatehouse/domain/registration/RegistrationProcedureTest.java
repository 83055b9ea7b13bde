package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.procedure.Answers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy from nothing to report-only, a pilot and everyone, over HTTP against the demo tenant: each stage plans
 * from a fresh read, creates nothing twice, and the lock-out guard refuses before anything is sent.
 */
class RegistrationProcedureTest {

    @TempDir
    Path data;

    private static Answers answers(RegistrationChoices choices) {
        return Answers.none().with(RegistrationChoices.ANSWER, choices);
    }

    private static ConditionalAccessPolicy only(RegistrationRead read) {
        assertThat(read.registrationPolicies()).hasSize(1);
        return read.registrationPolicies().get(0);
    }

    @Test
    void fromNothingToReportOnlyThenAPilotThenEveryoneEachStageOnce() {
        try (RegistrationTenant tenant = new RegistrationTenant("new-hires", data)) {
            RegistrationRead before = tenant.read();
            assertThat(before.registrationPolicies()).isEmpty();
            assertThat(before.emergencyAccounts()).hasSize(2);
            RegistrationChoices choices = RegistrationChoices.of(RegistrationPolicyDesign.defaults(
                    Optional.of(tenant.group("Emergency Access Accounts").id()), before.strengths()), Optional.empty());

            RegistrationProposal save = tenant.propose(RegistrationProcedure.REPORT_ONLY, answers(choices));

            assertThat(save.plan().orElseThrow().steps()).extracting(Step::id)
                    .containsExactly("create-strength", "save-policy");
            assertThat(save.warnings()).anySatisfy(w -> assertThat(w).startsWith("Report-only is not evaluated for "
                    + "user actions"));
            assertThat(save.plan().get().steps().get(1).requests().get(0).body())
                    .contains("\"state\" : \"enabledForReportingButNotEnforced\"")
                    .contains("\"id\" : \"" + PolicyExport.NEW_STRENGTH_ID + "\"");
            assertThat(tenant.run(RegistrationProcedure.REPORT_ONLY, save, answers(choices)).completed()).isTrue();

            ConditionalAccessPolicy saved = only(tenant.read());
            assertThat(saved.state()).isEqualTo(State.REPORT_ONLY);
            assertThat(saved.grant().strength()).get().satisfies(s -> assertThat(s.allowedCombinations())
                    .containsExactlyInAnyOrder("fido2", "temporaryAccessPassOneTime"));
            assertThat(saved.users().excludeGroups()).contains(tenant.group("Emergency Access Accounts").id());
            assertThat(tenant.propose(RegistrationProcedure.REPORT_ONLY, answers(choices)).message())
                    .as("saved as designed: nothing twice").contains("already saved as designed");

            RegistrationChoices pilot = choices.withPilotGroup(tenant.group("New Hires").id());
            RegistrationProposal pilotOn = tenant.propose(RegistrationProcedure.PILOT, answers(pilot));
            assertThat(pilotOn.forecast()).anySatisfy(line -> assertThat(line).startsWith("Adele Vance")
                    .contains("outside the policy"));
            ExecutionReport piloted = tenant.run(RegistrationProcedure.PILOT, pilotOn, answers(pilot));
            assertThat(piloted.completed()).isTrue();
            ConditionalAccessPolicy onForPilot = only(tenant.read());
            assertThat(onForPilot.state()).isEqualTo(State.ENABLED);
            assertThat(onForPilot.users().includeGroups()).containsExactly(tenant.group("New Hires").id());
            assertThat(onForPilot.users().includeUsers()).isEmpty();

            RegistrationProposal everyone = tenant.propose(RegistrationProcedure.EVERYONE, answers(pilot));
            assertThat(everyone.forecast()).anySatisfy(line -> assertThat(line).startsWith("Adele Vance")
                    .contains("inside the policy, enforced").contains("can register security information with "
                            + "passkey"));
            assertThat(everyone.forecast()).filteredOn(line -> line.contains("(emergency access)"))
                    .hasSize(2).allSatisfy(line -> assertThat(line).contains("outside the policy"));
            assertThat(tenant.run(RegistrationProcedure.EVERYONE, everyone, answers(pilot)).completed()).isTrue();
            ConditionalAccessPolicy on = only(tenant.read());
            assertThat(on.users().includeUsers()).containsExactly("All");
            assertThat(on.state()).isEqualTo(State.ENABLED);
            assertThat(tenant.desk.unfinished(tenant.procedure, tenant.subject)).as("the run is over").isEmpty();
        }
    }

    @Test
    void turningOnRefusesBeforeAnyRequestWhenEveryEmergencyAccountWouldBeCovered() {
        try (RegistrationTenant tenant = new RegistrationTenant("new-hires", data)) {
            RegistrationRead before = tenant.read();
            RegistrationChoices unguarded = RegistrationChoices.of(RegistrationPolicyDesign.defaults(
                    Optional.empty(), before.strengths()), Optional.empty());
            RegistrationProposal save = tenant.propose(RegistrationProcedure.REPORT_ONLY, answers(unguarded));
            tenant.run(RegistrationProcedure.REPORT_ONLY, save, answers(unguarded));
            long writes = policyWrites(tenant);

            RegistrationProposal everyone = tenant.propose(RegistrationProcedure.EVERYONE, answers(unguarded));

            assertThat(everyone.plan()).isEmpty();
            assertThat(everyone.message()).startsWith("Not turned on, nothing was sent:")
                    .contains("would apply to every emergency-access account");
            assertThat(policyWrites(tenant)).isEqualTo(writes);
            assertThat(only(tenant.read()).state()).isEqualTo(State.REPORT_ONLY);
        }
    }

    @Test
    void whatIfAndTheSimulatorAgreePersonByPersonOnAReportOnlyPolicy() {
        try (RegistrationTenant tenant = new RegistrationTenant("new-hires", data)) {
            RegistrationRead before = tenant.read();
            RegistrationChoices choices = RegistrationChoices.of(RegistrationPolicyDesign.defaults(
                    Optional.of(tenant.group("Emergency Access Accounts").id()), before.strengths()), Optional.empty());
            tenant.run(RegistrationProcedure.REPORT_ONLY, tenant.propose(RegistrationProcedure.REPORT_ONLY,
                    answers(choices)), answers(choices));
            RegistrationRead read = tenant.read();
            ConditionalAccessPolicy saved = only(read);

            java.util.List<WhatIfComparison.Row> rows = WhatIfComparison.compare(read, saved,
                    new WhatIfSubjects(tenant.directory()).standard(read,
                            Optional.of(tenant.group("New Hires").id()), java.util.List.of(), false),
                    tenant.directory()::whatIf);

            assertThat(rows).extracting(r -> r.subject().role()).containsExactly("you", "emergency access",
                    "emergency access", "pilot", "pilot, no passkey", "guest");
            assertThat(rows).allSatisfy(row -> assertThat(row.agrees()).as(row.subject().label()).isTrue());
            assertThat(rows.get(0).whatIf()).contains(saved.displayName(),
                    "CA001: Require multifactor authentication for all users");
            assertThat(rows.get(1).whatIf()).doesNotContain(saved.displayName());
            assertThat(rows.get(5).whatIf()).as("guests are excluded").doesNotContain(saved.displayName());
            assertThat(rows.get(4).outcome()).startsWith("could NOT register");
            assertThat(rows.get(0).outcome()).startsWith("can register, with passkey");
        }
    }

    @Test
    void aPolicyGraphMadeBeforeTheRunRecordedItIsFoundRecordedDoneAndTheRunGoesOn() {
        try (RegistrationTenant tenant = new RegistrationTenant("new-hires", data)) {
            RegistrationRead before = tenant.read();
            RegistrationChoices choices = RegistrationChoices.of(RegistrationPolicyDesign.defaults(
                    Optional.of(tenant.group("Emergency Access Accounts").id()), before.strengths()), Optional.empty());
            // as if the process died after Graph answered the POSTs and before the run saved the steps
            RegistrationPolicyDesign design = choices.design(before.strengths(), State.REPORT_ONLY);
            dev.gatehouse.domain.policy.AuthenticationStrength strength = tenant.gateway.policyWriter()
                    .createAuthenticationStrength(design.strengthToCreate().orElseThrow());
            tenant.gateway.policyWriter().createConditionalAccessPolicy(design.withStrength(strength)
                    .toPolicy(strength));

            RegistrationProposal save = tenant.propose(RegistrationProcedure.REPORT_ONLY, answers(choices));

            assertThat(save.plan()).isEmpty();
            assertThat(save.alreadyDone()).isTrue();
            assertThat(tenant.desk.recordAlreadyDone(tenant.procedure, RegistrationProcedure.REPORT_ONLY,
                    tenant.subject, RegistrationTenant.ADMIN, answers(choices), save.message(),
                    dev.gatehouse.domain.procedure.RunOptions.CONTINUE)).isTrue();
            assertThat(tenant.procedure.missingBefore(RegistrationProcedure.PILOT,
                    tenant.desk.unfinished(tenant.procedure, tenant.subject))).isEmpty();
            assertThat(only(tenant.read()).state()).isEqualTo(State.REPORT_ONLY);
            assertThat(tenant.read().strengths().stream().filter(s -> s.displayName() != null
                    && s.displayName().equals(strength.displayName()))).as("nothing created twice").hasSize(1);
        }
    }

    private static long policyWrites(RegistrationTenant tenant) {
        return tenant.gateway.callLog().snapshot().stream().filter(c -> !c.method().equals("GET"))
                .filter(c -> c.pathAndQuery().contains("/identity/conditionalAccess/policies")
                        || c.pathAndQuery().contains("/authenticationStrengthPolicies")).count();
    }

    @Test
    void withoutP1OrWithSecurityDefaultsNothingIsPlanned() {
        try (RegistrationTenant tenant = new RegistrationTenant("baseline-free", data)) {
            RegistrationRead read = tenant.read();
            RegistrationChoices choices = RegistrationChoices.of(RegistrationPolicyDesign.defaults(Optional.empty(),
                    read.strengths()), Optional.empty());

            RegistrationProposal save = tenant.propose(RegistrationProcedure.REPORT_ONLY, answers(choices));

            assertThat(save.plan()).isEmpty();
            assertThat(save.message()).contains("no Entra ID P1").contains("Conditional Access, authentication "
                    + "strengths and the registration report");
        }
    }
}
