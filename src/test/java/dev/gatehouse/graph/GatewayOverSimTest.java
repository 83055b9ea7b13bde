package dev.gatehouse.graph;

import com.microsoft.graph.models.odataerrors.ODataError;
import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.MethodConfiguration;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.SignedInAdmin;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantException.Kind;
import dev.gatehouse.domain.tenant.TenantInfo;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.user.UserPage;
import dev.gatehouse.domain.user.UserQuery;
import dev.gatehouse.domain.user.UserSummary;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The gateway over HTTP against the demo tenant's baseline scenario (no faults), through the real SDK. */
class GatewayOverSimTest {

    static final String ADMIN = "adele.vance@tailspintoys.com";
    static final String NON_ADMIN = "megan.bowen@tailspintoys.com";
    private static final int BASELINE_USERS = 40;

    private static SimServer sim;
    private final SimGateways gateways = new SimGateways();

    @BeforeAll
    static void startSim() {
        sim = SimServer.start(SimOptions.defaults());
    }

    @AfterAll
    static void stopSim() {
        sim.close();
    }

    @AfterEach
    void closeGateways() {
        gateways.close();
    }

    private GraphGateway gateway(String actingUpn) {
        return gateways.actingAs(sim, actingUpn);
    }

    @Test
    void readsTheOrganisationWithItsInitialAndDefaultDomains() {
        TenantInfo tenant = gateway(ADMIN).directory().tenant();

        assertThat(tenant.displayName()).isEqualTo("Tailspin Toys");
        assertThat(tenant.initialDomain()).isEqualTo("tailspintoys.onmicrosoft.com");
        assertThat(tenant.defaultDomain()).isNotBlank();
    }

    @Test
    void theSignedInAdminComesWithTheirRoles() {
        SignedInAdmin admin = gateway(ADMIN).directory().signedInAdmin();

        assertThat(admin.profile().userPrincipalName()).isEqualTo(ADMIN);
        assertThat(admin.holds(DirectoryRole.GLOBAL_ADMINISTRATOR)).isTrue();
    }

    @Test
    void pagesThroughEveryUserFollowingNextLinksOneRoundTripPerPage() {
        GraphGateway gateway = gateway(ADMIN);
        TenantDirectory directory = gateway.directory();
        List<UserSummary> all = new ArrayList<>();
        int pages = 0;
        UserQuery query = UserQuery.firstPage("", 7);
        while (true) {
            UserPage page = directory.searchUsers(query);
            pages++;
            all.addAll(page.users());
            assertThat(page.users().size()).isLessThanOrEqualTo(7);
            if (!page.hasMore()) {
                break;
            }
            query = query.next(page.nextCursor().orElseThrow());
        }

        assertThat(all).hasSize(BASELINE_USERS);
        assertThat(all.stream().map(UserSummary::id).distinct()).hasSize(BASELINE_USERS);
        assertThat(pages).isEqualTo((BASELINE_USERS + 6) / 7);
        assertThat(gateway.callLog().snapshot()).hasSize(pages)
                .allSatisfy(call -> assertThat(call.pathAndQuery()).startsWith("/users?"));
        assertThat(all).filteredOn(u -> u.userPrincipalName().equals("ben.walters@tailspintoys.com"))
                .singleElement().satisfies(u -> assertThat(u.accountEnabled()).isFalse());
    }

