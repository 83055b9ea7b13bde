package dev.gatehouse.ui.shell;

import dev.gatehouse.app.GatehouseConnector;
import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.domain.recovery.RecoveryRequest;
import dev.gatehouse.domain.tenant.DemoTrainer;
import dev.gatehouse.ui.WorkspaceCatalog;
import dev.gatehouse.ui.activity.ActivityViewModel;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.fake.FakeClipboard;
import dev.gatehouse.ui.registration.RegistrationPolicyViewModel;
import dev.gatehouse.ui.trainer.TrainerHooks;
import dev.gatehouse.ui.trainer.TrainerViewModel;
import dev.gatehouse.ui.users.UserDetailViewModel;
import dev.gatehouse.ui.users.UsersViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window's shell over HTTP against the demo tenant, with the Trainer menu wired as the app wires it: what the
 * workspaces show after a reset or an actor switch.
 */
class ShellOverDemoTenantTest {

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final UsersViewModel users =
            new UsersViewModel(runner, new UserDetailViewModel(runner, Clock.systemUTC(), new FakeClipboard()));
    @TempDir
    Path data;
    private ShellViewModel shell;
    private TrainerViewModel trainer;

    @BeforeEach
    void openTheDemoTenant() {
        shell = new ShellViewModel(new GatehouseConnector(name -> null), runner,
                WorkspaceCatalog.all(users, runner, new FakeClipboard()), data, Clock.systemUTC());
        trainer = new TrainerViewModel(runner, Clock.systemUTC(),
                new TrainerHooks(shell::tenantChanged, shell::tenantChanged, () -> { }, () -> { }),
                users.detail().userPrincipalNameProperty(), users.detail().displayNameProperty());
        shell.follow(trainer);
        shell.connectDemo("baseline");
        users.select(users.users().get(0));
        registration().inView(true);
    }

    @AfterEach
    void close() {
        shell.shutdown();
    }

    @Test
    void aResetMakesTheWorkspacesOffScreenReadAgainAndDropsThePlanUnderReview() {
        users.detail().actions().request(new RecoveryRequest.RevokeSessions());
        assertThat(users.detail().actions().promptProperty().get()).isNotNull();
        String shown = users.detail().userPrincipalNameProperty().get();
        long policyReads = policyReads();

        trainer.reset();

        assertThat(policyReads()).as("the registration workspace, not on screen, read the policies again")
                .isGreaterThan(policyReads);
        assertThat(users.detail().actions().promptProperty().get()).as("the plan made before the reset").isNull();
        assertThat(users.detail().userPrincipalNameProperty().get()).isEqualTo(shown);
    }

    @Test
    void actingAsAnotherAdminMakesEveryWorkspaceReadAgainAsThem() {
        long policyReads = policyReads();
        DemoTrainer.Admin other = trainer.admins().stream()
                .filter(admin -> admin.roles().contains("Authentication Administrator")).findFirst().orElseThrow();

        trainer.actAs(other);

        assertThat(policyReads()).isGreaterThan(policyReads);
        assertThat(shell.signedInAsProperty().get()).contains(other.displayName());
    }

    private long policyReads() {
        ActivityViewModel activity = (ActivityViewModel) shell.instance(shell.workspace("activity").orElseThrow()).model();
        return activity.visibleCalls().stream().map(GraphCall::pathAndQuery)
                .filter(path -> path.contains("conditionalAccess/policies")).count();
    }

    private RegistrationPolicyViewModel registration() {
        return (RegistrationPolicyViewModel) shell.instance(shell.workspace("registration-policy").orElseThrow())
                .model();
    }
}
