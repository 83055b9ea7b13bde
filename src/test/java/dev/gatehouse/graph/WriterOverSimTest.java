package dev.gatehouse.graph;

import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantException.Kind;
import dev.gatehouse.domain.tenant.TenantWriter.IssuedPass;
import dev.gatehouse.domain.tenant.TenantWriter.TapRequest;
import dev.gatehouse.domain.user.UserProfile;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The write path over HTTP against the demo tenant ({@code compromised}, which is baseline plus Alex Wilber's
 * hijacked account), reloaded before every test. Each write is checked by reading the tenant back.
 */
class WriterOverSimTest {

    static final String ADMIN = GatewayOverSimTest.ADMIN;
    static final String AUTH_ADMIN = "patti.fernandez@tailspintoys.com";
    static final String GLOBAL_ADMIN_TARGET = "isaiah.langer@tailspintoys.com";
    static final String MEGAN = GatewayOverSimTest.NON_ADMIN;
    static final String ALEX = "alex.wilber@tailspintoys.com";
    static final String TOM = "tom.harris@tailspintoys.com";

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

    private GraphGateway gateway(String actingUpn) {
        return gateways.actingAs(sim, actingUpn);
    }

    private UserProfile profile(String upn) {
        return gateway(ADMIN).directory().findUser(upn).orElseThrow().profile();
    }

    private List<AuthMethod> methods(String upn) {
        return gateway(ADMIN).directory().authenticationMethods(upn);
    }

