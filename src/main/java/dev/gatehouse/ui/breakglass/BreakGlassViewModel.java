package dev.gatehouse.ui.breakglass;

import dev.gatehouse.domain.breakglass.BreakGlassHealth;
import dev.gatehouse.domain.breakglass.DrillLog;
import dev.gatehouse.domain.breakglass.HealthRead;
import dev.gatehouse.domain.breakglass.HealthReads;
import dev.gatehouse.domain.breakglass.Verdict;
import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.emergency.EmergencyGroupSettings;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.emergency.EmergencyAccessViewModel;
import dev.gatehouse.ui.plan.ClipboardAccess;
import dev.gatehouse.ui.workspace.OpenTenant;
import dev.gatehouse.ui.workspace.WorkspaceModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The Break-glass workspace's home: the health of the tenant's emergency-access accounts and their group (issue 10,
 * "Health view"), read as soon as the workspace is first in view, again on F5, after a drill is recorded and after
 * the group is chosen. One read on the task runner gathers everything — the chosen group (a setting on disk), the
 * drill's date (on disk) and the tenant's facts (network) — so the FX thread never waits. A part the admin may not
 * read is an amber check that says why; a read that fails as a whole says so with a way to try again.
 */
public final class BreakGlassViewModel implements WorkspaceModel {

    static final String NOT_CONNECTED = "Not connected to a tenant";
    static final String READING = "Reading the emergency-access accounts, their group, methods, roles, "
            + "Conditional Access and sign-ins\u2026";
    static final String STOPPED = "Not read: stopped before the health of the emergency-access accounts arrived. "
            + "Press F5 to read again.";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    /** What one read yields, all worked out on the worker. */
    private record Reading(String tenantId, BreakGlassHealth health, LocalDate today) {
    }

    private final TaskRunner runner;
    private final ClipboardAccess clipboard;
    private final SetupStarterViewModel setup;
    private OpenTenant tenant;
    private boolean inView;
    /** True once the attached tenant has been read (or is being read). */
    private boolean read;
    private Cancellable task = Cancellable.NONE;
    /** The last read that arrived; null before the first. */
    private Reading last;

    private final ReadOnlyBooleanWrapper attached = new ReadOnlyBooleanWrapper(this, "attached");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", NOT_CONNECTED);
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(this, "counts", "");
    private final ReadOnlyStringWrapper drillLine = new ReadOnlyStringWrapper(this, "drillLine", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<HealthRow> group = new ReadOnlyObjectWrapper<>(this, "group");
    private final ReadOnlyBooleanWrapper groupToChoose = new ReadOnlyBooleanWrapper(this, "groupToChoose");
    private final ObservableList<HealthRow> accounts = FXCollections.observableArrayList();
    private final ObservableList<HealthRow> accountsView = FXCollections.unmodifiableObservableList(accounts);
    private final ReadOnlyStringWrapper accountsPlaceholder = new ReadOnlyStringWrapper(this, "accountsPlaceholder", "");
    private final ReadOnlyBooleanWrapper drillReady = new ReadOnlyBooleanWrapper(this, "drillReady");
    private final ReadOnlyObjectWrapper<CheckerSnippets> checkers = new ReadOnlyObjectWrapper<>(this, "checkers");
    private final ReadOnlyStringWrapper checkersUnavailable = new ReadOnlyStringWrapper(this, "checkersUnavailable", "");

    /** @param clipboard where "Copy" puts the checker config entries */
    public BreakGlassViewModel(TaskRunner runner, ClipboardAccess clipboard) {
        this(runner, clipboard, BreakGlassWizard.launcher(runner, clipboard, java.time.ZoneId.systemDefault()));
    }

    /** @param launcher makes the set-up wizard for the open tenant */
    public BreakGlassViewModel(TaskRunner runner, ClipboardAccess clipboard, SetupLauncher launcher) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.clipboard = Objects.requireNonNull(clipboard, "clipboard");
        this.setup = new SetupStarterViewModel(runner, Objects.requireNonNull(launcher, "launcher"));
    }

    /** The set-up wizard's button. */
    public SetupStarterViewModel setup() {
        return setup;
    }

    @Override
    public void attach(OpenTenant newTenant) {
        detach();
        tenant = Objects.requireNonNull(newTenant, "tenant");
        setup.attach(newTenant);
        attached.set(true);
        clear("Opening\u2026");
        if (inView) {
            readHealth();
        }
    }

