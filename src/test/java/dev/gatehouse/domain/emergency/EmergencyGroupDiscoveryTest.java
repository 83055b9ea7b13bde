package dev.gatehouse.domain.emergency;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.SignedInAdmin;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantInfo;
import dev.gatehouse.domain.user.SyncState;
import dev.gatehouse.domain.user.UserProfile;
import dev.gatehouse.domain.user.UserType;
import dev.gatehouse.ui.fake.FakeDirectory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Discovery's rules: what it proposes, what it shows and does not propose, and what it could not check. */
class EmergencyGroupDiscoveryTest {

    private static final String GA = DirectoryRole.GLOBAL_ADMINISTRATOR.templateId();

    private static final DirectoryPrincipal BG1 = user("11111111-0000-4000-8000-000000000001", "Emergency Access 01");
    private static final DirectoryPrincipal BG2 = user("11111111-0000-4000-8000-000000000002", "Emergency Access 02");
    private static final DirectoryPrincipal ADELE = user("11111111-0000-4000-8000-000000000003", "Adele Vance");
    private static final DirectoryPrincipal LEE = user("11111111-0000-4000-8000-000000000004", "Lee Gu");

    private static final GroupRef VAULT = new GroupRef("22222222-0000-4000-8000-000000000001", "Emergency Access Accounts",
            true);
    private static final GroupRef IT_ADMINS = new GroupRef("22222222-0000-4000-8000-000000000002", "IT Administrators",
            true);
    private static final GroupRef PLAIN_VAULT = new GroupRef("22222222-0000-4000-8000-000000000003",
            "Emergency Access Accounts", false);
    private static final GroupRef FINANCE = new GroupRef("22222222-0000-4000-8000-000000000004", "Finance", false);

    private static DirectoryPrincipal user(String id, String name) {
        return new DirectoryPrincipal(id, name, name.toLowerCase().replace(' ', '.') + "@contoso.onmicrosoft.com",
                DirectoryPrincipal.Kind.USER);
    }

    private static ConditionalAccessPolicy policy(String name, State state, Set<String> includeGroups,
                                                  Set<String> excludeGroups) {
        return new ConditionalAccessPolicy(name.toLowerCase(), name, state,
                new ConditionalAccessPolicy.Users(Set.of("All"), Set.of(), includeGroups, excludeGroups, Set.of(),
                        Set.of(), false, false),
                Set.of("All"), Set.of(), Set.of(), new ConditionalAccessPolicy.Grant(false, Set.of("mfa"),
                Optional.empty()), Optional.empty());
    }

    private static FakeDirectory tenant() {
        UserProfile me = new UserProfile(ADELE.id(), ADELE.displayName(), ADELE.userPrincipalName(), null,
                UserType.MEMBER, true, SyncState.CLOUD_ONLY, null, null, null, null, null);
        return new FakeDirectory(new TenantInfo("33333333-0000-4000-8000-000000000001", "Contoso",
                "contoso.onmicrosoft.com", "contoso.com"), new SignedInAdmin(me, List.of()), List.of(),
                id -> Optional.empty(), new CallLog());
    }

    /** Baseline's shape: the vault group holds the two emergency accounts and three policies exclude it. */
    private static FakeDirectory baselineLike() {
        return tenant()
                .withRoleHolders(GA, ADELE, BG1, BG2)
                .withGroup(VAULT, BG1, BG2)
                .withGroup(IT_ADMINS, ADELE, LEE)
                .withGroup(FINANCE, LEE)
                .withConditionalAccess(List.of(
                        policy("CA001 MFA for all", State.ENABLED, Set.of(), Set.of(VAULT.id())),
                        policy("CA002 Block legacy", State.ENABLED, Set.of(), Set.of(VAULT.id())),
                        policy("CA004 Emergency accounts", State.ENABLED, Set.of(VAULT.id()), Set.of()),
                        policy("CA005 Finance pilot", State.REPORT_ONLY, Set.of(FINANCE.id()), Set.of()),
                        policy("CA009 Old", State.DISABLED, Set.of(), Set.of(IT_ADMINS.id()))));
    }

