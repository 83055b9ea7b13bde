package dev.gatehouse.ui.users;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.procedure.FileRunLocks;
import dev.gatehouse.domain.procedure.JsonProgressStore;
import dev.gatehouse.domain.procedure.RunHolder;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.settings.SettingsFile;
import dev.gatehouse.domain.user.UserQuery;
import dev.gatehouse.domain.user.UserSummary;
import dev.gatehouse.ui.common.SettingsFilePreferences;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.fake.DemoData;
import dev.gatehouse.ui.fake.FakeClipboard;
import dev.gatehouse.ui.fake.FakeDirectory;
import dev.gatehouse.ui.fake.FakeWriter;
import dev.gatehouse.ui.fake.MemoryJournal;
import dev.gatehouse.ui.fake.MemoryPreferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as recently added follows the admin's window, in the table, the summary, plans and the saved file. */
class RecentMethodWindowTest {

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final CallLog log = new CallLog();
    private final FakeDirectory directory = DemoData.directory("compromised", log);
    private final UsersViewModel users = new UsersViewModel(runner,
            new UserDetailViewModel(runner, Clock.systemUTC(), new FakeClipboard()));
    private final UserDetailViewModel detail = users.detail();
    private UserSummary megan;

    @TempDir
    Path data;

    @BeforeEach
    void openMegan() {
        users.attach(directory);
        // an attacker's Authenticator registered 26 hours ago, her own methods months ago
        megan = directory.searchUsers(UserQuery.firstPage("megan", 50)).users().get(0);
        users.select(megan);
    }

    @Test
    void theTableFlagsWhatWasAddedWithinTheWindowWithoutAskingTheTenantAgain() {
        assertThat(detail.recentDaysProperty().get()).isEqualTo(7);
        assertThat(recentTypes()).containsExactly(MethodType.MICROSOFT_AUTHENTICATOR);
        assertThat(detail.methodSummaryProperty().get()).contains("1 added in the last 7 days");
        int calls = log.snapshot().size();

        detail.recentDaysProperty().set(1);

        assertThat(recentTypes()).as("26 hours is more than a day").isEmpty();
        assertThat(detail.recentMethodsProperty().get()).isFalse();
        assertThat(detail.methodSummaryProperty().get()).doesNotContain("added in the last");

        detail.recentDaysProperty().set(2);

        assertThat(recentTypes()).containsExactly(MethodType.MICROSOFT_AUTHENTICATOR);
        assertThat(detail.methodSummaryProperty().get()).contains("1 added in the last 2 days");
        assertThat(log.snapshot()).hasSize(calls);
    }

    @Test
    void plansUseTheSameWindow() {
        RecoveryDesk desk = new RecoveryDesk(directory, new FakeWriter(), new MemoryJournal(),
                new JsonProgressStore(data), new FileRunLocks(data), "Demo tenant", RunHolder.WINDOW, Clock.systemUTC(), AuthMethod.RECENT);
        detail.recentDaysProperty().set(30);
        users.allowChanges(desk);
        assertThat(desk.read(megan.id()).recentWindow()).isEqualTo(Duration.ofDays(30));

        detail.recentDaysProperty().set(1);

        assertThat(desk.read(megan.id()).recentWindow()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void theSavedWindowIsReadAtStartAndChangesAreSavedOnceTheSpinnerStops() throws IOException {
        SettingsFile settings = new SettingsFile(data);
        settings.saveRecentWindow(Duration.ofDays(1));

        detail.usePreferences(new SettingsFilePreferences(settings, runner));

        assertThat(detail.recentDaysProperty().get()).isEqualTo(1);
        assertThat(recentTypes()).isEmpty();

        detail.recentDaysProperty().set(2);
        detail.recentDaysProperty().set(3);
        assertThat(settings.recentWindow()).as("not while clicking").isEqualTo(Duration.ofDays(1));
        runner.advance(UserDetailViewModel.SETTINGS_WRITE_DELAY);

        assertThat(settings.recentWindow()).isEqualTo(Duration.ofDays(3));
        assertThat(Files.readString(data.resolve(SettingsFile.FILE_NAME))).contains("recentMethodWindowDays=3");
    }

    @Test
    void aBrokenSettingsFileLeavesTheDefault() throws IOException {
        Files.writeString(data.resolve(SettingsFile.FILE_NAME), "recentMethodWindowDays=a week");

        detail.usePreferences(new SettingsFilePreferences(new SettingsFile(data), runner));

        assertThat(detail.recentDaysProperty().get()).isEqualTo(7);
        assertThat(recentTypes()).containsExactly(MethodType.MICROSOFT_AUTHENTICATOR);
    }

    @Test
    void theWindowJustReadIsNotSavedBackAndAFailedSaveIsShown() {
        MemoryPreferences saved = new MemoryPreferences(Duration.ofDays(3));
        detail.usePreferences(saved);
        runner.advance(UserDetailViewModel.SETTINGS_WRITE_DELAY);
        assertThat(detail.recentDaysProperty().get()).isEqualTo(3);
        assertThat(saved.saves()).isEmpty();

        saved.failSavesWith("The disk is full.");
        detail.recentDaysProperty().set(4);
        runner.advance(UserDetailViewModel.SETTINGS_WRITE_DELAY);

        assertThat(saved.saves()).containsExactly(Duration.ofDays(4));
        assertThat(detail.errorProperty().get()).isEqualTo("Could not save the recent-method window: The disk is full.");
    }

    private java.util.List<MethodType> recentTypes() {
        return detail.methods().stream().filter(MethodRow::recentlyAdded).map(MethodRow::type).toList();
    }
}
