package dev.gatehouse.sim;

import dev.gatehouse.sim.state.SimUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web page the trainer opens can send forms and simple {@code fetch}es to 127.0.0.1 (CSRF) or rebind its own
 * host name to it (DNS rebinding). None of that may reset the tenant, switch the actor or register a passkey.
 */
class TrainerControlsGuardTest {

    private static final String MEGAN = "megan.bowen@tailspintoys.com";

    private SimServer sim;
    private SimHttp http;

    @BeforeEach
    void start() {
        sim = SimServer.start(SimOptions.defaults());
        http = new SimHttp(sim);
        sim.state().write(() -> sim.state().user(MEGAN).map(u -> u.accountEnabled(false)));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aControlWithoutABearerTokenIsRefusedAndChangesNothing() {
        SimHttp.Answer reset = http.send("POST", "/_demo/reset", "{}", "Content-Type", "application/json");
        SimHttp.Answer state = http.send("GET", "/_demo/state", null);

        assertThat(reset.status()).isEqualTo(401);
        assertThat(reset.errorCode()).isEqualTo("InvalidAuthenticationToken");
        assertThat(state.status()).isEqualTo(401);
        assertThat(meganEnabled()).isFalse();
    }

    @Test
    void whatAFormCanSendIsRefused() {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            SimHttp.Answer actor = http.send("POST", "/_demo/actor", "{\"userPrincipalName\": \"" + MEGAN + "\"}",
                    "Authorization", "Bearer x", "Content-Type", type);
            assertThat(actor.status()).as(type).isEqualTo(415);
            assertThat(actor.errorCode()).isEqualTo("UnsupportedMediaType");
        }
        SimHttp.Answer noType = http.send("POST", "/_demo/reset", null, "Authorization", "Bearer x");

        assertThat(noType.status()).isEqualTo(415);
        assertThat(meganEnabled()).isFalse();
        assertThat(http.get("/me").json().path("userPrincipalName").asText()).isEqualTo("adele.vance@tailspintoys.com");
    }

    @Test
    void aForeignOriginIsRefusedTheSimsOwnIsNot() {
        SimHttp.Answer foreign = http.send("POST", "/_demo/reset", "{}", "Authorization", "Bearer x",
                "Content-Type", "application/json", "Origin", "https://attacker.example");
        SimHttp.Answer opaque = http.send("POST", "/_demo/reset", "{}", "Authorization", "Bearer x",
                "Content-Type", "application/json", "Origin", "null");
        SimHttp.Answer otherLocalPort = http.send("POST", "/_demo/reset", "{}", "Authorization", "Bearer x",
                "Content-Type", "application/json", "Origin", "http://127.0.0.1:1");

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(opaque.status()).isEqualTo(403);
        assertThat(otherLocalPort.status()).isEqualTo(403);
        assertThat(meganEnabled()).isFalse();

        SimHttp.Answer own = http.send("POST", "/_demo/reset", "{}", "Authorization", "Bearer x",
                "Content-Type", "application/json", "Origin", "http://localhost:" + sim.port());
        assertThat(own.status()).isEqualTo(200);
        assertThat(meganEnabled()).isTrue();
    }

    @Test
    void aRebindedHostNameReachesNeitherTheControlsNorTheGraphApi() {
        String rebound = "Host: attacker.example:" + sim.port() + "\r\n";
        RawHttp.Answer reset = RawHttp.exchange(sim.port(), "POST /_demo/reset HTTP/1.1\r\n" + rebound
                + "Authorization: Bearer x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        RawHttp.Answer users = RawHttp.exchange(sim.port(), "GET /v1.0/users HTTP/1.1\r\n" + rebound
                + "Authorization: Bearer x\r\nConnection: close\r\n\r\n");

        assertThat(reset.status()).isEqualTo(421);
        assertThat(reset.errorCode()).isEqualTo("MisdirectedRequest");
        assertThat(users.status()).isEqualTo(421);
        assertThat(meganEnabled()).isFalse();

        RawHttp.Answer local = RawHttp.exchange(sim.port(), "POST /_demo/reset HTTP/1.1\r\nHost: localhost:" + sim.port()
                + "\r\nAuthorization: Bearer x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        assertThat(local.status()).isEqualTo(200);
        assertThat(meganEnabled()).isTrue();
    }

    @Test
    void aTrainersCurlStillWorks() {
        SimHttp.Answer actor = http.demo("POST", "/actor", "{\"userPrincipalName\": \"patti.fernandez@tailspintoys.com\"}");

        assertThat(actor.status()).isEqualTo(200);
        assertThat(http.get("/me").json().path("userPrincipalName").asText()).isEqualTo("patti.fernandez@tailspintoys.com");
    }

    private boolean meganEnabled() {
        return sim.state().read(() -> sim.state().user(MEGAN).map(SimUser::accountEnabled).orElseThrow());
    }
}
