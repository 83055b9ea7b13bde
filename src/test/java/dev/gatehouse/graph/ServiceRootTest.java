package dev.gatehouse.graph;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceRootTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://graph.microsoft.com/v1.0", "https://graph.microsoft.us/v1.0/",
            "https://proxy.example.org/graph/v1.0", "http://127.0.0.1:8123/v1.0", "http://localhost:8123/beta",
            "http://[::1]:9000/v1.0"})
    void acceptsServiceRootsWithAVersionSegment(String url) {
        ServiceRoot root = ServiceRoot.parse(url);
        assertThat(root.toString()).doesNotEndWith("/");
    }

    @Test
    void refusesPlainHttpToAnotherMachineBecauseTheTokenWouldTravelInClearText() {
        assertThatThrownBy(() -> ServiceRoot.parse("http://graph.example.org/v1.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Refusing plain http to graph.example.org")
                .hasMessageContaining("clear text");
        assertThatThrownBy(() -> ServiceRoot.parse("http://10.0.0.5:8080/v1.0"))
                .hasMessageContaining("Refusing plain http");
    }

    @Test
    void explainsAMissingVersionSegment() {
        assertThatThrownBy(() -> ServiceRoot.parse("https://graph.microsoft.com"))
                .hasMessageContaining("no version segment").hasMessageContaining("https://graph.microsoft.com/v1.0");
    }

    @Test
    void rejectsQueriesOtherSchemesAndBlanks() {
        assertThatThrownBy(() -> ServiceRoot.parse("https://graph.microsoft.com/v1.0?x=1")).hasMessageContaining("query");
        assertThatThrownBy(() -> ServiceRoot.parse("ftp://graph.microsoft.com/v1.0")).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> ServiceRoot.parse(" ")).hasMessageContaining("empty");
    }

    @Test
    void refusesAPortOutOfRangeBeforeAnyRequestIsBuilt() {
        assertThatThrownBy(() -> ServiceRoot.parse("http://127.0.0.1:99999/v1.0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'http://127.0.0.1:99999/v1.0' has port 99999; a port is a number from 1 to 65535");
        assertThatThrownBy(() -> ServiceRoot.parse("https://graph.example.org:0/v1.0")).hasMessageContaining("port 0");
        assertThatThrownBy(() -> ServiceRoot.parse("http://127.0.0.1:80:80/v1.0")).hasMessageContaining("no valid host");
    }

    @Test
    void relativizesUrlsBelowTheRootAndResolvesThemBack() {
        ServiceRoot root = ServiceRoot.parse("http://127.0.0.1:8123/v1.0");
        String next = "http://127.0.0.1:8123/v1.0/users?$top=5&$skiptoken=abc";
        assertThat(root.relativize(next)).contains("/users?$top=5&$skiptoken=abc");
        assertThat(root.resolve("/users?$top=5&$skiptoken=abc")).isEqualTo(next);
        assertThatThrownBy(() -> root.resolve("users")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rebasesANextLinkFromGraphItselfOntoAProxyRoot() {
        ServiceRoot proxy = ServiceRoot.parse("https://proxy.example.org/graph/v1.0");
        assertThat(proxy.relativize("https://graph.microsoft.com/v1.0/users?$skiptoken=X"))
                .contains("/users?$skiptoken=X");
        assertThat(proxy.relativize("https://graph.microsoft.com/beta/users")).isEmpty();
    }

    @Test
    void onlyFiveCharacterRootPathsCanUseTheSdkBatchSerializer() {
        assertThat(ServiceRoot.parse("https://graph.microsoft.com/v1.0").supportsSdkBatch()).isTrue();
        assertThat(ServiceRoot.parse("https://graph.microsoft.com/beta").supportsSdkBatch()).isTrue();
        assertThat(ServiceRoot.parse("https://proxy.example.org/graph/v1.0").supportsSdkBatch()).isFalse();
    }

    @Test
    void reportsHostAndVersion() {
        ServiceRoot root = ServiceRoot.parse("https://Graph.Microsoft.US/v1.0");
        assertThat(root.host()).isEqualTo("graph.microsoft.us");
        assertThat(root.version()).isEqualTo("v1.0");
        assertThat(root.isHttps()).isTrue();
    }
}
