package dev.gatehouse.ui.fake;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.SignedInAdmin;
import dev.gatehouse.domain.tenant.TenantInfo;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.user.SyncState;
import dev.gatehouse.domain.user.UserProfile;
import dev.gatehouse.domain.user.UserSummary;
import dev.gatehouse.domain.user.UserType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Believable users for UI tests and screenshots of a small business, plus a generated large tenant. */
public final class DemoData {

    public static final String DOMAIN = "northwindtraders.onmicrosoft.com";
    private static final TenantInfo TENANT = new TenantInfo("5f1c6a3e-2b7d-4c8e-9a41-0d3b6e7f8a90",
            "Northwind Traders", DOMAIN, "northwindtraders.com");
    private static final String FIDO2_AAGUID = "cb69481e-8ff7-4039-93ec-0a2729a154a8";

    private DemoData() {
    }

    public static FakeDirectory directory(String scenario, CallLog log) {
        if (scenario.startsWith("large:")) {
            return large(Integer.parseInt(scenario.substring("large:".length())), log);
        }
        List<UserDetail> people = people(Instant.now(), scenario);
        Map<String, UserDetail> byKey = new LinkedHashMap<>();
        people.forEach(detail -> {
            byKey.put(detail.profile().id(), detail);
            byKey.put(detail.profile().userPrincipalName(), detail);
        });
        List<UserSummary> summaries = people.stream().map(detail -> detail.profile().summary()).toList();
        return new FakeDirectory(TENANT, admin(people.get(0)), summaries,
                key -> Optional.ofNullable(byKey.get(key)), log);
    }

    private static SignedInAdmin admin(UserDetail first) {
        return new SignedInAdmin(first.profile(), first.roles());
    }

    static List<UserDetail> people(Instant now, String scenario) {
        Builder b = new Builder(now);
        List<UserDetail> list = new ArrayList<>();
        list.add(b.user("Gatehouse Admin", "admin", "IT Administrator", "IT").role(DirectoryRole.GLOBAL_ADMINISTRATOR)
                .password(400).fido2("YubiKey 5 NFC", 380).authenticator("iPhone 15", 390).build());
        list.add(b.user("Adele Vance", "adele.vance", "Retail Manager", "Retail")
                .password(700).authenticator("iPhone 14", 640).phone("+1 425 555 0109", "mobile").build());
        list.add(b.user("Alex Wilber", "alex.wilber", "Marketing Assistant", "Marketing")
                .password(90).phone("+1 858 555 0110", "mobile").build());
        list.add(b.user("Allan Deyoung", "allan.deyoung", "Corporate Security Officer", "Security")
                .role(DirectoryRole.SECURITY_ADMINISTRATOR).password(200).fido2("YubiKey 5C NFC", 210)
                .windowsHello("ALLAN-LAPTOP", 150).build());
        list.add(b.user("Christie Cline", "christie.cline", "Senior Buyer", "Purchasing").synced()
                .password(30).authenticator("Galaxy S23", 300).build());
        list.add(b.user("Debra Berger", "debra.berger", "Administrative Assistant", "Executive Management")
                .password(1100).phone("+1 206 555 0114", "mobile").email("debra.private@example.com").build());
        list.add(b.user("Diego Siciliani", "diego.siciliani", "HR Manager", "Human Resources")
                .password(14).authenticator("Pixel 8", 800).softwareOath().build());
        list.add(b.user("Grady Archie", "grady.archie", "Designer", "R&D").disabled().password(1300).build());
        list.add(b.user("Henrietta Mueller", "henrietta.mueller", "Developer", "R&D").synced()
                .password(60).windowsHello("HMUELLER-WS", 420).authenticator("iPhone 13", 900).build());
        list.add(b.user("Isaiah Langer", "isaiah.langer", "Sales Rep", "Sales").password(5).build());
        list.add(b.user("Johanna Lorenz", "johanna.lorenz", "Senior Engineer", "Engineering")
                .role(DirectoryRole.AUTHENTICATION_ADMINISTRATOR).password(250).fido2("Feitian ePass K9", 240)
                .authenticator("iPhone 15 Pro", 260).build());
        list.add(b.user("Joni Sherman", "joni.sherman", "Paralegal", "Legal").password(180)
                .phone("+1 980 555 0101", "mobile").phone("+1 980 555 0199", "office").build());
        list.add(b.user("Lee Gu", "lee.gu", "Director", "Manufacturing").password(330).authenticator("iPhone 12", 1200).build());
        list.add(b.user("Lidia Holloway", "lidia.holloway", "Product Manager", "Engineering").password(45)
                .passkeyInAuthenticator("Microsoft Authenticator (iOS)", 20).build());
        list.add(b.user("Lynne Robbins", "lynne.robbins", "Planner", "Retail").password(3)
                .tap(1).build());
        list.add(b.user("Megan Bowen", "megan.bowen", "Marketing Manager", "Marketing").password(520)
                .authenticator("iPhone 14", 700).phone("+1 412 555 0109", "mobile").build());
        list.add(b.user("Miriam Graham", "miriam.graham", "Director", "Sales & Marketing").role(DirectoryRole.USER_ADMINISTRATOR)
                .viaGroup("Tier 1 admins").password(210).authenticator("Pixel 7", 610).build());
        list.add(b.user("Nestor Wilke", "nestor.wilke", "Director", "Operations").synced().disabled().password(900)
                .phone("+1 404 555 0103", "mobile").build());
        list.add(b.user("Patti Fernandez", "patti.fernandez", "President", "Executive Management")
                .password(120).fido2("YubiKey Bio", 110).windowsHello("PATTI-SURFACE", 100).build());
        list.add(b.user("Pradeep Gupta", "pradeep.gupta", "Accountant", "Finance").password(75)
                .authenticator("Galaxy A54", 70).build());
        list.add(b.guest("Jordan Miller (Fabrikam)", "jordan.miller_fabrikam.com#EXT#", "Consultant").build());
        list.add(b.guest("Sam Taylor (Contoso)", "sam.taylor_contoso.com#EXT#", "Auditor")
                .authenticator("iPhone 11", 60).build());
        list.add(b.user("BreakGlass 01", "breakglass01", null, null).role(DirectoryRole.GLOBAL_ADMINISTRATOR)
                .viaGroup("Emergency access accounts").password(700).fido2("YubiKey 5 NFC", 690).build());
        list.add(b.user("BreakGlass 02", "breakglass02", null, null).role(DirectoryRole.GLOBAL_ADMINISTRATOR)
                .viaGroup("Emergency access accounts").password(700).build());
        if ("compromised".equals(scenario)) {
            int megan = 15;
            UserDetail detail = list.get(megan);
            List<AuthMethod> methods = new ArrayList<>(detail.methods());
            methods.add(new AuthMethod(UUID.randomUUID().toString(), MethodType.MICROSOFT_AUTHENTICATOR, "SM-A136U",
                    Instant.now().minus(Duration.ofHours(26)),
                    Builder.ordered("Device tag", "SoftwareTokenActivated", "App version", "6.2403.1587")));
            list.set(megan, new UserDetail(detail.profile(), detail.roles(), detail.roleAssignableGroups(), methods));
        }
        return list;
    }

