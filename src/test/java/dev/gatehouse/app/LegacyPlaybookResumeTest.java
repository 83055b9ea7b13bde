package dev.gatehouse.app;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.plan.Cancellation;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.recovery.CompromisedAccountPlaybook;
import dev.gatehouse.domain.recovery.PlaybookChoices;
import dev.gatehouse.domain.recovery.Proposal;
import dev.gatehouse.domain.recovery.RecoveryContext;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.tenant.TenantConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unfinished compromised-account run saved by the version before procedures (its {@code playbooks/*.json},
 * written by that version's code: see the fixture's README) resumes on the procedure machinery over the demo tenant:
 * same choices, done steps skipped, and the old file gone once the run is finished.
 */
class LegacyPlaybookResumeTest {

    private static final String FIXTURE = "/dev/gatehouse/domain/procedure/legacy-playbooks/"
            + "619123075c9697ff86f7865bc6ed4681.json";
    private static final String ALEX = "alex.wilber@tailspintoys.com";

    @TempDir
    Path data;

    private TenantConnection connection;

    @AfterEach
    void close() {
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void aRunSavedByThePreviousVersionContinuesWithItsChoicesAndDoneSteps() throws Exception {
        Path legacy = data.resolve("playbooks").resolve("619123075c9697ff86f7865bc6ed4681.json");
        Files.createDirectories(legacy.getParent());
        try (InputStream fixture = LegacyPlaybookResumeTest.class.getResourceAsStream(FIXTURE)) {
            Files.copy(fixture, legacy);
        }
        connection = new GatehouseConnector(name -> null).connectDemo("compromised");
        RecoveryDesk desk = RecoveryDesk.open(connection, data, Clock.systemUTC(), Duration.ofDays(7));
        RecoveryContext alex = desk.read(ALEX);

        ProcedureProgress saved = desk.unfinishedPlaybook(alex.targetId()).orElseThrow();
        PlaybookChoices choices = CompromisedAccountPlaybook.choices(saved).orElseThrow();
        assertThat(saved.started()).isEqualTo(Instant.parse("2026-12-05T09:14:03.512Z"));
        assertThat(saved.stepIdsDone(CompromisedAccountPlaybook.STAGE)).containsExactly("disable", "revoke-sessions");
        assertThat(choices.deleteMethodIds()).containsExactlyInAnyOrder("d91d4f56-3bfa-3339-8770-5b5e0168153f",
                "b6332ec1-7057-4abe-9331-3d72feddfe41");
        assertThat(choices.tap().lifetimeMinutes()).isEqualTo(60);

        Proposal resumed = desk.proposePlaybook(alex, CompromisedAccountPlaybook.defaults(alex).withDeleted(
                java.util.Set.of()));

        assertThat(resumed.message()).startsWith("Continuing the run started 5 Dec 2026, 09:14 UTC. Already done: "
                + "Disable the account, Revoke sign-in sessions. It stopped at: Delete the methods that are not the "
                + "user's: Cancelled while running");
        assertThat(resumed.plan().orElseThrow().steps()).extracting(Step::id).containsExactly("delete-marked-methods",
                "require-reregister", "reset-password", "issue-tap", "enable");
        assertThat(resumed.plan().orElseThrow().steps().get(0).effect()).contains("SM-A546B", "+44 7700900461");

        ExecutionReport report = desk.executePlaybook(alex, CompromisedAccountPlaybook.defaults(alex), resumed,
                new Cancellation(), ExecutionListener.NONE);

        assertThat(report.completed()).as(report.summary()).isTrue();
        assertThat(desk.read(ALEX).methods()).extracting(AuthMethod::type)
                .containsExactlyInAnyOrder(MethodType.PASSWORD, MethodType.TEMPORARY_ACCESS_PASS);
        assertThat(legacy).doesNotExist();
        assertThat(desk.unfinishedPlaybook(alex.targetId())).isEmpty();
        try (Stream<Path> left = Files.list(data.resolve("procedures"))) {
            assertThat(left).as("no lock holder left").noneMatch(file -> file.toString().endsWith(".holder"));
        }
    }
}
