package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.emergency.EmergencyGroup;
import dev.gatehouse.domain.journal.JsonLinesJournal;
import dev.gatehouse.domain.plan.Cancellation;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.domain.plan.StepOutcome;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.FileRunLocks;
import dev.gatehouse.domain.procedure.JsonProgressStore;
import dev.gatehouse.domain.procedure.Procedure;
import dev.gatehouse.domain.procedure.ProcedureDesk;
import dev.gatehouse.domain.procedure.RunHolder;
import dev.gatehouse.domain.procedure.RunOptions;
import dev.gatehouse.domain.procedure.StageRun;
import dev.gatehouse.domain.procedure.Subject;
import dev.gatehouse.domain.recovery.PasswordGenerator;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.graph.GraphGateway;
import dev.gatehouse.graph.RetryPolicy;
import dev.gatehouse.graph.ServiceRoot;
import dev.gatehouse.graph.TokenSource;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The break-glass set-up over HTTP against the demo tenant, through the real gateway and desk, acting as {@code actor}.
 * The emergency-access group the set-up chooses is kept here as the settings would keep it.
 */
final class BreakGlassTenant implements AutoCloseable {

    static final String ADMIN = "adele.vance@tailspintoys.com";
    static final String DOMAIN = "tailspintoys.onmicrosoft.com";
    static final String GROUP = "Emergency Access Accounts";

    final SimServer sim;
    private final boolean ownsSim;
    final GraphGateway gateway;
    final Procedure<BreakGlassSetupRead, BreakGlassSetupProposal> procedure;
    final ProcedureDesk desk;
    final Subject subject = Subject.tenant("Demo tenant");
    final String actor;
    /** Every secret a step handed over, in order: what the admin was shown. */
    final List<Secret> shown = new ArrayList<>();
    EmergencyAccess emergency = EmergencyAccess.notChosen();

    BreakGlassTenant(String scenario, Path data) {
        this(scenario, data, ADMIN);
    }

    BreakGlassTenant(String scenario, Path data, String actor) {
        this(SimServer.start(SimOptions.defaults().withScenario(scenario)), true, data, actor);
    }

    /** On a demo tenant another harness started (and closes), as another admin. */
    BreakGlassTenant(SimServer shared, Path data, String actor) {
        this(shared, false, data, actor);
    }

    private BreakGlassTenant(SimServer sim, boolean ownsSim, Path data, String actor) {
        this.actor = actor;
        this.sim = sim;
        this.ownsSim = ownsSim;
        gateway = GraphGateway.open(ServiceRoot.parse(sim.serviceRoot()), TokenSource.fixed("sim-user:" + actor),
                new CallLog(10_000), RetryPolicy.DEFAULT);
        procedure = new BreakGlassSetup(gateway.directoryWriter(), gateway.policyWriter(), gateway.writer(),
                gateway.directory(), group -> emergency = EmergencyAccess.chosen(group, EmergencyAccess.Origin.SAVED),
                new PasswordGenerator()).procedure();
        desk = new ProcedureDesk(new JsonLinesJournal(data.resolve("journal.jsonl")), new JsonProgressStore(data),
                new FileRunLocks(data), "Demo tenant", RunHolder.COMMAND_LINE, Clock.systemUTC());
    }

    TenantDirectory directory() {
        return gateway.directory();
    }

    GroupRef group(String name) {
        return directory().groupsNamed(name).get(0);
    }

    /** Chooses the scenario's group, as `breakglass group --set` would. */
    BreakGlassTenant choosingGroup() {
        emergency = EmergencyAccess.chosen(EmergencyGroup.of(group(GROUP)), EmergencyAccess.Origin.SAVED);
        return this;
    }

    BreakGlassSetupRead read(Answers answers) {
        return new BreakGlassSetupReads(directory(), Clock.systemUTC()).read(emergency,
                answers.get(SetupChoices.ANSWER, SetupChoices.class));
    }

    BreakGlassSetupProposal propose(String stage, Answers answers) {
        return procedure.stage(stage).orElseThrow().propose(read(answers), answers,
                desk.unfinished(procedure, subject));
    }

    /** Proposes the stage and runs its plan, or records it done when there is nothing to do; the proposal. */
    BreakGlassSetupProposal step(String stage, Answers answers) {
        BreakGlassSetupProposal proposal = propose(stage, answers);
        if (proposal.alreadyDone()) {
            desk.recordAlreadyDone(procedure, stage, subject, actor, answers, proposal.message(), RunOptions.CONTINUE);
        } else if (proposal.plan().isPresent()) {
            ExecutionReport report = run(stage, proposal, answers);
            if (!report.completed()) {
                throw new AssertionError(report.summary());
            }
        }
        return proposal;
    }

    ExecutionReport run(String stage, BreakGlassSetupProposal proposal, Answers answers) {
        return desk.run(new StageRun(procedure, stage, subject, actor, proposal.plan().orElseThrow(), answers,
                RunOptions.CONTINUE), new Cancellation(), new ExecutionListener() {
            @Override
            public void stepFinished(int index, StepOutcome outcome) {
                outcome.result().flatMap(r -> r.secret()).ifPresent(shown::add);
            }
        });
    }

    /** Every request that changed something in the tenant; reads the gateway batched ({@code $batch}) are not. */
    long writes() {
        return gateway.callLog().snapshot().stream().filter(c -> !c.method().equals("GET"))
                .filter(c -> !c.pathAndQuery().startsWith("/$batch")).count();
    }

    /** The health view as the workspace reads it, for the group chosen here. */
    BreakGlassHealth health(Optional<java.time.LocalDate> drill) {
        return BreakGlassHealth.of(new HealthReads(directory(), Clock.systemUTC(), java.time.ZoneOffset.UTC)
                .read(emergency, drill));
    }

    /** Changes the tenant's FIDO2 configuration straight in the demo tenant, as an admin would in the portal. */
    void editFido2(java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit) {
        sim.state().write(() -> {
            edit.accept(sim.state().authenticationMethodConfiguration("Fido2").orElseThrow());
            return null;
        });
    }

    /** Enforces the FIDO2 key restrictions: {@code type} "allow" or "block", on these AAGUIDs. */
    void restrictKeys(String type, String... aaGuids) {
        editFido2(fido2 -> {
            var restrictions = fido2.putObject("keyRestrictions").put("isEnforced", true).put("enforcementType", type);
            var list = restrictions.putArray("aaGuids");
            java.util.Arrays.stream(aaGuids).forEach(list::add);
        });
    }

    /** The trainer's end-user controls of this demo tenant. */
    dev.gatehouse.app.DemoControls demo() {
        return new dev.gatehouse.app.DemoControls(sim.serviceRoot());
    }

    Optional<dev.gatehouse.domain.tenant.UserDetail> user(String upn) {
        return directory().findUser(upn);
    }

    @Override
    public void close() {
        gateway.close();
        if (ownsSim) {
            sim.close();
        }
    }
}
