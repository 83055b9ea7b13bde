package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.plan.Cancellation;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.domain.plan.StepOutcome;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.plan.StepStatus;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.policy.TapSettings;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.procedure.RunOptions;
import dev.gatehouse.domain.procedure.StageRun;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.tenant.TenantWriter.TapRequest;
import dev.gatehouse.graph.GraphGateway;
import dev.gatehouse.graph.RetryPolicy;
import dev.gatehouse.graph.ServiceRoot;
import dev.gatehouse.graph.TokenSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bulk Temporary Access Pass: planning rules without a tenant, then over HTTP against the demo tenant with
 * Graph's authentication-methods limit on (5 requests per 10 s), through the real gateway and the procedure desk.
 */
class BulkTapStageTest {

    private static final TapSettings BASELINE = new TapSettings(60, 60, 480, false, 8);

    @TempDir
    Path data;

    private static BulkTapStage<TapSettings> offline() {
        return new BulkTapStage<>(Optional::of, null, null, TapPacer.forGraph());
    }

    private static List<BulkTapUser> users(int n) {
        List<BulkTapUser> users = new ArrayList<>();
        for (int i = n; i >= 1; i--) {
            users.add(new BulkTapUser("id-" + i, "user" + i + "@contoso.com", "User " + i));
        }
        return users;
    }

    @Test
    void refusesALifetimeOutsideTheTenantPolicyNamingTheRange() {
        BulkTapProposal proposal = offline().propose(BASELINE, BulkTapStage.answers(Answers.none(), users(2), 30),
                Optional.empty());

        assertThat(proposal.kind()).isEqualTo(BulkTapProposal.Kind.REFUSED);
        assertThat(proposal.plan()).isEmpty();
        assertThat(proposal.message()).contains("30 minutes is outside").contains("1 hour to 8 hours");
        assertThat(offline().propose(BASELINE, BulkTapStage.answers(Answers.none(), users(2), 481), Optional.empty())
                .kind()).isEqualTo(BulkTapProposal.Kind.REFUSED);
    }

    @Test
    void plansOneOneTimePassPerUserInAStableOrderAndSaysWhetherTheTenantForcesOneTime() {
        BulkTapProposal proposal = offline().propose(BASELINE, BulkTapStage.answers(Answers.none(),
                Stream.concat(users(3).stream(), users(1).stream()).toList(), 120), Optional.empty());

        assertThat(proposal.kind()).isEqualTo(BulkTapProposal.Kind.PLANNED);
        assertThat(proposal.plan().orElseThrow().steps()).extracting(s -> s.id())
                .as("one step per user, a duplicate once, ordered by id").containsExactly("tap-id-1", "tap-id-2", "tap-id-3");
        assertThat(proposal.plan().orElseThrow().steps()).allSatisfy(step -> {
            assertThat(step.requests()).singleElement().satisfies(r -> {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.body()).isEqualTo("{\"lifetimeInMinutes\": 120, \"isUsableOnce\": true}");
            });
            assertThat(step.title()).startsWith("Issue a one-time Temporary Access Pass to User ");
        });
        assertThat(proposal.warnings()).anySatisfy(w -> assertThat(w).contains("allows multi-use passes"));
        assertThat(proposal.readBackFirst()).as("a new run reads nothing first").isEmpty();
        assertThat(proposal.oneTimeForced()).isFalse();

