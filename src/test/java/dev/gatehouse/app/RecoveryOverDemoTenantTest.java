package dev.gatehouse.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.plan.Cancellation;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.plan.StepOutcome;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.recovery.CompromisedAccountPlaybook;
import dev.gatehouse.domain.recovery.PlaybookChoices;
import dev.gatehouse.domain.recovery.Proposal;
import dev.gatehouse.domain.recovery.RecoveryContext;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.recovery.RecoveryRequest;
import dev.gatehouse.domain.signin.UserSnapshot;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.ui.fake.GatedWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recovery end to end: the desk → planner → Graph SDK → HTTP → demo tenant. After every plan the user is read
 * back and compared with the "after" the plan promised, so the explanation shown before an action is checked
 * against what the tenant then holds.
 */
class RecoveryOverDemoTenantTest {

    @TempDir
    Path data;

    private TenantConnection connection;
    private RecoveryDesk desk;

    private RecoveryDesk open(String scenario) {
        connection = new GatehouseConnector(name -> null).connectDemo(scenario);
        desk = RecoveryDesk.open(connection, data, Clock.systemUTC(), Duration.ofDays(7));
        return desk;
    }

    @AfterEach
    void close() {
        if (connection != null) {
            connection.close();
        }
    }

    private ExecutionReport confirmAndRun(RecoveryContext context, Proposal proposal) {
        assertThat(proposal.ready()).as(proposal.message()).isTrue();
        ExecutionReport report = desk.execute(context, proposal, new Cancellation(), ExecutionListener.NONE);
        assertThat(report.completed()).as(report.summary()).isTrue();
        return report;
    }

    /** The user as the tenant now has them matches what the plan said it would leave. */
    private RecoveryContext assertTenantMatchesPrediction(Proposal proposal, String upn) {
        RecoveryContext now = desk.read(upn);
        UserSnapshot promised = proposal.after();
        assertThat(types(now.methods())).as("methods after the plan").isEqualTo(types(promised.methods()));
        assertThat(now.profile().accountEnabled()).isEqualTo(promised.profile().accountEnabled());
        return now;
    }

    private DemoControls demo() {
        return new DemoControls(connection.serviceRoot());
    }

    private static List<String> types(List<AuthMethod> methods) {
        return methods.stream().map(m -> m.type().name()).sorted().collect(Collectors.toList());
    }

    private static Optional<Secret> secret(ExecutionReport report) {
        return report.outcomes().stream().map(StepOutcome::result).flatMap(Optional::stream)
                .map(StepResult::secret).flatMap(Optional::stream).findFirst();
    }

    @Test
    void requireReregisterOnTheCompromisedUserDeletesTheAttackersAuthenticatorAndThePhone() throws IOException {
        open("compromised");
        RecoveryContext alex = desk.read("alex.wilber@tailspintoys.com");
        Proposal proposal = desk.propose(alex, new RecoveryRequest.RequireReregister(false));

        confirmAndRun(alex, proposal);

        RecoveryContext after = assertTenantMatchesPrediction(proposal, "alex.wilber@tailspintoys.com");
        assertThat(after.methods()).extracting(AuthMethod::type).containsOnly(MethodType.PASSWORD);
        assertThat(Files.readString(data.resolve(RecoveryDesk.JOURNAL_FILE)))
                .contains("Require re-register MFA").contains("DELETE /users/");
    }

    @Test
    void resetPasswordGivesATemporaryPasswordTheUserMustChangeAndEndsSessions() throws Exception {
        open("baseline");
        RecoveryContext pradeep = desk.read("pradeep.gupta@tailspintoys.com");
        Instant sessionsBefore = pradeep.profile().signInSessionsValidFrom();

        ExecutionReport report = confirmAndRun(pradeep, desk.propose(pradeep, new RecoveryRequest.ResetPassword(false)));

        String password = secret(report).orElseThrow().reveal();
        RecoveryContext after = desk.read("pradeep.gupta@tailspintoys.com");
        assertThat(after.profile().signInSessionsValidFrom()).isAfter(sessionsBefore);
        JsonNode signIn = demo().signInWithPassword("pradeep.gupta@tailspintoys.com", password);
        assertThat(signIn.path("outcome").asText()).isEqualTo("passwordAccepted");
        assertThat(signIn.path("mustChangePassword").asBoolean()).isTrue();
        assertThat(Files.readString(data.resolve(RecoveryDesk.JOURNAL_FILE))).doesNotContain(password);
        assertThat(connection.callLog().snapshot().toString()).doesNotContain(password);
    }