    @Test
    void proposesTheRoleAssignableGroupOfGlobalAdminsThatPoliciesExcludeWithItsEvidencePointByPoint() {
        Discovery discovery = new EmergencyGroupDiscovery(baselineLike()).discover(EmergencyAccess.notChosen());

        assertThat(discovery.proposals()).singleElement().satisfies(proposal -> {
            assertThat(proposal.group()).isEqualTo(VAULT);
            assertThat(proposal.points()).extracting(Evidence::finding)
                    .containsExactly(Finding.MET, Finding.MET, Finding.MET, Finding.NOTE);
            assertThat(proposal.points().get(0).text()).startsWith("Role-assignable");
            assertThat(proposal.points().get(1).text()).isEqualTo("2 members, both hold Global Administrator: "
                    + "Emergency Access 01 (emergency.access.01@contoso.onmicrosoft.com), Emergency Access 02 "
                    + "(emergency.access.02@contoso.onmicrosoft.com).");
            assertThat(proposal.points().get(2).text()).isEqualTo("Excluded by 2 of the 4 enabled or report-only "
                    + "Conditional Access policies: CA001 MFA for all, CA002 Block legacy.");
            assertThat(proposal.points().get(3).text()).isEqualTo("Not excluded by CA004 Emergency accounts (includes "
                    + "this group: a policy for these accounts), CA005 Finance pilot (report-only).");
        });
        assertThat(discovery.chosen()).isEmpty();
        assertThat(discovery.unreadable()).isEmpty();
    }

    @Test
    void aGroupWhereOnlySomeMembersAreGlobalAdminsAndNoPolicyExcludesItIsNotEvenShown() {
        Discovery discovery = new EmergencyGroupDiscovery(baselineLike()).discover(EmergencyAccess.notChosen());

        assertThat(discovery.considered()).extracting(GroupEvidence::group).doesNotContain(IT_ADMINS);
        assertThat(discovery.proposals()).extracting(GroupEvidence::group).doesNotContain(IT_ADMINS);
    }

    @Test
    void aGroupThatIsNotRoleAssignableIsShownButNotProposed() {
        FakeDirectory tenant = tenant().withRoleHolders(GA, BG1, BG2).withGroup(PLAIN_VAULT, BG1, BG2)
                .withConditionalAccess(List.of(policy("CA002 Block legacy", State.ENABLED, Set.of(),
                        Set.of(PLAIN_VAULT.id())), policy("CA001 MFA for all", State.ENABLED, Set.of(), Set.of())));

        Discovery discovery = new EmergencyGroupDiscovery(tenant).discover(EmergencyAccess.notChosen());

        assertThat(discovery.proposals()).isEmpty();
        assertThat(discovery.considered()).singleElement().satisfies(considered -> {
            assertThat(considered.roleAssignable()).isEqualTo(Finding.NOT_MET);
            assertThat(considered.globalAdministrators()).isEqualTo(Finding.MET);
            assertThat(considered.excludedBy()).containsExactly("CA002 Block legacy");
            assertThat(considered.whyNotProposed()).startsWith("Not role-assignable")
                    .contains("cannot be made role-assignable");
        });
        assertThat(discovery.summary()).startsWith("Discovery proposes no group");
    }

    @Test
    void aRoleAssignableGroupOfGlobalAdminsThatNoPolicyExcludesIsShownButNotProposed() {
        FakeDirectory tenant = tenant().withRoleHolders(GA, BG1, BG2).withGroup(VAULT, BG1, BG2)
                .withConditionalAccess(List.of(policy("CA001 MFA for all", State.ENABLED, Set.of(), Set.of())));

        Discovery discovery = new EmergencyGroupDiscovery(tenant).discover(EmergencyAccess.notChosen());

        assertThat(discovery.proposals()).isEmpty();
        assertThat(discovery.considered()).singleElement().satisfies(considered -> assertThat(considered.points())
                .anySatisfy(p -> assertThat(p).isEqualTo(new Evidence(Finding.NOT_MET,
                        "Excluded by none of the 1 enabled or report-only Conditional Access policies."))));
    }

    @Test
    void anExclusionInADisabledPolicyDoesNotCount() {
        FakeDirectory tenant = tenant().withRoleHolders(GA, BG1).withGroup(VAULT, BG1)
                .withConditionalAccess(List.of(policy("CA009 Old", State.DISABLED, Set.of(), Set.of(VAULT.id())),
                        policy("CA001 MFA for all", State.ENABLED, Set.of(), Set.of())));

        assertThat(new EmergencyGroupDiscovery(tenant).discover(EmergencyAccess.notChosen()).proposals()).isEmpty();
    }

    @Test
    void withoutConditionalAccessTheExclusionsAreCouldNotCheckAndTheGroupIsStillProposedForConfirmation() {
        FakeDirectory tenant = tenant().withRoleHolders(GA, BG1, BG2).withGroup(VAULT, BG1, BG2)
                .refuseConditionalAccess(new TenantException(TenantException.Kind.MISSING_LICENCE,
                        "Conditional Access needs Microsoft Entra ID P1."));

        Discovery discovery = new EmergencyGroupDiscovery(tenant).discover(EmergencyAccess.notChosen());

        assertThat(discovery.proposals()).singleElement().satisfies(proposal -> {
            assertThat(proposal.excluded()).isEqualTo(Finding.UNKNOWN);
            assertThat(proposal.points()).contains(new Evidence(Finding.UNKNOWN, "Conditional Access exclusions could "
                    + "not be checked: Conditional Access needs Microsoft Entra ID P1."));
        });
        assertThat(discovery.unreadable()).containsEntry("the Conditional Access policies",
                "Conditional Access needs Microsoft Entra ID P1.");
    }

