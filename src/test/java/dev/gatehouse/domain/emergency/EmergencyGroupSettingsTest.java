package dev.gatehouse.domain.emergency;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.settings.SettingsFile;
import dev.gatehouse.domain.tenant.SignedInAdmin;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantInfo;
import dev.gatehouse.domain.user.SyncState;
import dev.gatehouse.domain.user.UserProfile;
import dev.gatehouse.domain.user.UserType;
import dev.gatehouse.ui.fake.FakeDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chosen group is kept per tenant in settings.properties; a bad or missing value reads as unset. */
class EmergencyGroupSettingsTest {

    private static final String TENANT = "4b1f6c9e-2d7a-4e38-9c51-7f0a3e2b8d64";
    private static final String OTHER_TENANT = "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f";
    private static final EmergencyGroup VAULT = new EmergencyGroup("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
            "Emergency Access Accounts");

    @TempDir
    Path data;

    private EmergencyGroupSettings settings() {
        return new EmergencyGroupSettings(new SettingsFile(data));
    }

    @Test
    void aChoiceIsKeptForItsTenantOnlyAndForgottenOnRequest() {
        settings().save(TENANT, VAULT);

        assertThat(settings().chosen(TENANT)).hasValue(VAULT);
        assertThat(settings().chosen(TENANT.toUpperCase())).hasValue(VAULT);
        assertThat(settings().chosen(OTHER_TENANT)).isEmpty();

        settings().forget(TENANT);
        assertThat(settings().chosen(TENANT)).isEmpty();
    }

    @Test
    void choosingKeepsTheOtherPreferencesAndSavingThemKeepsTheChoice() throws IOException {
        SettingsFile file = new SettingsFile(data);
        file.saveRecentWindow(Duration.ofDays(14));
        settings().save(TENANT, VAULT);
        file.saveRecentWindow(Duration.ofDays(3));

        assertThat(file.recentWindow()).isEqualTo(Duration.ofDays(3));
        assertThat(settings().chosen(TENANT)).hasValue(VAULT);
        assertThat(Files.readString(data.resolve(SettingsFile.FILE_NAME)))
                .contains("emergencyAccessGroup." + TENANT + "=" + VAULT.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"emergencyAccessGroup." + TENANT + "=Emergency Access Accounts",
            "emergencyAccessGroup." + TENANT + "=", "emergencyAccessGroup." + TENANT + "=5e6f7a8b",
            "emergencyAccessGroup." + TENANT + "=\\u00zz", "emergencyAccessGroupName." + TENANT + "=Vault"})
    void aBadOrMissingValueReadsAsNoneChosen(String content) throws IOException {
        Files.writeString(data.resolve(SettingsFile.FILE_NAME), content, StandardCharsets.UTF_8);

        assertThat(settings().chosen(TENANT)).isEmpty();
    }

    @Test
    void onlyAGroupObjectIdIsSaved() {
        assertThatThrownBy(() -> settings().save(TENANT, new EmergencyGroup("Emergency Access Accounts", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a group's object id");
        assertThat(data.resolve(SettingsFile.FILE_NAME)).doesNotExist();
    }

    @Test
    void theSessionAsksTheTenantWhoItIsOnlyWhenSomeChoiceIsSavedAndThenOnce() {
        CallLog log = new CallLog();
        FakeDirectory directory = directory(log);
        EmergencyAccessSource source = settings().source(directory);

        assertThat(source.current()).isEqualTo(EmergencyAccess.notChosen());
        assertThat(log.snapshot()).isEmpty();

        settings().save(TENANT, VAULT);
        assertThat(source.current()).isEqualTo(EmergencyAccess.chosen(VAULT, EmergencyAccess.Origin.SAVED));
        assertThat(source.current().group()).hasValue(VAULT);
        assertThat(log.snapshot()).hasSize(1);

        settings().forget(TENANT);
        assertThat(source.current()).isEqualTo(EmergencyAccess.notChosen());
    }

    @Test
    void aTenantThatCannotSayWhoItIsLeavesTheChoiceUndetermined() {
        settings().save(OTHER_TENANT, VAULT);
        FakeDirectory directory = directory(new CallLog());
        directory.failNext(new TenantException(TenantException.Kind.MISSING_PERMISSION, "User.Read was not granted."));

        EmergencyAccess access = settings().source(directory).current();

        assertThat(access.group()).isEmpty();
        assertThat(access.whyUnknown()).hasValue("the tenant's id could not be read: User.Read was not granted.");
    }

    private static FakeDirectory directory(CallLog log) {
        UserProfile me = new UserProfile("me", "Adele Vance", "adele@contoso.com", null, UserType.MEMBER, true,
                SyncState.CLOUD_ONLY, null, null, null, null, null);
        return new FakeDirectory(new TenantInfo(TENANT, "Tailspin Toys", "tailspintoys.onmicrosoft.com", null),
                new SignedInAdmin(me, List.of()), List.of(), id -> Optional.empty(), log);
    }
}
