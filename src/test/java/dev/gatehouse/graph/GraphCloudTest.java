package dev.gatehouse.graph;

import dev.gatehouse.domain.tenant.Cloud;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphCloudTest {

    @Test
    void everyCloudTheAppOffersHasItsGraphAndSignInHosts() {
        for (Cloud cloud : Cloud.values()) {
            assertThat(GraphCloud.fromId(cloud.id()).id()).isEqualTo(cloud.id());
        }
    }

    @Test
    void eachCloudHasItsGraphServiceRootAndLoginAuthority() {
        assertThat(GraphCloud.GLOBAL.serviceRoot()).hasToString("https://graph.microsoft.com/v1.0");
        assertThat(GraphCloud.US_GOV.serviceRoot()).hasToString("https://graph.microsoft.us/v1.0");
        assertThat(GraphCloud.US_GOV_DOD.serviceRoot()).hasToString("https://dod-graph.microsoft.us/v1.0");
        assertThat(GraphCloud.CHINA.serviceRoot()).hasToString("https://microsoftgraph.chinacloudapi.cn/v1.0");

        assertThat(GraphCloud.GLOBAL.authority("contoso.onmicrosoft.com"))
                .isEqualTo("https://login.microsoftonline.com/contoso.onmicrosoft.com/");
        assertThat(GraphCloud.US_GOV.authority("organizations")).isEqualTo("https://login.microsoftonline.us/organizations/");
        assertThat(GraphCloud.US_GOV_DOD.authority("organizations")).isEqualTo("https://login.microsoftonline.us/organizations/");
        assertThat(GraphCloud.CHINA.authority("organizations")).isEqualTo("https://login.chinacloudapi.cn/organizations/");
    }

    @Test
    void qualifiesScopesWithTheCloudsGraphResource() {
        assertThat(GraphCloud.US_GOV_DOD.qualify(List.of("User.Read", "User.Read.All")))
                .containsExactly("https://dod-graph.microsoft.us/User.Read", "https://dod-graph.microsoft.us/User.Read.All");
    }

    @Test
    void knowsWhichCachedAccountEnvironmentsBelongToTheCloud() {
        assertThat(GraphCloud.GLOBAL.signsInAt("login.windows.net")).isTrue();
        assertThat(GraphCloud.GLOBAL.signsInAt("login.microsoftonline.com")).isTrue();
        assertThat(GraphCloud.GLOBAL.signsInAt("login.microsoftonline.us")).isFalse();
        assertThat(GraphCloud.US_GOV_DOD.signsInAt("login.microsoftonline.us")).isTrue();
        assertThat(GraphCloud.CHINA.signsInAt("login.partner.microsoftonline.cn")).isTrue();
        assertThat(GraphCloud.CHINA.signsInAt("login.windows.net")).isFalse();
        assertThat(GraphCloud.CHINA.signsInAt(null)).isFalse();
    }

    @Test
    void parsesTheCommandLineNames() {
        assertThat(GraphCloud.fromId("usgovdod")).isEqualTo(GraphCloud.US_GOV_DOD);
        assertThat(GraphCloud.fromId(" China ")).isEqualTo(GraphCloud.CHINA);
        assertThatThrownBy(() -> GraphCloud.fromId("germany"))
                .hasMessageContaining("Unknown cloud 'germany'").hasMessageContaining("global, usgov, usgovdod, china");
    }

    @Test
    void refusesABlankTenant() {
        assertThatThrownBy(() -> GraphCloud.GLOBAL.authority(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
