package dev.gatehouse.ui.registration;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.registration.ActionCoverage;
import dev.gatehouse.domain.registration.ActionCoverage.Reach;
import dev.gatehouse.domain.registration.ActionCoverage.Route;
import dev.gatehouse.domain.registration.CheckerVerdict;
import dev.gatehouse.domain.registration.RegistrationCheckers;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantLicences;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.registration.Prerequisite.Status;
import dev.gatehouse.ui.workspace.OpenTenant;
import dev.gatehouse.ui.workspace.WorkspaceModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The Registration-policy workspace's home: the state of the gate on "Register security information", read from the
 * tenant as soon as the workspace is in view, without a click (issue 9, "Workspace home"); a tenant opened while it is
 * in view is read at once. Nothing is read for a workspace the admin never opens, so opening a tenant costs no more
 * requests than before. Three reads run side by side on the task runner — the subscriptions, security defaults, and
 * the Conditional Access policies with the names of the groups they mention — and each part shows what it found, or
 * which read failed and why, while the others still show.
 */
public final class RegistrationPolicyViewModel implements WorkspaceModel {

    public static final String START_WIZARD = "Start the registration-policy wizard";
    public static final String CONTINUE_WIZARD = "Continue the wizard";

    static final String LICENCE_TITLE = "Entra ID P1";
    static final String SECURITY_DEFAULTS_TITLE = "Security defaults off";

    /** Whether the gate is protected: some policy that is On targets the user action. */
    public enum Gate {
        UNKNOWN,
        PROTECTED,
        /** No policy of its own is On, but All-resources policies that are On still apply to registration. */
        ONLY_ALL_RESOURCES,
        NOT_PROTECTED
    }

    private enum Part {
        LICENCES("subscriptions"), SECURITY_DEFAULTS("security defaults"), POLICIES("Conditional Access policies");

        private final String words;

        Part(String words) {
            this.words = words;
        }
    }

    /** What the policies read yields, all worked out on the worker. */
    private record PolicyRead(List<PolicyRow> rows, ActionCoverage coverage, List<CheckerVerdict> verdicts,
                              Optional<String> namesProblem) {
    }

    private final TaskRunner runner;
    private final WizardLauncher launcher;
    private final ReadOnlyObjectWrapper<RegistrationWizard> wizard = new ReadOnlyObjectWrapper<>(this, "wizard");
    private final ReadOnlyStringWrapper wizardProblem = new ReadOnlyStringWrapper(this, "wizardProblem", "");
    /** The tenant as the shell opened it; null when attached to a bare directory (tests of the reads). */
    private OpenTenant openTenant;
    private final Map<Part, Cancellable> inFlight = new EnumMap<>(Part.class);
    private final Set<Part> pending = new LinkedHashSet<>();
    private TenantDirectory directory;
    private boolean inView;
    /** True once the attached tenant has been read (or is being read). */
    private boolean read;

    private final ReadOnlyBooleanWrapper attached = new ReadOnlyBooleanWrapper(this, "attached");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyObjectWrapper<Gate> gate = new ReadOnlyObjectWrapper<>(this, "gate", Gate.UNKNOWN);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper requirement = new ReadOnlyStringWrapper(this, "requirement", "");
    private final ObservableList<PolicyRow> policies = FXCollections.observableArrayList();
    private final ObservableList<PolicyRow> policiesView = FXCollections.unmodifiableObservableList(policies);
    private final ReadOnlyStringWrapper policiesPlaceholder = new ReadOnlyStringWrapper(this, "policiesPlaceholder", "");
    private final ReadOnlyStringWrapper policiesError = new ReadOnlyStringWrapper(this, "policiesError", "");
    private final ReadOnlyStringWrapper namesProblem = new ReadOnlyStringWrapper(this, "namesProblem", "");
    private final ReadOnlyObjectWrapper<Prerequisite> licence = new ReadOnlyObjectWrapper<>(this, "licence");
    private final ReadOnlyObjectWrapper<Prerequisite> securityDefaults =
            new ReadOnlyObjectWrapper<>(this, "securityDefaults");
    private final ObservableList<CheckerVerdict> verdicts = FXCollections.observableArrayList();
    private final ObservableList<CheckerVerdict> verdictsView = FXCollections.unmodifiableObservableList(verdicts);
    private final ReadOnlyStringWrapper verdictsPlaceholder = new ReadOnlyStringWrapper(this, "verdictsPlaceholder", "");
    private final StringProperty wizardLabel = new SimpleStringProperty(this, "wizardLabel", START_WIZARD);

