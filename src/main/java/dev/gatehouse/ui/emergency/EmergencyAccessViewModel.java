package dev.gatehouse.ui.emergency;

import dev.gatehouse.domain.emergency.ChosenGroupReport;
import dev.gatehouse.domain.emergency.Discovery;
import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.emergency.EmergencyGroup;
import dev.gatehouse.domain.emergency.EmergencyGroupDiscovery;
import dev.gatehouse.domain.emergency.EmergencyGroupLookup;
import dev.gatehouse.domain.emergency.EmergencyGroupSettings;
import dev.gatehouse.domain.emergency.Evidence;
import dev.gatehouse.domain.emergency.GroupEvidence;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantInfo;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * "Emergency-access accounts…": the group chosen for this tenant with its evidence, discovery's proposals with
 * theirs, and the choice made, changed or forgotten. Choosing is a preference kept on this machine, not a tenant
 * write, so it needs no plan; the dialog says so. Every read and save runs on the task runner.
 */
public final class EmergencyAccessViewModel {

    private final TaskRunner runner;
    private final TenantDirectory directory;
    private final EmergencyGroupSettings settings;

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyStringWrapper tenantName = new ReadOnlyStringWrapper(this, "tenantName", "");
    private final ReadOnlyBooleanWrapper chosen = new ReadOnlyBooleanWrapper(this, "chosen");
    private final ReadOnlyStringWrapper chosenTitle = new ReadOnlyStringWrapper(this, "chosenTitle", "");
    private final ReadOnlyStringWrapper chosenNote = new ReadOnlyStringWrapper(this, "chosenNote", "");
    private final ReadOnlyStringWrapper chosenProblem = new ReadOnlyStringWrapper(this, "chosenProblem", "");
    private final ObservableList<Evidence> chosenEvidence = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<GroupEvidence> proposals = FXCollections.observableArrayList();
    private final ObservableList<GroupEvidence> considered = FXCollections.observableArrayList();
    private final ObservableList<String> couldNotCheck = FXCollections.observableArrayList();
    private final StringProperty typedGroup = new SimpleStringProperty(this, "typedGroup", "");
    /** Handed out once: listeners on an unmodifiable wrapper are lost when the wrapper is garbage-collected. */
    private final ObservableList<Evidence> chosenEvidenceView = FXCollections.unmodifiableObservableList(chosenEvidence);
    private final ObservableList<GroupEvidence> proposalsView = FXCollections.unmodifiableObservableList(proposals);
    private final ObservableList<GroupEvidence> consideredView = FXCollections.unmodifiableObservableList(considered);
    private final ObservableList<String> couldNotCheckView = FXCollections.unmodifiableObservableList(couldNotCheck);

    private Cancellable task = Cancellable.NONE;
    /** Read once per dialog, on a worker: the choice is kept per tenant id. */
    private TenantInfo tenant;

    public EmergencyAccessViewModel(TaskRunner runner, TenantDirectory directory, EmergencyGroupSettings settings) {
        this.runner = runner;
        this.directory = directory;
        this.settings = settings;
    }

    /** Reads the choice and runs discovery. */
    public void load() {
        start("Reading the tenant's groups, Global Administrators and Conditional Access policies",
                () -> read(""), false);
    }

    /** Makes a proposal, or a group discovery considered and did not propose, the choice. */
    public void confirm(GroupEvidence proposal) {
        EmergencyGroup group = EmergencyGroup.of(proposal.group());
        start("Saving the emergency-access group", () -> save(group), false);
    }

    /** Chooses the group typed by object id or exact display name. */
    public void chooseTyped() {
        String text = typedGroup.get() == null ? "" : typedGroup.get().strip();
        if (text.isEmpty()) {
            error.set("Type the group's object id or its exact display name.");
            return;
        }
        start("Looking up '" + text + "'", () -> save(EmergencyGroup.of(EmergencyGroupLookup.resolve(directory, text))),
                true);
    }

    public void forget() {
        start("Forgetting the emergency-access group", () -> {
            settings.forget(tenant().id());
            return read("Forgotten on this machine: no group is this tenant's emergency-access group now, so "
                    + "Gatehouse only warns when a name looks like one. Nothing in the tenant changed.");
        }, false);
    }

    /** The dialog closes: whatever still runs is dropped. */
    public void cancel() {
        task.cancel();
        busy.set(false);
    }

    /** The tenant as read after a change, and what the change did (empty after a plain read). */
    private record Loaded(TenantInfo tenant, Discovery discovery, String outcome) {
    }

    private Loaded save(EmergencyGroup group) {
        settings.save(tenant().id(), group);
        return read("Saved on this machine: members of " + group.displayName() + " are now treated as this tenant's "
                + "emergency-access accounts. Nothing in the tenant changed.");
    }

