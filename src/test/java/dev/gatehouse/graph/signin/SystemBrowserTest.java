package dev.gatehouse.graph.signin;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SystemBrowserTest {

    @Test
    void theBrowserInheritsNoGatehouseVariableAndEverythingElse() {
        Map<String, String> environment = new HashMap<>(Map.of(
                "GATEHOUSE_ACCESS_TOKEN", "eyJ0eXAiOiJKV1QifQ.secret",
                "GATEHOUSE_ALLOW_UNPROTECTED_TOKEN_CACHE", "1",
                "Gatehouse_Access_Token", "eyJ0eXAiOiJKV1QifQ.secret-on-windows",
                "PATH", "/usr/bin",
                "DISPLAY", ":0"));

        SystemBrowser.withoutGatehouseVariables(environment);

        assertThat(environment).containsOnlyKeys("PATH", "DISPLAY");
    }

    @Test
    void xdgOpenIsGivenTheSignInPageAndTheCleanedEnvironment() throws Exception {
        URL page = new URL("https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?client_id=x");

        ProcessBuilder xdgOpen = SystemBrowser.xdgOpen(page);

        assertThat(xdgOpen.command()).containsExactly("xdg-open", page.toString());
        assertThat(xdgOpen.environment().keySet()).noneMatch(name -> name.toUpperCase(Locale.ROOT).startsWith("GATEHOUSE_"));
        assertThat(xdgOpen.environment()).containsKeys(System.getenv().keySet().stream()
                .filter(name -> !name.toUpperCase(Locale.ROOT).startsWith("GATEHOUSE_")).toArray(String[]::new));
    }
}
