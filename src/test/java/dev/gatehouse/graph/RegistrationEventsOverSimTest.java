package dev.gatehouse.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.method.PhoneType;
import dev.gatehouse.domain.method.RegistrationEvent;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantWriter;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Method registrations read from the demo tenant's directory audit log over HTTP, through the real SDK. */
class RegistrationEventsOverSimTest {

    private static final String ADMIN = "adele.vance@tailspintoys.com";
    private static final String ALEX = "alex.wilber@tailspintoys.com";
    private static final String MEGAN = "megan.bowen@tailspintoys.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SimServer sim;
    private final SimGateways gateways = new SimGateways();

    @BeforeAll
    static void startSim() {
        sim = SimServer.start(SimOptions.defaults().withScenario("compromised"));
    }

    @AfterAll
    static void stopSim() {
        sim.close();
    }

    @BeforeEach
    void reload() {
        sim.reset();
    }

    @AfterEach
    void closeGateways() {
        gateways.close();
    }

    private List<RegistrationEvent> registrations(String actingUpn, String upn, Duration back) {
        GraphGateway gateway = gateways.actingAs(sim, actingUpn);
        String id = gateways.actingAs(sim, ADMIN).directory().findUser(upn).orElseThrow().profile().id();
        return gateway.directory().registrationEvents(id, sim.state().now().minus(back));
    }

    @Test
    void theAttackersAuthenticatorAndAlternatePhoneOfYesterdayAreInTheLog() {
        Instant yesterday = sim.state().now().minus(Duration.ofDays(1));

        List<RegistrationEvent> events = registrations(ADMIN, ALEX, Duration.ofDays(30));

        assertThat(events).extracting(RegistrationEvent::type, RegistrationEvent::phoneType)
                .as("newest first; the 'changed default' entry is not a registration")
                .containsExactly(tuple(MethodType.PHONE, PhoneType.ALTERNATE_MOBILE),
                        tuple(MethodType.MICROSOFT_AUTHENTICATOR, null));
        // the scenario's "-1d+4m" and "-1d", resolved when the sim loaded it (audit times are whole seconds)
        assertThat(events.get(0).at()).isBetween(yesterday.plusSeconds(230), yesterday.plusSeconds(240));
        assertThat(events.get(1).at()).isBetween(yesterday.minusSeconds(10), yesterday);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.initiatedBy()).isEqualTo(ALEX);
            assertThat(e.ipAddress()).isEqualTo("198.51.100.77");
        });
        assertThat(events.get(0).reason()).isEqualTo("User registered Alternate Mobile Phone");
        assertThat(registrations(ADMIN, ALEX, Duration.ofHours(12))).as("only since the given time").isEmpty();
    }

    @Test
    void aPhoneRegisteredAfterAPassSignInIsLoggedWithItsType() throws Exception {
        String meganId = gateways.actingAs(sim, ADMIN).directory().findUser(MEGAN).orElseThrow().profile().id();
        TenantWriter.IssuedPass pass = gateways.actingAs(sim, ADMIN).writer().issueTemporaryAccessPass(meganId,
                new TenantWriter.TapRequest(60, false));
        JsonNode signedIn = demo("/users/" + MEGAN + "/signIn/temporaryAccessPass",
                JSON.createObjectNode().put("temporaryAccessPass", pass.code().reveal()).toString());
        assertThat(signedIn.path("outcome").asText()).as(signedIn.toString()).isEqualTo("signedIn");
        JsonNode registered = demo("/users/" + MEGAN + "/register/phone",
                "{\"phoneNumber\": \"+61 491570199\", \"phoneType\": \"office\"}");
        assertThat(registered.path("outcome").asText()).as(registered.toString()).isEqualTo("registered");

        List<RegistrationEvent> events = registrations(ADMIN, MEGAN, Duration.ofDays(30));

        assertThat(events).extracting(RegistrationEvent::reason, RegistrationEvent::type, RegistrationEvent::phoneType,
                        RegistrationEvent::initiatedBy)
                .contains(tuple("User registered Office Phone", MethodType.PHONE, PhoneType.OFFICE, MEGAN))
                .contains(tuple("Admin registered temporary access pass method for user",
                        MethodType.TEMPORARY_ACCESS_PASS, null, ADMIN));
    }

    @Test
    void anAdminWithoutAReportsRoleIsRefusedWithTheRoleNamed() {
        assertThatThrownBy(() -> registrations(MEGAN, ALEX, Duration.ofDays(30)))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TenantException.Kind.MISSING_ROLE);
                    assertThat(e.getMessage()).contains("Reports Reader");
                });
    }

    private static JsonNode demo(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_demo" + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer trainer")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return JSON.readTree(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body());
    }
}