    private static FakeDirectory large(int count, CallLog log) {
        String[] first = {"Ava", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kira", "Liam",
                "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wen", "Yusuf", "Zoe"};
        String[] last = {"Adams", "Brown", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Hansen", "Ito", "Jensen",
                "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Petrov", "Quiroga", "Rossi", "Silva", "Tanaka"};
        Instant now = Instant.now();
        List<UserSummary> users = IntStream.range(0, count).mapToObj(i -> {
            String name = first[i % first.length] + " " + last[(i / first.length) % last.length] + " " + (i + 1);
            String upn = name.toLowerCase().replace(' ', '.') + "@" + DOMAIN;
            return new UserSummary("u-" + i, name, upn, i % 50 == 0 ? UserType.GUEST : UserType.MEMBER,
                    i % 97 != 0, i % 3 == 0 ? SyncState.SYNCED : SyncState.CLOUD_ONLY);
        }).toList();
        Builder b = new Builder(now);
        Function<String, Optional<UserDetail>> details = key -> users.stream()
                .filter(u -> u.id().equals(key) || key.equalsIgnoreCase(u.userPrincipalName())).findFirst()
                .map(u -> b.from(u).password(100 + Math.floorMod(u.id().hashCode(), 300)).authenticator("iPhone 14", 400).build());
        return new FakeDirectory(TENANT, admin(people(now, "baseline").get(0)), users, details, log);
    }

    /** Fluent construction of one user with roles and methods registered {@code n} days ago. */
    private static final class Builder {
        private final Instant now;
        private UserProfile profile;
        private final List<RoleAssignment> roles = new ArrayList<>();
        private final List<GroupRef> groups = new ArrayList<>();
        private final List<AuthMethod> methods = new ArrayList<>();
        private int sequence;

        Builder(Instant now) {
            this.now = now;
        }

        Builder user(String name, String alias, String title, String department) {
            return start(new UserProfile(id(), name, alias + "@" + DOMAIN, alias + "@northwindtraders.com",
                    UserType.MEMBER, true, SyncState.CLOUD_ONLY, daysAgo(2000 - 20 * sequence), daysAgo(12 + sequence),
                    null, title, department));
        }

