package dev.gatehouse.ui.plan;

import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.PlanExecutor;
import dev.gatehouse.domain.plan.Reversibility;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.plan.PlanForecast;
import dev.gatehouse.domain.signin.SignInForecast;
import dev.gatehouse.domain.signin.SignInMethod;
import dev.gatehouse.domain.signin.SignInSituation;
import dev.gatehouse.domain.signin.SignInTarget;
import dev.gatehouse.domain.signin.SignInVerdict;
import dev.gatehouse.domain.tenant.RequiredAccess;
import dev.gatehouse.ui.GatehouseRobot;
import dev.gatehouse.ui.common.PooledTaskRunner;
import dev.gatehouse.ui.fake.FakeClipboard;
import dev.gatehouse.ui.fake.MemoryJournal;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan window, headless: review, confirm, follow the run, see the secret once. */
@ExtendWith(ApplicationExtension.class)
class PlanDialogTest extends GatehouseRobot {

    private final PooledTaskRunner runner = new PooledTaskRunner();
    private final List<String> sent = new ArrayList<>();
    private final Secret pass = Secret.of("Temporary Access Pass", "Tp9#kq4W");
    private final FakeClipboard clipboard = new FakeClipboard();

    @AfterEach
    void close() throws Exception {
        runner.close();
        FxToolkit.cleanupStages();
    }

    @Test
    void confirmRunsThePlanAndTheSecretIsShownOnceThenWipedWithTheWindow() throws Exception {
        Plan plan = new Plan("Issue Temporary Access Pass", "Alex Wilber (alex.wilber@tailspintoys.com)", "alex-id",
                List.of(new Step("tap", "Issue a one-time pass", "Creates a pass valid for 60 minutes.",
                        "Signs in with the pass and is asked to register a passkey.",
                        List.of(new GraphRequest("POST", "/users/alex-id/authentication/temporaryAccessPassMethods",
                                "{\"lifetimeInMinutes\":60,\"isUsableOnce\":true}")),
                        RequiredAccess.of("UserAuthenticationMethod.ReadWrite.All", "Authentication Administrator"),
                        Reversibility.reversible("delete the pass"), Risk.HIGH,
                        List.of("A pass does not remove the user's other methods."),
                        context -> {
                            sent.add("tap");
                            return StepResult.done("Issued a one-time pass.").withSecret(pass,
                                    Instant.parse("2026-11-23T03:05:00Z"));
                        })),
                List.of("You are acting on an account that was reported compromised."));
        SignInSituation push = SignInSituation.of(SignInMethod.PASSWORD_AND_PUSH, SignInTarget.OFFICE_365);
        PlanForecast forecast = new PlanForecast(
                new SignInForecast("signs in with password + push", List.of(new SignInVerdict(push,
                        SignInVerdict.Outcome.SIGNS_IN, false, "Signs in", List.of("Authenticator SM-A546B is registered.")))),
                new SignInForecast("signs in with the pass, then registers a passkey", List.of(new SignInVerdict(push,
                        SignInVerdict.Outcome.METHOD_UNAVAILABLE, false, "Cannot use password + push",
                        List.of("No Microsoft Authenticator is registered.")))),
                "Assumes: Conditional Access policies could not be read, so none are taken into account.");
        PlanViewModel viewModel = new PlanViewModel(plan, Optional.of(forecast),
                (cancellation, listener) -> new PlanExecutor(new MemoryJournal(), "Demo tenant", "admin@tailspintoys.com",
                        Clock.systemUTC()).execute(plan, cancellation, listener),
                runner, clipboard, () -> { }).timesIn(ZoneId.of("Australia/Sydney"));
        Stage[] dialog = new Stage[1];
        interact(() -> dialog[0] = PlanDialog.show(null, viewModel));

        Button confirm = lookup("#confirmPlan").queryButton();
        assertThat(confirm.getText()).isEqualTo("Run 1 step on Alex Wilber (alex.wilber@tailspintoys.com)");
        assertThat(lookup("#planTarget").queryAs(Label.class).getText())
                .isEqualTo("For Alex Wilber (alex.wilber@tailspintoys.com)");
        assertThat(sent).isEmpty();
        assertThat(lookup("#forecastBefore").queryAs(Label.class).getText()).isEqualTo("signs in with password + push");
        assertThat(lookup("#forecastAfter").queryAs(Label.class).getText())
                .isEqualTo("signs in with the pass, then registers a passkey");
        assertThat(lookup("#forecastAssumptions").queryAs(Label.class).getText()).startsWith("Assumes:");
        assertThat(lookup(".forecast-headline").tryQuery()).as("the details are folded away").isEmpty();
        clickOn("#forecastDetails .title");
        assertThat(lookup(".forecast-headline").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Signs in", "Cannot use password + push");

        clickOn(confirm);
        waitUntil(() -> viewModel.phaseProperty().get() == PlanPhase.FINISHED);

        assertThat(sent).containsExactly("tap");
        assertThat(lookup("#planSummary").queryAs(Label.class).getText())
                .isEqualTo("The one step of \"Issue Temporary Access Pass\" is done.");
        assertThat(lookup("#cancelPlan").queryButton().getText()).isEqualTo("Close");
        TextField value = lookup("#secretValue").queryAs(TextField.class);
        assertThat(value.getText()).isEqualTo(GraphRequest.SECRET_MASK);
        assertThat(lookup("#secretExpiry").queryAs(Label.class).getText())
                .isEqualTo("Valid until 23 Nov 2026, 14:05 (Australia/Sydney time)");
        assertThat(lookup("#revealSecret").queryAs(ToggleButton.class).getText()).isEqualTo("_Reveal");
        clickOn("#revealSecret");
        assertThat(value.getText()).isEqualTo("Tp9#kq4W");
        assertThat(lookup("#revealSecret").queryAs(ToggleButton.class).getText()).as("says what it does next")
                .isEqualTo("_Hide");
        // copying from the field itself goes through the view model, so the 60-second clearing follows it too
        clickOn(value).press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        assertThat(clipboard.text()).contains("Tp9#kq4W");
        assertThat(lookup("#clipboardStatus").queryAs(Label.class).getText()).contains("cleared in");

        clickOn("#cancelPlan");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialog[0].isShowing()).isFalse();
        assertThat(pass.isWiped()).isTrue();
    }
}
