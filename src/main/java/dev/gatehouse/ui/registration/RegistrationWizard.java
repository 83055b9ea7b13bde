package dev.gatehouse.ui.registration;

import dev.gatehouse.domain.emergency.EmergencyAccessSource;
import dev.gatehouse.domain.emergency.EmergencyGroupSettings;
import dev.gatehouse.domain.journal.JsonLinesJournal;
import dev.gatehouse.domain.emergency.EmergencyGroup;
import dev.gatehouse.domain.registration.RegistrationChoices;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.procedure.FileRunLocks;
import dev.gatehouse.domain.procedure.JsonProgressStore;
import dev.gatehouse.domain.procedure.Procedure;
import dev.gatehouse.domain.procedure.ProcedureDesk;
import dev.gatehouse.domain.procedure.RunHolder;
import dev.gatehouse.domain.procedure.Subject;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.registration.BulkTapStage;
import dev.gatehouse.domain.registration.PolicyExport;
import dev.gatehouse.domain.registration.RegistrationPolicyDesign;
import dev.gatehouse.domain.registration.RegistrationPreflight;
import dev.gatehouse.domain.registration.RegistrationProcedure;
import dev.gatehouse.domain.registration.RegistrationProposal;
import dev.gatehouse.domain.registration.RegistrationRead;
import dev.gatehouse.domain.registration.RegistrationReads;
import dev.gatehouse.domain.registration.TapPacer;
import dev.gatehouse.domain.tenant.Cloud;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.plan.ClipboardAccess;
import dev.gatehouse.ui.wizard.InformationStep;
import dev.gatehouse.ui.wizard.NoChoicesForm;
import dev.gatehouse.ui.wizard.ProcedureStageViewModel;
import dev.gatehouse.ui.wizard.ProcedureWizard;
import dev.gatehouse.ui.wizard.WizardViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The registration-policy wizard over the open tenant: pre-flight, passes for those without a way in (optional),
 * design, review and export, save in report-only, What If, turn on for the pilot group, turn on for everyone — one
 * view model per step, the writing stages run by the procedure desk the command line uses too (same procedure, same
 * tenant-wide subject), so a run started in one continues in the other.
 */
public final class RegistrationWizard {

    private final ProcedureWizard<RegistrationRead, RegistrationProposal> wizard;
    private final ClipboardAccess clipboard;
    private final PreflightStepViewModel preflight;
    private final BulkTapFormViewModel passes;
    private final DesignFormViewModel design;
    private final InformationStep designStep;
    private final ReviewStepViewModel review;
    private final WhatIfStepViewModel whatIf;
    private final ProcedureStageViewModel<RegistrationRead, RegistrationProposal> passesStage;
    private final ProcedureStageViewModel<RegistrationRead, RegistrationProposal> saveStage;
    private final ProcedureStageViewModel<RegistrationRead, RegistrationProposal> pilotStage;
    private final ProcedureStageViewModel<RegistrationRead, RegistrationProposal> everyoneStage;

