package dev.gatehouse.domain.tenant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CloudTest {

    @Test
    void aServiceRootNamesItsCloudAndEverythingElseIsGlobal() {
        assertThat(Cloud.ofServiceRoot("https://graph.microsoft.us/v1.0")).isEqualTo(Cloud.US_GOV);
        assertThat(Cloud.ofServiceRoot("https://dod-graph.microsoft.us/v1.0")).isEqualTo(Cloud.US_GOV_DOD);
        assertThat(Cloud.ofServiceRoot("https://microsoftgraph.chinacloudapi.cn/v1.0")).isEqualTo(Cloud.CHINA);
        assertThat(Cloud.ofServiceRoot("https://graph.microsoft.com/v1.0")).isEqualTo(Cloud.GLOBAL);
        assertThat(Cloud.ofServiceRoot("http://127.0.0.1:41234/v1.0")).isEqualTo(Cloud.GLOBAL);
    }
}