    private Loaded read(String outcome) {
        TenantInfo info = tenant();
        EmergencyAccess access = settings.chosen(info.id())
                .map(group -> EmergencyAccess.chosen(group, EmergencyAccess.Origin.SAVED))
                .orElse(EmergencyAccess.notChosen());
        return new Loaded(info, new EmergencyGroupDiscovery(directory).discover(access), outcome);
    }

    private synchronized TenantInfo tenant() {
        if (tenant == null) {
            tenant = directory.tenant();
        }
        return tenant;
    }

    /** @param clearTyped the work chose the typed group: empty the field once it is saved */
    private void start(String description, Callable<Loaded> work, boolean clearTyped) {
        task.cancel();
        busy.set(true);
        progress.set(description + "\u2026");
        error.set("");
        outcome.set("");
        task = runner.run(description, work, loaded -> {
            busy.set(false);
            progress.set("");
            show(loaded);
            outcome.set(loaded.outcome());
            if (clearTyped) {
                typedGroup.set("");
            }
        }, failure -> {
            busy.set(false);
            progress.set("");
            // a name several groups share is the admin's to settle: its message lists them
            error.set(failure instanceof IllegalArgumentException ? failure.getMessage() : ErrorText.of(failure));
        });
    }

    private void show(Loaded loaded) {
        TenantInfo info = loaded.tenant();
        tenantName.set(info.displayName() == null ? info.id() : info.displayName());
        Discovery discovery = loaded.discovery();
        String chosenId = discovery.chosen().flatMap(report -> report.choice().group()).map(EmergencyGroup::id)
                .orElse("");
        chosen.set(discovery.chosen().isPresent());
        chosenTitle.set(discovery.chosen().map(EmergencyAccessViewModel::title).orElse("None chosen"));
        chosenNote.set(discovery.chosen().map(EmergencyAccessViewModel::note).orElse("Gatehouse treats no account as "
                + "an emergency account, and only warns when a name looks like one."));
        chosenProblem.set(discovery.chosen().flatMap(ChosenGroupReport::problem).orElse(""));
        chosenEvidence.setAll(discovery.chosen().flatMap(ChosenGroupReport::evidence).map(GroupEvidence::points)
                .orElse(List.of()));
        proposals.setAll(discovery.proposals().stream().filter(p -> !p.group().id().equalsIgnoreCase(chosenId))
                .toList());
        considered.setAll(discovery.considered().stream().filter(p -> !p.group().id().equalsIgnoreCase(chosenId))
                .toList());
        summary.set(discovery.chosen().isPresent() && proposals.isEmpty() ? "" : discovery.summary());
        couldNotCheck.setAll(discovery.unreadable().entrySet().stream()
                .map(entry -> "Could not read " + entry.getKey() + ": " + entry.getValue()).toList());
    }

    /** The group's name as the tenant has it now, else as it was when chosen. */
    private static String title(ChosenGroupReport report) {
        return report.evidence().map(e -> e.group().displayName())
                .orElse(report.choice().group().orElseThrow().displayName());
    }

    /** "id …, the emergency-access group chosen on this machine". */
    private static String note(ChosenGroupReport report) {
        return "id " + report.choice().group().orElseThrow().id() + ", "
                + report.choice().origin().orElseThrow().phrase();
    }

    /** True while reading or saving. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What is being read, while busy. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Why the last read or choice failed; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last choice did, said plainly to be local to this machine. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tenantNameProperty() {
        return tenantName.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** The chosen group's name, or "None chosen". */
    public ReadOnlyStringProperty chosenTitleProperty() {
        return chosenTitle.getReadOnlyProperty();
    }

    /** "id …, the emergency-access group chosen on this machine", or what having none means. */
    public ReadOnlyStringProperty chosenNoteProperty() {
        return chosenNote.getReadOnlyProperty();
    }

    /** The chosen group no longer exists or could not be read; empty otherwise. */
    public ReadOnlyStringProperty chosenProblemProperty() {
        return chosenProblem.getReadOnlyProperty();
    }

    public ObservableList<Evidence> chosenEvidence() {
        return chosenEvidenceView;
    }

    /** Discovery's one-line verdict; empty when a group is chosen and nothing else is proposed. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Discovery's proposals other than the chosen group, best first. */
    public ObservableList<GroupEvidence> proposals() {
        return proposalsView;
    }

    /** Groups close to a proposal, other than the chosen group, with the evidence why not. */
    public ObservableList<GroupEvidence> considered() {
        return consideredView;
    }

    /** "Could not read the Conditional Access policies: …". */
    public ObservableList<String> couldNotCheck() {
        return couldNotCheckView;
    }

    /** The object id or exact name the admin types to choose a group discovery did not propose. */
    public StringProperty typedGroupProperty() {
        return typedGroup;
    }

    /** Text every screen of the dialog shows: the choice is local. */
    public String localOnly() {
        return EmergencyGroupSettings.LOCAL_ONLY;
    }
}
