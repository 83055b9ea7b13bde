package dev.gatehouse.ui.emergency;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.emergency.EmergencyGroup;
import dev.gatehouse.domain.emergency.EmergencyGroupSettings;
import dev.gatehouse.domain.emergency.Finding;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.settings.SettingsFile;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.SignedInAdmin;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantInfo;
import dev.gatehouse.domain.user.SyncState;
import dev.gatehouse.domain.user.UserProfile;
import dev.gatehouse.domain.user.UserType;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.fake.FakeDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The emergency-access dialog's ViewModel, without a toolkit: read, confirm, choose by name or id, forget. */
class EmergencyAccessViewModelTest {

    private static final String TENANT = "4b1f6c9e-2d7a-4e38-9c51-7f0a3e2b8d64";
    private static final DirectoryPrincipal BG1 = user("11111111-0000-4000-8000-000000000001", "Emergency Access 01");
    private static final DirectoryPrincipal BG2 = user("11111111-0000-4000-8000-000000000002", "Emergency Access 02");
    private static final GroupRef VAULT = new GroupRef("22222222-0000-4000-8000-000000000001",
            "Emergency Access Accounts", true);
    private static final GroupRef OLD_VAULT = new GroupRef("22222222-0000-4000-8000-000000000002",
            "Emergency Access Accounts", false);
    private static final GroupRef HELP_DESK = new GroupRef("22222222-0000-4000-8000-000000000003", "Help Desk", false);

    @TempDir
    Path data;

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private FakeDirectory directory;
    private EmergencyGroupSettings settings;
    private EmergencyAccessViewModel viewModel;

    private static DirectoryPrincipal user(String id, String name) {
        return new DirectoryPrincipal(id, name, null, DirectoryPrincipal.Kind.USER);
    }

    @BeforeEach
    void tenant() {
        UserProfile me = new UserProfile("me", "Adele Vance", "adele@tailspintoys.com", null, UserType.MEMBER, true,
                SyncState.CLOUD_ONLY, null, null, null, null, null);
        directory = new FakeDirectory(new TenantInfo(TENANT, "Tailspin Toys", "tailspintoys.onmicrosoft.com", null),
                new SignedInAdmin(me, List.of()), List.of(), id -> Optional.empty(), new CallLog())
                .withRoleHolders(DirectoryRole.GLOBAL_ADMINISTRATOR.templateId(), BG1, BG2)
                .withGroup(VAULT, BG1, BG2)
                .withGroup(HELP_DESK)
                .withConditionalAccess(List.of(new ConditionalAccessPolicy("ca1", "CA001 MFA for all", State.ENABLED,
                        new ConditionalAccessPolicy.Users(Set.of("All"), Set.of(), Set.of(), Set.of(VAULT.id()),
                                Set.of(), Set.of(), false, false), Set.of("All"), Set.of(), Set.of(),
                        new ConditionalAccessPolicy.Grant(false, Set.of("mfa"), Optional.empty()), Optional.empty())));
        settings = new EmergencyGroupSettings(new SettingsFile(data));
        viewModel = new EmergencyAccessViewModel(runner, directory, settings);
    }

    @Test
    void withNothingChosenItShowsTheProposalWithItsEvidenceAndAssumesNothing() {
        viewModel.load();

        assertThat(viewModel.tenantNameProperty().get()).isEqualTo("Tailspin Toys");
        assertThat(viewModel.chosenProperty().get()).isFalse();
        assertThat(viewModel.chosenTitleProperty().get()).isEqualTo("None chosen");
        assertThat(viewModel.chosenNoteProperty().get()).contains("only warns when a name looks like one");
        assertThat(viewModel.proposals()).singleElement().satisfies(p -> {
            assertThat(p.group()).isEqualTo(VAULT);
            assertThat(p.points()).extracting(e -> e.finding()).containsExactly(Finding.MET, Finding.MET, Finding.MET);
        });
        assertThat(viewModel.summaryProperty().get()).startsWith("Discovery proposes 1 group");
        assertThat(settings.chosen(TENANT)).isEmpty();
        assertThat(viewModel.localOnly()).contains("kept on this machine only").contains("changes nothing in the tenant");
    }

