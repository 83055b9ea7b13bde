package dev.gatehouse.graph.signin;

import dev.gatehouse.domain.tenant.SignInRequest;
import dev.gatehouse.graph.GraphCloud;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInSettingsTest {

    private static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";

    @Test
    void defaultsToAnyOrganisationInTheGlobalCloudWithTheBrowser() {
        SignInSettings settings = SignInSettings.from(new SignInRequest(null, null, CLIENT_ID, null, null),
                Path.of("cache"), false);

        assertThat(settings.tenant()).isEqualTo("organizations");
        assertThat(settings.cloud()).isEqualTo(GraphCloud.GLOBAL);
        assertThat(settings.flow()).isEqualTo(SignInRequest.Flow.INTERACTIVE_BROWSER);
        assertThat(settings.authority()).isEqualTo("https://login.microsoftonline.com/organizations/");
        assertThat(settings.allowUnprotectedTokenCache()).isFalse();
    }

    @Test
    void takesTenantCloudAndFlowFromTheRequest() {
        SignInSettings settings = SignInSettings.from(new SignInRequest("contoso.onmicrosoft.us", "usgovdod", CLIENT_ID,
                null, SignInRequest.Flow.DEVICE_CODE), Path.of("cache"), true);

        assertThat(settings.authority()).isEqualTo("https://login.microsoftonline.us/contoso.onmicrosoft.us/");
        assertThat(settings.cloud().serviceRoot()).hasToString("https://dod-graph.microsoft.us/v1.0");
        assertThat(settings.flow()).isEqualTo(SignInRequest.Flow.DEVICE_CODE);
        assertThat(settings.allowUnprotectedTokenCache()).isTrue();
    }

    @Test
    void requiresAClientId() {
        assertThatThrownBy(() -> SignInSettings.from(new SignInRequest("contoso.com", "global", " ", null, null),
                Path.of("cache"), false)).hasMessageContaining("client id");
    }
}
