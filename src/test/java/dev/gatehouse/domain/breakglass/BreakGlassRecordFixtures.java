package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.TenantInfo;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.user.SyncState;
import dev.gatehouse.domain.user.UserProfile;
import dev.gatehouse.domain.user.UserType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Records to render: accounts with GUID ids (the checkers want them), keys, notes. */
final class BreakGlassRecordFixtures {

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    static final String DOMAIN = "contoso.onmicrosoft.com";
    static final String TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String GROUP = "11111111-1111-1111-1111-111111111111";
    static final TenantInfo TENANT = new TenantInfo(TENANT_ID, "Contoso Ltd", DOMAIN, "contoso.com");

    private BreakGlassRecordFixtures() {
    }

    static String id(int n) {
        return "aaaaaaaa-0000-4000-8000-00000000000" + n;
    }

    static HealthRead read(List<AccountFacts> accounts, Optional<LocalDate> drill) {
        return new HealthRead(NOW, ZoneOffset.UTC, DOMAIN, Fact.known(new GroupFacts(
                new GroupRef(GROUP, "Emergency Access Accounts", true), Fact.known(List.of()), Fact.known(List.of()),
                Fact.known(List.of()))), accounts, Fact.known(List.of()), Fact.unknown("not read"), drill,
                BreakGlassHealthTest.UNRESTRICTED);
    }

    static AccountFacts account(String id, String displayName, String upn, List<AuthMethod> methods) {
        List<AuthMethod> all = new ArrayList<>(methods);
        all.add(0, new AuthMethod("pw-" + id, MethodType.PASSWORD, "", null, Map.of()));
        UserProfile profile = new UserProfile(id, displayName, upn, null, UserType.MEMBER, true,
                SyncState.CLOUD_ONLY, NOW.minus(Duration.ofDays(300)), null, null, null, null);
        UserDetail detail = new UserDetail(profile, List.of(new RoleAssignment(
                DirectoryRole.GLOBAL_ADMINISTRATOR.templateId(), "Global Administrator", "/", null)), List.of(), all);
        return new AccountFacts(detail, Fact.known(List.of()), Fact.known(List.of()), Fact.known(Optional.empty()),
                Fact.known(List.of()));
    }

    static AuthMethod key(String id, String model, String aaGuid, String created) {
        return new AuthMethod(id, MethodType.FIDO2, model, Instant.parse(created),
                Map.of("Model", model, "AAGUID", aaGuid));
    }

    /** Four accounts with the longest names the set-up allows, each with a key, every note typed and long. */
    static BreakGlassRecord fourLong() {
        List<AccountFacts> accounts = new ArrayList<>();
        RecordNotes notes = RecordNotes.none().withPasswordInTwoParts(true);
        for (int n = 1; n <= 4; n++) {
            String upn = "emergency-access-account-number-0" + n + "-for-the-whole-organisation@" + DOMAIN;
            accounts.add(account(id(n), "Emergency Access Account Number 0" + n + " \u2014 Contoso Head Office "
                    + "Operations", upn, List.of(key("k" + n, "YubiKey 5C NFC FIPS (Security Key by Yubico)",
                    "cb69481e-8ff7-4039-93ec-0a2729a154a" + n, "2026-11-0" + n + "T09:00:00Z"))));
            notes = notes.with(id(n), new RecordNotes.AccountNotes("Key " + (char) ('A' + n - 1)
                    + ", red tag, serial 1234567" + n,
                    "Safe in server room 2, top shelf, envelope " + n + " \u2014 building B, level 3, Sydney office",
                    "CFO's safe, envelope " + n + "a, sealed and signed", "Company secretary's safe, envelope " + n
                    + "b"));
        }
        return BreakGlassRecord.of(TENANT, read(accounts, Optional.of(LocalDate.of(2026, 11, 1))), notes,
                "admin@contoso.onmicrosoft.com");
    }
}
