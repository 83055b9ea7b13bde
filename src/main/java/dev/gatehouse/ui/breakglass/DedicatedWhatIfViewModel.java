package dev.gatehouse.ui.breakglass;

import dev.gatehouse.domain.breakglass.BreakGlassSetupRead;
import dev.gatehouse.domain.breakglass.DedicatedPolicyWhatIf;
import dev.gatehouse.domain.policy.WhatIfQuery;
import dev.gatehouse.domain.policy.WhatIfResult;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.wizard.InformationStep;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The What If step between saving the dedicated policy in report-only and turning it on: asked as the step opens, one
 * question per account, off the FX thread. It is done once asked — answered, failed with the reason shown, or with
 * nothing to ask when no dedicated policy was saved — so a tenant that keeps its accounts excluded everywhere walks
 * past it, and nobody reaches the turn-on step without having seen What If's answer or why there is none.
 */
public final class DedicatedWhatIfViewModel {

    public static final String TITLE = "What If";

    private final TaskRunner runner;
    private final Callable<BreakGlassSetupRead> read;
    private final Function<WhatIfQuery, List<WhatIfResult>> whatIf;
    private final ObservableList<DedicatedPolicyWhatIf.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper asked = new ReadOnlyBooleanWrapper(this, "asked");
    private final InformationStep step;
    private Cancellable inFlight = Cancellable.NONE;

    DedicatedWhatIfViewModel(TaskRunner runner, Callable<BreakGlassSetupRead> read,
                             Function<WhatIfQuery, List<WhatIfResult>> whatIf) {
        this.runner = runner;
        this.read = read;
        this.whatIf = whatIf;
        this.step = new InformationStep(TITLE, asked, status, this::run, () -> inFlight.cancel());
    }

    public InformationStep step() {
        return step;
    }

    /** Reads the tenant and asks What If for every account. */
    public void run() {
        inFlight.cancel();
        running.set(true);
        asked.set(false);
        rows.clear();
        status.set("Asking What If for each emergency-access account\u2026");
        inFlight = runner.run("What If for the emergency-access accounts", () -> {
            try {
                return new Answer(DedicatedPolicyWhatIf.ask(read.call(), whatIf), "");
            } catch (IllegalStateException nothingToAsk) {
                return new Answer(List.of(), nothingToAsk.getMessage());
            }
        }, answer -> {
            running.set(false);
            rows.setAll(answer.rows());
            asked.set(true);
            status.set(summary(answer));
        }, failure -> {
            running.set(false);
            // not a dead end: turning the policy on still refuses while an account could not meet it
            asked.set(true);
            status.set("What If could not run: " + ErrorText.of(failure) + " Ask again, or go on: turning the "
                    + "policy on still refuses while an account has no key it may use.");
        });
    }

    private record Answer(List<DedicatedPolicyWhatIf.Row> rows, String nothingToAsk) {
    }

    private static String summary(Answer answer) {
        if (answer.rows().isEmpty()) {
            return answer.nothingToAsk().isEmpty() ? "No emergency-access account to ask about."
                    : "Nothing to ask What If about: " + answer.nothingToAsk();
        }
        long disagree = answer.rows().stream().filter(r -> !r.agrees()).count();
        long notReady = answer.rows().stream().filter(r -> !r.ready()).count();
        String agreement = disagree == 0 ? "What If and Gatehouse agree for every account."
                : disagree + " of " + answer.rows().size() + " accounts disagree: Graph and Gatehouse read this "
                + "tenant's policies differently there. Read them before turning anything on.";
        return agreement + (notReady == 0 ? " Each account would sign in with its key, and no other policy reaches it."
                : " " + notReady + " of " + answer.rows().size() + " accounts are not ready: see below.");
    }

    public ObservableList<DedicatedPolicyWhatIf.Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
