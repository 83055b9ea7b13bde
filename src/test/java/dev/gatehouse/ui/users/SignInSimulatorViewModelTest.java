package dev.gatehouse.ui.users;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.MethodConfiguration;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.policy.PolicyTarget;
import dev.gatehouse.domain.procedure.FileRunLocks;
import dev.gatehouse.domain.procedure.JsonProgressStore;
import dev.gatehouse.domain.procedure.RunHolder;
import dev.gatehouse.domain.recovery.RecoveryContext;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.recovery.RecoveryRequest;
import dev.gatehouse.domain.signin.SignInMethod;
import dev.gatehouse.domain.signin.SignInSituation;
import dev.gatehouse.domain.signin.SignInTarget;
import dev.gatehouse.domain.signin.SignInVerdict;
import dev.gatehouse.domain.signin.SignInVerdict.Outcome;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.user.UserQuery;
import dev.gatehouse.domain.user.UserSummary;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.fake.DemoData;
import dev.gatehouse.ui.fake.FakeClipboard;
import dev.gatehouse.ui.fake.FakeDirectory;
import dev.gatehouse.ui.fake.FakeWriter;
import dev.gatehouse.ui.fake.MemoryJournal;
import dev.gatehouse.ui.plan.PlanViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SignInSimulatorViewModelTest {

    private static final String CA_READ = "/identity/conditionalAccess/policies";
    /** "Require MFA for all users" on every cloud app. */
    private static final ConditionalAccessPolicy REQUIRE_MFA = new ConditionalAccessPolicy("p-mfa",
            "Require MFA for all users", ConditionalAccessPolicy.State.ENABLED,
            new ConditionalAccessPolicy.Users(Set.of("All"), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false,
                    false),
            Set.of("All"), Set.of(), Set.of(), new ConditionalAccessPolicy.Grant(false, Set.of("mfa"), Optional.empty()),
            Optional.empty());

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final CallLog log = new CallLog();
    private final FakeDirectory directory = DemoData.directory("compromised", log)
            .withConditionalAccess(List.of(REQUIRE_MFA));
    private final FakeWriter writer = new FakeWriter();
    private final UsersViewModel users = new UsersViewModel(runner,
            new UserDetailViewModel(runner, Clock.systemUTC(), new FakeClipboard()));
    private final SignInSimulatorViewModel simulator = users.detail().simulator();
    private RecoveryDesk desk;
    private UserSummary megan;

    @TempDir
    Path data;

    @BeforeEach
    void openTheTenant() {
        users.attach(directory);
        desk = new RecoveryDesk(directory, writer, new MemoryJournal(), new JsonProgressStore(data), new FileRunLocks(data), "Demo tenant", RunHolder.WINDOW,
                Clock.systemUTC(), AuthMethod.RECENT);
        users.allowChanges(desk);
        // password, two Authenticators (one an attacker's, added yesterday) and a phone
        megan = directory.searchUsers(UserQuery.firstPage("megan", 50)).users().get(0);
    }

    @Test
    void nothingIsReadUntilTheSimulatorIsInView() {
        users.select(megan);
        assertThat(calls(CA_READ)).isZero();
        assertThat(simulator.stateProperty().get()).isEqualTo(LoadState.IDLE);

        simulator.setActive(true);

        assertThat(calls(CA_READ)).isOne();
        assertThat(simulator.stateProperty().get()).isEqualTo(LoadState.LOADED);
    }

    @Test
    void theDefaultSituationShowsTheDomainsVerdictAndTheForecastForTheUserAsTheyAre() {
        simulator.setActive(true);
        users.select(megan);

        SignInVerdict expected = domainVerdict(SignInSituation.of(SignInMethod.PASSWORD_AND_PUSH, SignInTarget.OFFICE_365));
        assertThat(expected.outcome()).as("an Authenticator meets 'Require MFA'").isEqualTo(Outcome.SIGNS_IN);
        assertThat(simulator.outcomeProperty().get()).isEqualTo(Outcome.SIGNS_IN);
        assertThat(simulator.outcomeLabelProperty().get()).isEqualTo("Signs in");
        assertThat(simulator.headlineProperty().get()).isEqualTo(expected.headline());
        assertThat(simulator.reasons()).containsExactlyElementsOf(expected.reasons());
        RecoveryContext context = desk.read(megan.id());
        assertThat(simulator.forecastProperty().get())
                .isEqualTo(context.simulator().forecast(context.snapshot()).summary());
        assertThat(simulator.assumptionsProperty().get()).isEmpty();
    }

    @Test
    void changingTheChoicesRecomputesWithoutAskingTheTenant() {
        SignInVerdict passkey = domainVerdict(SignInSituation.of(SignInMethod.PASSKEY, SignInTarget.OFFICE_365));
        SignInVerdict passwordOnly = domainVerdict(
                SignInSituation.of(SignInMethod.PASSWORD_ONLY, SignInTarget.OTHER_CLOUD_APP).onCompliantDevice());
        simulator.setActive(true);
        users.select(megan);
        int callsBefore = log.snapshot().size();

        simulator.methodProperty().set(SignInMethod.PASSKEY);
        assertThat(simulator.outcomeProperty().get()).as("she has no passkey").isEqualTo(Outcome.METHOD_UNAVAILABLE);
        assertThat(simulator.outcomeLabelProperty().get()).isEqualTo("Method unavailable");
        assertThat(simulator.headlineProperty().get()).isEqualTo(passkey.headline());

        simulator.methodProperty().set(SignInMethod.PASSWORD_ONLY);
        simulator.targetProperty().set(SignInTarget.OTHER_CLOUD_APP);
        simulator.compliantDeviceProperty().set(true);
        assertThat(passwordOnly.outcome()).as("the MFA policy asks for her Authenticator")
                .isEqualTo(Outcome.MFA_REQUIRED);
        assertThat(simulator.outcomeProperty().get()).isEqualTo(Outcome.MFA_REQUIRED);
        assertThat(simulator.outcomeLabelProperty().get()).as("a prompt, not a block").isEqualTo("MFA required");
        assertThat(simulator.headlineProperty().get()).isEqualTo(passwordOnly.headline());

        simulator.sessionProperty().set(SignInSimulatorViewModel.Session.STARTED_YESTERDAY);
        assertThat(simulator.outcomeProperty().get()).as("nothing ended yesterday's session").isEqualTo(Outcome.SIGNS_IN);
        assertThat(simulator.mustSignInAgainProperty().get()).isFalse();

        assertThat(log.snapshot()).hasSize(callsBefore);
    }

    @Test
    void unreadablePoliciesAreSimulatedWithTheAssumptionSaid() {
        directory.refuseConditionalAccess(new TenantException(TenantException.Kind.MISSING_PERMISSION,
                "Reading Conditional Access policies needs Policy.Read.All."));
        simulator.setActive(true);
        users.select(megan);

        assertThat(simulator.stateProperty().get()).isEqualTo(LoadState.LOADED);
        assertThat(simulator.assumptionsProperty().get())
                .startsWith("Assumes: Conditional Access policies could not be read, so none are taken into account.")
                .contains("Reading Conditional Access policies needs Policy.Read.All.");
        simulator.methodProperty().set(SignInMethod.PASSWORD_ONLY);
        assertThat(simulator.outcomeProperty().get()).as("with no policy known, nothing asks for MFA")
                .isEqualTo(Outcome.SIGNS_IN);
    }

    @Test
    void afterAnActionRanTheUserAndThePoliciesAreReadAgain() {
        simulator.setActive(true);
        users.select(megan);
        assertThat(simulator.outcomeProperty().get()).isEqualTo(Outcome.SIGNS_IN);
        int reads = calls(CA_READ);

        // the tenant changes while the admin works: Microsoft Authenticator is switched off for everyone
        directory.withMethodsPolicy(new MethodsPolicy(Stream.of("Fido2", "Sms", "TemporaryAccessPass")
                .map(id -> new MethodConfiguration(id, true, List.of(PolicyTarget.allUsers()), List.of())).toList(),
                Optional.empty()));
        users.detail().actions().request(new RecoveryRequest.RevokeSessions());
        PlanViewModel plan = ((ActionPrompt.Review) users.detail().actions().promptProperty().get()).plan();
        plan.confirm();

        assertThat(calls(CA_READ)).as("planning reads once, the reload once more").isEqualTo(reads + 2);
        assertThat(simulator.outcomeProperty().get()).isEqualTo(Outcome.METHOD_UNAVAILABLE);
        assertThat(simulator.headlineProperty().get()).isEqualTo(domainVerdict(
                SignInSituation.of(SignInMethod.PASSWORD_AND_PUSH, SignInTarget.OFFICE_365)).headline());
    }

    @Test
    void anotherUserStartsFromNothingAndLeavingTheTenantClearsTheVerdict() {
        simulator.setActive(true);
        users.select(megan);
        runner.holdTasks();

        users.select(directory.searchUsers(UserQuery.firstPage("alex", 50)).users().get(0));
        runner.completeAll(); // Alex's detail; the simulator's read starts once it is shown
        assertThat(simulator.headlineProperty().get()).as("Megan's verdict is not shown for Alex").isEmpty();
        assertThat(simulator.stateProperty().get()).isEqualTo(LoadState.LOADING);
        runner.completeAll();
        assertThat(simulator.headlineProperty().get()).as("Alex has no Authenticator").isEqualTo(domainVerdict(
                SignInSituation.of(SignInMethod.PASSWORD_AND_PUSH, SignInTarget.OFFICE_365), "alex").headline());

        users.detach();
        assertThat(simulator.stateProperty().get()).isEqualTo(LoadState.IDLE);
        assertThat(simulator.headlineProperty().get()).isEmpty();
        assertThat(simulator.outcomeProperty().get()).isNull();
    }

    private SignInVerdict domainVerdict(SignInSituation situation) {
        return domainVerdict(situation, "megan");
    }

    private SignInVerdict domainVerdict(SignInSituation situation, String name) {
        RecoveryContext context = desk.read(directory.searchUsers(UserQuery.firstPage(name, 50)).users().get(0).id());
        return context.simulator().simulate(context.snapshot(), situation);
    }

    private int calls(String path) {
        return (int) log.snapshot().stream().map(GraphCall::pathAndQuery).filter(path::equals).count();
    }
}
