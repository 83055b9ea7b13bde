package dev.gatehouse.graph;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.domain.method.RegistrationReportRead;
import dev.gatehouse.domain.method.UserRegistrationDetail;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.WhatIfQuery;
import dev.gatehouse.domain.policy.WhatIfResult;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantException.Kind;
import dev.gatehouse.domain.tenant.TenantLicences;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;
import dev.gatehouse.sim.fault.FaultSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registration-policy workspace's reads ({@link GraphTenantDirectory}) over HTTP against the demo tenant through
 * the SDK: licences, security defaults, strengths, the registration report page by page (also on {@code large:N} and
 * under the reports throttle) and What If on a user action.
 */
class RegistrationReadsOverSimTest extends OnWritableBaseline {

    static final String ADMIN = GatewayOverSimTest.ADMIN;
    static final String GLOBAL_READER = PolicyWriterOverSimTest.GLOBAL_READER;
    /** Authentication Administrator: reads methods, but no reports and no Conditional Access. */
    static final String AUTH_ADMIN = WriterOverSimTest.AUTH_ADMIN;
    static final String REPORT = "/reports/authenticationMethods/userRegistrationDetails";
    /** The demo tenant's page when no $top is sent (graph-facts §8: Graph's is UNCONFIRMED). */
    static final int SIM_PAGE = 100;

    private TenantDirectory directory(String upn) {
        return gateway(upn).directory();
    }

    private static int users() {
        return sim.state().read(() -> sim.state().userCount());
    }

    private static String userId(String upn) {
        return sim.state().read(() -> sim.state().user(upn).orElseThrow().id());
    }

    @Test
    void licencesNameTheEnabledServicePlansAndTellP1() {
        TenantLicences licences = directory(GLOBAL_READER).licences();
        assertThat(licences.entraIdP1()).isTrue();
        assertThat(licences.skuPartNumbers()).isNotEmpty();

        sim.loadScenario("baseline-free");
        TenantLicences free = directory(ADMIN).licences();
        assertThat(free.entraIdP1()).isFalse();
        assertThat(free.skuPartNumbers()).containsExactly("O365_BUSINESS_PREMIUM");
    }

