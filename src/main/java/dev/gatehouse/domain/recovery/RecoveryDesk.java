package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.journal.ActionJournal;
import dev.gatehouse.domain.journal.JsonLinesJournal;
import dev.gatehouse.domain.plan.Cancellation;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.domain.plan.PlanExecutor;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantWriter;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The one way the GUI and the CLI recover a user: read the context, propose, execute with journal (and, for the
 * playbook, saved progress). Both front ends go through it, so a plan shown in one is the plan the other runs.
 * Every method except the constructors blocks on the network or disk: call them off the FX thread.
 */
public final class RecoveryDesk {

    public static final String JOURNAL_FILE = "journal.jsonl";

    private final TenantDirectory directory;
    private final RecoveryPlanner planner;
    private final CompromisedAccountPlaybook playbook;
    private final ActionJournal journal;
    private final String tenant;
    private final Clock clock;
    private volatile Duration recentWindow;

    public RecoveryDesk(TenantDirectory directory, TenantWriter writer, ActionJournal journal, PlaybookStore store,
                        String tenant, Clock clock, Duration recentWindow) {
        this.directory = directory;
        this.journal = journal;
        this.tenant = tenant;
        this.clock = clock;
        this.recentWindow = recentWindow;
        PasswordGenerator passwords = new PasswordGenerator();
        this.planner = new RecoveryPlanner(writer, passwords);
        this.playbook = new CompromisedAccountPlaybook(writer, passwords, store, tenant, clock);
    }

    /** The journal and saved playbook runs live in the user's data folder. */
    public static RecoveryDesk open(TenantConnection connection, Path dataFolder, Clock clock, Duration recentWindow) {
        return new RecoveryDesk(connection.directory(), connection.writer(),
                new JsonLinesJournal(dataFolder.resolve(JOURNAL_FILE)), new JsonPlaybookStore(dataFolder),
                connection.label(), clock, recentWindow);
    }

    /** How far back a method counts as recently added; the admin can change it (default 7 days). */
    public void recentWindow(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("The recent-method window must be at least a day");
        }
        recentWindow = window;
    }

    public RecoveryContext read(String idOrUserPrincipalName) {
        return RecoveryContext.read(directory, idOrUserPrincipalName, clock, recentWindow);
    }

    public Proposal propose(RecoveryContext context, RecoveryRequest request) {
        return planner.propose(context, request);
    }

    public CompromisedAccountPlaybook playbook() {
        return playbook;
    }

    /** The playbook's plan for these choices, or the continuation of the user's unfinished run. */
    public Proposal proposePlaybook(RecoveryContext context, PlaybookChoices choices) {
        return playbook.propose(context, choices);
    }

    /** @param fresh plan a new run even when the user has an unfinished one (which stays until the new one runs) */
    public Proposal proposePlaybook(RecoveryContext context, PlaybookChoices choices, boolean fresh) {
        return playbook.propose(context, choices, fresh);
    }

    /** Runs a confirmed proposal's plan, journaling every step under the acting admin's name. */
    public ExecutionReport execute(RecoveryContext context, Proposal proposal, Cancellation cancellation,
                                   ExecutionListener listener) {
        if (proposal.action() == RecoveryAction.RECOVER) {
            PlaybookChoices choices = playbook.unfinished(context.targetId()).map(PlaybookProgress::choices)
                    .orElseThrow(() -> new IllegalStateException("Use executePlaybook for a new playbook run"));
            return executePlaybook(context, choices, proposal, cancellation, listener);
        }
        return executor(context).execute(proposal.plan().orElseThrow(), cancellation, listener);
    }

    /** Runs the playbook's plan, saving progress after every step so a stopped run can be continued. */
    public ExecutionReport executePlaybook(RecoveryContext context, PlaybookChoices choices, Proposal proposal,
                                           Cancellation cancellation, ExecutionListener listener) {
        return executePlaybook(context, choices, proposal, cancellation, listener, false);
    }

    /**
     * @param fresh the proposal is a new run planned over an unfinished one ({@code proposePlaybook(…, true)}): the
     *              unfinished run's record is replaced now, once the admin has confirmed, not when it was planned
     */
    public ExecutionReport executePlaybook(RecoveryContext context, PlaybookChoices choices, Proposal proposal,
                                           Cancellation cancellation, ExecutionListener listener, boolean fresh) {
        ExecutionReport report = executor(context).execute(proposal.plan().orElseThrow(), cancellation,
                playbook.recorder(context, choices, listener, fresh));
        try {
            playbook.finished(context, report.completed());
        } catch (java.io.UncheckedIOException e) {
            // the run is done; a record left behind only offers "nothing left to do" and Discard next time
        }
        return report;
    }

    private PlanExecutor executor(RecoveryContext context) {
        String actor = context.actor().profile().userPrincipalName();
        return new PlanExecutor(journal, tenant, actor == null ? context.actor().profile().id() : actor, clock);
    }
}
