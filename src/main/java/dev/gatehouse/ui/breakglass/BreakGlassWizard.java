package dev.gatehouse.ui.breakglass;

import dev.gatehouse.domain.breakglass.BreakGlassSetup;
import dev.gatehouse.domain.breakglass.BreakGlassSetupProposal;
import dev.gatehouse.domain.breakglass.BreakGlassSetupRead;
import dev.gatehouse.domain.breakglass.BreakGlassSetupReads;
import dev.gatehouse.domain.breakglass.DrillLog;
import dev.gatehouse.domain.breakglass.GroupChoice;
import dev.gatehouse.domain.breakglass.HealthReads;
import dev.gatehouse.domain.breakglass.KeyWatch;
import dev.gatehouse.domain.breakglass.SetupAccess;
import dev.gatehouse.domain.breakglass.SetupChoices;
import dev.gatehouse.domain.emergency.EmergencyAccessSource;
import dev.gatehouse.domain.emergency.EmergencyGroupSettings;
import dev.gatehouse.domain.journal.JsonLinesJournal;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.procedure.FileRunLocks;
import dev.gatehouse.domain.procedure.JsonProgressStore;
import dev.gatehouse.domain.procedure.Procedure;
import dev.gatehouse.domain.procedure.ProcedureDesk;
import dev.gatehouse.domain.procedure.RunHolder;
import dev.gatehouse.domain.procedure.Subject;
import dev.gatehouse.domain.recovery.PasswordGenerator;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.tenant.SignedInAdmin;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantInfo;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.plan.ClipboardAccess;
import dev.gatehouse.ui.wizard.NoChoicesForm;
import dev.gatehouse.ui.wizard.ProcedureStageViewModel;
import dev.gatehouse.ui.wizard.ProcedureWizard;
import dev.gatehouse.ui.wizard.WizardViewModel;
import dev.gatehouse.ui.workspace.OpenTenant;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The break-glass set-up wizard over the open tenant (issue 10, "Set-up wizard"): the plan, the accounts, their
 * role-assignable group, Global Administrator, the methods policy, the one-time passes, and the Conditional Access
 * exclusions — one form per stage, every stage run by the procedure desk {@code gatehouse breakglass setup} uses (same
 * procedure, same tenant-wide subject, same data folder), so a run started in one continues in the other. A group the
 * set-up creates becomes the tenant's emergency-access group, as on the command line.
 */
public final class BreakGlassWizard {

    private final ProcedureWizard<BreakGlassSetupRead, BreakGlassSetupProposal> wizard;
    private final ClipboardAccess clipboard;
    private final SetupFormViewModel setup;
    private final SetupChoiceForm<BooleanProperty> group;
    private final SetupChoiceForm<StringProperty> methods;
    private final PassesFormViewModel passes;
    private final ExclusionOverviewViewModel exclusions;
    private final DemoUserViewModel demoUser;
    private final KeyWatchViewModel keys;
    private final CleanUpFormViewModel cleanUp;
    private final RecordStepViewModel record;
    private final DedicatedWhatIfViewModel whatIf;
    private final ProcedureStageViewModel<BreakGlassSetupRead, BreakGlassSetupProposal> planStage;
    private final ProcedureStageViewModel<BreakGlassSetupRead, BreakGlassSetupProposal> accountsStage;
    private final ProcedureStageViewModel<BreakGlassSetupRead, BreakGlassSetupProposal> groupStage;
    private final ProcedureStageViewModel<BreakGlassSetupRead, BreakGlassSetupProposal> roleStage;
    private final ProcedureStageViewModel<BreakGlassSetupRead, BreakGlassSetupProposal> methodsStage;
    private final ProcedureStageViewModel<BreakGlassSetupRead, BreakGlassSetupProposal> tapStage;
    private final ProcedureStageViewModel<BreakGlassSetupRead, BreakGlassSetupProposal> registerStage;
    private final ProcedureStageViewModel<BreakGlassSetupRead, BreakGlassSetupProposal> cleanUpStage;
    private final ProcedureStageViewModel<BreakGlassSetupRead, BreakGlassSetupProposal> exclusionsStage;
    private final ProcedureStageViewModel<BreakGlassSetupRead, BreakGlassSetupProposal> dedicatedSaveStage;
    private final ProcedureStageViewModel<BreakGlassSetupRead, BreakGlassSetupProposal> dedicatedOnStage;
    /** The wizard as opened; null before {@link #open()}. */
    private WizardViewModel opened;
    /** The newest read of the tenant, whichever stage made it: the forms show the limits and policies it found. */
    private final ReadOnlyObjectWrapper<BreakGlassSetupRead> lastRead = new ReadOnlyObjectWrapper<>(this, "lastRead");
    /** The plan's choices as the worker reads them: set on the FX thread whenever the form changes. */
    private final AtomicReference<Optional<SetupChoices>> choicesForRead = new AtomicReference<>(Optional.empty());

