package dev.gatehouse.ui.registration;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.registration.RegistrationChoices;
import dev.gatehouse.domain.registration.RegistrationProcedure;
import dev.gatehouse.domain.registration.RegistrationRead;
import dev.gatehouse.domain.registration.WhatIfComparison;
import dev.gatehouse.domain.registration.WhatIfSubjects;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.wizard.InformationStep;
import dev.gatehouse.ui.wizard.StageForm;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Step 6 of the registration-policy wizard, after the policy is saved in report-only (which user actions never
 * evaluate): Graph's What If for the admin, each emergency-access account, a pilot member on a compliant and an
 * unmanaged device, a guest and anyone named, beside Gatehouse's own forecast. It also chooses the pilot group the next
 * stage turns the policy on for. Done when the two agree on every row, or the admin has read where they do not.
 */
public final class WhatIfStepViewModel implements StageForm {

    public static final String TITLE = "What If";

    private final TaskRunner runner;
    private final Callable<RegistrationRead> read;
    private final TenantDirectory directory;
    private final Supplier<Optional<RegistrationChoices>> choices;
    private final StringProperty pilotGroup = new SimpleStringProperty(this, "pilotGroup", "");
    private final StringProperty extraUser = new SimpleStringProperty(this, "extraUser", "");
    private final BooleanProperty extraCompliant = new SimpleBooleanProperty(this, "extraCompliant");
    private final BooleanProperty disagreementRead = new SimpleBooleanProperty(this, "disagreementRead");
    private final ObservableList<WhatIfComparison.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Choose the pilot group, then Run What If.");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper agreed = new ReadOnlyBooleanWrapper(this, "agreed");
    private final ReadOnlyBooleanWrapper asked = new ReadOnlyBooleanWrapper(this, "asked");
    /** The pilot group as last resolved, and the text it was resolved from. */
    private GroupRef resolved;
    private String resolvedFrom;
    /** Counts every change of the answers: the group typed, or found. */
    private final javafx.beans.property.IntegerProperty revision =
            new javafx.beans.property.SimpleIntegerProperty(this, "revision");
    private final InformationStep step;
    private Cancellable inFlight = Cancellable.NONE;

    WhatIfStepViewModel(TaskRunner runner, Callable<RegistrationRead> read, TenantDirectory directory,
                        Supplier<Optional<RegistrationChoices>> choices) {
        this.runner = runner;
        this.read = read;
        this.directory = directory;
        this.choices = choices;
        this.step = new InformationStep(TITLE, Bindings.createBooleanBinding(() -> asked.get()
                && (agreed.get() || disagreementRead.get()), asked, agreed, disagreementRead), status, () -> { },
                () -> inFlight.cancel());
        pilotGroup.addListener((obs, old, now) -> revision.set(revision.get() + 1));
        disagreementRead.addListener((obs, old, now) -> revision.set(revision.get() + 1));
    }

    public InformationStep step() {
        return step;
    }

    /** Finds the pilot group, reads the tenant and asks What If for every person in the table. */
    public void run() {
        Optional<RegistrationChoices> design = choices.get();
        if (design.isEmpty()) {
            status.set("Design the policy first (step Design).");
            return;
        }
        String group = pilotGroup.get() == null ? "" : pilotGroup.get().strip();
        String user = extraUser.get() == null ? "" : extraUser.get().strip();
        boolean compliant = extraCompliant.get();
        inFlight.cancel();
        running.set(true);
        status.set("Asking What If\u2026");
        inFlight = runner.run("What If for Register security information", () -> {
            Optional<GroupRef> pilot = group.isEmpty() ? Optional.empty() : Optional.of(resolve(group));
            RegistrationRead tenant = read.call();
            ConditionalAccessPolicy policy = RegistrationProcedure.target(tenant, design.get())
                    .orElseThrow(() -> new IllegalStateException("\u201c" + design.get().displayName() + "\u201d is "
                            + "not in the tenant yet: save it in report-only first (the stage before)."));
            List<WhatIfComparison.Subject> subjects = new WhatIfSubjects(directory).standard(tenant,
                    pilot.map(GroupRef::id), user.isEmpty() ? List.of() : List.of(user), compliant);
            return new Answer(pilot, WhatIfComparison.compare(tenant, policy, subjects, directory::whatIf));
        }, answer -> {
            running.set(false);
            resolved = answer.pilot().orElse(null);
            resolvedFrom = group;
            revision.set(revision.get() + 1);
            rows.setAll(answer.rows());
            long disagree = answer.rows().stream().filter(r -> !r.agrees()).count();
            agreed.set(disagree == 0);
            asked.set(true);
            status.set(disagree == 0 ? "What If and Gatehouse's forecast agree for all " + answer.rows().size()
                    + " rows." + (resolved == null ? " Choose a pilot group to turn the policy on for next." : "")
                    : disagree + " row" + (disagree == 1 ? "" : "s") + " disagree: Graph and Gatehouse's "
                    + "simulator see this tenant differently there. Read them before turning anything on.");
        }, failure -> {
            running.set(false);
            status.set("What If could not run: " + ErrorText.of(failure));
        });
    }

