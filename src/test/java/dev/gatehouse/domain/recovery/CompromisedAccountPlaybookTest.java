package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.journal.JsonLinesJournal;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.plan.Cancellation;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.procedure.FileRunLocks;
import dev.gatehouse.domain.procedure.JsonProgressStore;
import dev.gatehouse.domain.procedure.ProcedureDesk;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.procedure.RunHolder;
import dev.gatehouse.domain.procedure.RunOptions;
import dev.gatehouse.domain.procedure.StageRun;
import dev.gatehouse.domain.procedure.Subject;
import dev.gatehouse.domain.recovery.Proposal.Status;
import dev.gatehouse.domain.recovery.RecoveryFixtures.RecordingWriter;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.user.UserProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static dev.gatehouse.domain.recovery.RecoveryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class CompromisedAccountPlaybookTest {

    @TempDir
    Path dir;

    private final RecordingWriter writer = new RecordingWriter();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private CompromisedAccountPlaybook playbook() {
        return new CompromisedAccountPlaybook(writer, new PasswordGenerator());
    }

    /** The desk both front ends run the playbook through, over this test's data folder. */
    private ProcedureDesk desk() {
        return new ProcedureDesk(new JsonLinesJournal(dir.resolve("journal.jsonl")), new JsonProgressStore(dir),
                new FileRunLocks(dir), "Demo", RunHolder.WINDOW, clock);
    }

    private Optional<ProcedureProgress> unfinished(CompromisedAccountPlaybook playbook, String userId) {
        return desk().unfinished(playbook.procedure(), new Subject(userId, userId));
    }

    private ExecutionReport run(CompromisedAccountPlaybook playbook, RecoveryContext context, PlaybookChoices choices,
                                Proposal proposal) {
        return run(playbook, context, choices, proposal, RunOptions.CONTINUE, new Cancellation(),
                ExecutionListener.NONE);
    }

    private ExecutionReport run(CompromisedAccountPlaybook playbook, RecoveryContext context, PlaybookChoices choices,
                                Proposal proposal, RunOptions options, Cancellation cancellation,
                                ExecutionListener listener) {
        return desk().run(new StageRun(playbook.procedure(), CompromisedAccountPlaybook.STAGE,
                new Subject(context.targetId(), context.targetLabel()), "adele@tailspintoys.com",
                proposal.plan().orElseThrow(), CompromisedAccountPlaybook.answers(choices), options), cancellation,
                listener);
    }

    @Test
    void preselectsRecentMethodsAndChainsTheStepsInTheSafeOrder() {
        RecoveryContext context = context(admin(GLOBAL_ADMIN), compromisedUser());
        PlaybookChoices choices = CompromisedAccountPlaybook.defaults(context);

        assertThat(choices.deleteMethodIds()).containsExactly("auth-attacker");
        assertThat(choices.resetPassword()).isTrue();
        Proposal proposal = playbook().propose(context, choices);

        Plan plan = proposal.plan().orElseThrow();
        assertThat(plan.steps()).extracting(Step::id).containsExactly("disable", "revoke-sessions",
                "delete-marked-methods", "require-reregister", "reset-password", "issue-tap", "enable");
        assertThat(plan.steps()).allMatch(s -> s.effect().startsWith("Why here: "));
        assertThat(plan.steps().get(2).effect()).contains("Microsoft Authenticator 'SM-A546B'");
        assertThat(plan.steps().get(5).warnings()).anyMatch(w -> w.contains("ISM-1593"));
        assertThat(proposal.after().methods()).extracting(AuthMethod::id)
                .containsExactly(PASSWORD.id(), "planned-temporary-access-pass");
        assertThat(proposal.after().profile().accountEnabled()).isTrue();
    }

    @Test
    void preselectsThePhoneTheAuditLogDatesToYesterdayAndSaysWhereTheDateComesFrom() {
        AuthMethod attackerPhone = phone("b6332ec1-7057-4abe-9331-3d72feddfe41", "+44 7700900461",
                dev.gatehouse.domain.method.PhoneType.ALTERNATE_MOBILE);
        AuthMethod ownMobile = phone(PHONE.id(), "+61 491570110", dev.gatehouse.domain.method.PhoneType.MOBILE);
        RecoveryContext context = context(admin(GLOBAL_ADMIN), user("Alex Wilber", PASSWORD, AUTHENTICATOR,
                ATTACKER_APP, ownMobile, attackerPhone),
                registered("User registered Authenticator App with Notification and Code", Duration.ofDays(1)),
                registered("User registered Alternate Mobile Phone", Duration.ofDays(1)));

        PlaybookChoices choices = CompromisedAccountPlaybook.defaults(context);
        Step delete = playbook().propose(context, choices).plan().orElseThrow().steps().get(2);

        assertThat(choices.deleteMethodIds()).containsExactlyInAnyOrder("auth-attacker", attackerPhone.id());
        assertThat(delete.id()).isEqualTo("delete-marked-methods");
        assertThat(delete.warnings()).containsExactly(
                "Microsoft Authenticator 'SM-A546B' was registered 21 Nov 2026, 10:00 UTC.",
                "Phone '+44 7700900461 (alternate mobile)' was registered 21 Nov 2026, 10:00 UTC (date from the "
                        + "directory audit log: \"User registered Alternate Mobile Phone\" by "
                        + "alex.wilber@tailspintoys.com from 198.51.100.77).");
    }

    @Test
    void warnsAboutAPhoneTheLogCannotTellApartInsteadOfPreselectingOne() {
        AuthMethod office = phone("e37fc753-ff3b-4958-9484-eaa9425c82bc", "+61 299990000",
                dev.gatehouse.domain.method.PhoneType.OFFICE);
        RecoveryContext context = context(admin(GLOBAL_ADMIN), user("Alex Wilber", PASSWORD, AUTHENTICATOR, PHONE,
                office), dev.gatehouse.domain.method.RegistrationEvent.fromAudit(NOW.minus(Duration.ofDays(1)),
                "Admin registered phone method for user", "someone@tailspintoys.com", null));

        PlaybookChoices choices = CompromisedAccountPlaybook.defaults(context);
        Proposal proposal = playbook().propose(context, choices);

        assertThat(choices.deleteMethodIds()).isEmpty();
        assertThat(proposal.warnings()).anyMatch(w -> w.startsWith("Phone '+61 299990000 (office)' was registered at "
                + "an unknown time: the directory audit log shows \"Admin registered phone method for user\"")
                && w.endsWith("check with Alex Wilber whether it is theirs."));
    }

    @Test
    void skipsThePasswordResetForPasswordlessUsers() {
        RecoveryContext context = context(admin(GLOBAL_ADMIN), user("Pia Passkey", PASSWORD, YUBIKEY, HELLO));
        Proposal proposal = playbook().propose(context, CompromisedAccountPlaybook.defaults(context));

        assertThat(proposal.plan().orElseThrow().steps()).extracting(Step::id).doesNotContain("reset-password");
        assertThat(proposal.warnings()).anyMatch(w -> w.contains("password is not reset"));
    }

    @Test
    void anAuthenticationAdministratorCannotRunItOnAnAdmin() {
        Proposal proposal = playbook().propose(context(admin(AUTH_ADMIN), adminTarget()),
                CompromisedAccountPlaybook.defaults(context(admin(AUTH_ADMIN), adminTarget())));

        assertThat(proposal.status()).isEqualTo(Status.REFUSED);
        assertThat(proposal.message()).contains("Privileged Authentication Administrator");
    }

    @Test
    void aSyncedUserIsRecoveredWithoutTouchingTheEnabledStateAndSaysWhy() {
        RecoveryContext context = context(admin(GLOBAL_ADMIN), syncedUser());
        Proposal proposal = playbook().propose(context, CompromisedAccountPlaybook.defaults(context));

        assertThat(proposal.plan().orElseThrow().steps()).extracting(Step::id).doesNotContain("disable", "enable");
        assertThat(proposal.warnings()).anyMatch(w -> w.contains("on-premises Active Directory"));
    }

    @Test
    void resumesAfterAFailureWithTheChoicesConfirmedThenAndWithoutRepeatingDoneSteps() throws Exception {
        UserDetail alex = compromisedUser();
        RecoveryContext context = context(admin(GLOBAL_ADMIN), alex);
        PlaybookChoices choices = CompromisedAccountPlaybook.defaults(context);
        CompromisedAccountPlaybook first = playbook();
        writer.failOnDelete = "auth-attacker";
        writer.failure = new TenantException(TenantException.Kind.UNAVAILABLE, "Graph is unavailable.");

        ExecutionReport stopped = run(first, context, choices, first.propose(context, choices));

        assertThat(stopped.completed()).isFalse();
        assertThat(writer.calls).containsExactly("disable id-alex-wilber", "revoke id-alex-wilber");
        assertThat(Files.list(dir.resolve("procedures")).filter(f -> f.toString().endsWith(".json"))).hasSize(1);

        // The app restarts: a new playbook object, the user re-read (now disabled), other choices offered.
        writer.calls.clear();
        UserProfile disabled = alex.profile().withAccountEnabled(false);
        RecoveryContext reopened = context(admin(GLOBAL_ADMIN), new UserDetail(disabled, List.of(), List.of(),
                alex.methods()));
        CompromisedAccountPlaybook second = playbook();
        Optional<ProcedureProgress> saved = unfinished(second, alex.profile().id());
        assertThat(saved).isPresent();
        Proposal resumed = second.propose(reopened, choices.withDeleted(Set.of()), saved);

        assertThat(resumed.message()).contains("Continuing").contains("Already done: Disable the account, Revoke "
                + "sign-in sessions").contains("Graph is unavailable.");
        assertThat(resumed.plan().orElseThrow().steps()).extracting(Step::id).containsExactly(
                "delete-marked-methods", "require-reregister", "reset-password", "issue-tap", "enable");
        ExecutionReport finished = run(second, reopened, choices, resumed);

        assertThat(finished.completed()).isTrue();
        assertThat(writer.calls).containsExactly("delete auth-attacker", "delete auth-own",
                "delete 3179e48a-750b-4051-897c-87b9720928f7", "reset id-alex-wilber length 16",
                "tap id-alex-wilber 60 true", "enable id-alex-wilber");
        assertThat(unfinished(second, alex.profile().id())).isEmpty();
        try (Stream<Path> files = Files.list(dir.resolve("procedures"))) {
            assertThat(files).as("no lock holder left").noneMatch(f -> f.toString().endsWith(".holder"));
        }
    }

    @Test
    void startingOverPlansAFreshRunButForgetsTheUnfinishedOneOnlyWhenTheNewRunStarts() {
        RecoveryContext context = context(admin(GLOBAL_ADMIN), compromisedUser());
        PlaybookChoices choices = CompromisedAccountPlaybook.defaults(context);
        CompromisedAccountPlaybook playbook = playbook();
        writer.failOnDelete = "auth-attacker";
        writer.failure = new TenantException(TenantException.Kind.UNAVAILABLE, "Graph is unavailable.");
        run(playbook, context, choices, playbook.propose(context, choices));
        String alex = compromisedUser().profile().id();

        Proposal fresh = playbook.propose(context, choices.withDeleted(Set.of()));

        assertThat(fresh.message()).doesNotContain("Continuing");
        assertThat(unfinished(playbook, alex)).as("planning alone forgets nothing").isPresent();
        writer.calls.clear();
        ExecutionReport report = run(playbook, context, choices.withDeleted(Set.of()), fresh,
                RunOptions.startingOver(true), new Cancellation(), ExecutionListener.NONE);
        assertThat(report.completed()).isTrue();
        assertThat(writer.calls).first().isEqualTo("disable id-alex-wilber");
        assertThat(unfinished(playbook, alex)).isEmpty();
    }

    @Test
    void theSavedRunHoldsNoSecret() throws Exception {
        RecoveryContext context = context(admin(GLOBAL_ADMIN), compromisedUser());
        PlaybookChoices choices = CompromisedAccountPlaybook.defaults(context);
        CompromisedAccountPlaybook playbook = playbook();
        writer.failOnDelete = "none";
        Proposal proposal = playbook.propose(context, choices);
        // stop right after the TAP: cancel from the listener once issue-tap finished
        Cancellation cancel = new Cancellation();
        ExecutionListener stopAfterTap = new ExecutionListener() {
            @Override
            public void stepFinished(int index, dev.gatehouse.domain.plan.StepOutcome outcome) {
                if (outcome.step().id().equals("issue-tap")) {
                    cancel.cancel();
                }
            }
        };
        run(playbook, context, choices, proposal, RunOptions.CONTINUE, cancel, stopAfterTap);

        try (Stream<Path> files = Files.list(dir.resolve("procedures"))) {
            String saved = Files.readString(files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow());
            assertThat(saved).contains("issue-tap").doesNotContain("Tr7#kd9Q");
        }
        assertThat(Files.readString(dir.resolve("journal.jsonl"))).doesNotContain("Tr7#kd9Q");
    }

    @Test
    void aPassIssuedMinutesAgoIsNeverTakenForTheAttackersMethod() {
        AuthMethod freshPass = new AuthMethod("tap-new", dev.gatehouse.domain.method.MethodType.TEMPORARY_ACCESS_PASS,
                "Usable, one-time", NOW.minus(Duration.ofMinutes(5)), USABLE_TAP.details(), USABLE_TAP.tap());
        RecoveryContext context = context(admin(GLOBAL_ADMIN), user("Alex Wilber", PASSWORD, ATTACKER_APP, freshPass));

        assertThat(context.recent(freshPass)).as("it is recent").isTrue();
        assertThat(CompromisedAccountPlaybook.defaults(context).deleteMethodIds()).containsExactly("auth-attacker");
    }

    @Test
    void refusesToRunOnYourOwnAccount() {
        UserDetail self = new UserDetail(admin(GLOBAL_ADMIN).profile(), List.of(GLOBAL_ADMIN), List.of(),
                List.of(PASSWORD));
        RecoveryContext context = context(admin(GLOBAL_ADMIN), self);
        assertThat(playbook().propose(context, CompromisedAccountPlaybook.defaults(context)).status())
                .isEqualTo(Status.REFUSED);
    }
}