    /**
     * @param actor  the signed-in admin (user principal name), read beforehand off the UI thread
     * @param tenant the tenant's id and initial domain, read beforehand off the UI thread
     * @param gate   why the signed-in admin may not run the set-up at all; empty when they may
     */
    public BreakGlassWizard(TenantConnection connection, Path dataFolder, Clock clock, String actor, TenantInfo tenant,
                            Optional<String> gate, TaskRunner runner, ClipboardAccess clipboard, ZoneId zone) {
        this.clipboard = clipboard;
        EmergencyGroupSettings settings = EmergencyGroupSettings.in(dataFolder);
        EmergencyAccessSource emergency = settings.source(connection.directory());
        // asked on the worker that ran the group step: the stages after it read the new group from the settings
        GroupChoice choice = made -> settings.save(tenant.id(), made);
        BreakGlassSetupReads reads = new BreakGlassSetupReads(connection.directory(), clock);
        Callable<BreakGlassSetupRead> read = () -> {
            BreakGlassSetupRead fresh = reads.read(emergency.current(), choicesForRead.get());
            runner.runOnUiThread(() -> lastRead.set(fresh));
            return fresh;
        };
        wizard = new ProcedureWizard<>(desk(connection, dataFolder, clock), procedure(connection, choice),
                Subject.tenant(connection.label()), actor, read, (r, proposal) -> Optional.empty(), runner, clipboard,
                zone);

        setup = new SetupFormViewModel(tenant.initialDomain(), gate);
        setup.changes().addListener(obs -> choicesForRead.set(setup.validProperty().get() ? setup.choices()
                : Optional.empty()));
        group = new SetupChoiceForm<>(setup, setup.removeOtherMembersProperty());
        methods = new SetupChoiceForm<>(setup, setup.keyModelsProperty());
        passes = new PassesFormViewModel(setup);
        exclusions = new ExclusionOverviewViewModel();
        cleanUp = new CleanUpFormViewModel();
        // the last key seen: the stage reads the tenant again, finds every key, and is recorded done
        keys = new KeyWatchViewModel(runner, new KeyWatch(connection.directory()::fido2Methods, KeyWatch.Time.system()),
                this::readRegisterAgain);
        lastRead.addListener((obs, old, fresh) -> {
            passes.read(fresh);
            exclusions.read(fresh);
            watchKeysIfRegistering(fresh);
        });

        planStage = wizard.stage(BreakGlassSetup.PLAN, setup).lettingFormLockItself();
        accountsStage = wizard.stage(BreakGlassSetup.ACCOUNTS, new NoChoicesForm()).lettingFormLockItself();
        accountsStage.presentingPlans((plan, answers) -> plan.secretsInTwoParts(answers.get(SetupChoices.ANSWER,
                SetupChoices.class).map(SetupChoices::twoPartPassword).orElse(false)));
        groupStage = wizard.stage(BreakGlassSetup.GROUP, group).lettingFormLockItself();
        roleStage = wizard.stage(BreakGlassSetup.ROLE, new NoChoicesForm()).lettingFormLockItself();
        methodsStage = wizard.stage(BreakGlassSetup.METHODS_POLICY, methods).lettingFormLockItself();
        tapStage = wizard.stage(BreakGlassSetup.TAP, passes).lettingFormLockItself();
        tapStage.presentingPlans((plan, answers) -> plan.secretsShownLarge(this::whose));
        demoUser = new DemoUserViewModel(runner, connection.demoEndUser(), this::readRegisterAgain);
        tapStage.alsoListeningWith(plan -> demoUser.passesListener());
        registerStage = wizard.stage(BreakGlassSetup.REGISTER, new NoChoicesForm()).lettingFormLockItself();
        cleanUpStage = wizard.stage(BreakGlassSetup.CLEAN_UP, cleanUp).lettingFormLockItself();
        exclusionsStage = wizard.stage(BreakGlassSetup.EXCLUSIONS, new NoChoicesForm()).lettingFormLockItself();
        dedicatedSaveStage = wizard.stage(BreakGlassSetup.DEDICATED_REPORT_ONLY, new NoChoicesForm())
                .lettingFormLockItself();
        // What If between saving the policy in report-only and turning it on, as the registration wizard has it
        whatIf = new DedicatedWhatIfViewModel(runner, read, connection.directory()::whatIf);
        wizard.step(whatIf.step(), new NoChoicesForm());
        dedicatedOnStage = wizard.stage(BreakGlassSetup.DEDICATED_ON, new NoChoicesForm()).lettingFormLockItself();
        // the record is made from the health view's read, with the drill recorded on this machine
        HealthReads health = new HealthReads(connection.directory(), clock, zone);
        DrillLog drills = DrillLog.in(dataFolder, connection);
        record = new RecordStepViewModel(runner, () -> new RecordStepViewModel.Read(tenant, health.read(
                emergency.current(), drills.last(tenant.id()))), actor, () -> setup.twoPartPasswordProperty().get());
        wizard.step(record.step(), record);
    }