    @Test
    void revokeSessionsMovesSessionsValidFrom() {
        open("baseline");
        RecoveryContext megan = desk.read("megan.bowen@tailspintoys.com");
        Instant before = megan.profile().signInSessionsValidFrom();

        confirmAndRun(megan, desk.propose(megan, new RecoveryRequest.RevokeSessions()));

        assertThat(desk.read("megan.bowen@tailspintoys.com").profile().signInSessionsValidFrom()).isAfter(before);
    }

    @Test
    void issueTapLeavesExactlyOnePassWhichSignsTheUserIn() throws Exception {
        open("baseline");
        RecoveryContext sandra = desk.read("sandra.chen@tailspintoys.com");
        confirmAndRun(sandra, desk.propose(sandra, RecoveryRequest.IssueTap.policyDefault()));
        RecoveryContext again = desk.read("sandra.chen@tailspintoys.com");
        Proposal second = desk.propose(again, new RecoveryRequest.IssueTap(OptionalInt.empty(), false));
        assertThat(second.warnings()).anyMatch(w -> w.contains("Replaces the pass"));

        ExecutionReport report = confirmAndRun(again, second);

        RecoveryContext after = assertTenantMatchesPrediction(second, "sandra.chen@tailspintoys.com");
        assertThat(after.methods()).filteredOn(m -> m.type() == MethodType.TEMPORARY_ACCESS_PASS).hasSize(1);
        JsonNode signIn = demo().signInWithTemporaryAccessPass("sandra.chen@tailspintoys.com",
                secret(report).orElseThrow().reveal());
        assertThat(signIn.path("outcome").asText()).isEqualTo("signedIn");
    }

    @Test
    void anOutOfRangePassIsRefusedBeforeAnythingIsSent() {
        open("baseline");
        RecoveryContext sandra = desk.read("sandra.chen@tailspintoys.com");
        int calls = connection.callLog().snapshot().size();

        Proposal proposal = desk.propose(sandra, new RecoveryRequest.IssueTap(OptionalInt.of(100_000), false));

        assertThat(proposal.status()).isEqualTo(Proposal.Status.REFUSED);
        assertThat(proposal.message()).containsPattern("\\d+–\\d+ minutes");
        assertThat(connection.callLog().snapshot()).hasSize(calls);
    }

    @Test
    void deleteOneMethodAndDisableThenEnable() {
        open("baseline");
        RecoveryContext sofia = desk.read("sofia.rossi@tailspintoys.com");
        AuthMethod oath = sofia.methods().stream().filter(m -> m.type() == MethodType.SOFTWARE_OATH).findFirst()
                .orElseThrow();
        Proposal delete = desk.propose(sofia, new RecoveryRequest.DeleteMethod(oath.id()));
        confirmAndRun(sofia, delete);
        assertTenantMatchesPrediction(delete, "sofia.rossi@tailspintoys.com");

        RecoveryContext now = desk.read("sofia.rossi@tailspintoys.com");
        Proposal disable = desk.propose(now, new RecoveryRequest.Disable());
        confirmAndRun(now, disable);
        RecoveryContext disabled = assertTenantMatchesPrediction(disable, "sofia.rossi@tailspintoys.com");
        Proposal enable = desk.propose(disabled, new RecoveryRequest.Enable());
        confirmAndRun(disabled, enable);
        assertTenantMatchesPrediction(enable, "sofia.rossi@tailspintoys.com");
    }

    @Test
    void anAuthenticationAdministratorActingOnAGlobalAdministratorIsRefusedWithoutAGraph403() throws Exception {
        open("baseline");
        demo().actAs("patti.fernandez@tailspintoys.com");
        RecoveryContext isaiah = desk.read("isaiah.langer@tailspintoys.com");
        int calls = connection.callLog().snapshot().size();

        for (RecoveryRequest request : List.of(new RecoveryRequest.ResetPassword(false),
                new RecoveryRequest.RequireReregister(false), RecoveryRequest.IssueTap.policyDefault(),
                new RecoveryRequest.RevokeSessions())) {
            Proposal proposal = desk.propose(isaiah, request);
            assertThat(proposal.status()).as(request.toString()).isEqualTo(Proposal.Status.REFUSED);
            assertThat(proposal.message()).contains("Global Administrator").contains("Privileged Authentication "
                    + "Administrator");
        }
        assertThat(connection.callLog().snapshot()).hasSize(calls);

        RecoveryContext alex = desk.read("alex.wilber@tailspintoys.com");
        confirmAndRun(alex, desk.propose(alex, new RecoveryRequest.RequireReregister(false)));
    }

