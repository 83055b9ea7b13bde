package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.emergency.EmergencyAccessSource;
import dev.gatehouse.domain.emergency.EmergencyGroupSettings;
import dev.gatehouse.domain.journal.ActionJournal;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.user.UserProfile;
import dev.gatehouse.domain.journal.JournalEntry;
import dev.gatehouse.domain.journal.JsonLinesJournal;
import dev.gatehouse.domain.plan.Cancellation;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.PlanExecutor;
import dev.gatehouse.domain.procedure.FileRunLocks;
import dev.gatehouse.domain.procedure.JsonProgressStore;
import dev.gatehouse.domain.procedure.ProcedureDesk;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.procedure.ProgressStore;
import dev.gatehouse.domain.procedure.RunChangedException;
import dev.gatehouse.domain.procedure.RunHolder;
import dev.gatehouse.domain.procedure.RunInProgressException;
import dev.gatehouse.domain.procedure.RunLocks;
import dev.gatehouse.domain.procedure.RunOptions;
import dev.gatehouse.domain.procedure.StageRun;
import dev.gatehouse.domain.procedure.Subject;
import dev.gatehouse.domain.recovery.incident.IncidentRecord;
import dev.gatehouse.domain.recovery.incident.IncidentRecords;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantWriter;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one way the GUI and the CLI recover a user: read the context, propose, execute with the journal — and for the
 * compromised-account playbook, through the {@link ProcedureDesk}: one run at a time per user, progress saved after
 * every step. Both front ends go through it, so a plan shown in one is the plan the other runs. Every method except
 * the constructors blocks on the network or disk: call them off the FX thread.
 */
public final class RecoveryDesk {

    public static final String JOURNAL_FILE = "journal.jsonl";
    /**
     * How long after a playbook run finished a new one needs a deliberate start-over: long enough to cover the hand-over
     * of what it issued (a pass lives up to a few hours by default), short enough not to stand in the way next week.
     */
    public static final Duration RECENT_RUN = Duration.ofHours(24);

    private final TenantDirectory directory;
    private final RecoveryPlanner planner;
    private final CompromisedAccountPlaybook playbook;
    private final ProcedureDesk procedures;
    private final ActionJournal journal;
    private final String tenant;
    private final Clock clock;
    private final EmergencyAccessSource emergencyAccess;
    private volatile Duration recentWindow;

    /** A desk for a tenant whose emergency-access group has not been chosen. */
    public RecoveryDesk(TenantDirectory directory, TenantWriter writer, ActionJournal journal, ProgressStore store,
                        RunLocks locks, String tenant, String frontEnd, Clock clock, Duration recentWindow) {
        this(directory, writer, journal, store, locks, tenant, frontEnd, clock, recentWindow,
                EmergencyAccessSource.of(EmergencyAccess.notChosen()));
    }

    /**
     * @param frontEnd        who runs plans here, as a refused second run elsewhere names it ({@link RunHolder#WINDOW},
     *                        {@link RunHolder#COMMAND_LINE})
     * @param emergencyAccess where the tenant's emergency-access group is learnt, each time a target is read
     */
    public RecoveryDesk(TenantDirectory directory, TenantWriter writer, ActionJournal journal, ProgressStore store,
                        RunLocks locks, String tenant, String frontEnd, Clock clock, Duration recentWindow,
                        EmergencyAccessSource emergencyAccess) {
        this.directory = directory;
        this.emergencyAccess = emergencyAccess;
        this.journal = journal;
        this.tenant = tenant;
        this.clock = clock;
        this.recentWindow = recentWindow;
        PasswordGenerator passwords = new PasswordGenerator();
        this.planner = new RecoveryPlanner(writer, passwords, directory);
        this.playbook = new CompromisedAccountPlaybook(writer, passwords, directory);
        this.procedures = new ProcedureDesk(journal, store, locks, tenant, frontEnd, clock);
    }

    /** The window's desk: the journal, saved runs and run locks live in the user's data folder. */
    public static RecoveryDesk open(TenantConnection connection, Path dataFolder, Clock clock, Duration recentWindow) {
        return open(connection, dataFolder, clock, recentWindow, RunHolder.WINDOW);
    }

