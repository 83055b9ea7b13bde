package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.journal.JournalEntry;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.text.Moments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What another admin may be handing over to the user right now: a password changed, or a Temporary Access Pass
 * issued, in the last few minutes, and not by Gatehouse on this computer (its journal would say so). No local lock
 * keeps two admins on two machines apart, so before a plan resets the password or issues a pass, the tenant itself is
 * asked: a new credential from here would make theirs stop working.
 */
final class HandOversByOthers {

    /** "In the last few minutes": long enough for a hand-over by phone, short enough to be about this incident. */
    static final Duration WINDOW = Duration.ofMinutes(15);

    private HandOversByOthers() {
    }

    /**
     * @param ours this computer's journal entries for the target (any plan), to recognise Gatehouse's own changes
     */
    static List<String> find(RecoveryContext context, List<JournalEntry> ours) {
        return find(context, ours, java.util.Set.of(RESET, TAP));
    }

    static final String RESET = "reset-password";
    static final String TAP = "issue-tap";

    /** @param handingOver which of {@link #RESET} and {@link #TAP} the plan does: only those can undo another's */
    static List<String> find(RecoveryContext context, List<JournalEntry> ours, java.util.Set<String> handingOver) {
        Instant since = context.now().minus(WINDOW);
        List<String> found = new ArrayList<>();
        Instant changed = context.profile().lastPasswordChange();
        if (handingOver.contains(RESET) && changed != null && changed.isAfter(since) && ours.stream().noneMatch(entry -> tried(entry, "reset-password")
                && !entry.at().isBefore(changed.minus(Duration.ofMinutes(2))))) {
            found.add(context.targetName() + "'s password was changed " + Moments.of(changed) + ", "
                    + minutesAgo(changed, context.now()) + ", and not by Gatehouse on this computer: another admin "
                    + "(or the user) may be handing a new one over right now. A reset from here would make theirs "
                    + "stop working: check with them before you go on.");
        }
        for (AuthMethod pass : handingOver.contains(TAP) ? context.methods() : List.<AuthMethod>of()) {
            if (pass.type() == MethodType.TEMPORARY_ACCESS_PASS && pass.created() != null
                    && pass.created().isAfter(since) && ours.stream().noneMatch(entry -> Objects.equals(
                    entry.after().get("temporaryAccessPassId"), pass.id()))) {
                found.add("A Temporary Access Pass was issued to " + context.targetName() + " "
                        + Moments.of(pass.created()) + ", " + minutesAgo(pass.created(), context.now())
                        + ", and not by Gatehouse on this computer: another admin may be handing it over right now. "
                        + "A new pass replaces it, so theirs would stop working: check with them before you go on.");
            }
        }
        return found;
    }

    /**
     * What this computer handed over to the user in the last few minutes (its journal says so): a new password or pass
     * makes that one stop working. A warning only — it was this admin's own doing — unlike {@link #find}.
     */
    static List<String> ours(RecoveryContext context, List<JournalEntry> ours, java.util.Set<String> handingOver) {
        Instant since = context.now().minus(WINDOW);
        List<String> found = new ArrayList<>();
        ours.stream().filter(entry -> entry.at().isAfter(since) && "DONE".equals(entry.status()))
                .filter(entry -> handingOver.contains(entry.step()))
                .forEach(entry -> found.add("Gatehouse on this computer " + (entry.step().equals("reset-password")
                        ? "reset " + context.targetName() + "'s password" : "issued " + context.targetName()
                        + " a Temporary Access Pass") + " " + Moments.of(entry.at()) + ", "
                        + minutesAgo(entry.at(), context.now()) + " (" + entry.actor() + ", \u201c" + entry.plan()
                        + "\u201d). If it was handed over, a new one makes it stop working."));
        return found;
    }

    /** A step this computer ran or began, whatever came of it: a change it may have made is its own. */
    private static boolean tried(JournalEntry entry, String step) {
        return step.equals(entry.step());
    }

    private static String minutesAgo(Instant then, Instant now) {
        long minutes = Math.max(0, Duration.between(then, now).toMinutes());
        return minutes == 0 ? "less than a minute ago" : minutes == 1 ? "a minute ago" : minutes + " minutes ago";
    }
}
