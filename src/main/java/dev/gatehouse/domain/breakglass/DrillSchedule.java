package dev.gatehouse.domain.breakglass;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * When the emergency-access accounts were last tested and when they must be next. Microsoft: test them at least every
 * 90 days, and whenever IT staff or the tenant's subscriptions change. The date comes from the drill recorded on this
 * machine; without one, from the account's last sign-in, said as such (a sign-in shows the account worked then, not
 * that the whole checklist was run).
 */
public final class DrillSchedule {

    /** Microsoft's cadence for testing emergency-access accounts. */
    public static final int EVERY_DAYS = 90;
    /** How many days before the due date the health view starts saying so. */
    static final int DUE_SOON_DAYS = 14;

    /** How to hold one, in the words of both front ends. */
    static final String RUN_ONE = "Run a drill and record it (Start drill\u2026 in the window, gatehouse breakglass "
            + "drill on the command line).";

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    private DrillSchedule() {
    }

    /** The drill's check for one account. */
    static HealthCheck check(Optional<LocalDate> recorded, Optional<LocalDate> lastSignIn, LocalDate today) {
        String label = "Drill";
        Optional<LocalDate> basis = recorded.isPresent() ? recorded : lastSignIn;
        if (basis.isEmpty()) {
            return HealthCheck.red("drill", label, "No drill recorded on this machine and no sign-in in the log: "
                    + "nothing shows the account works. " + RUN_ONE);
        }
        LocalDate last = basis.get();
        long since = ChronoUnit.DAYS.between(last, today);
        LocalDate next = last.plusDays(EVERY_DAYS);
        long until = ChronoUnit.DAYS.between(today, next);
        String what = recorded.isPresent() ? "Last drill " + date(last) + " (" + days(since) + " ago)"
                : "No drill recorded on this machine; the account last signed in " + date(last) + " (" + days(since)
                + " ago)";
        if (until < 0) {
            return HealthCheck.red("drill", label, what + ": past the " + EVERY_DAYS + "-day goal since " + date(next)
                    + ". " + RUN_ONE);
        }
        if (until <= DUE_SOON_DAYS) {
            return HealthCheck.amber("drill", label, what + ". Next drill due " + date(next) + ", in " + days(until)
                    + ".");
        }
        if (recorded.isEmpty()) {
            return HealthCheck.amber("drill", label, what + ". Record a drill to count from it; next due by "
                    + date(next) + ".");
        }
        return HealthCheck.green("drill", label, what + ". Next drill due " + date(next) + ", in " + days(until)
                + ".");
    }

    /** The date the next drill is due: 90 days after the last one recorded, or today when none is. */
    public static LocalDate nextDue(Optional<LocalDate> recorded, LocalDate today) {
        return recorded.map(d -> d.plusDays(EVERY_DAYS)).orElse(today);
    }

    /** "6 Dec 2026": a drill is a day, said the same way everywhere. */
    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    private static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }
}