    /** The emergency-access group is the one chosen for the tenant on this machine (kept in the data folder). */
    public static RecoveryDesk open(TenantConnection connection, Path dataFolder, Clock clock, Duration recentWindow,
                                    String frontEnd) {
        return open(connection, dataFolder, clock, recentWindow, frontEnd,
                EmergencyGroupSettings.in(dataFolder).source(connection.directory()));
    }

    /** @param emergencyAccess the emergency-access group for this session (e.g. one given on the command line) */
    public static RecoveryDesk open(TenantConnection connection, Path dataFolder, Clock clock, Duration recentWindow,
                                    String frontEnd, EmergencyAccessSource emergencyAccess) {
        return new RecoveryDesk(connection.directory(), connection.writer(),
                new JsonLinesJournal(dataFolder.resolve(JOURNAL_FILE)),
                new LegacyPlaybookRuns(new JsonProgressStore(dataFolder), dataFolder), new FileRunLocks(dataFolder),
                connection.label(), frontEnd, clock, recentWindow, emergencyAccess);
    }

    /** How far back a method counts as recently added; the admin can change it (default 7 days). */
    public void recentWindow(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("The recent-method window must be at least a day");
        }
        recentWindow = window;
    }

    public RecoveryContext read(String idOrUserPrincipalName) {
        RecoveryContext context = RecoveryContext.read(directory, idOrUserPrincipalName, clock, recentWindow,
                emergencyAccess.current());
        return context.withIssuedHere(issuedHere(context.targetId(), actor(context), context.methods()));
    }

    /**
     * The pass and password the signed-in admin issued to the user from Gatehouse on this computer, as the journal
     * records them. Reads who is signed in each time, as {@link #read} does: on the demo tenant a trainer can make
     * Gatehouse act as another admin (or reset the scenario) between two reads. Call it off the UI thread.
     */
    public IssuedHere issuedHere(String userId, List<AuthMethod> methods) {
        return issuedHere(userId, journalName(directory.signedInAdmin().profile()), methods);
    }

    private IssuedHere issuedHere(String userId, String actor, List<AuthMethod> methods) {
        try {
            return IssuedHere.find(journal.readAll(), tenant, actor, userId, methods);
        } catch (RuntimeException e) {
            return IssuedHere.NONE; // an unreadable journal vouches for nothing: every method is judged by its date
        }
    }

    /**
     * The incident record of the user: what {@link #read} finds, and this computer's journal entries for the user from
     * {@code since} on. Reads the tenant and the journal: call it off the UI thread.
     */
    public IncidentRecord incidentRecord(String idOrUserPrincipalName, Instant since) {
        RecoveryContext context = read(idOrUserPrincipalName);
        return IncidentRecords.of(context, directory.tenant(), tenant, journal.readAll(), since, actor(context));
    }

    /** One recovery button's proposal; the playbook is {@link #proposePlaybook}. */
    public Proposal propose(RecoveryContext context, RecoveryRequest request) {
        Proposal proposal = planner.propose(context, request);
        return handsOver(proposal) ? warnedFirst(proposal, recentHandOvers(context, proposal)) : proposal;
    }

    public CompromisedAccountPlaybook playbook() {
        return playbook;
    }

    /** The user's unfinished playbook run, if there is one. */
    public Optional<ProcedureProgress> unfinishedPlaybook(String userId) {
        return procedures.unfinished(playbook.procedure(), subject(userId));
    }

    /**
     * The revision of the user's playbook record now. Read it before {@link #proposePlaybook} and run the plan
     * {@link RunOptions#basedOn based on} it: if another admin moves the run on in between, the plan is refused.
     */
    public long playbookRevision(String userId) {
        return procedures.revision(playbook.procedure(), subject(userId));
    }

    /** Who is running the user's playbook now, or left it mid-run. */
    public Optional<RunLocks.Held> playbookHolder(String userId) {
        return procedures.holder(playbook.procedure(), subject(userId));
    }

    /** The playbook's plan for these choices, or the continuation of the user's unfinished run. */
    public Proposal proposePlaybook(RecoveryContext context, PlaybookChoices choices) {
        return proposePlaybook(context, choices, false);
    }

    /**
     * @param fresh plan a new run even when the user has an unfinished one (which stays until the new one runs). A run
     *              going on elsewhere refuses the proposal with who holds it; one its holder left mid-run is planned
     *              with a warning, and runs only once taken over.
     */
    public Proposal proposePlaybook(RecoveryContext context, PlaybookChoices choices, boolean fresh) {
        Optional<RunLocks.Held> held = procedures.holder(playbook.procedure(), subject(context));
        if (held.isPresent() && !held.get().stale()) {
            return Proposal.without(RecoveryAction.RECOVER, Proposal.Status.REFUSED, new RunInProgressException(
                    runName(context), held.get().holder(), false).getMessage(), List.of(), context.snapshot());
        }
        Optional<ProcedureProgress> unfinished = fresh ? Optional.empty() : unfinishedPlaybook(context.targetId());
        if (!fresh && unfinished.isEmpty()) {
            Optional<ProcedureProgress> finished = recentlyFinished(context);
            if (finished.isPresent()) {
                return Proposal.without(RecoveryAction.RECOVER, Proposal.Status.REFUSED, finishedMessage(context,
                        finished.get()), List.of(), context.snapshot()).withAlternative(RecoveryAction.RECOVER);
            }
        }
        Proposal proposal = playbook.propose(context, choices, unfinished);
        if (handsOver(proposal)) {
            proposal = warnedFirst(proposal, recentHandOvers(context, proposal));
        }
        if (held.isEmpty()) {
            return proposal;
        }
        return warnedFirst(proposal, List.of(new RunInProgressException(runName(context), held.get().holder(), true)
                .getMessage()));
    }

    /** {@code first} above the proposal's warnings and its plan's, so the CLI, the window and the plan show them. */
    private static Proposal warnedFirst(Proposal proposal, List<String> first) {
        if (first.isEmpty()) {
            return proposal;
        }
        List<String> warnings = new ArrayList<>(first);
        warnings.addAll(proposal.warnings());
        Optional<Plan> plan = proposal.plan().map(p -> {
            List<String> planWarnings = new ArrayList<>(first);
            planWarnings.addAll(p.warnings());
            return new Plan(p.title(), p.target(), p.targetId(), p.steps(), planWarnings);
        });
        return new Proposal(proposal.action(), proposal.status(), proposal.message(), plan, warnings,
                proposal.alternative(), proposal.offersTap(), proposal.before(), proposal.after(),
                proposal.secretInTwoParts());
    }

    /**
     * A password changed or a pass issued to the user in the last few minutes, not by Gatehouse on this computer:
     * another admin may be handing it over right now, and a plan that hands over a new one must say so first.
     */
    public List<String> handOversByOthers(RecoveryContext context) {
        return HandOversByOthers.find(context, recentJournal(context));
    }

    /** This computer's recent entries for the target; none when the journal cannot be read (then nothing vouches). */
    private List<JournalEntry> recentJournal(RecoveryContext context) {
        try {
            return journal.readAll().stream().filter(entry -> tenant.equals(entry.tenant())
                    && context.targetId().equalsIgnoreCase(entry.targetId())
                    && entry.at().isAfter(context.now().minus(HandOversByOthers.WINDOW).minus(Duration.ofMinutes(5))))
                    .toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /**
     * The recent hand-overs a plan must say first, of the kinds it issues itself (a new password undoes a password,
     * a new pass a pass): others', then this computer's own.
     */
    private List<String> recentHandOvers(RecoveryContext context, Proposal proposal) {
        java.util.Set<String> issuing = proposal.plan().stream().flatMap(plan -> plan.steps().stream())
                .map(dev.gatehouse.domain.plan.Step::id).filter(id -> id.equals(HandOversByOthers.RESET)
                        || id.equals(HandOversByOthers.TAP)).collect(java.util.stream.Collectors.toSet());
        List<JournalEntry> recent = recentJournal(context);
        List<String> warnings = new ArrayList<>(HandOversByOthers.find(context, recent, issuing));
        warnings.addAll(HandOversByOthers.ours(context, recent, issuing));
        return warnings;
    }

    /** Whether a ready proposal's plan issues a password or a pass to hand over. */
    private static boolean handsOver(Proposal proposal) {
        return proposal.plan().stream().flatMap(plan -> plan.steps().stream())
                .anyMatch(step -> step.id().equals("reset-password") || step.id().equals("issue-tap"));
    }

    /** A playbook run on the user that finished within {@link #RECENT_RUN} (not one that was discarded). */
    public Optional<ProcedureProgress> recentlyFinished(RecoveryContext context) {
        return procedures.latest(playbook.procedure(), subject(context))
                .filter(run -> run.isFinished() && run.lastProblem() == null)
                .filter(run -> run.finished().isAfter(clock.instant().minus(RECENT_RUN)));
    }

    private static String finishedMessage(RecoveryContext context, ProcedureProgress finished) {
        java.util.Set<String> done = finished.stepIdsDone(CompromisedAccountPlaybook.STAGE);
        List<String> handedOver = new ArrayList<>();
        if (done.contains("reset-password")) {
            handedOver.add("a temporary password");
        }
        if (done.contains("issue-tap")) {
            handedOver.add("a Temporary Access Pass");
        }
        return "A run of the playbook for " + context.targetLabel() + " finished "
                + dev.gatehouse.domain.text.Moments.of(finished.finished())
                + (handedOver.isEmpty() ? "." : " and issued " + String.join(" and ", handedOver)
                + ", which may be in the user's hands now.")
                + " Running it again would reset the password and issue a new pass, so those would stop working, "
                + "and would delete whatever the user has registered since as 'recently added'. Start a new run only "
                + "if that is what you mean to do.";
    }

    /** Runs a confirmed recovery button's plan, journaling every step under the acting admin's name. */
    public ExecutionReport execute(RecoveryContext context, Proposal proposal, Cancellation cancellation,
                                   ExecutionListener listener) {
        if (proposal.action() == RecoveryAction.RECOVER) {
            throw new IllegalArgumentException("The playbook runs through executePlaybook, which keeps its progress");
        }
        return new PlanExecutor(journal, tenant, actor(context), clock)
                .execute(proposal.plan().orElseThrow(), cancellation, listener);
    }

    /** Runs the playbook's plan, continuing the user's unfinished run if there is one. */
    public ExecutionReport executePlaybook(RecoveryContext context, PlaybookChoices choices, Proposal proposal,
                                           Cancellation cancellation, ExecutionListener listener) {
        return executePlaybook(context, choices, proposal, RunOptions.CONTINUE, cancellation, listener);
    }

    /**
     * Runs the playbook's plan through the procedure desk: one run per user at a time, progress saved after every
     * step so a stopped run can be continued, the record forgotten once every step is done.
     *
     * @param choices what the run records for a later resume: for a continued run, the choices it was started with
     * @throws RunInProgressException before anything is sent, when another run holds the user (or left it stale and
     *                                {@code options} does not take it over)
     * @throws RunChangedException    before anything is sent, when the run moved on since {@code options}' basis
     */
    public ExecutionReport executePlaybook(RecoveryContext context, PlaybookChoices choices, Proposal proposal,
                                           RunOptions options, Cancellation cancellation,
                                           ExecutionListener listener) {
        PlaybookChoices recorded = options.startOver() ? choices : unfinishedPlaybook(context.targetId())
                .flatMap(CompromisedAccountPlaybook::choices).orElse(choices);
        return procedures.run(new StageRun(playbook.procedure(), CompromisedAccountPlaybook.STAGE, subject(context),
                actor(context), proposal.plan().orElseThrow(), CompromisedAccountPlaybook.answers(recorded), options),
                cancellation, listener);
    }

    /** Forgets the user's unfinished run; a run its holder left mid-run is forgotten only with {@code takeOverStale}. */
    public void abandonPlaybook(String userId, boolean takeOverStale) {
        procedures.forget(playbook.procedure(), subject(userId), null, takeOverStale);
    }

    /** Takes over the user's run left by a holder that ended mid-run, keeping what it did for Continue. */
    public void takeOverPlaybook(String userId) {
        procedures.takeOver(playbook.procedure(), subject(userId), null);
    }

    private static Subject subject(RecoveryContext context) {
        return new Subject(context.targetId(), context.targetLabel());
    }

    private static Subject subject(String userId) {
        return new Subject(userId, "user " + userId);
    }

    private static String runName(RecoveryContext context) {
        return "\u201c" + CompromisedAccountPlaybook.TITLE + "\u201d on " + context.targetLabel();
    }

    private static String actor(RecoveryContext context) {
        return journalName(context.actor().profile());
    }

    /** The admin as journal entries name them. */
    private static String journalName(UserProfile admin) {
        return admin.userPrincipalName() == null ? admin.id() : admin.userPrincipalName();
    }
}
