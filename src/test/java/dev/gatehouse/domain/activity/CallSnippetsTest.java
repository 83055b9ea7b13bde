package dev.gatehouse.domain.activity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CallSnippetsTest {

    private static final String USER = "2e84a8ae-84fd-31f1-b8a5-0c504b5303ed";
    private final CallSnippets demo = new CallSnippets("http://127.0.0.1:40123/v1.0");
    private final CallSnippets graph = new CallSnippets("https://graph.microsoft.com/v1.0");

    private static GraphCall call(String method, String path, String body) {
        return new GraphCall(Instant.EPOCH, method, path, 200, Duration.ofMillis(5), "rid", "", body);
    }

    @Test
    void aReadOnTheDemoTenantIsWrittenForMicrosoftGraphAndSaysSo() {
        String snippet = demo.invokeMgGraphRequest(call("GET", "/users/" + USER + "/authentication/methods", null));

        assertThat(snippet).isEqualTo("""
                # Sent to the demo tenant; written here for Microsoft Graph (https://graph.microsoft.com/v1.0).
                Invoke-MgGraphRequest -Method GET -Uri 'https://graph.microsoft.com/v1.0/users/%s/authentication/methods'"""
                .formatted(USER));
        assertThat(demo.curl(call("GET", "/organization", null))).doesNotContain("127.0.0.1");
    }

    @Test
    void aRealTenantsCallHasNoDemoNoteAndKeepsItsCloud() {
        CallSnippets usGov = new CallSnippets("https://graph.microsoft.us/v1.0");

        assertThat(graph.invokeMgGraphRequest(call("GET", "/organization", null)))
                .isEqualTo("Invoke-MgGraphRequest -Method GET -Uri 'https://graph.microsoft.com/v1.0/organization'");
        assertThat(usGov.curl(call("GET", "/organization", null)))
                .contains("curl -X GET 'https://graph.microsoft.us/v1.0/organization'");
    }

    @Test
    void aWriteCarriesItsBodyAndContentType() {
        GraphCall issue = call("POST", "/users/" + USER + "/authentication/temporaryAccessPassMethods",
                "{\"lifetimeInMinutes\":60,\"isUsableOnce\":true}");

        assertThat(graph.invokeMgGraphRequest(issue)).isEqualTo("Invoke-MgGraphRequest -Method POST -Uri "
                + "'https://graph.microsoft.com/v1.0/users/" + USER + "/authentication/temporaryAccessPassMethods'"
                + " -Body '{\"lifetimeInMinutes\":60,\"isUsableOnce\":true}' -ContentType 'application/json'");
        assertThat(graph.curl(issue)).isEqualTo("""
                # Put an access token for Microsoft Graph in TOKEN first; it is not part of this snippet.
                curl -X POST 'https://graph.microsoft.com/v1.0/users/%s/authentication/temporaryAccessPassMethods' \\
                  -H "Authorization: Bearer $TOKEN" \\
                  -H 'Content-Type: application/json' \\
                  -d '{"lifetimeInMinutes":60,"isUsableOnce":true}'""".formatted(USER));
        assertThat(graph.cmdlet(issue)).contains("""
                $params = @{
                    lifetimeInMinutes = 60
                    isUsableOnce = $true
                }
                New-MgUserAuthenticationTemporaryAccessPassMethod -UserId '%s' -BodyParameter $params""".formatted(USER));
    }

    @Test
    void aRedactedSecretIsPointedOutAndNeverFilledIn() {
        GraphCall reset = call("POST", "/users/" + USER + "/authentication/methods/28c10230-6103-485e-b985-444c60001490"
                + "/resetPassword", "{\"newPassword\":\"<redacted>\"}");

        assertThat(graph.invokeMgGraphRequest(reset)).startsWith(
                "# The secret is not shown: replace <redacted> before you run it.\n");
        assertThat(graph.curl(reset)).contains("-d '{\"newPassword\":\"<redacted>\"}'");
        assertThat(graph.cmdlet(reset)).get().asString().contains("newPassword = '<redacted>'")
                .contains("Reset-MgUserAuthenticationMethodPassword -UserId '" + USER
                        + "' -AuthenticationMethodId '28c10230-6103-485e-b985-444c60001490' -BodyParameter $params");
    }

    @Test
    void queriesAreQuotedForTheShellAndDollarSignsStayLiteralInPowerShell() {
        GraphCall roles = call("GET", "/roleManagement/directory/roleAssignments?$expand=roleDefinition"
                + "&$filter=principalId eq '" + USER + "'", null);

        assertThat(graph.invokeMgGraphRequest(roles)).isEqualTo("Invoke-MgGraphRequest -Method GET -Uri "
                + "'https://graph.microsoft.com/v1.0/roleManagement/directory/roleAssignments?$expand=roleDefinition"
                + "&$filter=principalId%20eq%20''" + USER + "'''");
        assertThat(graph.curl(roles)).contains("curl -X GET 'https://graph.microsoft.com/v1.0/roleManagement/directory/"
                + "roleAssignments?$expand=roleDefinition&$filter=principalId%20eq%20'\\''" + USER + "'\\'''");
    }

    @Test
    void aSearchSendsConsistencyLevelAsGraphRequires() {
        GraphCall search = call("GET", "/users?$search=\"displayName:ad\"&$count=true", null);

        assertThat(graph.invokeMgGraphRequest(search)).contains("-Headers @{ ConsistencyLevel = 'eventual' }")
                .contains("$search=%22displayName:ad%22");
        assertThat(graph.curl(search)).contains("-H 'ConsistencyLevel: eventual'");
    }

    @Test
    void cmdletsComeFromTheTableAndOtherwiseThereIsNone() {
        assertThat(graph.cmdlet(call("DELETE", "/users/" + USER + "/authentication/fido2Methods/k1", null)))
                .contains("Remove-MgUserAuthenticationFido2Method -UserId '" + USER
                        + "' -Fido2AuthenticationMethodId 'k1'");
        assertThat(graph.cmdlet(call("POST", "/users/" + USER + "/revokeSignInSessions", null)))
                .contains("Revoke-MgUserSignInSession -UserId '" + USER + "'");
        assertThat(graph.cmdlet(call("GET", "/users/" + USER + "?$select=id,displayName", null)))
                .contains("Get-MgUser -UserId '" + USER + "'");
        assertThat(demo.cmdlet(call("GET", "/identity/conditionalAccess/policies", null)))
                .contains("# Sent to the demo tenant; written here for Microsoft Graph (https://graph.microsoft.com/v1.0)."
                        + "\nGet-MgIdentityConditionalAccessPolicy");
        assertThat(graph.cmdlet(call("POST", "/$batch", null))).isEmpty();
        assertThat(graph.cmdlet(call("GET", "/me", null))).isEmpty();
        // a write whose body the log did not keep gets no cmdlet rather than one that would send nothing
        assertThat(graph.cmdlet(call("PATCH", "/users/" + USER, null))).isEmpty();
    }
}