    @Test
    void confirmingAProposalSavesItLocallyAndShowsItAsTheChoice() {
        viewModel.load();

        viewModel.confirm(viewModel.proposals().get(0));

        assertThat(settings.chosen(TENANT)).hasValue(EmergencyGroup.of(VAULT));
        assertThat(viewModel.chosenProperty().get()).isTrue();
        assertThat(viewModel.chosenTitleProperty().get()).isEqualTo("Emergency Access Accounts");
        assertThat(viewModel.chosenNoteProperty().get()).isEqualTo("id " + VAULT.id()
                + ", the emergency-access group chosen on this machine");
        assertThat(viewModel.chosenEvidence()).hasSize(3);
        assertThat(viewModel.proposals()).isEmpty();
        assertThat(viewModel.summaryProperty().get()).isEmpty();
        assertThat(viewModel.outcomeProperty().get()).startsWith("Saved on this machine")
                .endsWith("Nothing in the tenant changed.");
    }

    @Test
    void forgettingBringsTheProposalBack() {
        settings.save(TENANT, EmergencyGroup.of(VAULT));
        viewModel.load();
        assertThat(viewModel.chosenProperty().get()).isTrue();

        viewModel.forget();

        assertThat(settings.chosen(TENANT)).isEmpty();
        assertThat(viewModel.chosenProperty().get()).isFalse();
        assertThat(viewModel.proposals()).hasSize(1);
        assertThat(viewModel.outcomeProperty().get()).startsWith("Forgotten on this machine");
    }

    @Test
    void aTypedGroupIsChosenEvenWhenDiscoveryWouldNotProposeItAndItsEvidenceSaysWhy() {
        viewModel.load();
        viewModel.typedGroupProperty().set("  help desk ");

        viewModel.chooseTyped();

        assertThat(settings.chosen(TENANT)).hasValue(EmergencyGroup.of(HELP_DESK));
        assertThat(viewModel.typedGroupProperty().get()).isEmpty();
        assertThat(viewModel.chosenEvidence()).extracting(e -> e.finding()).contains(Finding.NOT_MET);
        assertThat(viewModel.proposals()).extracting(p -> p.group()).containsExactly(VAULT);
    }

    @Test
    void aNameSeveralGroupsShareIsRefusedWithTheCandidatesAndNothingIsSaved() {
        directory.withGroup(OLD_VAULT, BG1);
        viewModel.load();
        viewModel.typedGroupProperty().set("Emergency Access Accounts");

        viewModel.chooseTyped();

        assertThat(viewModel.errorProperty().get()).startsWith("2 groups are named 'Emergency Access Accounts'")
                .contains(VAULT.id()).contains(OLD_VAULT.id());
        assertThat(viewModel.typedGroupProperty().get()).isEqualTo("Emergency Access Accounts");
        assertThat(settings.chosen(TENANT)).isEmpty();
    }

    @Test
    void anEmptyOrUnknownNameGetsAClearMessage() {
        viewModel.chooseTyped();
        assertThat(viewModel.errorProperty().get()).isEqualTo("Type the group's object id or its exact display name.");
        assertThat(runner.started()).isEmpty();

        viewModel.typedGroupProperty().set("Vault");
        viewModel.chooseTyped();
        assertThat(viewModel.errorProperty().get()).startsWith("No group is named 'Vault' in this tenant.");
    }

    @Test
    void whatCouldNotBeReadIsListedNotGuessed() {
        directory.refuseConditionalAccess(new TenantException(TenantException.Kind.MISSING_ROLE,
                "Reading Conditional Access needs Global Reader or Security Reader."));

        viewModel.load();

        assertThat(viewModel.couldNotCheck()).containsExactly("Could not read the Conditional Access policies: "
                + "Reading Conditional Access needs Global Reader or Security Reader.");
        assertThat(viewModel.proposals()).singleElement().satisfies(p -> assertThat(p.excluded())
                .isEqualTo(Finding.UNKNOWN));
    }

    @Test
    void itIsBusyWhileReadingAndAClosedDialogDropsTheResult() {
        runner.holdTasks();
        viewModel.load();
        assertThat(viewModel.busyProperty().get()).isTrue();
        assertThat(viewModel.progressProperty().get()).startsWith("Reading the tenant's groups");

        viewModel.cancel();
        runner.completeAll();

        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(viewModel.proposals()).isEmpty();
    }
}
