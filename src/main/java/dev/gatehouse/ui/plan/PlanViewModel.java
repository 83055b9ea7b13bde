package dev.gatehouse.ui.plan;

import dev.gatehouse.domain.plan.Cancellation;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepOutcome;
import dev.gatehouse.domain.plan.PlanForecast;
import dev.gatehouse.domain.signin.SignInVerdict;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One plan from review to outcome. Nothing is sent until {@link #confirm()}; then the {@link Execution} runs on
 * a worker, each step's state follows on the UI thread, {@link #cancel()} stops it (between steps, and within a
 * step by interrupting its request), and the end shows the executor's honest summary and any secret once.
 */
public final class PlanViewModel {

    private final Plan plan;
    private final Optional<PlanForecast> forecast;
    private final Execution execution;
    private final TaskRunner runner;
    private final ClipboardAccess clipboard;
    private final Runnable afterRun;
    private final List<StepRow> steps = new ArrayList<>();
    private final ReadOnlyObjectWrapper<PlanPhase> phase = new ReadOnlyObjectWrapper<>(this, "phase", PlanPhase.REVIEW);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper succeeded = new ReadOnlyBooleanWrapper(this, "succeeded");
    private final ReadOnlyBooleanWrapper cancelRequested = new ReadOnlyBooleanWrapper(this, "cancelRequested");
    private final ObservableList<SecretViewModel> secrets = FXCollections.observableArrayList();
    /** Handed out once: listeners on an unmodifiable wrapper are lost when the wrapper is garbage-collected. */
    private final ObservableList<SecretViewModel> secretsView = FXCollections.unmodifiableObservableList(secrets);

    private String intro = "";
    private String offerLabel = "";
    private Runnable offer = () -> { };
    private boolean secretsInTwoParts;
    /** Whose each step's secret is, for the large display; null keeps the ordinary one. */
    private java.util.function.Function<Step, String> largeSecretHeading;
    private ZoneId zone = ZoneId.systemDefault();

    private final Object workerLock = new Object();
    private Thread worker;
    private Cancellation cancellation;

    /**
     * @param forecast what the sign-in simulator says the user experiences today and after the plan, when known
     * @param afterRun runs on the UI thread once the run ended, however it ended (e.g. reload the user)
     */
    public PlanViewModel(Plan plan, Optional<PlanForecast> forecast, Execution execution, TaskRunner runner,
                         ClipboardAccess clipboard, Runnable afterRun) {
        this.plan = plan;
        this.forecast = forecast;
        this.execution = execution;
        this.runner = runner;
        this.clipboard = clipboard;
        this.afterRun = afterRun;
        for (Step step : plan.steps()) {
            steps.add(new StepRow(steps.size() + 1, step));
        }
    }

    /**
     * Secrets an earlier run of the same work showed and that are still on screen (a stopped stage planned again):
     * they stay shown with this plan, once, and are wiped with it.
     */
    public PlanViewModel carrying(List<SecretViewModel> earlier) {
        secrets.addAll(earlier);
        return this;
    }

    /** Whether any step of the run was done: its changes are in the tenant, whatever happened after. */
    public boolean anyStepDone() {
        return steps.stream().anyMatch(row -> row.stateProperty().get() == StepState.DONE);
    }

    /** What the plan is, in one or two sentences above the warnings. */
    public PlanViewModel withIntro(String text) {
        intro = text == null ? "" : text;
        return this;
    }

    /**
     * A change to the plan the admin may want before confirming ("Add “Issue a Temporary Access Pass”");
     * {@code action} builds the changed plan, and the view replaces this one with it.
     */
    public PlanViewModel offering(String label, Runnable action) {
        offerLabel = label;
        offer = action;
        return this;
    }

    /** Shows any secret the run produces split in two parts for two people from the start (ISM-1594). */
    public PlanViewModel secretsInTwoParts(boolean twoParts) {
        secretsInTwoParts = twoParts;
        return this;
    }

    /**
     * Shows each secret the run produces large and grouped, under {@code heading} of the step that made it (whose it
     * is), for reading aloud or typing at a second machine — as a pass handed over for a key registered elsewhere.
     */
    public PlanViewModel secretsShownLarge(java.util.function.Function<Step, String> heading) {
        largeSecretHeading = heading;
        return this;
    }

    /** The zone a secret's expiry is shown in: the admin's, not the tenant's UTC. */
    public PlanViewModel timesIn(ZoneId timeZone) {
        zone = timeZone;
        return this;
    }

    public Plan plan() {
        return plan;
    }

    public String intro() {
        return intro;
    }

    /** Empty when there is nothing to offer. */
    public String offerLabel() {
        return offerLabel;
    }

    public void acceptOffer() {
        if (phase.get() == PlanPhase.REVIEW) {
            offer.run();
        }
    }

    public Optional<PlanForecast> forecast() {
        return forecast;
    }

