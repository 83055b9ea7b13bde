package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.method.UserRegistrationDetail;
import dev.gatehouse.domain.text.Moments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who could register security information once the policy requires "a passkey or a one-time TAP, or a compliant
 * device", read from the userRegistrationDetails report (graph-facts §8) one page at a time, so a tenant of 100,000
 * users never sits in memory: only the ids and UPNs of those who will need a pass are kept, up to a cap.
 *
 * <p>The report cannot show device compliance, so "can register today" means a passkey is registered; everyone else
 * will need a Temporary Access Pass, or must register from a compliant device. Guests are counted apart: the design
 * excludes them (a TAP never works for a guest). Not thread-safe: one reader feeds it.</p>
 */
public final class RegistrationReadiness {

    /** Older than this, the report no longer says who has what: methods registered since are missing. */
    public static final Duration STALE_AFTER = Duration.ofHours(24);

    /** Far above any page a reader keeps, small beside a 256 MiB heap: about 200 bytes a user. */
    public static final int DEFAULT_CAP = 250_000;

    /**
     * {@code methodsRegistered} values that are a passkey (FIDO2) the design's strength accepts. Graph's list is
     * open-ended (graph-facts §8): a value not named here, even one that might be a passkey, does not count, so a
     * user is rather given a pass they did not need than left unable to register.
     */
    static final Set<String> PASSKEY_VALUES = Set.of("fido2securitykey", "passkeydevicebound",
            "passkeydeviceboundauthenticator", "passkeydeviceboundwindowshello", "passkeysynced");

    /** A user who will need a Temporary Access Pass (or a compliant device). */
    public record UserRef(String id, String userPrincipalName, boolean admin) {
        public UserRef {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * What the report says, summed up.
     *
     * @param members         member rows, emergency accounts included
     * @param guests          guest rows, not assessed: the design excludes guests
     * @param withPasskey     members (emergency accounts aside) with a passkey registered: they can register today
     * @param needPass        who a hand-out is for: the others, in report order, at most {@code cap} of them, less those
     *                        the report shows with a pass (a new pass replaces one that may be in their hands)
     * @param needPassCount   how many there are in all, listed or not
     * @param emergencyAccounts members that are emergency-access accounts: excluded by the design, never listed
     * @param withPassInReport members without a passkey that the report shows with a Temporary Access Pass: counted in
     *                        {@code needPassCount}, left off {@code needPass} (whether their pass is one-time and
     *                        still valid only their methods can tell; issuing another would replace it)
     * @param oldestUpdate    the earliest {@code lastUpdatedDateTime} of any row; empty when no row had one
     * @param newestUpdate    the latest
     * @param undatedRows     rows without {@code lastUpdatedDateTime}
     */
    public record Result(long members, long guests, long withPasskey, List<UserRef> needPass, long needPassCount,
                         long emergencyAccounts, long withPassInReport, Optional<Instant> oldestUpdate,
                         Optional<Instant> newestUpdate, long undatedRows) {

        public Result {
            needPass = List.copyOf(needPass);
        }

        /** True when some of those who need a pass could not be listed within the cap. */
        public boolean truncated() {
            return needPassCount - withPassInReport > needPass.size();
        }

        /** How many of the listed ones are admins: only a Privileged Authentication Administrator can pass them. */
        public long adminsNeedingPass() {
            return needPass.stream().filter(UserRef::admin).count();
        }

        /** The report's oldest row is older than {@link #STALE_AFTER}; unknown dates count as stale. */
        public boolean stale(Instant now) {
            return oldestUpdate.map(t -> t.isBefore(now.minus(STALE_AFTER))).orElse(members + guests > 0)
                    || undatedRows > 0;
        }

        /** "The report was last updated between 19 Nov 2026, 08:00 UTC and 20 Nov 2026, 07:00 UTC." */
        public String freshness() {
            if (oldestUpdate.isEmpty()) {
                return "The report gave no lastUpdatedDateTime: how old it is is unknown.";
            }
            String oldest = Moments.of(oldestUpdate.get());
            String newest = Moments.of(newestUpdate.orElseThrow());
            return (oldest.equals(newest) ? "The report was last updated " + oldest
                    : "The report's rows were last updated between " + oldest + " and " + newest)
                    + (undatedRows > 0 ? "; " + undatedRows + " rows gave no date." : ".");
        }
    }

    private final Set<String> emergencyIds;
    private final int cap;
    private final List<UserRef> needPass = new ArrayList<>();
    private long members;
    private long guests;
    private long withPasskey;
    private long needPassCount;
    private long emergencyAccounts;
    private long withPassInReport;
    private long undated;
    private Instant oldest;
    private Instant newest;

    /** @param emergencyAccountIds the emergency-access accounts' ids: excluded by the design, never listed */
    public RegistrationReadiness(Set<String> emergencyAccountIds) {
        this(emergencyAccountIds, DEFAULT_CAP);
    }

    public RegistrationReadiness(Set<String> emergencyAccountIds, int cap) {
        if (cap < 0) {
            throw new IllegalArgumentException("cap must not be negative");
        }
        this.emergencyIds = emergencyAccountIds.stream().map(RegistrationReadiness::key)
                .collect(Collectors.toUnmodifiableSet());
        this.cap = cap;
    }

    /** One page of the report; the rows are not kept. */
    public void accept(List<UserRegistrationDetail> page) {
        for (UserRegistrationDetail row : page) {
            row.lastUpdated().ifPresentOrElse(this::dated, () -> undated++);
            if (row.guest()) {
                guests++;
                continue;
            }
            members++;
            if (emergencyIds.contains(key(row.id()))) {
                emergencyAccounts++;
            } else if (hasPasskey(row.methodsRegistered())) {
                withPasskey++;
            } else {
                needPassCount++;
                if (row.methodsRegistered().stream().anyMatch(m -> m.equalsIgnoreCase("temporaryAccessPass"))) {
                    withPassInReport++;
                } else if (needPass.size() < cap) {
                    needPass.add(new UserRef(row.id(), row.userPrincipalName(), row.admin()));
                }
            }
        }
    }

    public Result result() {
        return new Result(members, guests, withPasskey, needPass, needPassCount, emergencyAccounts, withPassInReport,
                Optional.ofNullable(oldest), Optional.ofNullable(newest), undated);
    }

    static boolean hasPasskey(Set<String> methodsRegistered) {
        return methodsRegistered.stream().anyMatch(m -> PASSKEY_VALUES.contains(key(m)));
    }

    private void dated(Instant updated) {
        oldest = oldest == null || updated.isBefore(oldest) ? updated : oldest;
        newest = newest == null || updated.isAfter(newest) ? updated : newest;
    }

    private static String key(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
