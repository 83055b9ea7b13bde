package dev.gatehouse.domain.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** The known name a mistyped one most likely meant, for "did you mean …?" in messages about input. */
public final class NearestName {

    private NearestName() {
    }

    /**
     * The candidate nearest to {@code given}, ignoring case, when it is near enough to be what was meant: at most
     * two edits, or a third of the name's length for longer names. Ties go to the first in sort order.
     */
    public static Optional<String> to(String given, Collection<String> candidates) {
        String wanted = given.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, given.length() / 3);
        return candidates.stream().sorted()
                .min(Comparator.comparingInt(candidate -> distance(wanted, candidate.toLowerCase(Locale.ROOT))))
                .filter(candidate -> distance(wanted, candidate.toLowerCase(Locale.ROOT)) <= allowed);
    }

    /** Levenshtein distance: the insertions, deletions and substitutions that turn one text into the other. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
