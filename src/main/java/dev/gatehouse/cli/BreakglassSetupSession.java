package dev.gatehouse.cli;

import dev.gatehouse.domain.breakglass.BreakGlassSetup;
import dev.gatehouse.domain.breakglass.BreakGlassSetupProposal;
import dev.gatehouse.domain.breakglass.BreakGlassSetupRead;
import dev.gatehouse.domain.breakglass.BreakGlassSetupReads;
import dev.gatehouse.domain.breakglass.GroupChoice;
import dev.gatehouse.domain.breakglass.SetupAccess;
import dev.gatehouse.domain.breakglass.SetupChoices;
import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.emergency.EmergencyGroupSettings;
import dev.gatehouse.domain.journal.JsonLinesJournal;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.FileRunLocks;
import dev.gatehouse.domain.procedure.JsonProgressStore;
import dev.gatehouse.domain.procedure.Procedure;
import dev.gatehouse.domain.procedure.ProcedureDesk;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.procedure.RunHolder;
import dev.gatehouse.domain.procedure.RunInProgressException;
import dev.gatehouse.domain.procedure.RunLocks;
import dev.gatehouse.domain.procedure.Stage;
import dev.gatehouse.domain.procedure.Subject;
import dev.gatehouse.domain.recovery.PasswordGenerator;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantInfo;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The break-glass set-up on one connection: the procedure on the same {@link ProcedureDesk}, run and subject as the
 * window's wizard, the emergency-access group in use (given or chosen, then the one the set-up makes), and a fresh
 * read before every stage. A group the set-up creates is saved as the tenant's choice, and the stages after it use it.
 */
final class BreakglassSetupSession {

    private final TenantConnection connection;
    private final TenantInfo tenant;
    private final AtomicReference<EmergencyAccess> access;
    private final Procedure<BreakGlassSetupRead, BreakGlassSetupProposal> procedure;
    private final ProcedureDesk desk;
    private final Subject subject;

    private BreakglassSetupSession(CliContext context, TenantConnection connection) {
        this.connection = connection;
        this.tenant = connection.directory().tenant();
        this.access = new AtomicReference<>(context.emergencyAccess(connection).current());
        EmergencyGroupSettings settings = context.emergencyGroups();
        GroupChoice choice = group -> {
            settings.save(tenant.id(), group);
            access.set(EmergencyAccess.chosen(group, EmergencyAccess.Origin.SAVED));
        };
        this.procedure = new BreakGlassSetup(connection.directoryWriter(), connection.policyWriter(),
                connection.writer(), connection.directory(), choice, new PasswordGenerator()).procedure();
        this.desk = new ProcedureDesk(new JsonLinesJournal(context.dataFolder().resolve(RecoveryDesk.JOURNAL_FILE)),
                new JsonProgressStore(context.dataFolder()), new FileRunLocks(context.dataFolder()), connection.label(),
                RunHolder.COMMAND_LINE, Clock.systemUTC());
        this.subject = Subject.tenant(connection.label());
    }

    /**
     * The session, or empty — with the reason on standard error — when the admin may not run the set-up at all (told
     * before anything is planned). Refuses, too, while a run of the set-up goes on elsewhere.
     */
    static Optional<BreakglassSetupSession> open(CliContext context, TenantConnection connection) {
        Optional<String> gate = SetupAccess.gate(connection.directory().signedInAdmin());
        if (gate.isPresent()) {
            context.err().println("gatehouse: " + gate.get());
            return Optional.empty();
        }
        BreakglassSetupSession session = new BreakglassSetupSession(context, connection);
        session.refuseWhileRunElsewhere();
        return Optional.of(session);
    }

    TenantInfo tenant() {
        return tenant;
    }

    Procedure<BreakGlassSetupRead, BreakGlassSetupProposal> procedure() {
        return procedure;
    }

    /** The stages from the first through {@code last}. */
    List<Stage<BreakGlassSetupRead, BreakGlassSetupProposal>> stagesThrough(String last) {
        return procedure.stages().subList(0, procedure.indexOf(last) + 1);
    }

    /** The stages after {@code last}. */
    List<Stage<BreakGlassSetupRead, BreakGlassSetupProposal>> stagesAfter(String last) {
        return procedure.stages().subList(procedure.indexOf(last) + 1, procedure.stages().size());
    }

    ProcedureDesk desk() {
        return desk;
    }

    Subject subject() {
        return subject;
    }

    Optional<ProcedureProgress> unfinished() {
        return desk.unfinished(procedure, subject);
    }

    /** The answers of the run this continues (the accounts it named), or none for a new run. */
    Answers savedAnswers() {
        return unfinished().map(ProcedureProgress::answers).orElse(Answers.none());
    }

    Optional<SetupChoices> savedChoices() {
        return savedAnswers().get(SetupChoices.ANSWER, SetupChoices.class);
    }

    /**
     * The run's choices, or the defaults for commands that continue a run (finish, exclude): their stages find the
     * accounts through the group, so the names only matter to a run that creates accounts.
     */
    SetupChoices savedChoicesOrDefault() {
        return savedChoices().orElseGet(() -> SetupChoices.of(SetupChoices.DEFAULT_COUNT,
                dev.gatehouse.domain.breakglass.AccountNames.suggestPrefix(), tenant().initialDomain()));
    }

    /** The tenant read now, with the group in use now. */
    BreakGlassSetupRead read(SetupChoices choices) {
        return new BreakGlassSetupReads(connection.directory(), Clock.systemUTC()).read(access.get(),
                Optional.of(choices));
    }

    TenantDirectory directory() {
        return connection.directory();
    }

    String actor() {
        var profile = connection.directory().signedInAdmin().profile();
        return profile.userPrincipalName() == null ? profile.id() : profile.userPrincipalName();
    }

    /** Refuses now, before anything is planned, when a run of the set-up is going on elsewhere. */
    private void refuseWhileRunElsewhere() {
        Optional<RunLocks.Held> held = desk.holder(procedure, subject);
        if (held.isPresent() && !held.get().stale()) {
            throw new RunInProgressException("\u201c" + BreakGlassSetup.TITLE + "\u201d on " + subject.label(),
                    held.get().holder(), false);
        }
    }
}