    /** The view says whether the workspace is on screen; the first time it is, the tenant is read. */
    public void inView(boolean shown) {
        inView = shown;
        if (shown && tenant != null && !read) {
            readHealth();
        }
    }

    @Override
    public void detach() {
        task.cancel();
        task = Cancellable.NONE;
        tenant = null;
        setup.detach();
        read = false;
        attached.set(false);
        showLoading(false);
        clear(NOT_CONNECTED);
    }

    /** F5, the error's button, and after a drill or a choice of group: reads everything again. */
    @Override
    public void refresh() {
        if (tenant != null) {
            readHealth();
        }
    }

    /** Stops the read; what was shown before stays, and says it was not read again. */
    public void stop() {
        if (!loading.get()) {
            return;
        }
        task.cancel();
        task = Cancellable.NONE;
        showLoading(false);
        error.set(STOPPED);
        if (last == null) {
            headline.set("Not read.");
        }
    }

    /** The emergency-access dialog for the open tenant, to choose the group; empty while none is open. */
    public Optional<EmergencyAccessViewModel> newEmergencyAccess() {
        return Optional.ofNullable(tenant).map(open -> new EmergencyAccessViewModel(runner,
                open.connection().directory(), EmergencyGroupSettings.in(open.dataFolder())));
    }

    /** The drill checklist for the accounts last read; empty before the first read arrived. */
    public Optional<DrillViewModel> newDrill() {
        if (tenant == null || last == null) {
            return Optional.empty();
        }
        List<String> names = accounts.isEmpty()
                ? List.of("each emergency-access account (none is known yet: " + EmergencyAccess.HOW_TO_CHOOSE + ")")
                : accounts.stream().map(row -> row.name().equals(row.identity()) ? row.name()
                        : row.name() + " (" + row.identity() + ")").toList();
        return Optional.of(new DrillViewModel(runner, DrillLog.in(tenant.dataFolder(), tenant.connection()),
                last.tenantId(), names,
                last.today(), this::refresh));
    }

    /** The checker config entries for the accounts last read; empty while none is known. */
    public Optional<CheckerConfigViewModel> newCheckerConfig() {
        return Optional.ofNullable(checkers.get()).map(snippets -> new CheckerConfigViewModel(snippets, clipboard));
    }

    private void readHealth() {
        OpenTenant source = tenant;
        read = true;
        task.cancel();
        error.set("");
        if (last == null) {
            headline.set("Reading\u2026");
        }
        showLoading(true);
        setup.readUnfinished();
        task = runner.run("Reading the health of the emergency-access accounts", () -> read(source), this::show,
                failure -> {
                    showLoading(false);
                    error.set("The health of the emergency-access accounts could not be read: "
                            + ErrorText.of(failure));
                    if (last == null) {
                        headline.set("Not read.");
                    }
                });
    }

    /** On the worker: the chosen group and the drill's date from disk, then the tenant's facts over the network. */
    private static Reading read(OpenTenant source) {
        TenantDirectory directory = source.connection().directory();
        String tenantId = directory.tenant().id();
        EmergencyAccess emergency = EmergencyGroupSettings.in(source.dataFolder()).source(directory).current();
        Optional<LocalDate> drill = DrillLog.in(source.dataFolder(), source.connection()).last(tenantId);
        HealthRead read = new HealthReads(directory, source.clock(), source.clock().getZone()).read(emergency, drill);
        return new Reading(tenantId, BreakGlassHealth.of(read), read.today());
    }

    private void show(Reading reading) {
        showLoading(false);
        last = reading;
        BreakGlassHealth health = reading.health();
        HealthRow groupRow = HealthRow.of(health.group());
        List<HealthRow> accountRows = health.accounts().stream().map(HealthRow::of).toList();
        verdict.set(health.verdict());
        headline.set(headline(health.verdict()));
        counts.set(counts(groupRow, accountRows));
        drillLine.set(drillLine(health));
        group.set(groupRow);
        groupToChoose.set(health.group().id().isEmpty());
        accounts.setAll(accountRows);
        accountsPlaceholder.set(!accountRows.isEmpty() ? "" : groupToChoose.get()
                ? "The emergency-access accounts are the members of the emergency-access group, which Gatehouse "
                + "does not know yet."
                : "The group has no user members: there is no emergency-access account to check.");
        drillReady.set(true);
        showCheckers(health);
    }