    /** @param launcher makes the registration-policy wizard for the open tenant */
    public RegistrationPolicyViewModel(TaskRunner runner, WizardLauncher launcher) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        clear("Not connected to a tenant");
    }

    @Override
    public void attach(OpenTenant tenant) {
        attach(tenant.connection().directory());
        openTenant = tenant;
    }

    /** Reads the gate of a newly opened tenant. */
    public void attach(TenantDirectory newDirectory) {
        detach();
        directory = Objects.requireNonNull(newDirectory, "directory");
        attached.set(true);
        clear("Opening\u2026");
        if (inView) {
            readAll();
        }
    }

    /** The view says whether the workspace is on screen; the first time it is, the tenant is read. */
    public void inView(boolean shown) {
        inView = shown;
        if (shown && directory != null && !read) {
            readAll();
        }
    }

    @Override
    public void detach() {
        inFlight.values().forEach(Cancellable::cancel);
        inFlight.clear();
        pending.clear();
        directory = null;
        openTenant = null;
        read = false;
        attached.set(false);
        clear("Not connected to a tenant");
        showProgress();
    }

    /** F5: reads everything again. */
    @Override
    public void refresh() {
        if (directory != null) {
            readAll();
        }
    }

    /** Reads the policies again after they failed (the error's button). */
    public void retryPolicies() {
        if (directory != null) {
            readPolicies();
        }
    }

    /** Stops the reads still running; what they would have shown says it was not read. */
    public void stop() {
        for (Part part : List.copyOf(pending)) {
            Optional.ofNullable(inFlight.remove(part)).ifPresent(Cancellable::cancel);
            String why = "Not read: stopped before the " + part.words + " arrived. Press F5 to read again.";
            switch (part) {
                case LICENCES -> licence.set(new Prerequisite(LICENCE_TITLE, Status.UNKNOWN, why));
                case SECURITY_DEFAULTS ->
                        securityDefaults.set(new Prerequisite(SECURITY_DEFAULTS_TITLE, Status.UNKNOWN, why));
                case POLICIES -> policiesFailed(why);
            }
            done(part);
        }
    }

    /**
     * The wizard button: prepares the wizard off the UI thread, then hands it to the view through
     * {@link #wizardProperty()}; it opens at the first step not done of an unfinished run.
     */
    public void startWizard() {
        OpenTenant tenant = openTenant;
        if (tenant == null) {
            return;
        }
        wizardProblem.set("");
        runner.run("Opening the registration-policy wizard", () -> launcher.prepare(tenant), wizard::set,
                failure -> wizardProblem.set("The wizard could not open: " + ErrorText.of(failure)));
    }

    /** The view opened the wizard's window: the next press prepares a new one. */
    public void wizardShown() {
        wizard.set(null);
    }

    /** The wizard's window closed: the tenant may have changed, so everything is read again. */
    public void wizardClosed() {
        refresh();
    }

    /** A wizard ready to show; null when none is waiting. */
    public ReadOnlyObjectProperty<RegistrationWizard> wizardProperty() {
        return wizard.getReadOnlyProperty();
    }

    /** Why the wizard could not open; empty otherwise. */
    public ReadOnlyStringProperty wizardProblemProperty() {
        return wizardProblem.getReadOnlyProperty();
    }

    private void readUnfinished() {
        OpenTenant tenant = openTenant;
        if (tenant != null) {
            runner.run("Looking for an unfinished run of the wizard", () -> launcher.unfinished(tenant),
                    unfinished -> wizardLabel.set(unfinished ? CONTINUE_WIZARD : START_WIZARD),
                    failure -> wizardLabel.set(START_WIZARD));
        }
    }

    private void readAll() {
        read = true;
        readUnfinished();
        readLicences();
        readSecurityDefaults();
        readPolicies();
    }

    private void clear(String placeholder) {
        gate.set(Gate.UNKNOWN);
        headline.set(placeholder);
        requirement.set("");
        policies.clear();
        policiesPlaceholder.set("");
        policiesError.set("");
        namesProblem.set("");
        verdicts.clear();
        verdictsPlaceholder.set("");
        licence.set(new Prerequisite(LICENCE_TITLE, Status.UNKNOWN, placeholder));
        securityDefaults.set(new Prerequisite(SECURITY_DEFAULTS_TITLE, Status.UNKNOWN, placeholder));
    }

    private void readLicences() {
        TenantDirectory source = directory;
        licence.set(new Prerequisite(LICENCE_TITLE, Status.READING, "Reading the tenant's subscriptions\u2026"));
        start(Part.LICENCES, "Reading the tenant's subscriptions", source::licences,
                found -> licence.set(licencePrerequisite(found)),
                failure -> licence.set(new Prerequisite(LICENCE_TITLE, Status.UNKNOWN,
                        "The subscriptions (/subscribedSkus) could not be read, so whether the tenant has Entra ID P1"
                                + " is unknown: " + ErrorText.of(failure))));
    }

    private void readSecurityDefaults() {
        TenantDirectory source = directory;
        securityDefaults.set(new Prerequisite(SECURITY_DEFAULTS_TITLE, Status.READING,
                "Reading the security defaults setting\u2026"));
        start(Part.SECURITY_DEFAULTS, "Reading security defaults", source::securityDefaultsEnabled,
                on -> securityDefaults.set(securityDefaultsPrerequisite(on)),
                failure -> securityDefaults.set(new Prerequisite(SECURITY_DEFAULTS_TITLE, Status.UNKNOWN,
                        "Whether security defaults are on could not be read: " + ErrorText.of(failure))));
    }

    private void readPolicies() {
        TenantDirectory source = directory;
        gate.set(Gate.UNKNOWN);
        headline.set("Reading the tenant's Conditional Access policies\u2026");
        requirement.set("");
        policies.clear();
        policiesPlaceholder.set("");
        policiesError.set("");
        namesProblem.set("");
        verdicts.clear();
        verdictsPlaceholder.set("Waiting for the Conditional Access policies\u2026");
        start(Part.POLICIES, "Reading Conditional Access policies", () -> readPolicies(source), this::showPolicies,
                failure -> policiesFailed(ErrorText.of(failure)));
    }

    private <T> void start(Part part, String description, Callable<T> work, Consumer<T> onSuccess,
                           Consumer<Throwable> onFailure) {
        Cancellable previous = inFlight.remove(part);
        if (previous != null) {
            previous.cancel();
        }
        pending.add(part);
        showProgress();
        Cancellable task = runner.run(description, work, result -> {
            done(part);
            onSuccess.accept(result);
        }, failure -> {
            done(part);
            onFailure.accept(failure);
        });
        if (pending.contains(part)) { // a synchronous runner has already finished it
            inFlight.put(part, task);
        }
    }

    private void done(Part part) {
        pending.remove(part);
        inFlight.remove(part);
        showProgress();
    }

    private void showProgress() {
        loading.set(!pending.isEmpty());
        List<String> words = pending.stream().map(p -> p.words).toList();
        progress.set(words.isEmpty() ? "" : "Reading " + joined(words) + "\u2026");
    }

    /** On the worker: the policies, the names of the groups they include or exclude, and what follows from them. */
    private static PolicyRead readPolicies(TenantDirectory source) {
        List<ConditionalAccessPolicy> all = source.conditionalAccessPolicies();
        ActionCoverage coverage = ActionCoverage.of(all);
        Map<String, String> names = new LinkedHashMap<>();
        Optional<String> namesProblem = Optional.empty();
        for (Reach reach : coverage.reaches()) {
            for (String groupId : groupIds(reach.policy())) {
                if (names.containsKey(groupId) || namesProblem.isPresent()) {
                    continue;
                }
                try {
                    names.put(groupId, source.findGroup(groupId).map(GroupRef::displayName)
                            .filter(name -> !name.isBlank()).orElse(groupId + " (no such group)"));
                } catch (TenantException e) {
                    if (e.kind() == TenantException.Kind.CANCELLED) {
                        throw e;
                    }
                    namesProblem = Optional.of("Group names could not be read, so groups are shown by id: "
                            + ErrorText.of(e));
                }
            }
        }
        // policies on the action itself first: they are what the gate is about
        List<PolicyRow> rows = coverage.reaches().stream()
                .sorted(java.util.Comparator.comparing(reach -> reach.route() != Route.USER_ACTION))
                .map(reach -> PolicyRow.of(reach, names)).toList();
        return new PolicyRead(rows, coverage, RegistrationCheckers.all(all), namesProblem);
    }

    private static List<String> groupIds(ConditionalAccessPolicy policy) {
        List<String> ids = new ArrayList<>(policy.users().includeGroups().stream().sorted().toList());
        ids.addAll(policy.users().excludeGroups().stream().sorted().toList());
        return ids;
    }

    private void showPolicies(PolicyRead read) {
        policies.setAll(read.rows());
        policiesPlaceholder.set(read.rows().isEmpty()
                ? "No Conditional Access policy targets Register security information, in any state, and none"
                + " on All resources reaches it." : "");
        namesProblem.set(read.namesProblem().orElse(""));
        verdicts.setAll(read.verdicts());
        verdictsPlaceholder.set("");
        List<Reach> onAction = read.coverage().reaches().stream().filter(r -> r.route() == Route.USER_ACTION).toList();
        List<Reach> enforcedOnAction = onAction.stream().filter(Reach::enforced).toList();
        if (!enforcedOnAction.isEmpty()) {
            gate.set(Gate.PROTECTED);
            headline.set(enforcedOnAction.size() == 1
                    ? "Protected: '" + enforcedOnAction.get(0).policy().displayName() + "' is On for Register"
                    + " security information."
                    : "Protected: " + enforcedOnAction.size() + " policies that are On target Register security"
                    + " information.");
        } else {
            long elsewhere = read.coverage().enforced().size();
            gate.set(elsewhere > 0 ? Gate.ONLY_ALL_RESOURCES : Gate.NOT_PROTECTED);
            long reportOnly = onAction.stream().filter(r -> r.policy().state() == State.REPORT_ONLY).count();
            if (reportOnly > 0) {
                headline.set("Not protected: " + (reportOnly == 1 ? "the policy on Register security information"
                        + " is report-only" : reportOnly + " policies on Register security information are"
                        + " report-only") + ", and report-only protects nothing for user actions.");
            } else if (!onAction.isEmpty()) {
                headline.set("Not protected: " + (onAction.size() == 1 ? "the policy on Register security"
                        + " information is Off." : "every policy on Register security information is Off."));
            } else {
                headline.set("Not protected: no policy targets Register security information.");
            }
            if (elsewhere > 0) {
                headline.set(headline.get().replaceFirst("^Not protected: ", "Not protected by a policy of its own: ")
                        + " Only All-resources policies that are On reach it.");
            }
        }
        requirement.set(read.coverage().explanation().get(0));
    }

    private void policiesFailed(String why) {
        gate.set(Gate.UNKNOWN);
        headline.set("Unknown: the Conditional Access policies could not be read.");
        requirement.set("");
        policies.clear();
        policiesPlaceholder.set("");
        policiesError.set(why);
        verdicts.clear();
        verdictsPlaceholder.set("The checkers judge the policies, which could not be read.");
    }

    static Prerequisite licencePrerequisite(TenantLicences licences) {
        String skus = licences.skuPartNumbers().isEmpty() ? "The tenant has no subscription in force."
                : "Subscriptions in force: " + String.join(", ", licences.skuPartNumbers()) + ".";
        if (licences.entraIdP1()) {
            return new Prerequisite(LICENCE_TITLE, Status.MET, (licences.entraIdP2()
                    ? "Entra ID P2, which includes P1, is" : "Entra ID P1 is") + " part of the tenant's subscriptions. "
                    + skus);
        }
        return new Prerequisite(LICENCE_TITLE, Status.NOT_MET, "No subscription includes Entra ID P1. " + skus
                + " P1 is what Conditional Access, authentication strengths and the usage reports (who has"
                + " registered which methods) need: without it Graph refuses the policy, so the wizard cannot"
                + " proceed. Add Entra ID P1, or a plan that includes it (Microsoft 365 Business Premium, E3 or E5).");
    }

    static Prerequisite securityDefaultsPrerequisite(boolean on) {
        if (on) {
            return new Prerequisite(SECURITY_DEFAULTS_TITLE, Status.NOT_MET, "Security defaults are on. Conditional"
                    + " Access cannot be used while security defaults are on. Turn them off in the Microsoft Entra"
                    + " admin center, Entra ID > Overview > Properties > Manage security defaults, once the"
                    + " Conditional Access policies that replace them are ready.");
        }
        return new Prerequisite(SECURITY_DEFAULTS_TITLE, Status.MET,
                "Security defaults are off: Conditional Access policies apply.");
    }

    private static String joined(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    /** True while a tenant is open. */
    public ReadOnlyBooleanProperty attachedProperty() {
        return attached.getReadOnlyProperty();
    }

    /** True while some read is still running. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "Reading subscriptions, security defaults and Conditional Access policies…", empty when idle. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Gate> gateProperty() {
        return gate.getReadOnlyProperty();
    }

    /** "Protected: 'Secure registration' is On for Register security information." Holds tenant text. */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** What a user must present, every enforced policy combined; or that nothing is required. Holds tenant text. */
    public ReadOnlyStringProperty requirementProperty() {
        return requirement.getReadOnlyProperty();
    }

    /** Every policy that reaches the action: on it in any state, and All-resources ones that are On or report-only. */
    public ObservableList<PolicyRow> policies() {
        return policiesView;
    }

    /** What the empty policy list says. */
    public ReadOnlyStringProperty policiesPlaceholderProperty() {
        return policiesPlaceholder.getReadOnlyProperty();
    }

    /** Why the policies could not be read, empty otherwise. */
    public ReadOnlyStringProperty policiesErrorProperty() {
        return policiesError.getReadOnlyProperty();
    }

    /** Why group names are shown as ids, empty when they could be read. */
    public ReadOnlyStringProperty namesProblemProperty() {
        return namesProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Prerequisite> licenceProperty() {
        return licence.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Prerequisite> securityDefaultsProperty() {
        return securityDefaults.getReadOnlyProperty();
    }

    /** Maester MT.1011, CISA MS.AAD.3.8, ZTA 21806, point by point. */
    public ObservableList<CheckerVerdict> verdicts() {
        return verdictsView;
    }

    /** What stands in place of the verdicts while they cannot be given, empty when they are shown. */
    public ReadOnlyStringProperty verdictsPlaceholderProperty() {
        return verdictsPlaceholder.getReadOnlyProperty();
    }

    /** The wizard button's text: {@link #START_WIZARD}, or {@link #CONTINUE_WIZARD} once a run is under way. */
    public StringProperty wizardLabelProperty() {
        return wizardLabel;
    }
}