    @Test
    void thePlaybookRecoversTheCompromisedUserAndTheirPassWorks() throws Exception {
        open("compromised");
        RecoveryContext alex = desk.read("alex.wilber@tailspintoys.com");
        PlaybookChoices choices = CompromisedAccountPlaybook.defaults(alex);
        // the Authenticator is dated by Graph; the phone, which Graph leaves undated, by the directory audit log
        AuthMethod attackerPhone = alex.methods().stream().filter(m -> m.summary().startsWith("+44")).findFirst()
                .orElseThrow();
        assertThat(choices.deleteMethodIds()).containsExactlyInAnyOrder(alex.methods().stream()
                .filter(m -> "SM-A546B".equals(m.summary())).findFirst().orElseThrow().id(), attackerPhone.id());
        assertThat(attackerPhone.created()).isNull();
        assertThat(alex.registration(attackerPhone).explanation()).contains("date from the directory audit log",
                "User registered Alternate Mobile Phone", "198.51.100.77");
        assertThat(alex.methods()).filteredOn(m -> m.type() == MethodType.PHONE && m != attackerPhone)
                .as("Alex's own mobile phone has no registration in the log").singleElement()
                .satisfies(own -> assertThat(alex.recent(own)).isFalse());
        Proposal proposal = desk.proposePlaybook(alex, choices);

        ExecutionReport report = desk.executePlaybook(alex, choices, proposal, new Cancellation(),
                ExecutionListener.NONE);

        assertThat(report.completed()).as(report.summary()).isTrue();
        RecoveryContext after = assertTenantMatchesPrediction(proposal, "alex.wilber@tailspintoys.com");
        assertThat(after.methods()).extracting(AuthMethod::type)
                .containsExactlyInAnyOrder(MethodType.PASSWORD, MethodType.TEMPORARY_ACCESS_PASS);
        assertThat(desk.unfinishedPlaybook(alex.targetId())).isEmpty();
        List<Secret> secrets = report.outcomes().stream().map(StepOutcome::result).flatMap(Optional::stream)
                .map(StepResult::secret).flatMap(Optional::stream).toList();
        assertThat(secrets).extracting(Secret::label).containsExactly("Temporary password", "Temporary Access Pass");
        JsonNode signIn = demo().signInWithTemporaryAccessPass("alex.wilber@tailspintoys.com",
                secrets.get(1).reveal());
        assertThat(signIn.path("outcome").asText()).isEqualTo("signedIn");
    }

    @Test
    void singleActionsOnAUserWithRecentlyAddedMethodsWarnWhatTheyLeaveAndOfferThePlaybook() {
        open("compromised");
        RecoveryContext alex = desk.read("alex.wilber@tailspintoys.com");

        Proposal reregister = desk.propose(alex, new RecoveryRequest.RequireReregister(false));
        Proposal reset = desk.propose(alex, new RecoveryRequest.ResetPassword(false));
        Proposal tap = desk.propose(alex, RecoveryRequest.IssueTap.policyDefault());

        assertThat(reregister.warnings()).anyMatch(w -> w.contains("SM-A546B") && w.contains("+44")
                && w.contains("leaves the password") && w.contains("compromised-account playbook"));
        assertThat(reset.warnings()).anyMatch(w -> w.contains("SM-A546B") && w.contains("leaves them in place")
                && w.contains("still passes MFA") && w.contains("compromised-account playbook"));
        assertThat(List.of(reregister, reset, tap)).allSatisfy(p -> assertThat(p.alternative())
                .contains(dev.gatehouse.domain.recovery.RecoveryAction.RECOVER));

        RecoveryContext pradeep = desk.read("pradeep.gupta@tailspintoys.com");
        Proposal calm = desk.propose(pradeep, new RecoveryRequest.ResetPassword(false));
        assertThat(calm.warnings()).noneMatch(w -> w.contains("playbook"));
        assertThat(calm.alternative()).isEmpty();
    }

