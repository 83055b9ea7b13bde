package dev.gatehouse.app;

import dev.gatehouse.domain.journal.JournalEntry;
import dev.gatehouse.domain.journal.JsonLinesJournal;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.plan.Cancellation;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.domain.plan.StepOutcome;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.procedure.FileRunLocks;
import dev.gatehouse.domain.procedure.JsonProgressStore;
import dev.gatehouse.domain.procedure.RunChangedException;
import dev.gatehouse.domain.procedure.RunHolder;
import dev.gatehouse.domain.procedure.RunInProgressException;
import dev.gatehouse.domain.procedure.RunOptions;
import dev.gatehouse.domain.recovery.CompromisedAccountPlaybook;
import dev.gatehouse.domain.recovery.PlaybookChoices;
import dev.gatehouse.domain.recovery.Proposal;
import dev.gatehouse.domain.recovery.RecoveryContext;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantWriter;
import dev.gatehouse.domain.user.UserProfile;
import dev.gatehouse.ui.fake.GatedWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8's "running twice" figures, over the demo tenant and the real desk: two runs of the playbook at once on one
 * user (×20), a rerun right after a finished run (×10), and Ctrl+C at random moments with answers lost in flight
 * (×30). Each prints its figure; each fails on the first run that breaks the rule.
 */
class RunTwiceFiguresTest {

    private static final String ALEX = "alex.wilber@tailspintoys.com";

    @TempDir
    Path data;

    private static RecoveryDesk desk(TenantConnection connection, TenantWriter writer, Path folder, String frontEnd) {
        return new RecoveryDesk(connection.directory(), writer,
                new JsonLinesJournal(folder.resolve(RecoveryDesk.JOURNAL_FILE)), new JsonProgressStore(folder),
                new FileRunLocks(folder), connection.label(), frontEnd, Clock.systemUTC(), Duration.ofDays(7));
    }

    private static Optional<Secret> secret(ExecutionReport report, String label) {
        return report.outcomes().stream().map(StepOutcome::result).flatMap(Optional::stream)
                .map(StepResult::secret).flatMap(Optional::stream).filter(s -> s.label().equals(label)).findFirst();
    }

    /** A confirmed playbook run as a front end does it: revision read before the plan, the plan run on it. */
    private record Planned(RecoveryContext context, PlaybookChoices choices, Proposal proposal, long basis) {
        static Planned on(RecoveryDesk desk) {
            RecoveryContext context = desk.read(ALEX);
            long basis = desk.playbookRevision(context.targetId());
            PlaybookChoices choices = CompromisedAccountPlaybook.defaults(context);
            return new Planned(context, choices, desk.proposePlaybook(context, choices), basis);
        }

        ExecutionReport run(RecoveryDesk desk, Cancellation cancellation) {
            return desk.executePlaybook(context, choices, proposal, RunOptions.CONTINUE.basedOn(basis), cancellation,
                    ExecutionListener.NONE);
        }
    }

    @Test
    void twoRunsAtOnceOnOneUserExactlyOneProceedsAndItsPassWorks() throws Exception {
        int rounds = 20;
        int exactlyOne = 0;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                Path folder = data.resolve("concurrent-" + round);
                try (TenantConnection connection = new GatehouseConnector(name -> null).connectDemo("compromised")) {
                    RecoveryDesk window = desk(connection, connection.writer(), folder, RunHolder.WINDOW);
                    RecoveryDesk terminal = desk(connection, connection.writer(), folder, RunHolder.COMMAND_LINE);
                    Planned first = Planned.on(window);
                    Planned second = Planned.on(terminal);
                    CyclicBarrier confirm = new CyclicBarrier(2);
                    Future<Object> a = pool.submit(() -> confirmAndRun(confirm, window, first));
                    Future<Object> b = pool.submit(() -> confirmAndRun(confirm, terminal, second));
                    List<Object> outcomes = List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));