    private record Answer(Optional<GroupRef> pilot, List<WhatIfComparison.Row> rows) {
    }

    /** By object id, else by exact display name; refused when none or several carry it. */
    private GroupRef resolve(String group) {
        Optional<GroupRef> byId = group.matches("[0-9a-fA-F-]{36}") ? directory.findGroup(group) : Optional.empty();
        if (byId.isPresent()) {
            return byId.get();
        }
        List<GroupRef> named = directory.groupsNamed(group);
        if (named.size() != 1) {
            throw new IllegalArgumentException(named.isEmpty() ? "No group is named \u201c" + group + "\u201d."
                    : named.size() + " groups are named \u201c" + group + "\u201d: give the pilot group's object id.");
        }
        return named.get(0);
    }

    @Override
    public Optional<Answers> answers() {
        Answers checked = asked.get() && (agreed.get() || disagreementRead.get())
                ? Answers.none().with(CHECKED, true) : Answers.none();
        if (resolved != null && resolvedFrom != null && resolvedFrom.equals(pilotGroup.get().strip())) {
            return Optional.of(checked.with(RegistrationProcedure.PILOT_GROUP, resolved.id())
                    .with(PILOT_LABEL, resolved.displayName()));
        }
        return pilotGroup.get().isBlank() ? Optional.of(checked) : Optional.empty();
    }

    /** The table was read (and agreed, or its disagreements read): a restart does not ask for it again. */
    static final String CHECKED = "whatIfChecked";

    /** The pilot group's name kept with the run, so a restart shows it as the admin chose it. */
    static final String PILOT_LABEL = "pilotGroupName";

    @Override
    public String problem() {
        return "Run What If to find the pilot group \u201c" + pilotGroup.get().strip() + "\u201d first.";
    }

    @Override
    public void restore(Answers saved) {
        if (saved.get(CHECKED, Boolean.class).orElse(false)) {
            asked.set(true);
            agreed.set(true);
            status.set("What If was run for this run before; run it again for a fresh answer.");
        }
        Optional<String> id = saved.get(RegistrationProcedure.PILOT_GROUP, String.class);
        Optional<String> name = saved.get(PILOT_LABEL, String.class);
        if (id.isPresent()) {
            resolved = new GroupRef(id.get(), name.orElse(id.get()), false);
            resolvedFrom = name.orElse(id.get());
            pilotGroup.set(resolvedFrom);
        }
    }

    @Override
    public Observable changes() {
        return revision;
    }

    public StringProperty pilotGroupProperty() {
        return pilotGroup;
    }

    /** The pilot group the next stage turns the policy on for, as found; empty until found. */
    public String pilotGroupFound() {
        return resolved == null ? "" : resolved.displayName();
    }

    public StringProperty extraUserProperty() {
        return extraUser;
    }

    public BooleanProperty extraCompliantProperty() {
        return extraCompliant;
    }

    /** The admin has read the rows where What If and the forecast disagree and goes on knowingly. */
    public BooleanProperty disagreementReadProperty() {
        return disagreementRead;
    }

    public ObservableList<WhatIfComparison.Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty agreedProperty() {
        return agreed.getReadOnlyProperty();
    }
}