    @Test
    void revokingSessionsMovesSignInSessionsValidFromToNow() {
        Instant before = Instant.now().minusSeconds(1);
        GraphGateway gateway = gateway(ADMIN);

        gateway.writer().revokeSignInSessions(MEGAN);

        assertThat(profile(MEGAN).signInSessionsValidFrom()).isAfterOrEqualTo(before);
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::method, GraphCall::pathAndQuery, GraphCall::status)
                .containsExactly(tuple("POST", "/users/" + MEGAN + "/revokeSignInSessions", 200));
    }

    @Test
    void anAccountIsDisabledAndEnabledAgain() {
        GraphGateway gateway = gateway(ADMIN);

        gateway.writer().setAccountEnabled(MEGAN, false);
        assertThat(profile(MEGAN).accountEnabled()).isFalse();
        gateway.writer().setAccountEnabled(MEGAN, true);
        assertThat(profile(MEGAN).accountEnabled()).isTrue();

        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::method, GraphCall::pathAndQuery, GraphCall::status)
                .containsExactly(tuple("PATCH", "/users/" + MEGAN, 204), tuple("PATCH", "/users/" + MEGAN, 204));
    }

    @Test
    void theAttackersMethodsAreDeletedThroughTheirTypedCollectionsAndTheOthersStay() {
        List<AuthMethod> before = methods(ALEX);
        AuthMethod attackerApp = before.stream().filter(m -> m.summary().contains("SM-A546B")).findFirst().orElseThrow();
        AuthMethod attackerPhone = before.stream().filter(m -> m.summary().contains("+44")).findFirst().orElseThrow();
        GraphGateway gateway = gateway(ADMIN);

        gateway.writer().deleteMethod(ALEX, attackerApp);
        gateway.writer().deleteMethod(ALEX, attackerPhone);

        List<AuthMethod> after = methods(ALEX);
        assertThat(after).extracting(AuthMethod::id).doesNotContain(attackerApp.id(), attackerPhone.id());
        assertThat(after).hasSize(before.size() - 2)
                .extracting(AuthMethod::type).contains(MethodType.PASSWORD, MethodType.MICROSOFT_AUTHENTICATOR,
                        MethodType.PHONE);
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::method, GraphCall::pathAndQuery, GraphCall::status)
                .containsExactly(
                        tuple("DELETE", "/users/" + ALEX + "/authentication/microsoftAuthenticatorMethods/"
                                + attackerApp.id(), 204),
                        tuple("DELETE", "/users/" + ALEX + "/authentication/phoneMethods/" + attackerPhone.id(), 204));
    }

    @Test
    void thePasswordAndTypesWithoutAV1CollectionAreRefusedBeforeAnythingIsSent() {
        GraphGateway gateway = gateway(ADMIN);
        AuthMethod password = methods(ALEX).stream().filter(m -> m.type() == MethodType.PASSWORD).findFirst()
                .orElseThrow();
        AuthMethod qrCode = new AuthMethod("qr-1", MethodType.QR_CODE_PIN, "QR code + PIN", null, null);

        assertThatThrownBy(() -> gateway.writer().deleteMethod(ALEX, password))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.getMessage()).contains("password method cannot be deleted");
                });
        assertThatThrownBy(() -> gateway.writer().deleteMethod(ALEX, qrCode))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.getMessage()).contains("QR code + PIN method cannot be deleted through Microsoft "
                            + "Graph v1.0");
                });
        assertThat(gateway.callLog().snapshot()).isEmpty();
    }

    @Test
    void deletingAMethodTheUserDoesNotHaveIsNotFound() {
        AuthMethod gone = new AuthMethod("00000000-0000-0000-0000-00000000beef", MethodType.FIDO2, "YubiKey", null,
                null);

        assertThatThrownBy(() -> gateway(ADMIN).writer().deleteMethod(ALEX, gone))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.getMessage()).startsWith("The Passkey (FIDO2) method 'YubiKey' of user '" + ALEX
                            + "' was not found");
                });
    }

    @Test
    void aPasswordResetIsFollowedUntilItSucceedsAndMovesTheSessionAndPasswordDates() {
        UserProfile before = profile(MEGAN);
        Instant started = Instant.now().minusSeconds(1);
        GraphGateway gateway = gateway(ADMIN);
        String password = "Kestrel-Harbour-4417";

        gateway.writer().resetPassword(MEGAN, Secret.of("Temporary password", password));

        UserProfile after = profile(MEGAN);
        assertThat(after.lastPasswordChange()).isAfterOrEqualTo(started).isNotEqualTo(before.lastPasswordChange());
        assertThat(after.signInSessionsValidFrom()).isAfterOrEqualTo(started);
        assertThat(sim.state().read(() -> sim.state().passwordMatches(sim.state().user(MEGAN).orElseThrow(),
                password))).isTrue();
        List<GraphCall> calls = gateway.callLog().snapshot();
        assertThat(calls).extracting(GraphCall::method, GraphCall::status)
                .containsExactly(tuple("GET", 200), tuple("POST", 202), tuple("GET", 200));
        assertThat(calls.get(0).pathAndQuery()).startsWith("/me?");
        assertThat(calls.get(1).pathAndQuery()).isEqualTo("/users/" + MEGAN + "/authentication/methods/"
                + MethodType.PASSWORD_METHOD_ID + "/resetPassword");
        assertThat(calls.get(2).pathAndQuery()).matches("/users/[0-9a-f-]+/authentication/operations/[0-9a-f-]+");
        // the sim answers Retry-After: 1, and the operation reads "succeeded" only after that second
        assertThat(Duration.between(calls.get(1).startedAt().plus(calls.get(1).duration()), calls.get(2).startedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(calls).allSatisfy(call -> assertThat(call.toString()).doesNotContain(password));
        // the body is kept for "Copy as", with the password blanked before it reaches the log
        assertThat(calls.get(1).body()).isEqualTo("{\"newPassword\":\"<redacted>\"}");
    }

    @Test
    void aPassIsIssuedOnceAndASecondReplacesIt() {
        GraphGateway gateway = gateway(ADMIN);

        IssuedPass first = gateway.writer().issueTemporaryAccessPass(TOM, new TapRequest(120, true));
        IssuedPass second = gateway.writer().issueTemporaryAccessPass(TOM, new TapRequest(60, false));

        assertThat(first.code().reveal()).isNotBlank();
        assertThat(first.code().toString()).doesNotContain(first.code().reveal());
        assertThat(first.method().type()).isEqualTo(MethodType.TEMPORARY_ACCESS_PASS);
        assertThat(first.method().tap()).satisfies(tap -> {
            assertThat(tap.lifetimeMinutes()).isEqualTo(120);
            assertThat(tap.usableOnce()).isTrue();
            assertThat(tap.usable()).isTrue();
            assertThat(tap.expires()).isAfter(Instant.now().plus(Duration.ofMinutes(110)));
        });
        assertThat(second.method().id()).isNotEqualTo(first.method().id());
        assertThat(methods(TOM)).filteredOn(m -> m.type() == MethodType.TEMPORARY_ACCESS_PASS).singleElement()
                .satisfies(tap -> {
                    assertThat(tap.id()).isEqualTo(second.method().id());
                    assertThat(tap.tap().lifetimeMinutes()).isEqualTo(60);
                    assertThat(tap.tap().usableOnce()).isFalse();
                });
        assertThat(gateway.callLog().snapshot()).allSatisfy(call -> assertThat(call.toString())
                .doesNotContain(first.code().reveal()).doesNotContain(second.code().reveal()));
        assertThat(gateway.callLog().snapshot()).filteredOn(call -> call.method().equals("POST"))
                .extracting(GraphCall::body).first().asString()
                .contains("\"lifetimeInMinutes\":120").contains("\"isUsableOnce\":true");
    }

    @Test
    void aLifetimeOutsideThePolicyIsRejectedWithTheAllowedRange() {
        assertThatThrownBy(() -> gateway(ADMIN).writer().issueTemporaryAccessPass(TOM, new TapRequest(600, true)))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("between 60 and 480");
                });
        assertThat(methods(TOM)).noneMatch(m -> m.type() == MethodType.TEMPORARY_ACCESS_PASS);
    }

    @Test
    void nobodyIssuesThemselvesAPassOrResetsTheirOwnPassword() {
        GraphGateway gateway = gateway(ADMIN);
        String adeleId = profile(ADMIN).id();

        assertThatThrownBy(() -> gateway.writer().issueTemporaryAccessPass(ADMIN, new TapRequest(60, true)))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.getMessage()).contains("your own account");
                });
        assertThatThrownBy(() -> gateway.writer().resetPassword(adeleId, Secret.of("Temporary password",
                "Kestrel-Harbour-4417")))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.getMessage()).contains("reset your own password");
                });
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::method).containsExactly("GET");
    }

    @Test
    void anAuthenticationAdministratorActingOnAGlobalAdminIsToldWhichRoleItTakes() {
        GraphGateway gateway = gateway(AUTH_ADMIN);
        AuthMethod phone = methods(GLOBAL_ADMIN_TARGET).stream().filter(m -> m.type() == MethodType.PHONE)
                .findFirst().orElseThrow();

        List<Runnable> attempts = List.of(
                () -> gateway.writer().issueTemporaryAccessPass(GLOBAL_ADMIN_TARGET, new TapRequest(60, true)),
                () -> gateway.writer().resetPassword(GLOBAL_ADMIN_TARGET, Secret.of("Temporary password",
                        "Kestrel-Harbour-4417")),
                () -> gateway.writer().deleteMethod(GLOBAL_ADMIN_TARGET, phone),
                () -> gateway.writer().revokeSignInSessions(GLOBAL_ADMIN_TARGET),
                () -> gateway.writer().setAccountEnabled(GLOBAL_ADMIN_TARGET, false));
        for (Runnable attempt : attempts) {
            assertThatThrownBy(attempt::run).isInstanceOfSatisfying(TenantException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.MISSING_ROLE);
                assertThat(e.httpStatus()).isEqualTo(403);
                assertThat(e.getMessage()).contains("Privileged Authentication Administrator")
                        .contains("role-assignable group");
            });
        }
        assertThat(methods(GLOBAL_ADMIN_TARGET)).extracting(AuthMethod::id).contains(phone.id());
        assertThat(profile(GLOBAL_ADMIN_TARGET).accountEnabled()).isTrue();
    }

    @Test
    void anAuthenticationAdministratorMayIssueAPassToAnOrdinaryUser() {
        IssuedPass pass = gateway(AUTH_ADMIN).writer().issueTemporaryAccessPass(MEGAN, new TapRequest(60, true));

        assertThat(pass.method().tap().usable()).isTrue();
    }
}
