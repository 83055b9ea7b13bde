package dev.gatehouse.ui.users;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.procedure.FileRunLocks;
import dev.gatehouse.domain.procedure.JsonProgressStore;
import dev.gatehouse.domain.procedure.RunHolder;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.recovery.RecoveryRequest;
import dev.gatehouse.domain.user.UserSummary;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.fake.DemoData;
import dev.gatehouse.ui.fake.FakeClipboard;
import dev.gatehouse.ui.fake.FakeDirectory;
import dev.gatehouse.ui.fake.FakeWriter;
import dev.gatehouse.ui.fake.MemoryJournal;
import dev.gatehouse.domain.user.UserQuery;
import dev.gatehouse.ui.plan.PlanPhase;
import dev.gatehouse.ui.plan.PlanViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class UserActionsViewModelTest {

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final FakeDirectory directory = DemoData.directory("compromised", new CallLog());
    private final FakeWriter writer = new FakeWriter();
    private final MemoryJournal journal = new MemoryJournal();
    private final UsersViewModel users = new UsersViewModel(runner,
            new UserDetailViewModel(runner, Clock.systemUTC(), new FakeClipboard()));
    private final UserActionsViewModel actions = users.detail().actions();
    private UserSummary target;

    @TempDir
    Path data;

    @BeforeEach
    void openAUser() {
        users.attach(directory);
        target = directory.searchUsers(UserQuery.firstPage("", 50)).users().stream()
                .filter(u -> !u.userPrincipalName().startsWith("admin@")).findFirst().orElseThrow();
        users.detail().load(target);
    }

    @Test
    void nothingCanBeStartedBeforeTheTenantMayBeChanged() {
        assertThat(actions.availableProperty().get()).isFalse();

        actions.request(new RecoveryRequest.RevokeSessions());

        assertThat(actions.promptProperty().get()).isNull();
    }

    @Test
    void revokeMfaSessionsSaysThereIsNoApiAndOffersRevokeSessionsAsASeparateAction() {
        allowChanges();

        actions.request(new RecoveryRequest.RevokeMfaSessions());

        ActionPrompt.Explain explain = (ActionPrompt.Explain) actions.promptProperty().get();
        assertThat(explain.message()).startsWith("Microsoft Graph has no API for \"Revoke MFA sessions\"");
        assertThat(explain.alternativeLabel()).isEqualTo("Revoke sign-in sessions\u2026");
        assertThat(writer.calls()).isEmpty();

        actions.promptTaken();
        explain.alternative().run();

        PlanViewModel plan = ((ActionPrompt.Review) actions.promptProperty().get()).plan();
        assertThat(plan.plan().title()).isEqualTo("Revoke sign-in sessions");
        assertThat(writer.calls()).as("a plan is only shown").isEmpty();

        plan.confirm();

        assertThat(plan.phaseProperty().get()).isEqualTo(PlanPhase.FINISHED);
        assertThat(writer.calls()).containsExactly("POST /users/" + target.id() + "/revokeSignInSessions");
        assertThat(users.detail().stateProperty().get()).isEqualTo(LoadState.LOADED);
    }

    @Test
    void theTapFormShowsThePolicyLimitsAndRefusesALifetimeOutsideThem() {
        allowChanges();

        actions.issueTap();

        TapFormViewModel form = ((ActionPrompt.AskTap) actions.promptProperty().get()).form();
        assertThat(form.limitsText()).isEqualTo("This tenant's TAP policy allows 10\u2013480 minutes (default 60); "
                + "one-time or multi-use.");
        assertThat(form.lifetimeProperty().get()).isEqualTo("60");
        form.lifetimeProperty().set("600");
        form.submit();
        assertThat(form.problemProperty().get())
                .isEqualTo("600 minutes is outside this tenant's TAP policy: enter 10\u2013480 minutes.");
        assertThat(actions.promptProperty().get()).isInstanceOf(ActionPrompt.AskTap.class);

        form.lifetimeProperty().set("30");
        form.submit();

        PlanViewModel plan = ((ActionPrompt.Review) actions.promptProperty().get()).plan();
        assertThat(plan.plan().steps().get(0).requests().get(0).body()).contains("\"lifetimeInMinutes\": 30");
    }

    private void allowChanges() {
        users.allowChanges(new RecoveryDesk(directory, writer, journal, new JsonProgressStore(data), new FileRunLocks(data), "Demo tenant", RunHolder.WINDOW,
                Clock.systemUTC(), AuthMethod.RECENT));
    }
}
