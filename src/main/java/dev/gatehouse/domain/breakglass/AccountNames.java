package dev.gatehouse.domain.breakglass;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Names for emergency-access accounts: suggested, built from a prefix the admin may choose, and checked.
 * <p>
 * <b>The suggested scheme</b> is {@code acct-<four random letters>-NN} ("acct-kavo-01", display name "Cloud account
 * kavo 01"). Why: Microsoft's guidance (graph-facts §17, seed 004) is that these accounts should not reveal what they
 * are, and a name that says "admin", "emergency" or "break glass" marks the one account an attacker wants most when
 * they list the directory. The random part keeps the name off the lists attackers spray from outside (any member
 * can still list the directory: the protection is the key, not the name); the number orders the accounts; only letters, digits and hyphens, so the same text is a valid mail
 * nickname. Admins recognise the accounts by the emergency-access group they are in, not by their names.
 * <p>
 * <b>The domain</b> is always the tenant's initial {@code *.onmicrosoft.com} one: an account on a custom domain stops
 * working when that domain's DNS or federation breaks, and a federated or synced one depends on the on-premises
 * identity system that the emergency may be about (Microsoft: cloud-only, on the {@code *.onmicrosoft.com} domain,
 * not federated, not synced).
 */
public final class AccountNames {

    public static final String SUGGESTED_PREFIX_START = "acct-";
    public static final int MOST_PREFIX = 40;

    /** Graph's mail nickname characters, less those that make a sign-in name hard to read aloud. */
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?");
    private static final List<String> REVEALING = List.of("admin", "emergency", "breakglass", "break-glass",
            "break.glass", "break_glass", "glass");
    private static final String LETTERS = "bcdfghjklmnprstvwz";
    private static final String VOWELS = "aeiou";

    private AccountNames() {
    }

    /** A fresh neutral prefix, "acct-kavo". */
    public static String suggestPrefix() {
        return suggestPrefix(new SecureRandom());
    }

    static String suggestPrefix(Random random) {
        StringBuilder word = new StringBuilder(SUGGESTED_PREFIX_START);
        for (int i = 0; i < 2; i++) { // consonant-vowel pairs: easy to read aloud and to type at a second machine
            word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
            word.append(VOWELS.charAt(random.nextInt(VOWELS.length())));
        }
        return word.toString();
    }

    /**
     * {@code count} accounts "prefix-01" … on {@code initialDomain}. The prefix is not checked here: see
     * {@link #problems}.
     */
    public static List<AccountName> fromPrefix(String prefix, int count, String initialDomain) {
        String clean = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
        String word = clean.startsWith(SUGGESTED_PREFIX_START) ? clean.substring(SUGGESTED_PREFIX_START.length())
                : clean;
        List<AccountName> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String number = String.format(Locale.ROOT, "%02d", i);
            names.add(new AccountName(clean + "-" + number + "@" + initialDomain,
                    "Cloud account " + word + " " + number));
        }
        return names;
    }

    /**
     * What is wrong with a prefix the admin typed, as a sentence that says how to fix it; empty when it is fine.
     * A prefix holding a domain ("x@contoso.com") is refused: the domain is not the admin's to choose.
     */
    public static List<String> prefixProblems(String prefix, String initialDomain) {
        String text = prefix == null ? "" : prefix.strip();
        List<String> problems = new ArrayList<>();
        if (text.contains("@")) {
            String domain = text.substring(text.indexOf('@') + 1);
            problems.add(domainRefusal(domain, initialDomain) + " Give the name part only (--prefix "
                    + text.substring(0, text.indexOf('@')) + "); Gatehouse adds @" + initialDomain + ".");
            return problems;
        }
        if (text.isEmpty()) {
            problems.add("The account name prefix is empty. Give one such as " + suggestPrefix() + ", or leave it out "
                    + "to get a suggestion.");
        } else if (text.length() > MOST_PREFIX) {
            problems.add("The account name prefix \u201c" + text + "\u201d is " + text.length() + " characters long; "
                    + "use at most " + MOST_PREFIX + ".");
        } else if (!PREFIX.matcher(text.toLowerCase(Locale.ROOT)).matches()) {
            problems.add("The account name prefix \u201c" + text + "\u201d may hold only letters a\u2013z, digits, "
                    + "'.', '-' and '_', and must start and end with a letter or digit (it becomes the sign-in name "
                    + "and the mail nickname, e.g. " + text.replaceAll("[^A-Za-z0-9._-]", "").toLowerCase(Locale.ROOT)
                    + "-01).");
        }
        return problems;
    }

    /** The problem with one account's sign-in name; empty when it is on the initial domain and well formed. */
    public static List<String> problems(AccountName name, String initialDomain) {
        List<String> problems = new ArrayList<>();
        if (!name.domain().equalsIgnoreCase(initialDomain)) {
            problems.add(name.userPrincipalName() + ": " + domainRefusal(name.domain(), initialDomain));
        }
        if (!PREFIX.matcher(name.localPart().toLowerCase(Locale.ROOT)).matches()) {
            problems.add(name.userPrincipalName() + ": the part before the @ may hold only letters a\u2013z, digits, "
                    + "'.', '-' and '_', and must start and end with a letter or digit.");
        }
        if (name.displayName().isBlank()) {
            problems.add(name.userPrincipalName() + ": give the account a display name.");
        }
        return problems;
    }

    /** Advice, not a refusal: the admin may keep a name that reveals the role, knowing why it is discouraged. */
    public static List<String> advice(List<AccountName> names) {
        List<String> advice = new ArrayList<>();
        for (AccountName name : names) {
            String text = (name.userPrincipalName() + " " + name.displayName()).toLowerCase(Locale.ROOT);
            REVEALING.stream().filter(text::contains).findFirst().ifPresent(word -> advice.add(name.label()
                    + " says \u201c" + word + "\u201d: Microsoft advises names that do not reveal an emergency "
                    + "or administrator account, since an attacker listing the directory looks for exactly those. "
                    + "Kept as you chose."));
        }
        return advice;
    }

    static String domainRefusal(String domain, String initialDomain) {
        return "emergency-access accounts must be on the tenant's initial domain " + initialDomain + ", not "
                + (domain.isBlank() ? "a missing domain" : domain) + ". An account on a custom domain depends on that "
                + "domain's DNS and, if it is federated, on the federation service, which may be what failed; Microsoft "
                + "advises cloud-only accounts on the *.onmicrosoft.com domain, neither federated nor synced (seed "
                + "004, Microsoft's emergency-access guidance).";
    }
}