    @Test
    void searchSendsConsistencyLevelAndCountsTheMatches() {
        GraphGateway gateway = gateway(ADMIN);

        UserPage page = gateway.directory().searchUsers(UserQuery.firstPage("adele", 25));

        assertThat(page.users()).extracting(UserSummary::userPrincipalName).contains(ADMIN);
        assertThat(page.totalCount()).isPresent();
        assertThat(page.totalCount().getAsLong()).isEqualTo(page.users().size());
        GraphCall call = gateway.callLog().snapshot().get(0);
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.pathAndQuery()).contains("$search=\"displayName:adele\" OR \"userPrincipalName:adele\"")
                .contains("$count=true");
    }

    @Test
    void withoutConsistencyLevelTheSimRefusesSearchSoTheHeaderReallyMatters() {
        GraphGateway gateway = gateway(ADMIN);

        assertThatThrownBy(() -> gateway.client(PermissionSet.USERS_READ).users()
                .get(c -> c.queryParameters.search = "\"displayName:adele\""))
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(400));
    }

    @Test
    void findsAUserWithMethodsDirectRolesAndRolesThroughARoleAssignableGroupInTwoBatches() {
        GraphGateway gateway = gateway(ADMIN);

        UserDetail adele = gateway.directory().findUser(ADMIN).orElseThrow();

        assertThat(adele.profile().displayName()).isEqualTo("Adele Vance");
        assertThat(adele.profile().jobTitle()).isEqualTo("IT Manager");
        assertThat(adele.profile().createdDateTime()).isNotNull();
        assertThat(adele.methods()).extracting(AuthMethod::type).contains(MethodType.FIDO2,
                MethodType.MICROSOFT_AUTHENTICATOR, MethodType.PHONE);
        assertThat(adele.methods()).filteredOn(m -> m.type() == MethodType.FIDO2).first().satisfies(key -> {
            assertThat(key.summary()).contains("YubiKey 5 NFC");
            assertThat(key.detail("AAGUID")).isEqualTo("2fc0579f-8113-47ea-b116-555a8db9202a");
            assertThat(key.detail("Attestation")).isEqualTo("Attested");
            assertThat(key.created()).isNotNull();
        });
        assertThat(adele.roles()).anySatisfy(r -> {
            assertThat(r.is(DirectoryRole.GLOBAL_ADMINISTRATOR)).isTrue();
            assertThat(r.viaGroup()).isNull();
            assertThat(r.tenantWide()).isTrue();
        });
        assertThat(adele.roles()).anySatisfy(r -> {
            assertThat(r.roleName()).isEqualTo("Security Reader");
            assertThat(r.viaGroup()).isEqualTo("IT Administrators");
        });
        assertThat(adele.roleAssignableGroups()).extracting(g -> g.displayName()).containsExactly("IT Administrators");
        assertThat(adele.isPrivilegedTarget()).isTrue();
        List<GraphCall> calls = gateway.callLog().snapshot();
        assertThat(calls).filteredOn(call -> call.pathAndQuery().equals("/$batch"))
                .extracting(GraphCall::method).containsExactly("POST", "POST");
        List<GraphCall> inBatch = calls.stream().filter(call -> call.outcome().equals("in $batch")).toList();
        assertThat(inBatch).hasSize(5).allSatisfy(call -> assertThat(call.status()).isEqualTo(200));
        assertThat(inBatch).extracting(GraphCall::method, GraphCall::pathAndQuery)
                .contains(tuple("GET", "/users/" + ADMIN + "/authentication/methods"));
        assertThat(inBatch).extracting(GraphCall::pathAndQuery).anyMatch(path -> path.startsWith("/users/" + ADMIN
                + "/transitiveMemberOf/microsoft.graph.group?$count=true&$filter=isAssignableToRole eq true"));
    }

    /** The Activity view shows what went on the wire: {@code /me}, never the SDK's {@code /users/TokenToReplace}. */
    @Test
    void callsOnTheSignedInAdminAreLoggedAsTheUrlGraphReceived() {
        GraphGateway gateway = gateway(ADMIN);

        gateway.directory().signedInAdmin();

        List<GraphCall> calls = gateway.callLog().snapshot();
        assertThat(calls).extracting(GraphCall::pathAndQuery).noneMatch(path -> path.contains("TokenToReplace"));
        assertThat(calls).extracting(GraphCall::pathAndQuery)
                .anyMatch(path -> path.startsWith("/me?$select=id,"))
                .anyMatch(path -> path.startsWith("/me/transitiveMemberOf/microsoft.graph.group?"));
        // the same URLs as the batch's own body carries them to Graph
        assertThat(calls).filteredOn(call -> call.pathAndQuery().equals("/$batch")).first()
                .extracting(GraphCall::body).asString().contains("\"url\":\"/me?").doesNotContain("TokenToReplace");
    }

    @Test
    void aCallOnAUserByIdIsLoggedWithItsRealId() {
        GraphGateway gateway = gateway(ADMIN);
        String id = gateway.directory().findUser(ADMIN).orElseThrow().profile().id();
        int before = gateway.callLog().snapshot().size();

        gateway.directory().authenticationMethods(id);
        gateway.directory().findUser(id);

        List<GraphCall> calls = gateway.callLog().snapshot();
        assertThat(calls.subList(before, calls.size())).extracting(GraphCall::pathAndQuery)
                .contains("/users/" + id + "/authentication/methods")
                .noneMatch(path -> path.contains("TokenToReplace"));
    }

    @Test
    void findsAUserByObjectIdToo() {
        GraphGateway gateway = gateway(ADMIN);
        String id = gateway.directory().findUser(ADMIN).orElseThrow().profile().id();

        UserDetail byId = gateway.directory().findUser(id).orElseThrow();

        assertThat(byId.profile().userPrincipalName()).isEqualTo(ADMIN);
        assertThat(byId.roles()).extracting(RoleAssignment::roleName).contains("Global Administrator", "Security Reader");
    }

    @Test
    void aUserWithoutRolesOrMethodsIsAnOrdinaryTarget() {
        UserDetail christie = gateway(ADMIN).directory().findUser("christie.cline@tailspintoys.com").orElseThrow();

        assertThat(christie.roles()).isEmpty();
        assertThat(christie.roleAssignableGroups()).isEmpty();
        assertThat(christie.isPrivilegedTarget()).isFalse();
    }

    @Test
    void aGuestIsFoundByItsExtUpnDespiteTheHashSigns() {
        UserDetail guest = gateway(ADMIN).directory()
                .findUser("jordan.miller_fabrikam.com#EXT#@tailspintoys.onmicrosoft.com").orElseThrow();

        assertThat(guest.profile().isGuest()).isTrue();
        assertThat(guest.methods()).isEmpty();
    }

    @Test
    void anUnknownUserIsEmpty() {
        Optional<UserDetail> nobody = gateway(ADMIN).directory().findUser("nobody@tailspintoys.com");

        assertThat(nobody).isEmpty();
    }

    @Test
    void listingMethodsOfAnUnknownUserSaysWhoWasNotFound() {
        assertThatThrownBy(() -> gateway(ADMIN).directory().authenticationMethods("nobody@tailspintoys.com"))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
                    assertThat(e.getMessage()).startsWith("User 'nobody@tailspintoys.com' was not found");
                    assertThat(e.httpStatus()).isEqualTo(404);
                });
    }

    @Test
    void aNonAdminIsToldWhichRolesCanReadMethods() {
        GraphGateway gateway = gateway(NON_ADMIN);

        assertThatThrownBy(() -> gateway.directory().authenticationMethods(ADMIN))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MISSING_ROLE);
                    assertThat(e.getMessage()).contains("Authentication Administrator, Privileged Authentication "
                            + "Administrator or Global Reader");
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.graphCode()).isNotBlank();
                    assertThat(e.requestId()).isEqualTo(gateway.callLog().snapshot().get(0).requestId());
                });
    }

    @Test
    void aForbiddenPartOfTheLookupIsExplainedWhileTheProfileStillShows() {
        GraphGateway gateway = gateway(NON_ADMIN);
        UserDetail detail = gateway.directory().findUser(ADMIN).orElseThrow();

        assertThat(detail.profile().userPrincipalName()).isEqualTo(ADMIN);
        assertThat(detail.methods()).isEmpty();
        assertThat(detail.readable(UserDetail.Part.METHODS)).isFalse();
        assertThat(detail.whyUnreadable(UserDetail.Part.METHODS)).get().asString()
                .contains("list the user's authentication methods").contains("Authentication Administrator");
        assertThat(gateway.callLog().snapshot()).filteredOn(call -> call.status() == 403).singleElement()
                .satisfies(call -> {
                    assertThat(call.method()).isEqualTo("GET");
                    assertThat(call.pathAndQuery()).isEqualTo("/users/" + ADMIN + "/authentication/methods");
                    assertThat(call.outcome()).isEqualTo("in $batch, HTTP 403");
                    assertThat(call.failed()).isTrue();
                });
    }

    @Test
    void aTokenForAnUnknownAccountMeansSignInAgain() {
        assertThatThrownBy(() -> gateway("ghost@tailspintoys.com").directory().tenant())
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_SIGNED_IN);
                    assertThat(e.httpStatus()).isEqualTo(401);
                });
    }

    @Test
    void aBlankTokenFailsLoudlyBeforeAnythingIsSent() throws Exception {
        try (GraphGateway gateway = GraphGateway.open(ServiceRoot.parse(sim.serviceRoot()), TokenSource.fixed(""),
                new CallLog())) {
            assertThatThrownBy(() -> gateway.directory().searchUsers(UserQuery.firstPage("", 5)))
                    .isInstanceOfSatisfying(TenantException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.NOT_SIGNED_IN));
            assertThat(gateway.callLog().snapshot()).isEmpty();
        }
    }

    @Test
    void groupMembershipsAreTransitiveWithNamesAndRoleAssignability() {
        GraphGateway gateway = gateway(ADMIN);

        List<GroupRef> megan = gateway.directory().groupMemberships(NON_ADMIN);
        List<GroupRef> adele = gateway.directory().groupMemberships(ADMIN);

        assertThat(megan).extracting(GroupRef::displayName, GroupRef::roleAssignable)
                .containsExactlyInAnyOrder(tuple("All Staff", false), tuple("Passkey Pilot", false));
        assertThat(adele).extracting(GroupRef::displayName, GroupRef::roleAssignable)
                .contains(tuple("IT Administrators", true), tuple("All Staff", false));
        assertThat(gateway.callLog().snapshot()).first().satisfies(call -> assertThat(call.pathAndQuery())
                .startsWith("/users/" + NON_ADMIN + "/transitiveMemberOf/microsoft.graph.group?$count=true"));
    }

    @Test
    void theMethodsPolicyCarriesEveryConfigurationAndTheTapLimits() {
        MethodsPolicy policy = gateway(ADMIN).directory().methodsPolicy();

        assertThat(policy.configuration("fido2")).get().satisfies(fido2 -> {
            assertThat(fido2.enabled()).isTrue();
            assertThat(fido2.includeTargets()).singleElement().satisfies(t -> assertThat(t.isAllUsers()).isTrue());
        });
        assertThat(policy.configuration("Voice")).get().satisfies(voice -> assertThat(voice.enabled()).isFalse());
        assertThat(policy.configurations()).extracting(MethodConfiguration::id)
                .contains("MicrosoftAuthenticator", "Sms", "TemporaryAccessPass", "SoftwareOath", "Email");
        assertThat(policy.temporaryAccessPass()).get().satisfies(tap -> {
            assertThat(tap.minimumLifetimeMinutes()).isEqualTo(60);
            assertThat(tap.maximumLifetimeMinutes()).isEqualTo(480);
            assertThat(tap.defaultLifetimeMinutes()).isEqualTo(60);
            assertThat(tap.usableOnceOnly()).isFalse();
        });
    }

    @Test
    void conditionalAccessPoliciesComeWithTheirStrengthsFromOneRequest() {
        GraphGateway gateway = gateway(ADMIN);

        List<ConditionalAccessPolicy> policies = gateway.directory().conditionalAccessPolicies();

        assertThat(policies).hasSize(5);
        assertThat(policies).filteredOn(p -> p.displayName().startsWith("CA003")).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(ConditionalAccessPolicy.State.ENABLED);
            assertThat(p.grant().strength()).get().satisfies(strength -> {
                assertThat(strength.id()).isEqualTo("00000000-0000-0000-0000-000000000004");
                assertThat(strength.allowedCombinations()).containsExactlyInAnyOrder("windowsHelloForBusiness",
                        "fido2", "x509CertificateMultiFactor");
            });
        });
        assertThat(policies).filteredOn(p -> p.displayName().startsWith("CA001")).singleElement().satisfies(p -> {
            assertThat(p.users().includeUsers()).containsExactly("All");
            assertThat(p.grant().builtInControls()).containsExactly("mfa");
            assertThat(p.grant().strength()).isEmpty();
        });
        assertThat(policies).filteredOn(p -> p.displayName().startsWith("CA005")).singleElement()
                .satisfies(p -> assertThat(p.state()).isEqualTo(ConditionalAccessPolicy.State.REPORT_ONLY));
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::pathAndQuery)
                .containsExactly("/identity/conditionalAccess/policies");
    }

    @Test
    void withoutP1ConditionalAccessIsAMissingLicence() {
        try (SimServer free = SimServer.start(SimOptions.defaults().withScenario("baseline-free"));
             GraphGateway gateway = GraphGateway.open(ServiceRoot.parse(free.serviceRoot()),
                     TokenSource.fixed("sim-user:" + ADMIN), new CallLog())) {
            assertThatThrownBy(() -> gateway.directory().conditionalAccessPolicies())
                    .isInstanceOfSatisfying(TenantException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.MISSING_LICENCE);
                        assertThat(e.getMessage()).startsWith("Cannot read the Conditional Access policies: this "
                                + "needs Microsoft Entra ID P1 (or higher), and the tenant does not have it.");
                    });
        }
    }

    @Test
    void aTemporaryAccessPassCarriesItsState() {
        UserDetail allan = gateway(ADMIN).directory().findUser("allan.deyoung@tailspintoys.com").orElseThrow();

        assertThat(allan.methods()).filteredOn(m -> m.type() == MethodType.TEMPORARY_ACCESS_PASS).singleElement()
                .satisfies(pass -> {
                    assertThat(pass.tap()).isNotNull();
                    assertThat(pass.tap().start()).isNotNull();
                    assertThat(pass.tap().lifetimeMinutes()).isPositive();
                    assertThat(pass.tap().usabilityReason()).isNotBlank();
                    assertThat(pass.tap().expires()).isEqualTo(pass.tap().start()
                            .plus(java.time.Duration.ofMinutes(pass.tap().lifetimeMinutes())));
                });
        assertThat(allan.methods()).filteredOn(m -> m.type() != MethodType.TEMPORARY_ACCESS_PASS)
                .allSatisfy(m -> assertThat(m.tap()).isNull());
    }

    @Test
    void everyCallIsLoggedWithTheSimsRequestIdAndNoSecrets() {
        GraphGateway gateway = gateway(ADMIN);
        gateway.directory().tenant();
        gateway.directory().findUser(ADMIN);
        gateway.directory().searchUsers(UserQuery.firstPage("lee", 5));

        List<GraphCall> calls = gateway.callLog().snapshot();
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.failed()).isFalse();
            assertThat(call.toString()).doesNotContain("sim-user:");
        });
        // Graph's batch answers carry no request-id of their own: the batch's POST has it
        assertThat(calls).filteredOn(call -> call.outcome().equals("in $batch")).hasSize(5);
        calls = calls.stream().filter(call -> !call.outcome().equals("in $batch")).toList();
        assertThat(calls).hasSize(4).allSatisfy(call -> {
            assertThat(call.requestId()).isNotBlank();
            assertThat(call.duration()).isPositive();
        });
        Set<String> ids = new HashSet<>();
        calls.forEach(call -> ids.add(call.requestId()));
        assertThat(ids).hasSize(4);
    }
}
