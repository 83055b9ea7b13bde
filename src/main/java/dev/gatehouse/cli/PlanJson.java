package dev.gatehouse.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.PlanForecast;
import dev.gatehouse.domain.plan.Reversibility;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepOutcome;
import dev.gatehouse.domain.signin.SignInForecast;
import dev.gatehouse.domain.signin.SignInMethod;
import dev.gatehouse.domain.signin.SignInVerdict.Outcome;
import dev.gatehouse.domain.tenant.RequiredAccess;

import java.util.ArrayList;
import java.util.List;

/** The --json shapes of a plan and of its run: the same facts as the text, and never a secret's value by accident. */
final class PlanJson {

    private PlanJson() {
    }

    /**
     * @param forecast         the forecast as prose, one line each
     * @param forecastVerdicts the same forecast as verdicts, situation by situation; null when the plan has none
     */
    record PlanView(String title, String target, String targetId, Risk highestRisk, String intro,
                    List<String> warnings, List<StepView> steps, List<String> forecast,
                    ForecastView forecastVerdicts) {
    }

    /** @param assumptions what the forecast could not take into account; empty when nothing */
    record ForecastView(List<Verdict> before, List<Verdict> after, String assumptions) {
    }

    /**
     * What the user experiences in one situation.
     *
     * @param check   the situation in words ("Passkey (FIDO2) → Office 365, non-compliant device")
     * @param method  how the user signs in ({@code passkey}, {@code passwordAndPush}, {@code temporaryAccessPass}…)
     * @param target  what they sign in to, as Conditional Access names it: an application ({@code Office365}) or a
     *                user action ({@code urn:user:registersecurityinfo})
     * @param verdict {@code signsIn}, {@code promptedToRegister}, {@code mustChangePassword}, {@code mfaRequired},
     *                {@code methodUnavailable} or {@code blocked}
     * @param reason  the verdict in a sentence; {@code reasons} the facts that decided it
     */
    record Verdict(String check, SignInMethod method, String target, Outcome verdict, boolean mustSignInAgain,
                   String reason, List<String> reasons) {
    }

    /** @param createsSecret what the step hands over once ("Temporary Access Pass"), null when nothing */
    record StepView(int number, String id, String title, String effect, String userExperience,
                    List<GraphRequest> requests, RequiredAccess access, Reversibility reversibility, Risk risk,
                    List<String> warnings, String createsSecret) {
    }

    record OutcomeView(String step, String title, String status, String message, long durationMillis) {
    }

    /**
     * @param value   the secret, only with --show-secret
     * @param parts   the secret in two parts for two people, only with --show-secret
     * @param shownOn where it went instead ("terminal", or "withheld: …")
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SecretView(String step, String label, String value, List<String> parts, String shownOn) {
    }

    record DryRun(boolean dryRun, PlanView plan) {
    }

    record Run(boolean dryRun, PlanView plan, boolean completed, String summary, List<OutcomeView> outcomes,
               List<SecretView> secrets) {
    }

    static PlanView plan(PlanPreview preview) {
        Plan plan = preview.plan();
        List<StepView> steps = new ArrayList<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            Step s = plan.steps().get(i);
            steps.add(new StepView(i + 1, s.id(), s.title(), s.effect(), s.userExperience(), s.requests(), s.access(),
                    s.reversibility(), s.risk(), s.warnings(), SecretSteps.secretLabel(s).orElse(null)));
        }
        return new PlanView(plan.title(), plan.target(), plan.targetId(), plan.highestRisk(), preview.intro(),
                plan.warnings(), steps, preview.forecast(), preview.signIns().map(PlanJson::forecast).orElse(null));
    }

    private static ForecastView forecast(PlanForecast forecast) {
        return new ForecastView(verdicts(forecast.before()), verdicts(forecast.after()), forecast.assumptions());
    }

    private static List<Verdict> verdicts(SignInForecast forecast) {
        return forecast.verdicts().stream().map(v -> new Verdict(v.situation().describe(), v.situation().method(),
                v.situation().target().id(), v.outcome(), v.mustSignInAgain(), v.headline(), v.reasons())).toList();
    }

    static Run run(PlanPreview preview, ExecutionReport report, List<SecretView> secrets) {
        List<OutcomeView> outcomes = report.outcomes().stream().map(PlanJson::outcome).toList();
        return new Run(false, plan(preview), report.completed(), report.summary(), outcomes, secrets);
    }

    private static OutcomeView outcome(StepOutcome o) {
        return new OutcomeView(o.step().id(), o.step().title(), Json.camelCase(o.status()), o.message(),
                o.duration().toMillis());
    }
}