    private static Procedure<BreakGlassSetupRead, BreakGlassSetupProposal> procedure(TenantConnection connection,
                                                                                    GroupChoice choice) {
        return new BreakGlassSetup(connection.directoryWriter(), connection.policyWriter(), connection.writer(),
                connection.directory(), choice, new PasswordGenerator()).procedure();
    }

    static ProcedureDesk desk(TenantConnection connection, Path dataFolder, Clock clock) {
        return new ProcedureDesk(new JsonLinesJournal(dataFolder.resolve(RecoveryDesk.JOURNAL_FILE)),
                new JsonProgressStore(dataFolder), new FileRunLocks(dataFolder), connection.label(), RunHolder.WINDOW,
                clock);
    }

    /** The register step reads the tenant again, when it is the step in view (a key arrived, or was played). */
    private void readRegisterAgain() {
        if (opened != null && opened.currentStageProperty().get() == registerStage) {
            registerStage.enter();
        }
    }

    private void watchKeysIfRegistering(BreakGlassSetupRead fresh) {
        if (opened != null && opened.currentStageProperty().get() == registerStage && setup.validProperty().get()) {
            keys.show(fresh, setup.choices().orElseThrow());
        }
    }

    /** The launcher the workspace home uses: wizards over the tenant the window has open. */
    public static SetupLauncher launcher(TaskRunner runner, ClipboardAccess clipboard, ZoneId zone) {
        return new SetupLauncher() {
            @Override
            public boolean unfinished(OpenTenant open) {
                return desk(open.connection(), open.dataFolder(), open.clock()).unfinished(procedure(open.connection(),
                        made -> { }), Subject.tenant(open.connection().label())).isPresent();
            }

            @Override
            public BreakGlassWizard prepare(OpenTenant open) {
                SignedInAdmin admin = open.connection().directory().signedInAdmin();
                String actor = admin.profile().userPrincipalName() == null ? admin.profile().id()
                        : admin.profile().userPrincipalName();
                return new BreakGlassWizard(open.connection(), open.dataFolder(), open.clock(), actor,
                        open.connection().directory().tenant(), SetupAccess.gate(admin), runner, clipboard, zone);
            }
        };
    }

