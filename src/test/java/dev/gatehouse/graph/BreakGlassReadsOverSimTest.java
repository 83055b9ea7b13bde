package dev.gatehouse.graph;

import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.LicenceAssignment;
import dev.gatehouse.domain.tenant.SignInRecord;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.VerifiedDomain;
import dev.gatehouse.sim.SimServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The break-glass health reads over HTTP against the demo tenant through the real SDK: sign-ins on baseline (a drill
 * 80 days ago), breakglass-gaps (200 days ago) and baseline-free (no Entra ID P1), licences, owners, passkeys and the
 * verified domains.
 */
class BreakGlassReadsOverSimTest extends OnBreakGlassScenarios {

    private static final String ADMIN = "adele.vance@tailspintoys.com";
    private static final String NO_ROLE = "megan.bowen@tailspintoys.com";
    private static final String BG_01 = "bg-admin-01@tailspintoys.onmicrosoft.com";
    private static final String BG_02 = "bg-admin-02@tailspintoys.onmicrosoft.com";
    /** The baseline's Microsoft 365 Business Premium (SPB). */
    private static final String SPB = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";

    private static String id(SimServer sim, String upn) {
        return sim.state().read(() -> sim.state().user(upn).orElseThrow().id());
    }

    private static String groupId(SimServer sim, String displayName) {
        return sim.state().read(() -> sim.state().groups().stream()
                .filter(g -> g.displayName().equals(displayName)).findFirst().orElseThrow().id());
    }

    @Test
    void theLastSignInIsOneDocumentedRequestAndTellsHowLongAgoTheDrillWas() {
        GraphGateway gateway = gateways.actingAs(baseline, ADMIN);
        String bg01 = id(baseline, BG_01);

        SignInRecord last = gateway.directory().lastSignIn(bg01).orElseThrow();

        assertThat(last.succeeded()).isTrue();
        assertThat(last.appDisplayName()).isEqualTo("Azure Portal");
        assertThat(Duration.between(last.when(), baseline.state().now()).toDays()).isEqualTo(80);
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::pathAndQuery).singleElement()
                .isEqualTo("/auditLogs/signIns?$filter=userId eq '" + bg01 + "'&$top=1");
    }

    @Test
    void onBreakglassGapsTheLastSignInWas200DaysAgoAndAnAccountNeverSignedInHasNone() {
        Instant last = directory(gaps, ADMIN).lastSignIn(id(gaps, BG_01)).orElseThrow().when();

        assertThat(Duration.between(last, gaps.state().now()).toDays()).isEqualTo(200);
        assertThat(directory(baseline, ADMIN).lastSignIn(id(baseline, BG_02))).isEmpty();
    }

    @Test
    void withoutEntraIdP1TheSignInLogIsAMissingLicenceAndWithoutAReportsRoleAMissingRole() {
        assertThatThrownBy(() -> directory(free, ADMIN).lastSignIn(id(free, BG_01)))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TenantException.Kind.MISSING_LICENCE);
                    assertThat(e.graphCode()).isEqualTo("Authentication_RequestFromNonPremiumTenantOrB2CTenant");
                });
        assertThatThrownBy(() -> directory(baseline, NO_ROLE).lastSignIn(id(baseline, BG_01)))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TenantException.Kind.MISSING_ROLE);
                    assertThat(e.getMessage()).contains("Reports Reader");
                });
    }

    @Test
    void withoutEntraIdP2ThePimSchedulesAreAMissingLicenceThatNamesP2() {
        GraphGateway gateway = gateways.actingAs(baseline, ADMIN);
        String bg01 = id(baseline, BG_01);
        assertThatThrownBy(() -> gateway.directory().roleSchedules(bg01))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TenantException.Kind.MISSING_LICENCE);
                    assertThat(e.graphCode()).isEqualTo("AadPremiumLicenseRequired");
                    assertThat(e.getMessage()).contains("needs Microsoft Entra ID P2");
                });
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::pathAndQuery).singleElement()
                .isEqualTo("/roleManagement/directory/roleAssignmentSchedules?$filter=principalId eq '" + bg01 + "'");
    }

    @Test
    void theLicenceLeftOnAnEmergencyAccountIsFoundAssignedDirectly() {
        GraphGateway gateway = gateways.actingAs(gaps, ADMIN);
        String bg02 = id(gaps, BG_02);

        assertThat(gateway.directory().licenceAssignments(bg02)).containsExactly(LicenceAssignment.direct(SPB));
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::pathAndQuery).singleElement()
                .isEqualTo("/users/" + bg02 + "?$select=licenseAssignmentStates");
        assertThat(directory(baseline, ADMIN).licenceAssignments(id(baseline, BG_02))).isEmpty();
        assertThatThrownBy(() -> directory(baseline, ADMIN).licenceAssignments("00000000-0000-4000-8000-000000000000"))
                .isInstanceOfSatisfying(TenantException.class,
                        e -> assertThat(e.kind()).isEqualTo(TenantException.Kind.NOT_FOUND));
    }

    @Test
    void ownersAreReadWithTheirKind() {
        TenantDirectory directory = directory(baseline, ADMIN);

        assertThat(directory.groupOwners(groupId(baseline, "Emergency Access Accounts"))).isEmpty();
        assertThat(directory.groupOwners(groupId(baseline, "Sales")))
                .extracting(DirectoryPrincipal::kind, DirectoryPrincipal::userPrincipalName)
                .containsExactly(tuple(DirectoryPrincipal.Kind.USER, "miriam.graham@tailspintoys.com"));
        assertThatThrownBy(() -> directory.groupOwners("00000000-0000-4000-8000-000000000000"))
                .isInstanceOfSatisfying(TenantException.class,
                        e -> assertThat(e.kind()).isEqualTo(TenantException.Kind.NOT_FOUND));
    }

    @Test
    void passkeysComeWithModelAaguidAndDateAndAnAccountWithoutOneHasNone() {
        AuthMethod key = assertThat(directory(baseline, ADMIN).fido2Methods(id(baseline, BG_01))).singleElement()
                .actual();

        assertThat(key.type()).isEqualTo(MethodType.FIDO2);
        assertThat(key.detail("Model")).isEqualTo("YubiKey 5 Series");
        assertThat(key.detail("AAGUID")).isEqualTo("cb69481e-8ff7-4039-93ec-0a2729a154a8");
        assertThat(key.created()).isNotNull();
        assertThat(directory(gaps, ADMIN).fido2Methods(id(gaps, BG_01))).isEmpty();
    }

    @Test
    void verifiedDomainsComeFromTheOrganisationRead() {
        GraphGateway gateway = gateways.actingAs(baseline, ADMIN);

        assertThat(gateway.directory().verifiedDomains())
                .extracting(VerifiedDomain::name, VerifiedDomain::initial, VerifiedDomain::isDefault, VerifiedDomain::type)
                .contains(tuple("tailspintoys.com", false, true, "Managed"),
                        tuple("tailspintoys.onmicrosoft.com", true, false, "Managed"));
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::pathAndQuery).singleElement()
                .isEqualTo("/organization?$select=id,displayName,verifiedDomains");
    }
}
