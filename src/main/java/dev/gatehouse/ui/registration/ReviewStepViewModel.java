package dev.gatehouse.ui.registration;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.registration.PolicyDiff;
import dev.gatehouse.domain.registration.PolicyExport;
import dev.gatehouse.domain.registration.PolicyFiles;
import dev.gatehouse.domain.registration.RegistrationPolicyDesign;
import dev.gatehouse.domain.registration.RegistrationRead;
import dev.gatehouse.domain.tenant.Cloud;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.wizard.InformationStep;
import dev.gatehouse.ui.wizard.StageForm;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Step 4 of the registration-policy wizard: the exact Graph JSON and an equivalent PowerShell script of the design,
 * the field-by-field change when the run changes an existing policy, export to files and import of a JSON policy —
 * nothing is sent to the tenant here. Done once the admin has seen it for a valid design.
 */
public final class ReviewStepViewModel implements StageForm {

    public static final String TITLE = "Review and export";
    /** The answer that says the review was seen, so a restart does not ask for it again. */
    static final String REVIEWED = "registrationReviewed";

    private final TaskRunner runner;
    private final Callable<RegistrationRead> read;
    private final DesignFormViewModel design;
    private final Cloud cloud;
    private final ReadOnlyStringWrapper json = new ReadOnlyStringWrapper(this, "json", "");
    private final ReadOnlyStringWrapper strengthJson = new ReadOnlyStringWrapper(this, "strengthJson", "");
    private final ReadOnlyStringWrapper powerShell = new ReadOnlyStringWrapper(this, "powerShell", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper fileMessage = new ReadOnlyStringWrapper(this, "fileMessage", "");
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final BooleanProperty reviewed = new SimpleBooleanProperty(this, "reviewed");
    private final InformationStep step;
    private Cancellable inFlight = Cancellable.NONE;

    ReviewStepViewModel(TaskRunner runner, Callable<RegistrationRead> read, DesignFormViewModel design, Cloud cloud) {
        this.runner = runner;
        this.read = read;
        this.design = design;
        this.cloud = cloud;
        this.step = new InformationStep(TITLE, Bindings.createBooleanBinding(
                () -> reviewed.get() && design.validProperty().get(), reviewed, design.validProperty()),
                status, this::refresh, () -> inFlight.cancel());
    }

    public InformationStep step() {
        return step;
    }

    /** Reads the tenant's policy the run would change, then shows the exports and the change. */
    public void refresh() {
        Optional<RegistrationPolicyDesign> shown = design.design();
        if (shown.isEmpty() || !design.validProperty().get()) {
            json.set("");
            strengthJson.set("");
            powerShell.set("");
            changes.clear();
            status.set("The design cannot be exported yet: " + design.problemProperty().get());
            return;
        }
        status.set("Reading the policy the run would change\u2026");
        inFlight.cancel();
        Optional<String> existingId = design.continuedPolicyId();
        inFlight = runner.run("Preparing the exports", () -> {
            RegistrationRead tenant = read.call();
            Optional<ConditionalAccessPolicy> current = existingId.flatMap(tenant::policy);
            PolicyExport.Bodies bodies = PolicyExport.json(shown.get());
            String script = PolicyExport.powerShell(shown.get(), current.map(ConditionalAccessPolicy::id), cloud);
            List<String> diff = current.map(policy -> PolicyDiff.between(policy,
                    PolicyExport.preview(shown.get()).withId(policy.id())).stream()
                    .map(PolicyDiff.FieldChange::describe).toList())
                    .orElse(List.of());
            return new Shown(bodies, script, diff, current.map(ConditionalAccessPolicy::displayName));
        }, this::show, failure -> status.set("The exports could not be prepared: " + ErrorText.of(failure)));
    }

    private record Shown(PolicyExport.Bodies bodies, String script, List<String> diff, Optional<String> changing) {
    }

    private void show(Shown shown) {
        json.set(shown.bodies().policy());
        strengthJson.set(shown.bodies().strength().orElse(""));
        powerShell.set(shown.script());
        changes.setAll(shown.diff());
        reviewed.set(true);
        status.set(shown.changing().map(name -> shown.diff().isEmpty()
                ? "\u201c" + name + "\u201d already matches the design: saving changes nothing but its state."
                : "The run changes \u201c" + name + "\u201d field by field, as listed.")
                .orElse("The run creates this policy. Nothing has been sent yet: the next stage does that, after "
                        + "you confirm its plan."));
    }

    /** Writes the JSON and the script into {@code folder}; an existing file is never overwritten. */
    public void exportTo(Path folder) {
        String body = json.get();
        String strength = strengthJson.get();
        String script = powerShell.get();
        if (body.isEmpty()) {
            fileMessage.set("Nothing to export yet: the design is not valid.");
            return;
        }
        runner.run("Exporting the registration policy", () -> PolicyFiles.export(folder, strength.isEmpty() ? Optional.empty() : Optional.of(strength), body, script), written -> fileMessage.set("Saved " + written.stream().map(Path::toString)
                .collect(Collectors.joining(" and ")) + ". They hold no secret."),
                failure -> fileMessage.set("Not exported: " + ErrorText.of(failure)));
    }

    /** Reads a policy as JSON (an export, or Graph's GET) and takes its choices into the design; nothing is sent. */
    public void importFrom(Path file) {
        runner.run("Importing " + file.getFileName(), () -> PolicyFiles.read(file), result -> {
            if (!result.imported()) {
                fileMessage.set("Not imported \u2014 " + result.errors().stream().map(e -> (e.line().isPresent()
                        ? "line " + e.line().getAsInt() + ", column " + e.column().orElse(0) + ": " : "") + e.message())
                        .collect(Collectors.joining("; ")));
                return;
            }
            List<String> lost = design.adopt(result.policy().get());
            List<String> said = new ArrayList<>(result.notices());
            said.addAll(result.notImported().stream().map(n -> "not imported: " + n).toList());
            said.addAll(lost.stream().map(n -> "not carried: " + n).toList());
            fileMessage.set("Imported into the design" + (said.isEmpty() ? "." : " \u2014 " + String.join("; ", said)));
            refresh();
        }, failure -> fileMessage.set("Not imported: " + ErrorText.of(failure)));
    }



    @Override
    public Optional<Answers> answers() {
        return Optional.of(reviewed.get() ? Answers.none().with(REVIEWED, true) : Answers.none());
    }

    @Override
    public String problem() {
        return "";
    }

    @Override
    public void restore(Answers saved) {
        saved.get(REVIEWED, Boolean.class).ifPresent(reviewed::set);
    }

    @Override
    public Observable changes() {
        return reviewed;
    }

    /** The policy's exact Graph body, valid JSON as it is pasted or exported. */
    public ReadOnlyStringProperty jsonProperty() {
        return json.getReadOnlyProperty();
    }

    /** The body of the strength the run creates first (POST /policies/authenticationStrengthPolicies); empty if none. */
    public ReadOnlyStringProperty strengthJsonProperty() {
        return strengthJson.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty powerShellProperty() {
        return powerShell.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What the last export or import did, or why it did not. */
    public ReadOnlyStringProperty fileMessageProperty() {
        return fileMessage.getReadOnlyProperty();
    }

    /** The field-by-field change to the existing policy; empty when the run creates one. */
    public ObservableList<String> fieldChanges() {
        return changes;
    }
}
