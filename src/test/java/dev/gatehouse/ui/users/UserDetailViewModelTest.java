package dev.gatehouse.ui.users;

import dev.gatehouse.ui.fake.FakeClipboard;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.SignedInAdmin;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantInfo;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.user.SyncState;
import dev.gatehouse.domain.user.UserPage;
import dev.gatehouse.domain.user.UserProfile;
import dev.gatehouse.domain.user.UserQuery;
import dev.gatehouse.domain.user.UserType;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.fake.WithoutGroupReads;
import dev.gatehouse.ui.users.ProfileFact.Tone;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class UserDetailViewModelTest {

    private static final Instant NOW = Instant.parse("2025-06-18T10:00:00Z");

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final UserDetailViewModel viewModel = new UserDetailViewModel(runner, Clock.fixed(NOW, ZoneOffset.UTC), new FakeClipboard());
    private final OneUserDirectory directory = new OneUserDirectory();

    @Test
    void methodsAreListedNewestFirstWithUnknownDatesLast() {
        directory.answer(detail(profile(true, UserType.MEMBER), List.of(), List.of(),
                method("phone", MethodType.PHONE, null),
                method("old", MethodType.MICROSOFT_AUTHENTICATOR, NOW.minus(Duration.ofDays(3 * 365 + 10))),
                method("new", MethodType.FIDO2, NOW.minus(Duration.ofDays(2)))));

        load();

        assertThat(viewModel.methods()).extracting(MethodRow::id).containsExactly("new", "old", "phone");
        assertThat(viewModel.methods()).extracting(MethodRow::created, MethodRow::age).containsExactly(
                tuple("16 Jun 2025, 10:00", "2 days ago"),
                tuple("9 Jun 2022, 10:00", "3 years ago"),
                tuple("Not reported", ""));
    }

    @Test
    void theAuditLogDatesAPhoneGraphLeavesUndatedAndFlagsItWhenRecent() {
        directory.registrations = List.of(new dev.gatehouse.domain.method.RegistrationEvent(
                NOW.minus(Duration.ofHours(20)), "User registered Alternate Mobile Phone", MethodType.PHONE,
                dev.gatehouse.domain.method.PhoneType.ALTERNATE_MOBILE, "alex@contoso.com", "198.51.100.77"));
        directory.answer(detail(profile(true, UserType.MEMBER), List.of(), List.of(),
                new AuthMethod("phone", MethodType.PHONE, "+44 7700900461", null,
                        Map.of("Phone type", "Alternate mobile")),
                method("password", MethodType.PASSWORD, NOW.minus(Duration.ofDays(400)))));

        load();

        MethodRow phone = viewModel.methods().get(0);
        assertThat(phone.id()).isEqualTo("phone");
        assertThat(phone.datedFromAuditLog()).isTrue();
        assertThat(phone.recentlyAdded()).isTrue();
        assertThat(phone.age()).isEqualTo("yesterday");
        assertThat(phone.facts().get("Registered")).isEqualTo(
                "\"User registered Alternate Mobile Phone\" by alex@contoso.com from 198.51.100.77");
        assertThat(viewModel.methodSummaryProperty().get()).contains("1 added in the last 7 days")
                .contains("1 dated from the audit log");
    }

    @Test
    void whenTheAuditLogCannotBeReadTheMethodSaysWhyItHasNoDate() {
        directory.answer(detail(profile(true, UserType.MEMBER), List.of(), List.of(),
                method("phone", MethodType.PHONE, null)));

        load();

        assertThat(viewModel.methods().get(0).undated()).isTrue();
        assertThat(viewModel.methods().get(0).facts().get("Date")).contains("could not be read")
                .contains("Needs Reports Reader.");
    }

    @Test
    void methodsAddedInTheLastSevenDaysStandOut() {
        directory.answer(detail(profile(true, UserType.MEMBER), List.of(), List.of(),
                method("attacker", MethodType.MICROSOFT_AUTHENTICATOR, NOW.minus(Duration.ofHours(20))),
                method("week-old", MethodType.PHONE, NOW.minus(Duration.ofDays(7)).minusSeconds(1)),
                method("password", MethodType.PASSWORD, NOW.minus(Duration.ofDays(400)))));

        load();

        assertThat(viewModel.methods()).extracting(MethodRow::id, MethodRow::recentlyAdded).containsExactly(
                tuple("attacker", true), tuple("week-old", false), tuple("password", false));
        assertThat(viewModel.methodSummaryProperty().get())
                .isEqualTo("3 methods \u00b7 1 added in the last 7 days \u2014 check it is the user's own");
        assertThat(viewModel.recentMethodsProperty().get()).isTrue();
    }

    @Test
    void methodsWithoutADateAreNotPassedOffAsOld() {
        directory.answer(detail(profile(true, UserType.MEMBER), List.of(), List.of(),
                method("phone", MethodType.PHONE, null),
                method("password", MethodType.PASSWORD, NOW.minus(Duration.ofDays(400)))));

        load();

        assertThat(viewModel.methods()).extracting(MethodRow::id, MethodRow::undated)
                .containsExactly(tuple("password", false), tuple("phone", true));
        assertThat(viewModel.methodSummaryProperty().get()).isEqualTo("2 methods \u00b7 1 with no date in Graph");
    }

    @Test
    void phishingResistantMethodsAreMarked() {
        directory.answer(detail(profile(true, UserType.MEMBER), List.of(), List.of(),
                method("key", MethodType.FIDO2, NOW.minus(Duration.ofDays(30))),
                method("hello", MethodType.WINDOWS_HELLO_FOR_BUSINESS, NOW.minus(Duration.ofDays(40))),
                method("sms", MethodType.PHONE, null)));

        load();

        assertThat(viewModel.methods()).extracting(MethodRow::id, MethodRow::phishingResistant).containsExactly(
                tuple("key", true), tuple("hello", true), tuple("sms", false));
        assertThat(viewModel.recentMethodsProperty().get()).isFalse();
    }

    @Test
    void methodDetailsAreJoinedOnOneLine() {
        directory.answer(detail(profile(true, UserType.MEMBER), List.of(), List.of(),
                new AuthMethod("k", MethodType.FIDO2, "Work key", NOW,
                        Map.of("Model", "YubiKey 5 NFC"))));

        load();

        assertThat(viewModel.methods().get(0).details()).isEqualTo("Model: YubiKey 5 NFC");
        assertThat(viewModel.methods().get(0).typeLabel()).isEqualTo("Passkey (FIDO2)");
    }

    @Test
    void theProfileShowsTheFactsThatDecideARecovery() {
        RoleAssignment globalAdmin = new RoleAssignment(DirectoryRole.GLOBAL_ADMINISTRATOR.templateId(),
                "Global Administrator", "/", "Emergency access accounts");
        directory.answer(detail(profile(false, UserType.MEMBER), List.of(globalAdmin),
                List.of(new GroupRef("g1", "Emergency access accounts", true))));

        load();

        assertThat(viewModel.facts()).extracting(ProfileFact::label, ProfileFact::value, ProfileFact::tone).containsExactly(
                tuple("Account", "Disabled \u2014 the user cannot sign in", Tone.DANGER),
                tuple("Identity source", "Synced from on-premises AD", Tone.NORMAL),
                tuple("User type", "Member", Tone.NORMAL),
                tuple("Admin roles", "Global Administrator \u2014 through group Emergency access accounts", Tone.WARNING),
                tuple("Role-assignable groups", "Emergency access accounts", Tone.WARNING),
                tuple("Sign-in sessions valid from", "17 Jun 2025, 10:00 (yesterday)", Tone.NORMAL),
                tuple("Last password change", "Not reported", Tone.NORMAL),
                tuple("Created", "18 Jun 2024, 10:00 (1 year ago)", Tone.NORMAL));
        assertThat(viewModel.privilegedNoteProperty().get()).startsWith("Privileged target");
        // the mail is the UPN here, already shown above the subtitle
        assertThat(viewModel.subtitleProperty().get()).isEqualTo("Buyer \u00b7 Purchasing");
    }

    @Test
    void anOrdinaryMemberIsNotAPrivilegedTarget() {
        directory.answer(detail(profile(true, UserType.GUEST), List.of(), List.of()));

        load();

        assertThat(viewModel.privilegedNoteProperty().get()).isEmpty();
        assertThat(viewModel.facts().get(0)).isEqualTo(new ProfileFact("Account", "Enabled", Tone.GOOD));
        assertThat(viewModel.facts().get(2).value()).startsWith("Guest");
        assertThat(viewModel.methodSummaryProperty().get())
                .isEqualTo("Guests sign in with their home organisation's methods; this tenant holds none for them");
    }

    @Test
    void aUserWhoNoLongerExistsIsReportedNotThrown() {
        load();

        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.NOT_FOUND);
        assertThat(viewModel.errorProperty().get()).startsWith("This user no longer exists");
    }

    @Test
    void aFailureShowsTheTenantsMessageAndReloadTriesAgain() {
        directory.fail(new TenantException(TenantException.Kind.MISSING_PERMISSION,
                "The app lacks the delegated permission UserAuthenticationMethod.Read.All. Ask a Global Administrator to consent."));
        directory.answer(detail(profile(true, UserType.MEMBER), List.of(), List.of()));

        load();
        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.FAILED);
        assertThat(viewModel.errorProperty().get()).contains("UserAuthenticationMethod.Read.All");
        assertThat(viewModel.displayNameProperty().get()).isEqualTo("Chris Green");

        viewModel.reload();
        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.LOADED);
        assertThat(viewModel.errorProperty().get()).isEmpty();
    }

    @Test
    void whileLoadingTheHeaderAlreadyNamesTheUser() {
        runner.holdTasks();
        load();

        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.LOADING);
        assertThat(viewModel.displayNameProperty().get()).isEqualTo("Chris Green");
        assertThat(viewModel.userPrincipalNameProperty().get()).isEqualTo("chris@contoso.example");
        assertThat(runner.started()).containsExactly("Loading Chris Green");
    }

    private void load() {
        viewModel.attach(directory);
        viewModel.load(profile(true, UserType.MEMBER).summary());
    }

    @Test
    void partsTheAdminMayNotReadAreExplainedAndUnknownRolesCountAsPrivileged() {
        directory.answer(new UserDetail(profile(true, UserType.MEMBER), List.of(), List.of(), List.of(), Map.of(
                UserDetail.Part.METHODS, "You need Authentication Administrator to list methods.",
                UserDetail.Part.ROLES, "You need Directory Readers to read role assignments.")));

        load();

        assertThat(viewModel.methods()).isEmpty();
        assertThat(viewModel.methodsHiddenProperty().get()).isTrue();
        assertThat(viewModel.methodSummaryProperty().get())
                .isEqualTo("Not shown: You need Authentication Administrator to list methods.");
        assertThat(viewModel.facts()).extracting(ProfileFact::label, ProfileFact::value)
                .contains(tuple("Admin roles", "Unknown \u2014 you may not read role assignments"));
        assertThat(viewModel.privilegedNoteProperty().get()).startsWith("Could not tell whether this user is an admin")
                .endsWith("You need Directory Readers to read role assignments.");
    }

    private static UserProfile profile(boolean enabled, UserType type) {
        return new UserProfile("u1", "Chris Green", "chris@contoso.example", "chris@contoso.example", type, enabled,
                SyncState.SYNCED, NOW.minus(Duration.ofDays(365)), NOW.minus(Duration.ofDays(1)), null, "Buyer",
                "Purchasing");
    }

    private static UserDetail detail(UserProfile profile, List<RoleAssignment> roles, List<GroupRef> groups,
                                     AuthMethod... methods) {
        return new UserDetail(profile, roles, groups, List.of(methods));
    }

    private static AuthMethod method(String id, MethodType type, Instant created) {
        return new AuthMethod(id, type, type.label(), created, Map.of());
    }

    /** Answers findUser with a queued failure or the one user it was given. */
    private static final class OneUserDirectory implements WithoutGroupReads {
        private final Queue<TenantException> failures = new ArrayDeque<>();
        private UserDetail detail;
        private List<dev.gatehouse.domain.method.RegistrationEvent> registrations;

        void answer(UserDetail answer) {
            detail = answer;
        }

        void fail(TenantException failure) {
            failures.add(failure);
        }

        @Override
        public Optional<UserDetail> findUser(String idOrUserPrincipalName) {
            if (!failures.isEmpty()) {
                throw failures.remove();
            }
            return Optional.ofNullable(detail).filter(d -> d.profile().id().equals(idOrUserPrincipalName));
        }

        @Override
        public TenantInfo tenant() {
            throw new UnsupportedOperationException();
        }

        @Override
        public SignedInAdmin signedInAdmin() {
            throw new UnsupportedOperationException();
        }

        @Override
        public UserPage searchUsers(UserQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AuthMethod> authenticationMethods(String userId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<dev.gatehouse.domain.tenant.GroupRef> groupMemberships(String userId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.gatehouse.domain.policy.MethodsPolicy methodsPolicy() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<dev.gatehouse.domain.policy.ConditionalAccessPolicy> conditionalAccessPolicies() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<dev.gatehouse.domain.method.RegistrationEvent> registrationEvents(String userId,
                                                                                      java.time.Instant since) {
            if (registrations == null) {
                throw new TenantException(TenantException.Kind.MISSING_ROLE, "Needs Reports Reader.");
            }
            return registrations;
        }
    }
}