    private void showCheckers(BreakGlassHealth health) {
        try {
            Optional<CheckerSnippets> snippets = CheckerSnippets.of(health);
            checkers.set(snippets.orElse(null));
            checkersUnavailable.set(snippets.isPresent() ? "" : CheckerSnippets.NO_ACCOUNTS);
        } catch (IllegalArgumentException e) { // an id that is not a GUID: the checkers would refuse it
            checkers.set(null);
            checkersUnavailable.set("The checker entries cannot be made: " + e.getMessage() + ".");
        }
    }

    static String headline(Verdict verdict) {
        return switch (verdict) {
            case RED -> "Not ready: something must be fixed before these accounts can be relied on in an emergency.";
            case AMBER -> "Nothing to fix, but some facts need a look.";
            case GREEN -> "Ready: every check of the emergency-access accounts and their group is OK.";
        };
    }

    /** "2 accounts · 3 things to fix · 1 to check", over the group's row and every account's. */
    static String counts(HealthRow groupRow, List<HealthRow> accountRows) {
        long fix = groupRow.count(Verdict.RED) + accountRows.stream().mapToLong(row -> row.count(Verdict.RED)).sum();
        long check = groupRow.count(Verdict.AMBER)
                + accountRows.stream().mapToLong(row -> row.count(Verdict.AMBER)).sum();
        String accountsPart = accountRows.isEmpty() ? "No accounts"
                : accountRows.size() + (accountRows.size() == 1 ? " account" : " accounts");
        if (fix == 0 && check == 0) {
            return accountsPart + " \u00b7 nothing to fix or check";
        }
        return accountsPart + " \u00b7 " + fix + (fix == 1 ? " thing" : " things") + " to fix \u00b7 " + check
                + " to check";
    }

    /** "Last drill 1 Nov 2026 · next due 30 Jan 2027", or that none is recorded here. */
    static String drillLine(BreakGlassHealth health) {
        return health.lastDrill()
                .map(day -> "Last drill " + DATE.format(day) + " \u00b7 next due " + DATE.format(health.nextDrill()))
                .orElse("No drill recorded on this machine \u00b7 one is due now");
    }

    private void clear(String placeholder) {
        last = null;
        verdict.set(null);
        headline.set(placeholder);
        counts.set("");
        drillLine.set("");
        error.set("");
        group.set(null);
        groupToChoose.set(false);
        accounts.clear();
        accountsPlaceholder.set("");
        drillReady.set(false);
        checkers.set(null);
        checkersUnavailable.set("The checker entries need the accounts, which are not read yet.");
    }

    private void showLoading(boolean on) {
        loading.set(on);
        progress.set(on ? READING : "");
    }

    /** True while a tenant is open. */
    public ReadOnlyBooleanProperty attachedProperty() {
        return attached.getReadOnlyProperty();
    }

    /** True while the health is being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What is being read, empty when idle. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The worst verdict of every row; null until a read arrived. */
    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** What the verdict means for an emergency, in one sentence; or what is going on before one arrived. */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** "2 accounts · 3 things to fix · 1 to check"; empty before a read arrived. */
    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** "Last drill 1 Nov 2026 · next due 30 Jan 2027" or "No drill recorded on this machine · …". */
    public ReadOnlyStringProperty drillLineProperty() {
        return drillLine.getReadOnlyProperty();
    }

    /** Why the read failed or stopped; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The group's row; null before a read arrived. Holds tenant text. */
    public ReadOnlyObjectProperty<HealthRow> groupProperty() {
        return group.getReadOnlyProperty();
    }

    /** True when no group is known (none chosen, or the one chosen is gone): the home offers to choose it. */
    public ReadOnlyBooleanProperty groupToChooseProperty() {
        return groupToChoose.getReadOnlyProperty();
    }

    /** One row per account, in the group's order. Holds tenant text. */
    public ObservableList<HealthRow> accounts() {
        return accountsView;
    }

    /** What stands in place of the accounts when there are none; empty otherwise. */
    public ReadOnlyStringProperty accountsPlaceholderProperty() {
        return accountsPlaceholder.getReadOnlyProperty();
    }

    /** True once a read arrived: the drill's checklist names its accounts. */
    public ReadOnlyBooleanProperty drillReadyProperty() {
        return drillReady.getReadOnlyProperty();
    }

    /** The checker config entries; null while no account is known. */
    public ReadOnlyObjectProperty<CheckerSnippets> checkersProperty() {
        return checkers.getReadOnlyProperty();
    }

    /** Why there are no checker config entries; empty when there are. */
    public ReadOnlyStringProperty checkersUnavailableProperty() {
        return checkersUnavailable.getReadOnlyProperty();
    }
}
