package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.method.PhoneType;
import dev.gatehouse.domain.method.RegistrationEvent;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.recovery.RegistrationDate.Source;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.SignedInAdmin;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantInfo;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.user.UserPage;
import dev.gatehouse.domain.user.UserQuery;
import dev.gatehouse.ui.fake.WithoutGroupReads;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.gatehouse.domain.recovery.RecoveryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Dating methods Graph leaves undated from the directory audit log, and saying so when the log cannot tell. */
class RegistrationDateTest {

    private static final AuthMethod OWN_MOBILE = phone("3179e48a-750b-4051-897c-87b9720928f7", "+61 491570110",
            PhoneType.MOBILE);
    private static final AuthMethod ATTACKER_PHONE = phone("b6332ec1-7057-4abe-9331-3d72feddfe41", "+44 7700900461",
            PhoneType.ALTERNATE_MOBILE);
    private static final Duration YESTERDAY = Duration.ofDays(1);

    private static UserDetail alex() {
        return user("Alex Wilber", PASSWORD, AUTHENTICATOR, ATTACKER_APP, OWN_MOBILE, ATTACKER_PHONE);
    }

    @Test
    void theAttackersPhoneIsDatedByTheLogAndOnlyItsPhoneTypeMatches() {
        RecoveryContext context = context(admin(GLOBAL_ADMIN), alex(),
                registered("User registered Authenticator App with Notification and Code", YESTERDAY),
                registered("User registered Alternate Mobile Phone", YESTERDAY.minusMinutes(4)));

        assertThat(context.registeredAt(ATTACKER_PHONE)).contains(NOW.minus(YESTERDAY).plus(Duration.ofMinutes(4)));
        assertThat(context.recent(ATTACKER_PHONE)).isTrue();
        RegistrationDate date = context.registration(ATTACKER_PHONE);
        assertThat(date.source()).isEqualTo(Source.AUDIT_LOG);
        assertThat(date.explanation()).isEqualTo("21 Nov 2026, 10:04 UTC (date from the directory audit log: "
                + "\"User registered Alternate Mobile Phone\" by alex.wilber@tailspintoys.com from 198.51.100.77)");
        assertThat(context.registeredAt(OWN_MOBILE)).as("no mobile-phone registration in the log").isEmpty();
        assertThat(context.recent(OWN_MOBILE)).isFalse();
        assertThat(context.registration(OWN_MOBILE).source()).isEqualTo(Source.UNKNOWN);
        assertThat(context.registration(OWN_MOBILE).explanation()).contains("Graph gives no date for Phone methods",
                "no registration of one in the last 30 days");
    }

    @Test
    void graphsOwnDateWinsOverTheLog() {
        RecoveryContext context = context(admin(GLOBAL_ADMIN), alex(),
                registered("User registered Authenticator App with Notification and Code", Duration.ofHours(2)));

        assertThat(context.registeredAt(AUTHENTICATOR)).contains(AUTHENTICATOR.created());
        assertThat(context.registration(AUTHENTICATOR).source()).isEqualTo(Source.METHOD);
        assertThat(context.recent(AUTHENTICATOR)).isFalse();
    }

    @Test
    void theLatestRegistrationOfTheTypeCountsAndAnOldOneIsNotRecent() {
        RecoveryContext context = context(admin(GLOBAL_ADMIN), user("Ada", PASSWORD, EMAIL),
                registered("User registered Email", Duration.ofDays(20)),
                registered("User registered Email", Duration.ofDays(9)));

        assertThat(context.registeredAt(EMAIL)).contains(NOW.minus(Duration.ofDays(9)));
        assertThat(context.recent(EMAIL)).as("outside the 7-day window").isFalse();
    }

    @Test
    void severalUndatedMethodsTheEntryFitsAreAmbiguousNotGuessed() {
        AuthMethod secondOath = method("oath-2", MethodType.SOFTWARE_OATH, "", null);
        RecoveryContext context = context(admin(GLOBAL_ADMIN), user("Olly Oath", PASSWORD, OATH, secondOath),
                registered("User registered Authenticator App with Code", YESTERDAY));

        assertThat(context.registeredAt(OATH)).isEmpty();
        assertThat(context.registeredAt(secondOath)).isEmpty();
        assertThat(context.recent(OATH)).isFalse();
        RegistrationDate date = context.registration(OATH);
        assertThat(date.source()).isEqualTo(Source.AMBIGUOUS);
        assertThat(date.event().reason()).isEqualTo("User registered Authenticator App with Code");
        assertThat(date.explanation()).contains("2 Software OATH token methods have no date",
                "does not say which one");
    }

