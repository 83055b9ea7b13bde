package dev.gatehouse.app;

import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.plan.Cancellation;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.recovery.Proposal;
import dev.gatehouse.domain.recovery.RecoveryContext;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.recovery.RecoveryRequest;
import dev.gatehouse.domain.signin.SignInMethod;
import dev.gatehouse.domain.signin.SignInSituation;
import dev.gatehouse.domain.signin.SignInTarget;
import dev.gatehouse.domain.signin.SignInVerdict;
import dev.gatehouse.domain.signin.SignInVerdict.Outcome;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.ui.GatehouseRobot;
import javafx.application.Application;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in simulator in the real app on the real demo tenant. What it should say is not written here: a second
 * copy of the same scenario, read and changed through the domain, gives the verdict the window must show.
 */
class SignInSimulatorWindowTest extends GatehouseRobot {

    private static final String ALEX = "alex.wilber@tailspintoys.com";
    private static final SignInSituation PASSWORD_AND_PUSH =
            SignInSituation.of(SignInMethod.PASSWORD_AND_PUSH, SignInTarget.OFFICE_365);

    @TempDir
    Path data;

    private Application app;
    private TenantConnection twin;
    private RecoveryDesk twinDesk;

    @BeforeEach
    void open() throws Exception {
        twin = new GatehouseConnector(name -> null).connectDemo("compromised");
        twinDesk = RecoveryDesk.open(twin, data, Clock.systemUTC(), Duration.ofDays(7));
        app = openWindow(new GatehouseConnector(name -> null), "compromised");
    }

    @AfterEach
    void close() throws Exception {
        twin.close();
        closeWindow(app);
    }

    @Test
    void theAttackersAuthenticatorSignsInUntilRequireReregisterRanThenTheSimulatorSaysWhatTheDomainSays()
            throws Exception {
        openUser("alex", ALEX);
        assertThat(methods().getItems()).hasSize(5);

        clickOn("Sign-in simulator");
        SignInVerdict before = twinVerdict();
        assertThat(before.outcome()).as("the attacker's Authenticator works").isEqualTo(Outcome.SIGNS_IN);
        waitUntil(() -> headline().equals(before.headline()));
        assertThat(label("#simOutcome")).isEqualTo("Signs in");

        clickOn("#actionRequireReregister");
        waitForPlan();
        confirmPlan();
        closePlan();
        waitUntil(() -> methods().getItems().stream().noneMatch(row -> row.type() == MethodType.MICROSOFT_AUTHENTICATOR));

        RecoveryContext twinContext = twinDesk.read(ALEX);
        Proposal reregister = twinDesk.propose(twinContext, new RecoveryRequest.RequireReregister(false));
        assertThat(twinDesk.execute(twinContext, reregister, new Cancellation(), ExecutionListener.NONE).completed())
                .isTrue();
        SignInVerdict after = twinVerdict();
        assertThat(after.outcome()).isIn(Outcome.PROMPTED_TO_REGISTER, Outcome.BLOCKED);
        waitUntil(() -> headline().equals(after.headline()));
        assertThat(label("#simOutcome")).isIn("Prompted to register", "Blocked");
        assertThat(lookup("#simReasons").queryParent().getChildrenUnmodifiable()).hasSameSizeAs(after.reasons());
    }

    private SignInVerdict twinVerdict() {
        RecoveryContext context = twinDesk.read(ALEX);
        return context.simulator().simulate(context.snapshot(), PASSWORD_AND_PUSH);
    }

    private String headline() {
        return label("#simHeadline");
    }
}