    /**
     * @param actor the signed-in admin (user principal name), read beforehand off the UI thread
     */
    public RegistrationWizard(TenantConnection connection, Path dataFolder, Clock clock, String actor,
                              TaskRunner runner, ClipboardAccess clipboard, ZoneId zone) {
        this.clipboard = clipboard;
        EmergencyAccessSource emergency = EmergencyGroupSettings.in(dataFolder).source(connection.directory());
        RegistrationReads reads = new RegistrationReads(connection.directory(), clock);
        Callable<RegistrationRead> read = () -> reads.read(emergency.current());
        ProcedureDesk desk = desk(connection, dataFolder, clock);
        RegistrationProcedure registration = new RegistrationProcedure(connection.policyWriter(), connection.writer(),
                connection.directory(), TapPacer.forGraph());
        wizard = new ProcedureWizard<>(desk, shownWithForecast(registration.procedure()),
                Subject.tenant(connection.label()), actor, read, (tenant, proposal) -> Optional.empty(), runner,
                clipboard, zone);

        design = new DesignFormViewModel();
        preflight = new PreflightStepViewModel(runner, read, new RegistrationPreflight(connection.directory()),
                () -> design.loadedProperty().get() ? design.choices() : Optional.empty(), RegistrationWizard::draft);
        passes = new BulkTapFormViewModel();
        preflight.outcomeProperty().addListener((obs, old, outcome) -> {
            if (outcome != null) {
                passes.offer(outcome.needPass(), outcome.read().methodsPolicy()
                        .flatMap(MethodsPolicy::temporaryAccessPass));
                design.load(outcome.read());
            }
        });
        ReadOnlyStringWrapper designStatus = new ReadOnlyStringWrapper("");
        designStep = new InformationStep("Design", design.validProperty(), Bindings.createStringBinding(() ->
                !designStatus.get().isEmpty() ? "The tenant could not be read for the design: " + designStatus.get()
                        : design.validProperty().get() ? "" : design.problemProperty().get(),
                design.validProperty(), design.problemProperty(), designStatus), () -> {
            if (!design.loadedProperty().get()) {
                designStatus.set("");
                runner.run("Reading the tenant for the design", read::call, design::load,
                        failure -> designStatus.set(ErrorText.of(failure)));
            }
        }, () -> { });
        review = new ReviewStepViewModel(runner, read, design, Cloud.ofServiceRoot(connection.serviceRoot()));
        whatIf = new WhatIfStepViewModel(runner, read, connection.directory(), design::choices);

        wizard.step(preflight.step(), new NoChoicesForm());
        passesStage = wizard.stage(BulkTapStage.ID, passes);
        java.util.concurrent.atomic.AtomicReference<java.nio.file.Path> csv = new java.util.concurrent.atomic
                .AtomicReference<>();
        passes.csvFileProperty().addListener((obs, old, file) -> csv.set(file)); // read on the worker below
        passesStage.alsoListeningWith(plan -> {
            java.nio.file.Path file = csv.get();
            if (file == null) {
                return dev.gatehouse.domain.plan.ExecutionListener.NONE;
            }
            try {
                return dev.gatehouse.domain.registration.BulkTapCsv.create(file, passes::userOfStep);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e.getMessage(), e);
            }
        });
        wizard.step(designStep, design);
        wizard.step(review.step(), review);
        saveStage = wizard.stage(RegistrationProcedure.REPORT_ONLY, new NoChoicesForm());
        wizard.step(whatIf.step(), whatIf);
        pilotStage = wizard.stage(RegistrationProcedure.PILOT, whatIf);
        everyoneStage = wizard.stage(RegistrationProcedure.EVERYONE, new NoChoicesForm());
    }

    /**
     * The policy the pre-flight weighs: the design once it holds the admin's choices (read on the UI thread, before
     * the pre-flight starts), else seed 000's defaults with the tenant's emergency-access group.
     */
    private static ConditionalAccessPolicy draft(RegistrationRead read, Optional<RegistrationChoices> choices) {
        RegistrationPolicyDesign shown = choices.map(c -> c.design(read.strengths(), State.REPORT_ONLY))
                .filter(d -> d.problems().isEmpty())
                .orElseGet(() -> RegistrationPolicyDesign.defaults(read.emergencyAccess().group()
                        .map(EmergencyGroup::id), read.strengths()));
        return PolicyExport.preview(shown.withState(State.REPORT_ONLY));
    }

    /** The procedure as the window shows it: each stage's forecast under its message, above Confirm. */
    private static Procedure<RegistrationRead, RegistrationProposal> shownWithForecast(
            Procedure<RegistrationRead, RegistrationProposal> procedure) {
        return new Procedure<>(procedure.id(), procedure.title(), procedure.stages().stream()
                .map(stage -> stage.map(RegistrationProposal::withForecastInMessage)).toList());
    }


    /** The launcher the workspace home uses: wizards over the tenant the window has open. */
    public static WizardLauncher launcher(TaskRunner runner, ClipboardAccess clipboard, ZoneId zone) {
        return new WizardLauncher() {
            @Override
            public boolean unfinished(dev.gatehouse.ui.workspace.OpenTenant tenant) {
                ProcedureDesk desk = desk(tenant.connection(), tenant.dataFolder(), tenant.clock());
                return desk.unfinished(new RegistrationProcedure(null, null, null, TapPacer.forGraph()).procedure(),
                        Subject.tenant(tenant.connection().label())).isPresent();
            }

            @Override
            public RegistrationWizard prepare(dev.gatehouse.ui.workspace.OpenTenant tenant) {
                String actor = tenant.connection().directory().signedInAdmin().profile().userPrincipalName();
                return new RegistrationWizard(tenant.connection(), tenant.dataFolder(), tenant.clock(), actor, runner,
                        clipboard, zone);
            }
        };
    }

    private static ProcedureDesk desk(TenantConnection connection, Path dataFolder, Clock clock) {
        return new ProcedureDesk(new JsonLinesJournal(dataFolder.resolve(RecoveryDesk.JOURNAL_FILE)),
                new JsonProgressStore(dataFolder), new FileRunLocks(dataFolder), connection.label(), RunHolder.WINDOW,
                clock);
    }

    /** Opens at the first step not done, with a continued run's answers back in their forms. */
    public WizardViewModel open() {
        return wizard.open();
    }

    /** Where the plans' secrets (the passes' codes) are copied to; the app clears it when it quits. */
    public ClipboardAccess clipboard() {
        return clipboard;
    }

    public PreflightStepViewModel preflight() {
        return preflight;
    }

    public BulkTapFormViewModel passes() {
        return passes;
    }

    public DesignFormViewModel design() {
        return design;
    }

    public InformationStep designStep() {
        return designStep;
    }

    public ReviewStepViewModel review() {
        return review;
    }

    public WhatIfStepViewModel whatIf() {
        return whatIf;
    }

    public ProcedureStageViewModel<RegistrationRead, RegistrationProposal> passesStage() {
        return passesStage;
    }

    public ProcedureStageViewModel<RegistrationRead, RegistrationProposal> saveStage() {
        return saveStage;
    }

    public ProcedureStageViewModel<RegistrationRead, RegistrationProposal> pilotStage() {
        return pilotStage;
    }

    public ProcedureStageViewModel<RegistrationRead, RegistrationProposal> everyoneStage() {
        return everyoneStage;
    }
}
