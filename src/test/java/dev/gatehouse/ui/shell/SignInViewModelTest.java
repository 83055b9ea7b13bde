package dev.gatehouse.ui.shell;

import dev.gatehouse.domain.tenant.SignInRequest.Flow;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.fake.FakeConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignInViewModelTest {

    private static final String CLIENT_ID = "2f4a9a3c-1b7e-4c55-8f0d-6a3e9b1c2d7f";

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final FakeConnector connector = new FakeConnector();
    private final List<TenantConnection> connected = new ArrayList<>();
    private final SignInViewModel form = new SignInViewModel(connector, runner, connected::add);

    @ParameterizedTest
    @CsvSource(textBlock = """
            '',                                      2f4a9a3c-1b7e-4c55-8f0d-6a3e9b1c2d7f, Enter the tenant ID
            'contoso',                               2f4a9a3c-1b7e-4c55-8f0d-6a3e9b1c2d7f, The tenant must be a tenant ID
            'contoso.onmicrosoft.com',               not-a-guid,                           The client ID is the Application (client) ID
            'contoso.onmicrosoft.com',               2f4a9a3c-1b7e-4c55-8f0d-6a3e9b1c2d7f, ''
            ' 72f988bf-86f1-41af-91ab-2d7cd011db47', 2f4a9a3c-1b7e-4c55-8f0d-6a3e9b1c2d7f, ''
            'organizations',                         2f4a9a3c-1b7e-4c55-8f0d-6a3e9b1c2d7f, ''
            """)
    void theFormSaysWhatIsMissing(String tenant, String clientId, String problem) {
        form.tenantProperty().set(tenant);
        form.clientIdProperty().set(clientId);

        assertThat(form.problemProperty().get()).startsWith(problem == null ? "" : problem);
        assertThat(form.validProperty().get()).isEqualTo(problem == null || problem.isEmpty());
    }

    @Test
    void deviceCodeSignInShowsTheCodeThenHandsOverTheConnection() {
        runner.holdTasks();
        fillIn();
        form.flowProperty().set(Flow.DEVICE_CODE);

        form.signIn();
        assertThat(form.signingInProperty().get()).isTrue();
        assertThat(form.progressProperty().get()).isEqualTo("Requesting a device code\u2026");
        runner.onlyPending().complete();

        assertThat(form.deviceCodeProperty().get()).isEqualTo("GH7-K2Q-9ZT");
        assertThat(form.verificationUriProperty().get()).isEqualTo("https://microsoft.com/devicelogin");
        assertThat(form.connectedProperty().get()).isTrue();
        assertThat(connected).extracting(TenantConnection::label).containsExactly("contoso.onmicrosoft.com");
        assertThat(form.signingInProperty().get()).isFalse();
    }

    @Test
    void aFailedSignInIsExplainedAndTheFormStaysOpen() {
        connector.failNextConnect(new TenantException(TenantException.Kind.NOT_SIGNED_IN,
                "Sign-in was cancelled in the browser."));
        fillIn();

        form.signIn();

        assertThat(form.errorProperty().get()).isEqualTo("Sign-in was cancelled in the browser.");
        assertThat(form.connectedProperty().get()).isFalse();
        assertThat(form.signingInProperty().get()).isFalse();
        assertThat(connected).isEmpty();
    }

    @Test
    void cancellingDropsTheSignInAndClosesALateConnection() {
        runner.holdTasks();
        fillIn();
        form.signIn();
        var attempt = runner.onlyPending();

        form.cancel();
        attempt.complete();

        assertThat(form.signingInProperty().get()).isFalse();
        assertThat(form.deviceCodeProperty().get()).isEmpty();
        assertThat(connected).isEmpty();
        assertThat(connector.opened().get(0).closed()).isTrue();
    }

    @Test
    void anInvalidFormDoesNotStartASignIn() {
        form.signIn();

        assertThat(runner.started()).isEmpty();
    }

    private void fillIn() {
        form.tenantProperty().set("contoso.onmicrosoft.com");
        form.clientIdProperty().set(CLIENT_ID);
    }
}
