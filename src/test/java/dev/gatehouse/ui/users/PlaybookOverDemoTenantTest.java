package dev.gatehouse.ui.users;

import dev.gatehouse.app.GatehouseConnector;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.recovery.RecoveryContext;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.recovery.RecoveryRequest;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.user.UserQuery;
import dev.gatehouse.domain.user.UserSummary;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.fake.FakeClipboard;
import dev.gatehouse.ui.plan.PlanViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the playbook window and the methods table say about Alex Wilber (scenario {@code compromised}), over HTTP
 * against the demo tenant: the desk, the view models and the Graph SDK as the app runs them.
 */
class PlaybookOverDemoTenantTest {

    private static final String ALEX = "alex.wilber@tailspintoys.com";

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final UserDetailViewModel detail = new UserDetailViewModel(runner,
            Clock.system(ZoneId.of("Australia/Sydney")), new FakeClipboard());
    private final UsersViewModel users = new UsersViewModel(runner, detail);
    private final UserActionsViewModel actions = detail.actions();
    private TenantConnection connection;
    private RecoveryDesk desk;

    @TempDir
    Path data;

    @BeforeEach
    void openAlex() {
        connection = new GatehouseConnector(name -> null).connectDemo("compromised");
        users.attach(connection.directory());
        desk = RecoveryDesk.open(connection, data, Clock.systemUTC(), Duration.ofDays(7));
        users.allowChanges(desk);
        detail.load(alex());
    }

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void aMethodCardSaysWhatHappensToItInTheStateItsCheckboxIsIn() {
        MethodChoice attacker = method(openPlaybook(), "SM-A546B");
        assertThat(attacker.marked().get()).isTrue();
        assertThat(attacker.fate().get()).doesNotContain("Unmarked").contains("not the user's", "deleted");

        attacker.marked().set(false);
        assertThat(attacker.fate().get()).isEqualTo("Unmarked, it is deleted anyway by \u201cRequire re-register MFA\u201d.");
    }

    @Test
    void thePlaybookDatesTheAttackersPhoneAsTheMethodsTableDoes() {
        MethodRow row = detail.methods().stream().filter(r -> r.summary().startsWith("+44")).findFirst().orElseThrow();
        assertThat(row.datedFromAuditLog()).isTrue();

        MethodChoice phone = method(openPlaybook(), "+44");

        assertThat(phone.added()).doesNotContain("No date").contains(row.age(), "directory audit log");
        assertThat(phone.recent()).isEqualTo(row.recentlyAdded()).isTrue();
    }

    @Test
    void requireReregisterOnAlexWarnsThatThePasswordStaysAndOffersThePlaybook() {
        actions.request(new RecoveryRequest.RequireReregister(false));
        PlanViewModel plan = ((ActionPrompt.Review) actions.promptProperty().get()).plan();

        assertThat(plan.plan().warnings()).anyMatch(w -> w.contains("leaves the password"));
        assertThat(plan.offerLabel()).isEqualTo("Use the compromised-account playbook instead\u2026");
        plan.acceptOffer();
        assertThat(actions.promptProperty().get()).isInstanceOf(ActionPrompt.Playbook.class);
    }

    @Test
    void afterThePlaybookThePassAndPasswordYouIssuedAreMarkedYoursAndNotCountedAsRecentlyAdded() {
        PlanViewModel plan = openPlaybook().planProperty().get();
        plan.confirm();
        assertThat(plan.succeededProperty().get()).as(plan.summaryProperty().get()).isTrue();

        assertThat(detail.methods()).extracting(MethodRow::type)
                .containsExactlyInAnyOrder(MethodType.PASSWORD, MethodType.TEMPORARY_ACCESS_PASS);
        assertThat(detail.methods()).allSatisfy(row -> {
            assertThat(row.recentlyAdded()).as(row.typeLabel()).isFalse();
            assertThat(row.issuedByYou()).as(row.typeLabel()).startsWith("Issued by you, ");
        });
        assertThat(detail.recentMethodsProperty().get()).isFalse();
        assertThat(detail.methodSummaryProperty().get()).doesNotContain("added in the last")
                .contains("2 issued by you");
        RecoveryContext alex = desk.read(ALEX);
        assertThat(alex.methods()).noneMatch(alex::recent);
    }

    private PlaybookViewModel openPlaybook() {
        return PlaybookViewModelTest.openPlaybook(actions);
    }

    private static MethodChoice method(PlaybookViewModel playbook, String labelPart) {
        return PlaybookViewModelTest.method(playbook, labelPart);
    }

    private UserSummary alex() {
        return connection.directory().searchUsers(UserQuery.firstPage("alex", 50)).users().stream()
                .filter(u -> u.userPrincipalName().equals(ALEX)).findFirst().orElseThrow();
    }
}
