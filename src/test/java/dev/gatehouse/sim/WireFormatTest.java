package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Shapes, headers and errors of the basic endpoints, compared with the Graph v1.0 documentation. */
class WireFormatTest extends OnBaseline {

    @Test
    void serviceRootIsLoopbackWithVersion() {
        assertThat(sim.serviceRoot()).matches("http://127\\.0\\.0\\.1:\\d+/v1\\.0");
    }

    @Test
    void meReturnsTheSignedInAdminWithTheDefaultPropertySet() {
        SimHttp.Answer me = http.get("/me");
        assertThat(me.status()).isEqualTo(200);
        JsonNode body = me.json();
        assertThat(body.path("@odata.context").asText()).isEqualTo(sim.serviceRoot() + "/$metadata#users/$entity");
        assertThat(fieldNames(body)).containsExactly("@odata.context", "businessPhones", "displayName", "givenName",
                "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname",
                "userPrincipalName", "id");
        assertThat(body.path("userPrincipalName").asText()).isEqualTo("adele.vance@tailspintoys.com");
        assertThat(body.has("@odata.type")).isFalse();
    }

    @Test
    void responsesCarryGraphHeaders() {
        SimHttp.Answer answer = http.get("/me", "client-request-id", "5f3f7c52-9a3e-4d5e-8c61-1f9a4f2d9e11");
        assertThat(answer.header("client-request-id")).isEqualTo("5f3f7c52-9a3e-4d5e-8c61-1f9a4f2d9e11");
        assertThat(answer.header("request-id")).matches("[0-9a-f-]{36}");
        assertThat(answer.header("Date")).isNotBlank();
        assertThat(answer.header("Content-Type")).startsWith("application/json;odata.metadata=minimal");
    }

    @Test
    void organizationListsTheInitialAndCustomDomains() {
        JsonNode body = http.get("/organization").json();
        assertThat(body.path("@odata.context").asText()).endsWith("/$metadata#organization");
        JsonNode organization = body.path("value").get(0);
        assertThat(organization.path("displayName").asText()).isEqualTo("Tailspin Toys");
        List<String> domains = new ArrayList<>();
        organization.path("verifiedDomains").forEach(d -> domains.add(d.path("name").asText() + ":"
                + d.path("isInitial").asBoolean()));
        assertThat(domains).containsExactlyInAnyOrder("tailspintoys.com:false", "tailspintoys.onmicrosoft.com:true");
    }

    @Test
    void missingTokenIs401WithGraphsBody() {
        SimHttp.Answer answer = http.send("GET", "/v1.0/me", null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.errorCode()).isEqualTo("InvalidAuthenticationToken");
        assertThat(answer.errorMessage()).isEqualTo("Access token is empty.");
        JsonNode inner = answer.json().path("error").path("innerError");
        assertThat(inner.path("request-id").asText()).isEqualTo(answer.header("request-id"));
        assertThat(inner.path("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void emptyBearerTokenIs401() {
        SimHttp.Answer answer = http.send("GET", "/v1.0/me", null, "Authorization", "Bearer ");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.errorCode()).isEqualTo("InvalidAuthenticationToken");
    }

    @Test
    void tokenForAnUnknownUserIs401() {
        SimHttp.Answer answer = http.getAs("nobody@tailspintoys.com", "/me");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.errorCode()).isEqualTo("InvalidAuthenticationToken");
    }

    @Test
    void simUserTokenActsAsThatUser() {
        JsonNode me = http.getAs("megan.bowen@tailspintoys.com", "/me").json();
        assertThat(me.path("displayName").asText()).isEqualTo("Megan Bowen");
    }

    @Test
    void unknownUserIs404RequestResourceNotFound() {
        SimHttp.Answer answer = http.get("/users/nobody@tailspintoys.com");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo("Request_ResourceNotFound");
        assertThat(answer.errorMessage()).isEqualTo("Resource 'nobody@tailspintoys.com' does not exist or one of its "
                + "queried reference-property objects are not present.");
    }

    @Test
    void unknownSegmentIs400AndNeverHtml() {
        SimHttp.Answer answer = http.get("/usres");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("BadRequest");
        assertThat(answer.errorMessage()).isEqualTo("Resource not found for the segment 'usres'.");
        SimHttp.Answer deeper = http.get("/users/adele.vance@tailspintoys.com/photos2");
        assertThat(deeper.errorMessage()).isEqualTo("Resource not found for the segment 'photos2'.");
    }

    @Test
    void pathsOutsideTheServiceRootGetJsonErrors() {
        SimHttp.Answer answer = http.send("GET", "/beta/me", null, "Authorization", "Bearer x");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.errorCode()).isEqualTo("NotFound");
    }

    @Test
    void wrongMethodOnAKnownPathIs405() {
        SimHttp.Answer answer = http.send("DELETE", "/v1.0/organization", null, "Authorization", "Bearer x");
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.errorCode()).isEqualTo("Request_BadRequest");
    }

    @Test
    void userBySelectReturnsOnlyTheSelectedProperties() {
        JsonNode body = http.get("/users/irvin.sayers@tailspintoys.com?$select=id,accountEnabled,onPremisesSyncEnabled,"
                + "signInSessionsValidFromDateTime").json();
        assertThat(body.path("@odata.context").asText()).endsWith(
                "$metadata#users(id,accountEnabled,onPremisesSyncEnabled,signInSessionsValidFromDateTime)/$entity");
        assertThat(fieldNames(body)).containsExactly("@odata.context", "id", "accountEnabled", "onPremisesSyncEnabled",
                "signInSessionsValidFromDateTime");
        assertThat(body.path("onPremisesSyncEnabled").asBoolean()).isTrue();
        assertThat(body.path("signInSessionsValidFromDateTime").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    }

    @Test
    void cloudOnlyUserHasNullSyncState() {
        JsonNode body = http.get("/users/bg-admin-01@tailspintoys.onmicrosoft.com?$select=onPremisesSyncEnabled,mail")
                .json();
        assertThat(body.path("onPremisesSyncEnabled").isNull()).isTrue();
        assertThat(body.path("mail").isNull()).isTrue();
    }

    @Test
    void selectingAnUnknownPropertyIs400() {
        SimHttp.Answer answer = http.get("/users?$select=id,favouriteColour");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorMessage()).isEqualTo(
                "Could not find a property named 'favouriteColour' on type 'microsoft.graph.user'.");
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