    @Test
    void thePlaybooksPassStepIsWrittenAgainstTheMethodsTheEarlierStepsLeave() {
        open("compromised");
        RecoveryContext alex = desk.read("alex.wilber@tailspintoys.com");
        confirmAndRun(alex, desk.propose(alex, RecoveryRequest.IssueTap.policyDefault()));
        RecoveryContext withPass = desk.read("alex.wilber@tailspintoys.com");
        String pass = withPass.methods().stream().filter(m -> m.type() == MethodType.TEMPORARY_ACCESS_PASS)
                .findFirst().orElseThrow().id();
        PlaybookChoices defaults = CompromisedAccountPlaybook.defaults(withPass);

        String kept = tapStep(desk.proposePlaybook(withPass, defaults));
        java.util.Set<String> marked = new java.util.HashSet<>(defaults.deleteMethodIds());
        marked.add(pass);
        String deletedFirst = tapStep(desk.proposePlaybook(withPass, defaults.withDeleted(marked)));

        assertThat(kept).contains("replacing the pass Alex Wilber has now");
        assertThat(deletedFirst).as("the marked pass is deleted before this step").doesNotContain("replacing");
        assertThat(step(desk.proposePlaybook(withPass, defaults), "reset-password"))
                .as("sessions are revoked in step 2").doesNotContain("add \"Revoke sign-in sessions\"");
    }

    private static String tapStep(Proposal proposal) {
        return step(proposal, "issue-tap");
    }

    private static String step(Proposal proposal, String id) {
        return proposal.plan().orElseThrow().steps().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow().effect();
    }

    @Test
    void aDeletionThatReachedTheTenantBeforeStopIsJournaledWithWhatWasFoundAndNotPlannedAgain() throws Exception {
        open("compromised");
        java.util.concurrent.CountDownLatch hanging = new java.util.concurrent.CountDownLatch(1);
        // the DELETE is carried out, then its answer never comes
        GatedWriter writer = new GatedWriter(connection.writer(), method -> { }, method -> {
            hanging.countDown();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new dev.gatehouse.domain.tenant.TenantException(
                        dev.gatehouse.domain.tenant.TenantException.Kind.CANCELLED, "Stopped.");
            }
        });
        RecoveryDesk stopping = new RecoveryDesk(connection.directory(), writer,
                new dev.gatehouse.domain.journal.JsonLinesJournal(data.resolve(RecoveryDesk.JOURNAL_FILE)),
                new dev.gatehouse.domain.procedure.JsonProgressStore(data),
                new dev.gatehouse.domain.procedure.FileRunLocks(data), connection.label(),
                dev.gatehouse.domain.procedure.RunHolder.COMMAND_LINE, Clock.systemUTC(), Duration.ofDays(7));
        RecoveryContext alex = stopping.read("alex.wilber@tailspintoys.com");
        PlaybookChoices choices = CompromisedAccountPlaybook.defaults(alex);
        Proposal proposal = stopping.proposePlaybook(alex, choices);
        Cancellation stop = new Cancellation();
        ExecutionReport[] report = new ExecutionReport[1];
        Thread run = new Thread(() -> report[0] = stopping.executePlaybook(alex, choices, proposal, stop,
                ExecutionListener.NONE));
        run.start();
        assertThat(hanging.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        stop.cancel(); // Ctrl+C, after the first DELETE reached the tenant
        run.interrupt();
        run.join(20_000);

        StepOutcome deletion = report[0].outcomes().stream().filter(o -> o.step().id()
                .equals("delete-marked-methods")).findFirst().orElseThrow();
        assertThat(deletion.message()).startsWith("Stopped part way: deleted Microsoft Authenticator 'SM-A546B'; "
                + "still there: Phone '+44 7700900461");
        String journal = Files.readString(data.resolve(RecoveryDesk.JOURNAL_FILE));
        assertThat(journal).contains("\"deleted\":[\"Microsoft Authenticator 'SM-A546B'\"]");
        Proposal rest = desk.proposePlaybook(desk.read("alex.wilber@tailspintoys.com"), choices);
        assertThat(rest.plan().orElseThrow().steps().stream().filter(step -> step.id().equals("delete-marked-methods"))
                .findFirst().orElseThrow().effect()).as("only what is still there is planned")
                .contains("+44 7700900461").doesNotContain("SM-A546B");
    }
}