                    List<ExecutionReport> ran = outcomes.stream().filter(ExecutionReport.class::isInstance)
                            .map(ExecutionReport.class::cast).toList();
                    assertThat(ran).as("round " + round + ": " + outcomes).hasSize(1);
                    assertThat(outcomes).filteredOn(o -> o instanceof RunInProgressException
                            || o instanceof RunChangedException).hasSize(1);
                    List<AuthMethod> passes = connection.directory().authenticationMethods(ALEX).stream()
                            .filter(m -> m.type() == MethodType.TEMPORARY_ACCESS_PASS).toList();
                    assertThat(passes).as("one pass, not two").hasSize(1);
                    String pass = secret(ran.get(0), "Temporary Access Pass").orElseThrow().reveal();
                    assertThat(new DemoControls(connection.serviceRoot()).signInWithTemporaryAccessPass(ALEX, pass)
                            .path("outcome").asText()).isEqualTo("signedIn");
                    exactlyOne++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("figure: two concurrent runs x" + rounds + ": exactly one proceeded " + exactlyOne + "/"
                + rounds);
    }

    private static Object confirmAndRun(CyclicBarrier confirm, RecoveryDesk desk, Planned planned) throws Exception {
        confirm.await(30, TimeUnit.SECONDS); // both admins press Confirm together
        try {
            return planned.run(desk, new Cancellation());
        } catch (RunInProgressException | RunChangedException refused) {
            return refused;
        }
    }

    @Test
    void aRerunRightAfterAFinishedRunInvalidatesNothingHandedOver() throws Exception {
        int rounds = 10;
        int kept = 0;
        for (int round = 0; round < rounds; round++) {
            Path folder = data.resolve("rerun-" + round);
            try (TenantConnection connection = new GatehouseConnector(name -> null).connectDemo("compromised")) {
                RecoveryDesk desk = desk(connection, connection.writer(), folder, RunHolder.COMMAND_LINE);
                ExecutionReport finished = Planned.on(desk).run(desk, new Cancellation());
                assertThat(finished.completed()).as(finished.summary()).isTrue();
                String pass = secret(finished, "Temporary Access Pass").orElseThrow().reveal();
                String password = secret(finished, "Temporary password").orElseThrow().reveal();

                Planned again = Planned.on(desk);

                assertThat(again.proposal().ready()).as("round " + round).isFalse();
                assertThat(again.proposal().message()).contains("finished");
                DemoControls demo = new DemoControls(connection.serviceRoot());
                assertThat(demo.signInWithPassword(ALEX, password).path("outcome").asText())
                        .isEqualTo("passwordAccepted");
                assertThat(demo.signInWithTemporaryAccessPass(ALEX, pass).path("outcome").asText())
                        .isEqualTo("signedIn");
                kept++;
            }
        }
        System.out.println("figure: rerun after completion x" + rounds + ": no credential invalidated " + kept + "/"
                + rounds);
    }

    @Test
    void ctrlCAtRandomMomentsLeavesEveryChangeInTheTenantInTheJournal() throws Exception {
        int rounds = 30;
        int complete = 0;
        int readBack = 0;
        int stoppedMidRun = 0;
        Random random = new Random(8);
        for (int round = 0; round < rounds; round++) {
            Path folder = data.resolve("ctrl-c-" + round);
            try (TenantConnection connection = new GatehouseConnector(name -> null).connectDemo("compromised")) {
                UserProfile before = connection.directory().findUser(ALEX).orElseThrow().profile();
                List<AuthMethod> methodsBefore = connection.directory().authenticationMethods(ALEX);
                // every deletion's answer is late by a random few milliseconds: Ctrl+C can land after it reached Graph
                long seed = random.nextLong();
                Random lag = new Random(seed);
                GatedWriter slowAnswers = new GatedWriter(connection.writer(), method -> { }, method -> {
                    try {
                        Thread.sleep(lag.nextInt(15));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new TenantException(TenantException.Kind.CANCELLED, "Stopped.");
                    }
                });
                RecoveryDesk desk = desk(connection, slowAnswers, folder, RunHolder.COMMAND_LINE);
                Planned planned = Planned.on(desk);
                Cancellation ctrlC = new Cancellation();
                ExecutionReport[] report = new ExecutionReport[1];
                Thread run = new Thread(() -> report[0] = planned.run(desk, ctrlC));
                run.start();
                Thread.sleep(random.nextInt(120));
                ctrlC.cancel();
                run.interrupt();
                run.join(30_000);

                assertJournalHoldsEveryChange(round, connection, folder, before, methodsBefore);
                complete++;
                stoppedMidRun += report[0].completed() ? 0 : 1;
                readBack += (int) report[0].outcomes().stream().filter(o -> o.message().startsWith("Done before the "
                        + "stop") || o.message().startsWith("Stopped part way") || o.message().startsWith("Stopped "
                        + "before it took effect")).count();
            }
        }
        System.out.println("figure: Ctrl+C at random moments x" + rounds + ": journal complete " + complete + "/"
                + rounds + " (" + stoppedMidRun + " stopped before the end, " + readBack + " steps read back after "
                + "the stop)");
    }

    /** Whatever differs in the tenant from before the run is recorded by a journal entry. */
    private static void assertJournalHoldsEveryChange(int round, TenantConnection connection, Path folder,
                                                      UserProfile before, List<AuthMethod> methodsBefore) {
        List<JournalEntry> journal = new JsonLinesJournal(folder.resolve(RecoveryDesk.JOURNAL_FILE)).readAll();
        UserProfile after = connection.directory().findUser(ALEX).orElseThrow().profile();
        List<AuthMethod> methodsAfter = connection.directory().authenticationMethods(ALEX);
        String why = "round " + round + ", journal: " + journal.stream().map(e -> e.step() + "=" + e.status() + " "
                + e.after()).toList();
        List<String> recordedDeletions = new ArrayList<>();
        journal.forEach(entry -> {
            if (entry.after().get("deleted") instanceof List<?> deleted) {
                deleted.forEach(item -> recordedDeletions.add(String.valueOf(item)));
            }
        });
        for (AuthMethod gone : methodsBefore) {
            if (methodsAfter.stream().noneMatch(m -> m.id().equals(gone.id()))) {
                assertThat(recordedDeletions).as(why).anyMatch(text -> text.contains(gone.summary()));
            }
        }
        if (after.accountEnabled() != before.accountEnabled()) {
            assertThat(journal).as(why).anyMatch(e -> "DONE".equals(e.status())
                    && Objects.equals(e.after().get("accountEnabled"), after.accountEnabled()));
        }
        if (!Objects.equals(after.signInSessionsValidFrom(), before.signInSessionsValidFrom())) {
            assertThat(journal).as(why).anyMatch(e -> e.step().equals("revoke-sessions") && "DONE".equals(e.status()));
        }
        if (!Objects.equals(after.lastPasswordChange(), before.lastPasswordChange())) {
            assertThat(journal).as(why).anyMatch(e -> e.step().equals("reset-password") && "DONE".equals(e.status()));
        }
        methodsAfter.stream().filter(m -> m.type() == MethodType.TEMPORARY_ACCESS_PASS)
                .filter(m -> methodsBefore.stream().noneMatch(b -> b.id().equals(m.id())))
                .forEach(pass -> assertThat(journal).as(why).anyMatch(e -> pass.id().equals(
                        e.after().get("temporaryAccessPassId"))));
    }
}
