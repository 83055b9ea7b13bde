package dev.gatehouse.ui.registration;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.registration.PreflightCheck;
import dev.gatehouse.domain.registration.RegistrationChoices;
import dev.gatehouse.domain.registration.RegistrationPreflight;
import dev.gatehouse.domain.registration.RegistrationRead;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.wizard.InformationStep;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Step 1 of the registration-policy wizard: every pre-flight check, read off the UI thread (the registration report
 * streamed page by page, its rows counted as they come), stoppable. Done when nothing failed; a warning does not hold
 * the admin back, a failure does. Runs on first entry and again on request.
 */
public final class PreflightStepViewModel {

    public static final String TITLE = "Pre-flight checks";

    private final TaskRunner runner;
    private final Callable<RegistrationRead> read;
    private final RegistrationPreflight preflight;
    private final Supplier<Optional<RegistrationChoices>> choices;
    private final BiFunction<RegistrationRead, Optional<RegistrationChoices>, ConditionalAccessPolicy> draft;
    private final ObservableList<PreflightCheck> checks = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper passed = new ReadOnlyBooleanWrapper(this, "passed");
    private final ReadOnlyObjectWrapper<RegistrationPreflight.Outcome> outcome =
            new ReadOnlyObjectWrapper<>(this, "outcome");
    private final InformationStep step;
    private Cancellable inFlight = Cancellable.NONE;

    /**
     * @param read    a fresh read of the tenant; blocks
     * @param choices the admin's design so far, read on the UI thread as a pre-flight starts; empty for defaults
     * @param draft   the policy the checks weigh, from the read and those choices (runs on the worker)
     */
    PreflightStepViewModel(TaskRunner runner, Callable<RegistrationRead> read, RegistrationPreflight preflight,
                           Supplier<Optional<RegistrationChoices>> choices,
                           BiFunction<RegistrationRead, Optional<RegistrationChoices>, ConditionalAccessPolicy> draft) {
        this.runner = runner;
        this.read = read;
        this.preflight = preflight;
        this.choices = choices;
        this.draft = draft;
        this.step = new InformationStep(TITLE, passed, status, () -> {
            if (outcome.get() == null && !running.get()) {
                run();
            }
        }, this::stop);
    }

    public InformationStep step() {
        return step;
    }

    /** Reads the tenant and the report again and checks everything anew. */
    public void run() {
        inFlight.cancel();
        running.set(true);
        status.set("Reading the tenant\u2026");
        Optional<RegistrationChoices> chosen = choices.get();
        inFlight = runner.run("Pre-flight checks", () -> {
            RegistrationRead tenant = read.call();
            return preflight.run(tenant, draft.apply(tenant, chosen), this::rowsRead);
        }, this::show, failure -> {
            running.set(false);
            status.set("The pre-flight could not run: " + ErrorText.of(failure) + " Check again when it is fixed.");
        });
    }

    private void rowsRead(long rows) {
        runner.runOnUiThread(() -> {
            if (running.get()) { // a page that lands after Stop does not overwrite what Stop said
                status.set("Reading the registration report: " + NumberFormat.getIntegerInstance(Locale.ROOT)
                        .format(rows) + " users so far\u2026");
            }
        });
    }

    /** Stops a pre-flight under way; what was shown before stays. */
    public void stop() {
        if (running.get()) {
            inFlight.cancel();
            running.set(false);
            status.set(outcome.get() == null ? "Stopped before the checks were done. Check again to run them."
                    : summary(outcome.get()));
        }
    }

    private void show(RegistrationPreflight.Outcome result) {
        running.set(false);
        outcome.set(result);
        checks.setAll(result.checks());
        passed.set(!result.anyFailed());
        status.set(summary(result));
    }

    private static String summary(RegistrationPreflight.Outcome result) {
        long failed = result.checks().stream().filter(c -> c.verdict() == PreflightCheck.Verdict.FAIL).count();
        long warned = result.checks().stream().filter(c -> c.verdict() == PreflightCheck.Verdict.WARN).count();
        String report = result.report().map(r -> " The registration report: " + r.rows() + " users in "
                + r.requests() + (r.requests() == 1 ? " request." : " requests.")).orElse("");
        if (failed > 0) {
            String which = result.checks().stream().filter(c -> c.verdict() == PreflightCheck.Verdict.FAIL)
                    .map(PreflightCheck::title).collect(java.util.stream.Collectors.joining("; "));
            return failed + " check" + (failed == 1 ? "" : "s") + " failed (" + which + "): fix "
                    + (failed == 1 ? "it" : "them")
                    + ", then Check again. Nothing is sent to the tenant until then." + report;
        }
        return "Nothing failed" + (warned > 0 ? "; read the " + warned + " warning" + (warned == 1 ? "" : "s")
                + " before going on." : ".") + report;
    }

    public ObservableList<PreflightCheck> checks() {
        return checks;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty passedProperty() {
        return passed.getReadOnlyProperty();
    }

    /** The last pre-flight's outcome; null until one finished. */
    public ReadOnlyObjectProperty<RegistrationPreflight.Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