    @Test
    void securityDefaultsAreOffInTheBaselineAndOnInTheFreeTenant() {
        assertThat(directory(GLOBAL_READER).securityDefaultsEnabled()).isFalse();
        sim.loadScenario("baseline-free");
        GraphGateway gateway = gateway(ADMIN);
        assertThat(gateway.directory().securityDefaultsEnabled()).isTrue();
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::pathAndQuery)
                .containsExactly("/policies/identitySecurityDefaultsEnforcementPolicy");
    }

    @Test
    void strengthsComeWithTheBuiltInOnesAndTheirCombinations() {
        List<AuthenticationStrength> strengths = directory(GLOBAL_READER).authenticationStrengths();
        assertThat(strengths).extracting(AuthenticationStrength::id).contains(
                "00000000-0000-0000-0000-000000000002", "00000000-0000-0000-0000-000000000003",
                "00000000-0000-0000-0000-000000000004");
        AuthenticationStrength phishingResistant = strengths.stream()
                .filter(s -> s.id().equals("00000000-0000-0000-0000-000000000004")).findFirst().orElseThrow();
        assertThat(phishingResistant.allowedCombinations()).contains("fido2", "windowsHelloForBusiness");
        assertThat(strengths.stream().filter(s -> s.id().equals("00000000-0000-0000-0000-000000000002"))
                .findFirst().orElseThrow().allowedCombinations())
                .as("multi-mode combinations survive (the SDK model would drop them)").contains("password,sms");
    }

    @Test
    void theReportIsHandedOverOnePageAtATimeWithOneRequestAPage() {
        List<Integer> pageSizes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        GraphGateway gateway = gateway(GLOBAL_READER);
        RegistrationReportRead read = gateway.directory().userRegistrationDetails(page -> {
            pageSizes.add(page.size());
            page.forEach(row -> ids.add(row.id()));
        });

        int users = users();
        assertThat(read.rows()).isEqualTo(users);
        assertThat(ids).hasSize(users);
        assertThat(read.requests()).isEqualTo(pageSizes.size()).isEqualTo((users + SIM_PAGE - 1) / SIM_PAGE);
        assertThat(gateway.callLog().snapshot()).first().extracting(GraphCall::pathAndQuery)
                .as("no $top: Graph documents no page size for this report").isEqualTo(REPORT);
    }

    @Test
    void aLargeTenantIsPagedThroughItsNextLinksWithoutHoldingThePages() {
        sim.loadScenario("large:2345");
        int users = users();
        List<Integer> pageSizes = new ArrayList<>();
        long[] guests = {0};
        RegistrationReportRead read = directory(ADMIN).userRegistrationDetails(page -> {
            pageSizes.add(page.size());
            guests[0] += page.stream().filter(UserRegistrationDetail::guest).count();
        });

        int pages = (users + SIM_PAGE - 1) / SIM_PAGE;
        assertThat(read).isEqualTo(new RegistrationReportRead(pages, users));
        assertThat(pageSizes).hasSize(pages).allMatch(size -> size <= SIM_PAGE);
        assertThat(pageSizes.subList(0, pages - 1)).allMatch(size -> size == SIM_PAGE);
        assertThat(guests[0]).isPositive();
    }

    @Test
    void rowsCarryTheReportsFields() {
        List<UserRegistrationDetail> rows = new ArrayList<>();
        directory(GLOBAL_READER).userRegistrationDetails(rows::addAll);
        UserRegistrationDetail admin = rows.stream().filter(r -> ADMIN.equals(r.userPrincipalName())).findFirst()
                .orElseThrow();
        assertThat(admin.admin()).isTrue();
        assertThat(admin.id()).isEqualTo(userId(ADMIN));
        assertThat(admin.lastUpdated()).isPresent();
        assertThat(rows).anyMatch(UserRegistrationDetail::guest);
        assertThat(rows).anyMatch(r -> r.methodsRegistered().contains("microsoftAuthenticatorPush"));
    }

    @Test
    void theReportNeedsP1AndAReportsRole() {
        assertThatThrownBy(() -> directory(AUTH_ADMIN).userRegistrationDetails(page -> { }))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MISSING_ROLE);
                    assertThat(e.getMessage()).contains("Reports Reader");
                });
        sim.loadScenario("baseline-free");
        assertThatThrownBy(() -> directory(ADMIN).userRegistrationDetails(page -> { }))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MISSING_LICENCE);
                    assertThat(e.getMessage()).contains("Microsoft Entra ID P1");
                });
    }

    @Test
    void anInterruptBetweenPagesEndsTheReadAsCancelledBeforeTheNextRequest() {
        sim.loadScenario("large:500");
        GraphGateway gateway = gateway(ADMIN);
        List<Integer> pages = new ArrayList<>();
        try {
            assertThatThrownBy(() -> gateway.directory().userRegistrationDetails(page -> {
                pages.add(page.size());
                Thread.currentThread().interrupt();
            })).isInstanceOfSatisfying(TenantException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CANCELLED));
        } finally {
            Thread.interrupted();
        }
        assertThat(pages).hasSize(1);
        assertThat(gateway.callLog().snapshot()).hasSize(1);
    }

    /**
     * Under the reports limit (5 requests / 10 s) the sixth page is answered 429 with Retry-After; it is waited out
     * and sent again, and that second sending counts as a request. Takes about 10 s of real time.
     */
    @Test
    void throttledPagesAreWaitedOutAndCounted() {
        try (SimServer limited = SimServer.start(SimOptions.defaults().withScenario("large:600")
                .withFaults(FaultSpec.parse("auth-methods-limit=on")));
             GraphGateway gateway = GraphGateway.open(ServiceRoot.parse(limited.serviceRoot()),
                     TokenSource.fixed("sim-user:" + ADMIN), new CallLog())) {
            int users = limited.state().read(() -> limited.state().userCount());
            int pages = (users + SIM_PAGE - 1) / SIM_PAGE;
            assertThat(pages).as("enough pages to pass the limit").isGreaterThan(5);

            RegistrationReportRead read = gateway.directory().userRegistrationDetails(page -> { });

            List<GraphCall> calls = gateway.callLog().snapshot();
            long throttled = calls.stream().filter(c -> c.status() == 429).count();
            assertThat(throttled).isPositive();
            assertThat(read.rows()).isEqualTo(users);
            assertThat(read.requests()).isEqualTo(calls.size()).isEqualTo(pages + (int) throttled);
        }
    }

    @Test
    void whatIfAsksAboutRegisteringSecurityInfoAndSaysWhyAPolicyDoesNotApply() {
        var writer = gateway(ADMIN).policyWriter();
        AuthenticationStrength strength = writer.createAuthenticationStrength(PolicyWriterOverSimTest.PASSKEY_OR_TAP);
        ConditionalAccessPolicy created = writer.createConditionalAccessPolicy(
                PolicyWriterOverSimTest.registrationPolicy(strength, groupId("Emergency Access Accounts")));
        GraphGateway gateway = gateway(GLOBAL_READER);

        List<WhatIfResult> megan = gateway.directory().whatIf(WhatIfQuery.registeringSecurityInfo(
                userId(WriterOverSimTest.MEGAN), false));
        WhatIfResult ours = megan.stream().filter(r -> r.policy().id().equals(created.id())).findFirst().orElseThrow();
        assertThat(ours.applies()).isTrue();
        assertThat(ours.analysisReasons()).isEmpty();
        assertThat(ours.policy().state()).isEqualTo(State.REPORT_ONLY);
        assertThat(ours.policy().grant().strength()).contains(strength);

        String breakGlass = sim.state().read(() -> sim.state().user("bg-admin-01@tailspintoys.onmicrosoft.com")
                .orElseThrow().id());
        WhatIfResult excluded = gateway.directory().whatIf(new WhatIfQuery(breakGlass, Optional.of(true),
                        Optional.of("windows"))).stream().filter(r -> r.policy().id().equals(created.id()))
                .findFirst().orElseThrow();
        assertThat(excluded.applies()).isFalse();
        assertThat(excluded.analysisReasons()).contains("users");
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::method, GraphCall::pathAndQuery)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("POST", "/identity/conditionalAccess/evaluate"));
    }

    @Test
    void whatIfNeedsP1() {
        sim.loadScenario("baseline-free");
        assertThatThrownBy(() -> directory(ADMIN).whatIf(WhatIfQuery.registeringSecurityInfo(userId(ADMIN), true)))
                .isInstanceOfSatisfying(TenantException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MISSING_LICENCE));
    }
}