    /** Whose pass a step issued: the account whose id ends the step's id (one step per account), as last read. */
    private String whose(Step step) {
        BreakGlassSetupRead read = lastRead.get();
        if (read == null) {
            return step.title();
        }
        return Stream.concat(read.byName().values().stream(), read.memberDetails().values().stream())
                .map(UserDetail::profile).filter(p -> p.id() != null && step.id().endsWith(p.id())).findFirst()
                .map(p -> p.displayName() + " \u2014 " + p.userPrincipalName()).orElse(step.title());
    }

    /** Opens at the first stage not done, with a continued run's answers back in their forms. */
    public WizardViewModel open() {
        opened = wizard.open();
        // the keys are watched while the register step is current, and no longer
        opened.currentStageProperty().addListener((obs, old, now) -> {
            if (old == registerStage) {
                keys.stop();
            }
        });
        opened.onClose(keys::stop);
        return opened;
    }

    /** Where the passes' codes are copied to; cleared 60 seconds later. */
    public ClipboardAccess clipboard() {
        return clipboard;
    }

    /** The newest read of the tenant; null until the first stage has read it. */
    public ReadOnlyObjectProperty<BreakGlassSetupRead> lastReadProperty() {
        return lastRead.getReadOnlyProperty();
    }

    public SetupFormViewModel setup() {
        return setup;
    }

    /** Step 3's form: remove members that are not emergency accounts. */
    public SetupChoiceForm<BooleanProperty> group() {
        return group;
    }

    /** Step 5's form: the AAGUIDs of the key models the admin will register, comma-separated, optional. */
    public SetupChoiceForm<StringProperty> methods() {
        return methods;
    }

    public PassesFormViewModel passes() {
        return passes;
    }

    /** What If for the dedicated policy, before it is turned on. */
    public DedicatedWhatIfViewModel whatIf() {
        return whatIf;
    }

    public RecordStepViewModel record() {
        return record;
    }

    /** The trainer's stand-in for the account holders (demo tenant only). */
    public DemoUserViewModel demoUser() {
        return demoUser;
    }

    public KeyWatchViewModel keys() {
        return keys;
    }

    public CleanUpFormViewModel cleanUp() {
        return cleanUp;
    }

    public ProcedureStageViewModel<BreakGlassSetupRead, BreakGlassSetupProposal> registerStage() {
        return registerStage;
    }

    public ProcedureStageViewModel<BreakGlassSetupRead, BreakGlassSetupProposal> cleanUpStage() {
        return cleanUpStage;
    }

    public ExclusionOverviewViewModel exclusions() {
        return exclusions;
    }

    public ProcedureStageViewModel<BreakGlassSetupRead, BreakGlassSetupProposal> planStage() {
        return planStage;
    }

    public ProcedureStageViewModel<BreakGlassSetupRead, BreakGlassSetupProposal> accountsStage() {
        return accountsStage;
    }

    public ProcedureStageViewModel<BreakGlassSetupRead, BreakGlassSetupProposal> groupStage() {
        return groupStage;
    }

    public ProcedureStageViewModel<BreakGlassSetupRead, BreakGlassSetupProposal> roleStage() {
        return roleStage;
    }

    public ProcedureStageViewModel<BreakGlassSetupRead, BreakGlassSetupProposal> methodsStage() {
        return methodsStage;
    }

    public ProcedureStageViewModel<BreakGlassSetupRead, BreakGlassSetupProposal> tapStage() {
        return tapStage;
    }

    public ProcedureStageViewModel<BreakGlassSetupRead, BreakGlassSetupProposal> dedicatedSaveStage() {
        return dedicatedSaveStage;
    }

    public ProcedureStageViewModel<BreakGlassSetupRead, BreakGlassSetupProposal> dedicatedOnStage() {
        return dedicatedOnStage;
    }

    public ProcedureStageViewModel<BreakGlassSetupRead, BreakGlassSetupProposal> exclusionsStage() {
        return exclusionsStage;
    }
}
