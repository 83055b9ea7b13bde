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
        Instant since = context.now().minus(WINDOW);
        List<String> found = new ArrayList<>();
        Instant changed = context.profile().lastPasswordChange();
        if (changed != null && changed.isAfter(since) && ours.stream().noneMatch(entry -> done(entry, "reset-password")
                && !entry.at().isBefore(changed.minus(Duration.ofMinutes(2))))) {
            found.add(context.targetName() + "'s password was changed " + Moments.of(changed) + ", "
                    + minutesAgo(changed, context.now()) + ", and not by Gatehouse on this computer: another admin "
                    + "(or the user) may be handing a new one over right now. A reset from here would make theirs "
                    + "stop working: check with them before you go on.");
        }
        for (AuthMethod pass : context.methods()) {
            if (pass.type() == MethodType.TEMPORARY_ACCESS_PASS && pass.created() != null
                    && pass.created().isAfter(since) && ours.stream().noneMatch(entry -> done(entry, "issue-tap")
                    && Objects.equals(entry.after().get("temporaryAccessPassId"), pass.id()))) {
                found.add("A Temporary Access Pass was issued to " + context.targetName() + " "
                        + Moments.of(pass.created()) + ", " + minutesAgo(pass.created(), context.now())
                        + ", and not by Gatehouse on this computer: another admin may be handing it over right now. "
                        + "A new pass replaces it, so theirs would stop working: check with them before you go on.");
            }
        }
        return found;
    }

    private static boolean done(JournalEntry entry, String step) {
        return step.equals(entry.step()) && "DONE".equals(entry.status());
    }

    private static String minutesAgo(Instant then, Instant now) {
        long minutes = Math.max(0, Duration.between(then, now).toMinutes());
        return minutes == 0 ? "less than a minute ago" : minutes == 1 ? "a minute ago" : minutes + " minutes ago";
    }
}
