package dev.gatehouse.cli;

import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.emergency.EmergencyGroupLookup;
import dev.gatehouse.domain.journal.JsonLinesJournal;
import dev.gatehouse.domain.plan.Cancellation;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.PlanExecutor;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.FileRunLocks;
import dev.gatehouse.domain.procedure.JsonProgressStore;
import dev.gatehouse.domain.procedure.Procedure;
import dev.gatehouse.domain.procedure.ProcedureDesk;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.procedure.RunHolder;
import dev.gatehouse.domain.procedure.RunInProgressException;
import dev.gatehouse.domain.procedure.RunLocks;
import dev.gatehouse.domain.procedure.Subject;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.registration.PolicyExport;
import dev.gatehouse.domain.registration.RegistrationChoices;
import dev.gatehouse.domain.registration.RegistrationPolicyDesign;
import dev.gatehouse.domain.registration.RegistrationPreflight;
import dev.gatehouse.domain.registration.RegistrationProcedure;
import dev.gatehouse.domain.registration.RegistrationProposal;
import dev.gatehouse.domain.registration.RegistrationRead;
import dev.gatehouse.domain.registration.RegistrationReads;
import dev.gatehouse.domain.registration.TapPacer;
import dev.gatehouse.domain.tenant.TenantConnection;

import java.time.Clock;
import java.util.Optional;

/**
 * What every {@code policy registration} command shares: the tenant the global options chose, its emergency-access
 * group, one read of the registration workspace, and the registration-policy procedure on the same {@link
 * ProcedureDesk}, run and subject as the window's, so a run started in one front end continues in the other.
 */
final class RegistrationSession implements AutoCloseable {

    private final CliContext context;
    private final TenantConnection connection;
    private final EmergencyAccess emergency;
    private final RegistrationProcedure registration;
    private final Procedure<RegistrationRead, RegistrationProposal> procedure;
    private final ProcedureDesk desk;
    private final Subject subject;

    private RegistrationSession(CliContext context, TenantConnection connection) {
        this.context = context;
        this.connection = connection;
        this.emergency = context.emergencyAccess(connection).current();
        this.registration = new RegistrationProcedure(connection.policyWriter(), connection.writer(),
                connection.directory(), TapPacer.forGraph());
        this.procedure = registration.procedure();
        this.desk = new ProcedureDesk(journal(), new JsonProgressStore(context.dataFolder()),
                new FileRunLocks(context.dataFolder()), connection.label(), RunHolder.COMMAND_LINE,
                Clock.systemUTC());
        this.subject = Subject.tenant(connection.label());
    }

    static RegistrationSession open(GatehouseCommand root) {
        CliContext context = root.context();
        TenantConnection connection = context.connect(root.tenantOptions);
        try {
            return new RegistrationSession(context, connection);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    TenantConnection connection() {
        return connection;
    }

    RegistrationProcedure registration() {
        return registration;
    }

    Procedure<RegistrationRead, RegistrationProposal> procedure() {
        return procedure;
    }

    ProcedureDesk desk() {
        return desk;
    }

    Subject subject() {
        return subject;
    }

    EmergencyAccess emergency() {
        return emergency;
    }

    /** Prerequisites, policies, strengths, the emergency-access accounts and you, read now. */
    RegistrationRead read() {
        return new RegistrationReads(connection.directory(), Clock.systemUTC()).read(emergency);
    }

    /** The signed-in admin, as the journal and the run lock name them. */
    String actor(RegistrationRead read) {
        String upn = read.actingAdmin().profile().userPrincipalName();
        return upn == null ? read.actingAdmin().profile().id() : upn;
    }

    Optional<ProcedureProgress> unfinished() {
        return desk.unfinished(procedure, subject);
    }

    /** The run's saved answers, for a stage that continues it. */
    Answers savedAnswers() {
        return unfinished().map(ProcedureProgress::answers).orElse(Answers.none());
    }

    Optional<RegistrationChoices> savedChoices() {
        return savedAnswers().get(RegistrationChoices.ANSWER, RegistrationChoices.class);
    }

    /** Refuses now, before anything is planned, when a run of the procedure is going on elsewhere. */
    void refuseWhileRunElsewhere() {
        Optional<RunLocks.Held> held = desk.holder(procedure, subject);
        if (held.isPresent() && !held.get().stale()) {
            throw new RunInProgressException("\u201c" + RegistrationProcedure.TITLE + "\u201d on " + subject.label(),
                    held.get().holder(), false);
        }
    }

    /** A group named on the command line by object id or exact display name. */
    String groupId(String idOrName) {
        return EmergencyGroupLookup.resolve(connection.directory(), idOrName).id();
    }

    /** The emergency-access group the design excludes: the one given or chosen, none otherwise. */
    Optional<String> emergencyGroupId() {
        return emergency.group().map(group -> group.id());
    }

    /**
     * The pre-flight with the report streamed page by page: rows read so far on stderr, Ctrl+C stops the read (exit
     * 130).
     */
    RegistrationPreflight.Outcome preflight(RegistrationRead read, ConditionalAccessPolicy draft) {
        Thread reading = Thread.currentThread();
        try (InterruptSignal.Registration ignored = context.interrupts().watch(() -> {
            context.err().println("Stopping: the registration report is no longer read.");
            context.err().flush();
            reading.interrupt();
        })) {
            RegistrationPreflight.Outcome outcome = new RegistrationPreflight(connection.directory()).run(read, draft,
                    rows -> {
                        context.err().println("Registration report: " + rows + " rows read\u2026");
                        context.err().flush();
                    });
            Thread.interrupted();
            return outcome;
        }
    }

    /** A plan of its own, outside the run's stages, executed and journaled like any other (turning the policy off). */
    ExecutionReport execute(RegistrationRead read, Plan plan, Cancellation cancellation, ExecutionListener listener) {
        return new PlanExecutor(journal(), connection.label(), actor(read), Clock.systemUTC())
                .execute(plan, cancellation, listener);
    }

    private JsonLinesJournal journal() {
        return new JsonLinesJournal(context.dataFolder().resolve(RecoveryDesk.JOURNAL_FILE));
    }

    /**
     * The policy a design amounts to, for checks and diffs before it is saved: a strength still to be created is
     * named by {@link PolicyExport#NEW_STRENGTH_ID}, as the exports name it.
     */
    static ConditionalAccessPolicy draft(RegistrationPolicyDesign design) {
        return PolicyExport.preview(design);
    }

    /** The registration policy this tenant's run works on: the run's own, else the one with the design's name. */
    static Optional<ConditionalAccessPolicy> target(RegistrationRead read, RegistrationChoices choices) {
        try {
            return RegistrationProcedure.target(read, choices);
        } catch (IllegalStateException e) {
            throw new UsageException(e.getMessage());
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