    /** Each standard sign-in situation with its verdict today and after the plan, for the forecast's details. */
    public List<SituationForecast> forecastDetails() {
        return forecast.map(PlanViewModel::bySituation).orElse(List.of());
    }

    private static List<SituationForecast> bySituation(PlanForecast forecast) {
        List<SignInVerdict> before = forecast.before().verdicts();
        List<SignInVerdict> after = forecast.after().verdicts();
        List<SituationForecast> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
            rows.add(new SituationForecast(before.get(i), after.get(i)));
        }
        return rows;
    }

    public List<StepRow> steps() {
        return List.copyOf(steps);
    }

    public boolean highRisk() {
        return plan.highestRisk() == Risk.HIGH;
    }

    /** A high-risk plan says what Confirm will do, so it is never clicked as a reflex. */
    public String confirmLabel() {
        if (!highRisk()) {
            return "Confirm and run";
        }
        int count = plan.steps().size();
        return "Run " + count + (count == 1 ? " step" : " steps") + " on " + plan.target();
    }

    /** The only way anything in this plan is sent to the tenant. */
    public void confirm() {
        if (phase.get() != PlanPhase.REVIEW) {
            return;
        }
        phase.set(PlanPhase.RUNNING);
        Cancellation running = new Cancellation();
        cancellation = running;
        ExecutionListener listener = new ExecutionListener() {
            @Override
            public void stepStarted(int index, Step step) {
                runner.runOnUiThread(() -> steps.get(index).started());
            }

            @Override
            public void stepProgress(int index, Step step, String message) {
                runner.runOnUiThread(() -> steps.get(index).progress(message));
            }

            @Override
            public void stepFinished(int index, StepOutcome outcome) {
                runner.runOnUiThread(() -> steps.get(index).finished(outcome));
            }
        };
        runner.run("Running \u201c" + plan.title() + "\u201d", () -> executeOnWorker(running, listener),
                this::finish, this::failUnexpectedly);
    }

    /**
     * Before Confirm: nothing to stop (the view just closes). While running: asks the executor to stop and
     * interrupts the request in flight; the summary then says exactly what was and was not done.
     */
    public void cancel() {
        if (phase.get() != PlanPhase.RUNNING || cancelRequested.get()) {
            return;
        }
        cancelRequested.set(true);
        cancellation.cancel();
        synchronized (workerLock) {
            if (worker != null) {
                worker.interrupt();
            }
        }
    }

    /** Wipes every secret shown; the view calls it when it closes. */
    public void close() {
        secrets.forEach(SecretViewModel::close);
    }

    private ExecutionReport executeOnWorker(Cancellation running, ExecutionListener listener) {
        synchronized (workerLock) {
            worker = Thread.currentThread();
        }
        try {
            return execution.run(running, listener);
        } finally {
            synchronized (workerLock) {
                worker = null;
                // a cancel that arrived after the last step must not interrupt the pool's next task
                Thread.interrupted();
            }
        }
    }

    private void finish(ExecutionReport report) {
        for (int i = 0; i < report.outcomes().size(); i++) {
            steps.get(i).finished(report.outcomes().get(i));
        }
        for (StepOutcome outcome : report.outcomes()) {
            outcome.result().ifPresent(result -> result.secret().ifPresent(secret ->
                    // the step's summary says what the secret is for and until when; it never holds the value.
                    // With an expiry the panel's own "Valid until" line says it, and the step's line is right above
                    secrets.add(new SecretViewModel(secret, result.secretExpires().isPresent() ? ""
                            : result.summary(), clipboard, runner)
                            .splitFromStart(secretsInTwoParts)
                            .large(largeSecretHeading == null ? "" : largeSecretHeading.apply(outcome.step()))
                            .validUntil(result.secretExpires(), zone))));
        }
        succeeded.set(report.completed());
        summary.set(report.summary());
        phase.set(PlanPhase.FINISHED);
        afterRun.run();
    }

    private void failUnexpectedly(Throwable failure) {
        for (StepRow row : steps) {
            if (row.stateProperty().get() == StepState.PENDING || row.stateProperty().get() == StepState.RUNNING) {
                row.progress("Unknown: the run stopped unexpectedly.");
            }
        }
        summary.set(ErrorText.of(failure) + " Some steps may have run; the user is reloaded so you can check.");
        phase.set(PlanPhase.FINISHED);
        afterRun.run();
    }

    public ReadOnlyObjectProperty<PlanPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Empty until the run ends; then {@link ExecutionReport#summary()}. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True once every step is done. */
    public ReadOnlyBooleanProperty succeededProperty() {
        return succeeded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancelRequestedProperty() {
        return cancelRequested.getReadOnlyProperty();
    }

    /** Secrets the run produced, each to be shown once. */
    public ObservableList<SecretViewModel> secrets() {
        return secretsView;
    }
}