    @Test
    void anAdminsPhoneEntryWithoutAPhoneTypeDatesTheOnlyPhoneButNotOneOfTwo() {
        RegistrationEvent byAdmin = RegistrationEvent.fromAudit(NOW.minus(YESTERDAY),
                "Admin registered phone method for user", "adele.vance@tailspintoys.com", null);

        RecoveryContext one = context(admin(GLOBAL_ADMIN), user("Sam", PASSWORD, ATTACKER_PHONE), byAdmin);
        RecoveryContext two = context(admin(GLOBAL_ADMIN), alex(), byAdmin);

        assertThat(one.registeredAt(ATTACKER_PHONE)).contains(NOW.minus(YESTERDAY));
        assertThat(one.registration(ATTACKER_PHONE).explanation()).as("no IP address in the entry")
                .endsWith("\"Admin registered phone method for user\" by adele.vance@tailspintoys.com)");
        assertThat(two.registeredAt(ATTACKER_PHONE)).isEmpty();
        assertThat(two.registration(OWN_MOBILE).source()).isEqualTo(Source.AMBIGUOUS);
    }

    @Test
    void anEntryWhoseWordsAreUnknownDatesNothing() {
        RecoveryContext context = context(admin(GLOBAL_ADMIN), alex(),
                registered("User registered Security Questions", YESTERDAY));

        assertThat(context.registrations()).hasSize(1);
        assertThat(context.methods()).allSatisfy(m -> assertThat(context.registration(m).source())
                .isIn(Source.METHOD, Source.UNKNOWN));
    }

    @Test
    void anUnreadableLogIsSaidSo() {
        RecoveryContext context = contextWithoutAuditLog(admin(AUTH_ADMIN), alex(),
                "Graph refused to read the directory audit log: you need Reports Reader.");

        assertThat(context.registeredAt(ATTACKER_PHONE)).isEmpty();
        assertThat(context.registration(ATTACKER_PHONE).explanation())
                .contains("the directory audit log could not be read (Graph refused", "Reports Reader");
    }

    @Test
    void theReadAsksForAMonthOrTheRecentWindowAndSurvivesARefusal() {
        LogDirectory directory = new LogDirectory(alex());
        directory.failure = new TenantException(TenantException.Kind.MISSING_ROLE, "You need Reports Reader.");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

        RecoveryContext refused = RecoveryContext.read(directory, "alex", clock, Duration.ofDays(7));
        directory.failure = new TenantException(TenantException.Kind.THROTTLED, "Graph is throttling.");
        RecoveryContext throttled = RecoveryContext.read(directory, "alex", clock, Duration.ofDays(7));
        directory.failure = null;
        RecoveryContext longWindow = RecoveryContext.read(directory, "alex", clock, Duration.ofDays(60));

        assertThat(refused.unreadable()).containsEntry(RecoveryContext.REGISTRATIONS, "You need Reports Reader.");
        assertThat(throttled.unreadable()).containsEntry(RecoveryContext.REGISTRATIONS, "Graph is throttling.");
        assertThat(refused.registrations()).isEmpty();
        assertThat(directory.asked).containsExactly(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(30)),
                NOW.minus(Duration.ofDays(60)));
        assertThat(longWindow.registeredAt(ATTACKER_PHONE)).contains(NOW.minus(YESTERDAY));
        assertThat(longWindow.unreadable()).doesNotContainKey(RecoveryContext.REGISTRATIONS);
    }

    /** A directory holding one user whose audit log has the attacker's phone, or fails as told. */
    private static final class LogDirectory implements WithoutGroupReads {
        private final UserDetail user;
        private final List<Instant> asked = new ArrayList<>();
        private TenantException failure;

        LogDirectory(UserDetail user) {
            this.user = user;
        }

        @Override
        public List<RegistrationEvent> registrationEvents(String userId, Instant since) {
            asked.add(since);
            if (failure != null) {
                throw failure;
            }
            return List.of(registered("User registered Alternate Mobile Phone", YESTERDAY));
        }

        @Override
        public SignedInAdmin signedInAdmin() {
            return admin(GLOBAL_ADMIN);
        }

        @Override
        public Optional<UserDetail> findUser(String idOrUserPrincipalName) {
            return Optional.of(user);
        }

        @Override
        public List<GroupRef> groupMemberships(String userId) {
            return List.of();
        }

        @Override
        public MethodsPolicy methodsPolicy() {
            return defaultPolicy();
        }

        @Override
        public List<ConditionalAccessPolicy> conditionalAccessPolicies() {
            return List.of();
        }

        @Override
        public TenantInfo tenant() {
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
    }
}