        Builder guest(String name, String alias, String title) {
            return start(new UserProfile(id(), name, alias + "@" + DOMAIN, null, UserType.GUEST, true,
                    SyncState.CLOUD_ONLY, daysAgo(200 + sequence), daysAgo(30), null, title, null));
        }

        Builder from(UserSummary summary) {
            return start(new UserProfile(summary.id(), summary.displayName(), summary.userPrincipalName(), null,
                    summary.userType(), summary.accountEnabled(), summary.syncState(), daysAgo(900), daysAgo(40),
                    null, "Associate", "Operations"));
        }

        private Builder start(UserProfile newProfile) {
            sequence++;
            profile = newProfile;
            roles.clear();
            groups.clear();
            methods.clear();
            return this;
        }

        Builder synced() {
            profile = copy(profile.accountEnabled(), SyncState.SYNCED);
            return this;
        }

        Builder disabled() {
            profile = copy(false, profile.syncState());
            return this;
        }

        Builder role(DirectoryRole role) {
            roles.add(new RoleAssignment(role.templateId(), role.displayName(), "/", null));
            return this;
        }

        /** The last role added was granted through this role-assignable group. */
        Builder viaGroup(String group) {
            RoleAssignment last = roles.remove(roles.size() - 1);
            roles.add(new RoleAssignment(last.roleDefinitionId(), last.roleName(), last.directoryScopeId(), group));
            groups.add(new GroupRef(id(), group, true));
            return this;
        }

        Builder password(int days) {
            profile = new UserProfile(profile.id(), profile.displayName(), profile.userPrincipalName(), profile.mail(),
                    profile.userType(), profile.accountEnabled(), profile.syncState(), profile.createdDateTime(),
                    profile.signInSessionsValidFrom(), daysAgo(days), profile.jobTitle(), profile.department());
            return method(MethodType.PASSWORD, "Password", daysAgo(days), Map.of());
        }

        Builder fido2(String model, int days) {
            return method(MethodType.FIDO2, model, daysAgo(days),
                    ordered("Model", model, "AAGUID", FIDO2_AAGUID, "Attestation", "Attested"));
        }

        Builder passkeyInAuthenticator(String model, int days) {
            return method(MethodType.FIDO2, model, daysAgo(days),
                    ordered("Model", model, "AAGUID", "90a3ccdf-635c-4729-a248-9b709135078f", "Attestation", "Not attested"));
        }

        Builder authenticator(String device, int days) {
            return method(MethodType.MICROSOFT_AUTHENTICATOR, device, daysAgo(days),
                    ordered("Device tag", "SoftwareTokenActivated", "App version", "6.2409.6094"));
        }

        Builder phone(String number, String type) {
            return method(MethodType.PHONE, number, null, ordered("Phone type", type, "SMS sign-in", "notEnabled"));
        }

        Builder email(String address) {
            return method(MethodType.EMAIL, address, null, Map.of());
        }

        Builder softwareOath() {
            return method(MethodType.SOFTWARE_OATH, "Authenticator app (code only)", null, Map.of());
        }

        Builder windowsHello(String device, int days) {
            return method(MethodType.WINDOWS_HELLO_FOR_BUSINESS, device, daysAgo(days), ordered("Key strength", "normal"));
        }

        Builder tap(int days) {
            return method(MethodType.TEMPORARY_ACCESS_PASS, "One-time, 60 minutes", daysAgo(days),
                    ordered("Lifetime", "60 minutes", "Usable once", "Yes", "Usable now", "No (expired)"));
        }

        UserDetail build() {
            return new UserDetail(profile, roles, groups, methods);
        }

        private Builder method(MethodType type, String summary, Instant created, Map<String, String> details) {
            String id = type == MethodType.PASSWORD ? MethodType.PASSWORD_METHOD_ID : id();
            methods.add(new AuthMethod(id, type, summary, created, details));
            return this;
        }

        private UserProfile copy(boolean enabled, SyncState sync) {
            return new UserProfile(profile.id(), profile.displayName(), profile.userPrincipalName(), profile.mail(),
                    profile.userType(), enabled, sync, profile.createdDateTime(), profile.signInSessionsValidFrom(),
                    profile.lastPasswordChange(), profile.jobTitle(), profile.department());
        }

        private Instant daysAgo(int days) {
            return now.minus(Duration.ofDays(days)).minus(Duration.ofMinutes(97L * sequence));
        }

        private static String id() {
            return UUID.randomUUID().toString();
        }

        private static Map<String, String> ordered(String... pairs) {
            return IntStream.range(0, pairs.length / 2).boxed()
                    .collect(Collectors.toMap(i -> pairs[2 * i], i -> pairs[2 * i + 1], (a, c) -> a, LinkedHashMap::new));
        }
    }
}