        BulkTapProposal forced = offline().propose(new TapSettings(60, 60, 480, true, 8),
                BulkTapStage.answers(Answers.none(), users(1), 60), Optional.empty());
        assertThat(forced.warnings()).anySatisfy(w -> assertThat(w).contains("makes every Temporary Access Pass one-time"));
        assertThat(offline().propose(BASELINE, Answers.none(), Optional.empty()).kind())
                .isEqualTo(BulkTapProposal.Kind.NOTHING_TO_DO);
        assertThat(new BulkTapStage<TapSettings>(s -> Optional.empty(), null, null, TapPacer.forGraph())
                .propose(BASELINE, BulkTapStage.answers(Answers.none(), users(1), 60), Optional.empty()).message())
                .contains("could not be read");
    }

    private ExecutionReport run(BulkTapFixture tenant, Answers answers, Cancellation cancellation,
                                ExecutionListener listener, List<BulkTapProposal> proposals) {
        Optional<ProcedureProgress> progress = tenant.desk.unfinished(tenant.procedure, tenant.subject);
        BulkTapProposal proposal = tenant.stage.propose(tenant.directory().methodsPolicy(), answers, progress);
        proposals.add(proposal);
        return tenant.desk.run(new StageRun(tenant.procedure, BulkTapStage.ID, tenant.subject, BulkTapFixture.ADMIN,
                proposal.plan().orElseThrow(), answers, RunOptions.CONTINUE), cancellation, listener);
    }

    @Test
    void issuesOnePassPerUserAtGraphsPaceAndAContinuedRunGivesNobodyASecond() throws Exception {
        try (BulkTapFixture tenant = new BulkTapFixture("baseline", data, RetryPolicy.DEFAULT)) {
            List<BulkTapUser> users = tenant.members(8);
            Answers answers = BulkTapStage.answers(Answers.none(), users, 120);
            List<BulkTapProposal> proposals = new ArrayList<>();
            List<Secret> shown = new ArrayList<>();
            ExecutionListener screen = new ExecutionListener() {
                @Override
                public void stepFinished(int index, StepOutcome outcome) {
                    outcome.result().flatMap(StepResult::secret).ifPresent(shown::add);
                }
            };

            // first attempt: Stop after three passes
            Cancellation stop = new Cancellation();
            ExecutionReport first = run(tenant, answers, stop, new ExecutionListener() {
                @Override
                public void stepFinished(int index, StepOutcome outcome) {
                    screen.stepFinished(index, outcome);
                    if (index == 2) {
                        stop.cancel();
                    }
                }
            }, proposals);
            assertThat(first.outcomes()).extracting(StepOutcome::status).startsWith(StepStatus.DONE, StepStatus.DONE,
                    StepStatus.DONE, StepStatus.CANCELLED);
            // the process then "dies" right after Graph created the fourth user's pass, before the step was saved
            List<String> planOrder = new ArrayList<>(proposals.get(0).usersByStep().keySet());
            String fourth = planOrder.get(3).substring(BulkTapStage.STEP_PREFIX.length());
            // (sent at the same pace: a new process starting at once would meet a 429 instead, tested below)
            try (TapPacer.Permit ignored = tenant.stage.pacer().acquire(() -> false)) {
                tenant.gateway.writer().issueTemporaryAccessPass(fourth, new TapRequest(120, true)).code().wipe();
            }

            Path csv = data.resolve("passes.csv");
            Optional<ProcedureProgress> saved = tenant.desk.unfinished(tenant.procedure, tenant.subject);
            BulkTapProposal resumed = tenant.stage.propose(tenant.directory().methodsPolicy(), answers, saved);
            assertThat(resumed.usersByStep()).hasSize(5);
            assertThat(resumed.readBackFirst()).containsExactly(fourth);
            ExecutionReport second;
            try (BulkTapCsv file = BulkTapCsv.create(csv, resumed)) {
                second = run(tenant, answers, new Cancellation(), file.then(screen), proposals);
                assertThat(file.rows()).isEqualTo(4);
            }
            assertThat(second.completed()).isTrue();
            assertThat(second.outcomes().get(0).message()).startsWith("Not issued again:");

            // none missed, none doubled: one pass created per user, the fourth by the "lost" attempt only
            assertThat(tenant.passesIssued()).containsOnlyKeys(users.stream().map(BulkTapUser::id).toArray(String[]::new))
                    .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
            // at Graph's pace: never throttled, never six in ten seconds
            List<GraphCall> limited = tenant.limitedCalls();
            assertThat(limited).noneMatch(c -> c.status() == 429);
            for (int i = 5; i < limited.size(); i++) {
                GraphCall earlier = limited.get(i - 5);
                assertThat(limited.get(i).startedAt()).as("call %d", i)
                        .isAfterOrEqualTo(earlier.startedAt().plus(earlier.duration()).plusSeconds(10));
            }
            assertThat(tenant.desk.unfinished(tenant.procedure, tenant.subject)).as("the run is finished").isEmpty();

            // the expiry shown is Graph's start + lifetime
            StepOutcome last = second.outcomes().get(second.outcomes().size() - 1);
            String lastUser = last.step().id().substring(BulkTapStage.STEP_PREFIX.length());
            AuthMethod pass = tenant.directory().authenticationMethods(lastUser).stream()
                    .filter(m -> m.type() == MethodType.TEMPORARY_ACCESS_PASS).findFirst().orElseThrow();
            assertThat(last.result().flatMap(StepResult::secretExpires)).contains(pass.tap().start().plus(
                    Duration.ofMinutes(120)));
            assertThat(pass.tap().usableOnce()).isTrue();

            // codes: shown once each, in the CSV (owner-only), nowhere in the journal or the saved run
            assertThat(shown).hasSize(7);
            List<String> codes = shown.stream().map(Secret::reveal).toList();
            String csvText = Files.readString(csv);
            assertThat(csvText).startsWith(BulkTapCsv.HEADER + "\r\n");
            assertThat(csvText.lines().skip(1).map(l -> l.split(",")[2].replace("\"", ""))).isSubsetOf(codes).hasSize(4);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(csv))).isEqualTo("rw-------");
            String onDisk;
            try (Stream<Path> files = Files.walk(data)) {
                onDisk = files.filter(Files::isRegularFile).filter(f -> !f.equals(csv)).map(f -> {
                    try {
                        return Files.readString(f);
                    } catch (IOException e) {
                        return "";
                    }
                }).collect(Collectors.joining("\n"));
            }
            assertThat(onDisk).contains("tap-" + lastUser);
            codes.forEach(code -> assertThat(onDisk).doesNotContain(code));
            assertThatThrownBy(() -> BulkTapCsv.create(csv, resumed))
                    .hasMessageContaining("exists already").hasMessageContaining("does not overwrite");
        }
    }

    @Test
    void aThrottledPassIsAskedForAgainForTheSameUserAfterRetryAfter() {
        // the gateway resends nothing itself here, so the stage meets the 429
        try (BulkTapFixture tenant = new BulkTapFixture("baseline", data, new RetryPolicy(0, Duration.ofSeconds(30)));
             GraphGateway sameApp = GraphGateway.open(ServiceRoot.parse(tenant.sim.serviceRoot()),
                     TokenSource.fixed("sim-user:" + BulkTapFixture.ADMIN), new CallLog())) {
            List<BulkTapUser> users = tenant.members(2);
            for (int i = 0; i < 5; i++) { // another window of the same app uses up the quota
                sameApp.directory().authenticationMethods(users.get(0).id());
            }
            Instant start = Instant.now();
            List<String> progress = new ArrayList<>();
            ExecutionReport report = run(tenant, BulkTapStage.answers(Answers.none(), users, 60), new Cancellation(),
                    new ExecutionListener() {
                        @Override
                        public void stepProgress(int index, dev.gatehouse.domain.plan.Step step, String message) {
                            progress.add(message);
                        }
                    }, new ArrayList<>());

            assertThat(report.completed()).isTrue();
            List<GraphCall> throttled = tenant.calls(c -> c.status() == 429);
            assertThat(throttled).isNotEmpty();
            assertThat(progress).anySatisfy(p -> assertThat(p).startsWith("Graph is throttling these requests: waiting"));
            assertThat(tenant.passesIssued()).hasSize(2).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
            GraphCall firstPass = tenant.calls(c -> c.status() == 201).get(0);
            assertThat(firstPass.startedAt()).as("waited for Retry-After").isAfter(start.plusSeconds(8));
            assertThat(Map.copyOf(tenant.passesIssued()).keySet()).containsExactlyInAnyOrder(users.get(0).id(),
                    users.get(1).id());
        }
    }
}
