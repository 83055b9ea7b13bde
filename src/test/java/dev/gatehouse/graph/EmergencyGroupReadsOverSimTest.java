package dev.gatehouse.graph;

import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.domain.emergency.Discovery;
import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.emergency.EmergencyGroupDiscovery;
import dev.gatehouse.domain.emergency.Evidence;
import dev.gatehouse.domain.emergency.Finding;
import dev.gatehouse.domain.emergency.GroupEvidence;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The group and role-holder reads over HTTP against the demo tenant through the real SDK, and what discovery finds on
 * the baseline, breakglass-gaps and baseline-free scenarios.
 */
class EmergencyGroupReadsOverSimTest extends OnBreakGlassScenarios {

    private static final String ADMIN = "adele.vance@tailspintoys.com";
    private static final String NO_ROLE = "megan.bowen@tailspintoys.com";
    private static final String EMERGENCY_GROUP = "Emergency Access Accounts";

    @Test
    void roleAssignableGroupsComeFromOneDefaultFilterWithoutConsistencyLevel() {
        GraphGateway gateway = gateways.actingAs(baseline, ADMIN);

        assertThat(gateway.directory().roleAssignableGroups()).extracting(GroupRef::displayName, GroupRef::roleAssignable)
                .containsExactlyInAnyOrder(tuple(EMERGENCY_GROUP, true), tuple("IT Administrators", true));
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::pathAndQuery).singleElement()
                .satisfies(path -> assertThat(path).startsWith("/groups?").contains("$filter=isAssignableToRole eq true")
                        .contains("$top=999"));
    }

    @Test
    void aGroupIsFoundByIdOrByItsExactNameAndAnUnknownOneIsEmpty() {
        TenantDirectory directory = directory(baseline, ADMIN);

        GroupRef byName = assertThat(directory.groupsNamed("emergency access accounts")).singleElement().actual();
        assertThat(byName.displayName()).isEqualTo(EMERGENCY_GROUP);
        assertThat(directory.findGroup(byName.id())).hasValue(byName);
        assertThat(directory.findGroup("00000000-0000-4000-8000-000000000000")).isEmpty();
        assertThat(directory.groupsNamed("O'Brien's \"team\" & co")).isEmpty();
    }

    @Test
    void aGroupsMembersComeWithTheirKindAndUserPrincipalName() {
        TenantDirectory directory = directory(baseline, ADMIN);
        GroupRef group = directory.groupsNamed(EMERGENCY_GROUP).get(0);

        assertThat(directory.groupMembers(group.id()))
                .extracting(DirectoryPrincipal::kind, DirectoryPrincipal::displayName, DirectoryPrincipal::userPrincipalName)
                .containsExactlyInAnyOrder(
                        tuple(DirectoryPrincipal.Kind.USER, "Emergency Access 01", "bg-admin-01@tailspintoys.onmicrosoft.com"),
                        tuple(DirectoryPrincipal.Kind.USER, "Emergency Access 02", "bg-admin-02@tailspintoys.onmicrosoft.com"));
    }

    @Test
    void globalAdministratorsAreReadWithTheDocumentedFilterAndPrincipalExpansion() {
        GraphGateway gateway = gateways.actingAs(baseline, ADMIN);

        assertThat(gateway.directory().roleHolders(DirectoryRole.GLOBAL_ADMINISTRATOR.templateId()))
                .allSatisfy(holder -> assertThat(holder.kind()).isEqualTo(DirectoryPrincipal.Kind.USER))
                .extracting(DirectoryPrincipal::userPrincipalName)
                .containsExactlyInAnyOrder(ADMIN, "isaiah.langer@tailspintoys.com",
                        "bg-admin-01@tailspintoys.onmicrosoft.com", "bg-admin-02@tailspintoys.onmicrosoft.com");
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::pathAndQuery).singleElement()
                .satisfies(path -> assertThat(path).startsWith("/roleManagement/directory/roleAssignments?")
                        .contains("$filter=roleDefinitionId eq '62e90394-69f5-4237-9190-012177145e10'")
                        .contains("$expand=principal"));
    }

    @Test
    void membersOfAGroupThatDoesNotExistAreNotFound() {
        assertThatThrownBy(() -> directory(baseline, ADMIN).groupMembers("00000000-0000-4000-8000-000000000000"))
                .isInstanceOfSatisfying(TenantException.class,
                        e -> assertThat(e.kind()).isEqualTo(TenantException.Kind.NOT_FOUND));
    }

    @Test
    void onBaselineDiscoveryProposesTheEmergencyGroupExcludedByTheThreeGeneralPolicies() {
        Discovery discovery = new EmergencyGroupDiscovery(directory(baseline, ADMIN)).discover(EmergencyAccess.notChosen());

        assertThat(discovery.unreadable()).isEmpty();
        assertThat(discovery.considered()).isEmpty();
        assertThat(discovery.proposals()).singleElement().satisfies(proposal -> {
            assertThat(proposal.group().displayName()).isEqualTo(EMERGENCY_GROUP);
            assertThat(proposal.points()).extracting(Evidence::finding)
                    .containsExactly(Finding.MET, Finding.MET, Finding.MET, Finding.NOTE);
            assertThat(proposal.points().get(1).text()).startsWith("2 members, both hold Global Administrator: "
                    + "Emergency Access 01 (bg-admin-01@tailspintoys.onmicrosoft.com), Emergency Access 02");
            assertThat(proposal.excludedBy()).containsExactly("CA001: Require multifactor authentication for all users",
                    "CA002: Block legacy authentication", "CA003: Require phishing-resistant MFA for administrators");
            assertThat(proposal.points().get(3).text()).isEqualTo("Not excluded by CA004: Emergency access accounts "
                    + "use phishing-resistant MFA (includes this group: a policy for these accounts), CA005: Finance "
                    + "requires a compliant device (pilot) (report-only).");
        });
    }

    @Test
    void onBreakglassGapsNothingIsProposedAndTheGroupThatIsNotRoleAssignableSaysWhy() {
        Discovery discovery = new EmergencyGroupDiscovery(directory(gaps, ADMIN)).discover(EmergencyAccess.notChosen());

        assertThat(discovery.proposals()).isEmpty();
        assertThat(discovery.considered()).singleElement().satisfies(considered -> {
            assertThat(considered.group().displayName()).isEqualTo(EMERGENCY_GROUP);
            assertThat(considered.roleAssignable()).isEqualTo(Finding.NOT_MET);
            assertThat(considered.globalAdministrators()).isEqualTo(Finding.MET);
            assertThat(considered.excludedBy()).containsExactly("CA002: Block legacy authentication",
                    "CA003: Require phishing-resistant MFA for administrators");
            assertThat(considered.points()).anySatisfy(p -> assertThat(p.text())
                    .contains("Not excluded by CA001: Require multifactor authentication for all users"));
        });
    }

    @Test
    void withoutEntraIdP1TheExclusionsCouldNotBeCheckedAndTheGroupIsStillOnlyAProposal() {
        Discovery discovery = new EmergencyGroupDiscovery(directory(free, ADMIN)).discover(EmergencyAccess.notChosen());

        assertThat(discovery.unreadable()).containsOnlyKeys("the Conditional Access policies");
        assertThat(discovery.proposals()).extracting(p -> p.group().displayName()).containsExactly(EMERGENCY_GROUP);
        assertThat(discovery.proposals().get(0).excluded()).isEqualTo(Finding.UNKNOWN);
        assertThat(discovery.considered()).singleElement().satisfies(considered -> {
            assertThat(considered.group().displayName()).isEqualTo("IT Administrators");
            assertThat(considered.whyNotProposed()).contains("4 members; Global Administrator held by Adele Vance")
                    .contains("not held by");
        });
    }

    @Test
    void anAdminWhoMayNotReadConditionalAccessGetsCouldNotCheckNotACrash() {
        Discovery discovery = new EmergencyGroupDiscovery(directory(baseline, NO_ROLE)).discover(EmergencyAccess.notChosen());

        assertThat(discovery.unreadable()).containsKey("the Conditional Access policies");
        assertThat(discovery.proposals()).singleElement().satisfies(proposal -> assertThat(proposal.points())
                .anySatisfy(p -> assertThat(p.text()).startsWith("Conditional Access exclusions could not be checked: ")));
    }
}
