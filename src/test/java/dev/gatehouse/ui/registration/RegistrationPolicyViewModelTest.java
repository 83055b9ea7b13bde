package dev.gatehouse.ui.registration;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Grant;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Users;
import dev.gatehouse.domain.registration.CheckerVerdict;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.SignedInAdmin;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantInfo;
import dev.gatehouse.domain.tenant.TenantLicences;
import dev.gatehouse.domain.user.SyncState;
import dev.gatehouse.domain.user.UserProfile;
import dev.gatehouse.domain.user.UserType;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.fake.FakeDirectory;
import dev.gatehouse.ui.registration.Prerequisite.Status;
import dev.gatehouse.ui.registration.RegistrationPolicyViewModel.Gate;
import org.junit.jupiter.api.BeforeEach;
import dev.gatehouse.ui.workspace.OpenTenant;
import dev.gatehouse.ui.fake.FakeConnection;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationPolicyViewModelTest {

    static final GroupRef BREAK_GLASS = new GroupRef("bbbbbbbb-0000-4000-8000-00000000b001", "Emergency access", true);
    static final String MISSING_GROUP = "99999999-0000-4000-8000-000000000099";
    static final AuthenticationStrength PASSKEY_OR_TAP = new AuthenticationStrength(
            "5e1f0000-0000-0000-0000-000000000001", "Passkey or one-time TAP",
            Set.of("fido2", "temporaryAccessPassOneTime"));

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final CallLog log = new CallLog();
    private final AtomicInteger wizardOpened = new AtomicInteger();
    private boolean unfinishedRun;
    private FakeDirectory directory;
    private RegistrationPolicyViewModel viewModel;

    /** Seed 000's design on the user action: all users but guests and the break-glass group; passkey/TAP or compliant. */
    static ConditionalAccessPolicy design(State state) {
        return new ConditionalAccessPolicy("p-design", "Protect security info registration", state,
                new Users(Set.of("All"), Set.of(), Set.of(), Set.of(BREAK_GLASS.id(), MISSING_GROUP), Set.of(),
                        Set.of(DirectoryRole.GLOBAL_ADMINISTRATOR.templateId()), false, true),
                Set.of(), Set.of(), Set.of(ConditionalAccessPolicy.REGISTER_SECURITY_INFO),
                new Grant(false, Set.of("compliantDevice"), Optional.of(PASSKEY_OR_TAP)), Optional.of(1));
    }

    static ConditionalAccessPolicy mfaEverywhere(State state) {
        return new ConditionalAccessPolicy("p-ca001", "CA001: Require MFA for all users", state,
                new Users(Set.of("All"), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false, false),
                Set.of("All"), Set.of(), Set.of(), new Grant(false, Set.of("mfa"), Optional.empty()), Optional.empty());
    }

    @BeforeEach
    void tenant() {
        UserProfile me = new UserProfile("me", "Adele Vance", "adele@tailspintoys.com", null, UserType.MEMBER, true,
                SyncState.CLOUD_ONLY, null, null, null, null, null);
        directory = new FakeDirectory(new TenantInfo("t1", "Tailspin Toys", "tailspintoys.onmicrosoft.com", null),
                new SignedInAdmin(me, List.of()), List.of(), id -> Optional.empty(), log)
                .withGroup(BREAK_GLASS);
        viewModel = new RegistrationPolicyViewModel(runner, new WizardLauncher() {
            @Override
            public boolean unfinished(OpenTenant tenant) {
                return unfinishedRun;
            }

            @Override
            public RegistrationWizard prepare(OpenTenant tenant) {
                wizardOpened.incrementAndGet();
                throw new TenantException(TenantException.Kind.UNAVAILABLE, "Graph is unavailable.");
            }
        });
    }

    private void open() {
        viewModel.attach(directory);
        viewModel.inView(true);
    }

    @Test
    void nothingIsReadUntilTheWorkspaceIsInViewThenEverythingIsReadWithoutAClick() {
        viewModel.attach(directory);
        assertThat(log.snapshot()).isEmpty();

        viewModel.inView(true);

        assertThat(log.snapshot()).extracting(GraphCall::pathAndQuery).contains("/subscribedSkus",
                "/policies/identitySecurityDefaultsEnforcementPolicy", "/identity/conditionalAccess/policies");
        assertThat(runner.started()).containsExactly("Reading the tenant's subscriptions",
                "Reading security defaults", "Reading Conditional Access policies");
        assertThat(viewModel.loadingProperty().get()).isFalse();
        assertThat(viewModel.progressProperty().get()).isEmpty();
    }

    @Test
    void anEnabledPolicyOnTheActionProtectsTheGateAndEveryPolicyThatAppliesIsCombined() {
        directory.withConditionalAccess(List.of(design(State.ENABLED), mfaEverywhere(State.ENABLED)));
        open();

        assertThat(viewModel.gateProperty().get()).isEqualTo(Gate.PROTECTED);
        assertThat(viewModel.headlineProperty().get())
                .isEqualTo("Protected: 'Protect security info registration' is On for Register security information.");
        assertThat(viewModel.requirementProperty().get()).contains("all 2 policies").contains(" AND ")
                .contains("MFA (CA001: Require MFA for all users)");

        assertThat(viewModel.policies()).extracting(PolicyRow::name)
                .containsExactly("Protect security info registration", "CA001: Require MFA for all users");
        PolicyRow design = viewModel.policies().get(0);
        assertThat(design.stateLabel()).isEqualTo("On");
        assertThat(design.route()).contains("user action");
        assertThat(design.grant()).contains("a compliant device").contains("Passkey or one-time TAP");
        assertThat(design.appliesTo()).isEqualTo("All users");
        assertThat(design.exclusions()).containsExactly("Guests and external users",
                "Group: " + MISSING_GROUP + " (no such group)", "Group: Emergency access", "Role: Global Administrator");
        assertThat(design.warning()).isEmpty();
        assertThat(viewModel.policies().get(1).route()).contains("All resources");
        assertThat(viewModel.policies().get(1).exclusions()).isEmpty();
    }

    @Test
    void reportOnlyIsSaidToProtectNothingForAUserAction() {
        directory.withConditionalAccess(List.of(design(State.REPORT_ONLY)));
        open();

        assertThat(viewModel.gateProperty().get()).isEqualTo(Gate.NOT_PROTECTED);
        assertThat(viewModel.headlineProperty().get()).startsWith("Not protected")
                .contains("report-only protects nothing for user actions");
        assertThat(viewModel.policies()).singleElement().satisfies(row -> {
            assertThat(row.stateLabel()).isEqualTo("Report-only");
            assertThat(row.warning()).hasValueSatisfying(w -> assertThat(w).contains("not even evaluate"));
        });
        assertThat(viewModel.verdicts()).extracting(CheckerVerdict::outcome)
                .containsOnly(CheckerVerdict.Outcome.FAIL);
    }

    @Test
    void allResourcesPoliciesAloneAreNamedAsSuchAndPoliciesOnTheActionComeFirst() {
        directory.withConditionalAccess(List.of(mfaEverywhere(State.ENABLED), design(State.REPORT_ONLY)));
        open();

        assertThat(viewModel.gateProperty().get()).isEqualTo(Gate.ONLY_ALL_RESOURCES);
        assertThat(viewModel.headlineProperty().get()).startsWith("Not protected by a policy of its own:")
                .endsWith("Only All-resources policies that are On reach it.");
        assertThat(viewModel.requirementProperty().get()).contains("MFA (CA001: Require MFA for all users)");
        assertThat(viewModel.policies()).extracting(PolicyRow::stateLabel).containsExactly("Report-only", "On");
    }

    @Test
    void withoutAnyPolicyTheHeadlineSaysSoAndTheCheckersFailPointByPoint() {
        open();

        assertThat(viewModel.headlineProperty().get())
                .isEqualTo("Not protected: no policy targets Register security information.");
        assertThat(viewModel.requirementProperty().get()).contains("can register their own methods");
        assertThat(viewModel.policies()).isEmpty();
        assertThat(viewModel.policiesPlaceholderProperty().get()).startsWith("No Conditional Access policy");
        assertThat(viewModel.verdicts()).extracting(CheckerVerdict::id)
                .containsExactly("MT.1011", "MS.AAD.3.8v1", "ZTA 21806");
        assertThat(viewModel.verdicts().get(0).points()).isNotEmpty();
    }

    @Test
    void theCheckersAreGivenWithTheirPointsAndNotes() {
        directory.withConditionalAccess(List.of(design(State.ENABLED)));
        open();

        assertThat(viewModel.verdicts()).extracting(CheckerVerdict::id, CheckerVerdict::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("MT.1011", CheckerVerdict.Outcome.FAIL),
                org.assertj.core.groups.Tuple.tuple("MS.AAD.3.8v1", CheckerVerdict.Outcome.PASS),
                org.assertj.core.groups.Tuple.tuple("ZTA 21806", CheckerVerdict.Outcome.PASS));
        assertThat(viewModel.verdicts().get(0).points()).anySatisfy(p -> assertThat(p.met()).isFalse());
        assertThat(viewModel.verdicts().get(1).note()).hasValueSatisfying(n -> assertThat(n).contains("CapExclusions"));
    }

    @Test
    void withoutP1TheLicenceSaysWhatItBuysAndTheUnreadablePoliciesSayWhyWhileTheRestStillShows() {
        directory.withLicences(new TenantLicences(Set.of(), List.of("O365_BUSINESS_ESSENTIALS")))
                .refuseConditionalAccess(new TenantException(TenantException.Kind.MISSING_LICENCE,
                        "This tenant has no Entra ID P1 licence, which Conditional Access needs."));
        open();

        Prerequisite licence = viewModel.licenceProperty().get();
        assertThat(licence.status()).isEqualTo(Status.NOT_MET);
        assertThat(licence.text()).contains("O365_BUSINESS_ESSENTIALS").contains("Conditional Access")
                .contains("authentication strengths").contains("usage reports").contains("wizard cannot proceed");
        assertThat(viewModel.securityDefaultsProperty().get().status()).isEqualTo(Status.MET);
        assertThat(viewModel.policiesErrorProperty().get()).contains("no Entra ID P1 licence");
        assertThat(viewModel.gateProperty().get()).isEqualTo(Gate.UNKNOWN);
        assertThat(viewModel.headlineProperty().get()).startsWith("Unknown");
        assertThat(viewModel.verdicts()).isEmpty();
        assertThat(viewModel.verdictsPlaceholderProperty().get()).contains("could not be read");
    }

    @Test
    void securityDefaultsOnAreAFailedPrerequisiteWithWhereToTurnThemOff() {
        directory.withSecurityDefaults(true);
        open();

        Prerequisite defaults = viewModel.securityDefaultsProperty().get();
        assertThat(defaults.status()).isEqualTo(Status.NOT_MET);
        assertThat(defaults.text()).contains("cannot be used while security defaults are on")
                .contains("Manage security defaults");
        assertThat(viewModel.licenceProperty().get().status()).isEqualTo(Status.MET);
    }

    @Test
    void aFailedLicenceReadIsShownAsUnknownWithTheReason() {
        directory.failNext(new TenantException(TenantException.Kind.MISSING_ROLE,
                "Your role may not read the organisation's subscriptions."));
        open();

        assertThat(viewModel.licenceProperty().get().status()).isEqualTo(Status.UNKNOWN);
        assertThat(viewModel.licenceProperty().get().text()).contains("may not read the organisation's subscriptions");
        assertThat(viewModel.gateProperty().get()).isEqualTo(Gate.NOT_PROTECTED);
    }

    @Test
    void readsShowProgressAndCanBeStopped() {
        runner.holdTasks();
        open();

        assertThat(viewModel.loadingProperty().get()).isTrue();
        assertThat(viewModel.progressProperty().get())
                .isEqualTo("Reading subscriptions, security defaults and Conditional Access policies\u2026");
        assertThat(viewModel.licenceProperty().get().status()).isEqualTo(Status.READING);

        viewModel.stop();

        assertThat(viewModel.loadingProperty().get()).isFalse();
        assertThat(runner.pending()).isEmpty();
        assertThat(viewModel.licenceProperty().get().status()).isEqualTo(Status.UNKNOWN);
        assertThat(viewModel.licenceProperty().get().text()).contains("stopped");
        assertThat(viewModel.policiesErrorProperty().get()).contains("stopped");

        runner.completeAll();
        viewModel.refresh();
        runner.completeAll();
        assertThat(viewModel.licenceProperty().get().status()).isEqualTo(Status.MET);
        assertThat(viewModel.policiesErrorProperty().get()).isEmpty();
    }

    @Test
    void detachingCancelsTheReadsAndEmptiesTheHome() {
        directory.withConditionalAccess(List.of(design(State.ENABLED)));
        open();
        runner.holdTasks();
        viewModel.refresh();

        viewModel.detach();
        runner.completeAll();

        assertThat(viewModel.policies()).isEmpty();
        assertThat(viewModel.verdicts()).isEmpty();
        assertThat(viewModel.gateProperty().get()).isEqualTo(Gate.UNKNOWN);
        assertThat(viewModel.attachedProperty().get()).isFalse();
        assertThat(viewModel.loadingProperty().get()).isFalse();
    }

    private void openTenant() {
        viewModel.attach(new OpenTenant(new FakeConnection(directory, log, "Tailspin Toys", false),
                Path.of("target", "test-data", "registration-home"), java.time.Clock.systemUTC()));
        viewModel.inView(true);
    }

    @Test
    void theButtonSaysContinueWhenARunIsUnfinishedAndAWizardThatCannotOpenSaysWhy() {
        unfinishedRun = true;
        openTenant();
        assertThat(viewModel.wizardLabelProperty().get()).isEqualTo("Continue the wizard");

        viewModel.startWizard();

        assertThat(wizardOpened).hasValue(1);
        assertThat(viewModel.wizardProperty().get()).isNull();
        assertThat(viewModel.wizardProblemProperty().get()).startsWith("The wizard could not open: ")
                .contains("Graph is unavailable.");
    }

    @Test
    void withoutAnUnfinishedRunTheButtonSaysStartAndNothingOpensBeforeATenantIs() {
        viewModel.startWizard();
        assertThat(wizardOpened).hasValue(0);

        openTenant();

        assertThat(viewModel.wizardLabelProperty().get()).isEqualTo("Start the registration-policy wizard");
    }
}