    @Test
    void whenRoleHoldersCannotBeReadNothingIsProposedAndTheExcludedGroupSaysWhy() {
        FakeDirectory tenant = tenant().withGroup(VAULT, BG1, BG2)
                .withConditionalAccess(List.of(policy("CA001 MFA for all", State.ENABLED, Set.of(), Set.of(VAULT.id()))));
        tenant.failNext(new TenantException(TenantException.Kind.MISSING_ROLE, "Needs Directory Readers."));

        Discovery discovery = new EmergencyGroupDiscovery(tenant).discover(EmergencyAccess.notChosen());

        assertThat(discovery.proposals()).isEmpty();
        assertThat(discovery.considered()).singleElement().satisfies(considered -> {
            assertThat(considered.globalAdministrators()).isEqualTo(Finding.UNKNOWN);
            assertThat(considered.whyNotProposed()).contains("who holds Global Administrator could not be read: "
                    + "Needs Directory Readers.");
        });
        assertThat(discovery.unreadable()).containsKey("who holds Global Administrator");
    }

    @Test
    void membersHoldingTheRoleThroughTheGroupItselfCount() {
        DirectoryPrincipal vaultAsHolder = new DirectoryPrincipal(VAULT.id(), VAULT.displayName(), null,
                DirectoryPrincipal.Kind.GROUP);
        FakeDirectory tenant = tenant().withRoleHolders(GA, vaultAsHolder).withGroup(VAULT, BG1, BG2)
                .withConditionalAccess(List.of(policy("CA001 MFA for all", State.ENABLED, Set.of(), Set.of(VAULT.id()))));

        Discovery discovery = new EmergencyGroupDiscovery(tenant).discover(EmergencyAccess.notChosen());

        assertThat(discovery.proposals()).singleElement().satisfies(proposal -> assertThat(proposal.points().get(1)
                .text()).contains("Emergency Access 01 (emergency.access.01@contoso.onmicrosoft.com) (through "
                + "Emergency Access Accounts)"));
    }

    @Test
    void aMemberWhoIsNotAGlobalAdministratorKeepsTheGroupFromBeingProposed() {
        FakeDirectory tenant = tenant().withRoleHolders(GA, BG1).withGroup(VAULT, BG1, LEE)
                .withConditionalAccess(List.of(policy("CA001 MFA for all", State.ENABLED, Set.of(), Set.of(VAULT.id()))));

        Discovery discovery = new EmergencyGroupDiscovery(tenant).discover(EmergencyAccess.notChosen());

        assertThat(discovery.proposals()).isEmpty();
        assertThat(discovery.considered()).singleElement().satisfies(considered -> assertThat(considered.points().get(1))
                .isEqualTo(new Evidence(Finding.NOT_MET, "2 members; Global Administrator held by Emergency Access 01 "
                        + "(emergency.access.01@contoso.onmicrosoft.com); not held by Lee Gu "
                        + "(lee.gu@contoso.onmicrosoft.com).")));
    }

    @Test
    void theChosenGroupIsWeighedTheSameWayAndAMissingOneIsSaid() {
        EmergencyAccess chosen = EmergencyAccess.chosen(EmergencyGroup.of(IT_ADMINS), EmergencyAccess.Origin.SAVED);
        Discovery discovery = new EmergencyGroupDiscovery(baselineLike()).discover(chosen);

        assertThat(discovery.chosen()).hasValueSatisfying(report -> {
            assertThat(report.evidence()).hasValueSatisfying(e -> assertThat(e.proposable()).isFalse());
            assertThat(report.problem()).isEmpty();
        });

        EmergencyAccess gone = EmergencyAccess.chosen(new EmergencyGroup("99999999-0000-4000-8000-000000000009",
                "Deleted group"), EmergencyAccess.Origin.SAVED);
        assertThat(new EmergencyGroupDiscovery(baselineLike()).discover(gone).chosen())
                .hasValueSatisfying(report -> assertThat(report.problem()).hasValue("The chosen group Deleted group "
                        + "(id 99999999-0000-4000-8000-000000000009) no longer exists in this tenant: choose another, or "
                        + "forget it."));
    }
}
