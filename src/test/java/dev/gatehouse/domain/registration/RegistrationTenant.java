package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.emergency.EmergencyGroup;
import dev.gatehouse.domain.journal.JsonLinesJournal;
import dev.gatehouse.domain.plan.Cancellation;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.FileRunLocks;
import dev.gatehouse.domain.procedure.JsonProgressStore;
import dev.gatehouse.domain.procedure.Procedure;
import dev.gatehouse.domain.procedure.ProcedureDesk;
import dev.gatehouse.domain.procedure.RunHolder;
import dev.gatehouse.domain.procedure.RunOptions;
import dev.gatehouse.domain.procedure.StageRun;
import dev.gatehouse.domain.procedure.Subject;
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

/** The registration-policy procedure over HTTP against the demo tenant, through the real gateway and desk. */
final class RegistrationTenant implements AutoCloseable {

    static final String ADMIN = "adele.vance@tailspintoys.com";

    final SimServer sim;
    final GraphGateway gateway;
    final RegistrationProcedure registration;
    final Procedure<RegistrationRead, RegistrationProposal> procedure;
    final ProcedureDesk desk;
    final Subject subject = Subject.tenant("Demo tenant");

    RegistrationTenant(String scenario, Path data) {
        sim = SimServer.start(SimOptions.defaults().withScenario(scenario));
        gateway = GraphGateway.open(ServiceRoot.parse(sim.serviceRoot()), TokenSource.fixed("sim-user:" + ADMIN),
                new CallLog(10_000), RetryPolicy.DEFAULT);
        registration = new RegistrationProcedure(gateway.policyWriter(), gateway.writer(), gateway.directory(),
                TapPacer.forGraph());
        procedure = registration.procedure();
        desk = new ProcedureDesk(new JsonLinesJournal(data.resolve("journal.jsonl")), new JsonProgressStore(data),
                new FileRunLocks(data), "Demo tenant", RunHolder.COMMAND_LINE, Clock.systemUTC());
    }

    TenantDirectory directory() {
        return gateway.directory();
    }

    GroupRef group(String name) {
        return directory().groupsNamed(name).get(0);
    }

    EmergencyAccess emergency() {
        return EmergencyAccess.chosen(EmergencyGroup.of(group("Emergency Access Accounts")),
                EmergencyAccess.Origin.SAVED);
    }

    RegistrationRead read() {
        return new RegistrationReads(directory(), Clock.systemUTC()).read(emergency());
    }

    RegistrationProposal propose(String stage, Answers answers) {
        return procedure.stage(stage).orElseThrow().propose(read(), answers,
                desk.unfinished(procedure, subject));
    }

    ExecutionReport run(String stage, RegistrationProposal proposal, Answers answers) {
        return desk.run(new StageRun(procedure, stage, subject, ADMIN, proposal.plan().orElseThrow(), answers,
                RunOptions.CONTINUE), new Cancellation(), ExecutionListener.NONE);
    }

    @Override
    public void close() {
        gateway.close();
        sim.close();
    }
}
