package dev.gatehouse.domain.breakglass;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the admin types for the printed record ({@link BreakGlassRecord}): per account, the label written on its key
 * and where the key is kept, and — when the account's password was handed over in two parts — where each part is
 * kept. Places and labels only, in the admin's words: never a password, a pass or a PIN. Saved in the run's answers
 * under {@link #ANSWER} (Jackson writes and reads it as it is). A note left empty prints as a blank line to fill in by
 * hand.
 *
 * @param passwordInTwoParts the passwords were handed over in two parts ({@link SetupChoices#twoPartPassword()}):
 *                           the record then has a line for each part's place, blank when not typed
 * @param accounts           account object id (any case) → its notes
 */
public record RecordNotes(boolean passwordInTwoParts, Map<String, AccountNotes> accounts) {

    public static final String ANSWER = "breakglassRecord";

    /** Longer than this is no longer a label or a place, and would push the record onto a second page. */
    public static final int MAX_LENGTH = 120;

    /**
     * One account's notes; each may be empty (then the page leaves a line to write on).
     *
     * @param keyLabel             what is written on the key, so the right key is picked up ("Key A", "red tag")
     * @param keyPlace             where the key is kept ("safe, server room 2, shelf 1")
     * @param passwordPartOnePlace where the first part of the password is kept, when it was handed over in two parts
     * @param passwordPartTwoPlace where the second part is kept
     */
    public record AccountNotes(String keyLabel, String keyPlace, String passwordPartOnePlace,
                               String passwordPartTwoPlace) {

        public static final AccountNotes BLANK = new AccountNotes("", "", "", "");

        public AccountNotes {
            keyLabel = note("The key label", keyLabel);
            keyPlace = note("Where the key is kept", keyPlace);
            passwordPartOnePlace = note("Where the password's first part is kept", passwordPartOnePlace);
            passwordPartTwoPlace = note("Where the password's second part is kept", passwordPartTwoPlace);
        }

        public AccountNotes withKeyLabel(String text) {
            return new AccountNotes(text, keyPlace, passwordPartOnePlace, passwordPartTwoPlace);
        }

        public AccountNotes withKeyPlace(String text) {
            return new AccountNotes(keyLabel, text, passwordPartOnePlace, passwordPartTwoPlace);
        }

        public AccountNotes withPasswordPartOnePlace(String text) {
            return new AccountNotes(keyLabel, keyPlace, text, passwordPartTwoPlace);
        }

        public AccountNotes withPasswordPartTwoPlace(String text) {
            return new AccountNotes(keyLabel, keyPlace, passwordPartOnePlace, text);
        }

        public boolean hasPasswordParts() {
            return !passwordPartOnePlace.isEmpty() || !passwordPartTwoPlace.isEmpty();
        }
    }

    public RecordNotes {
        Map<String, AccountNotes> copy = new LinkedHashMap<>();
        if (accounts != null) {
            accounts.forEach((id, notes) -> {
                if (id != null && !id.isBlank()) {
                    copy.put(key(id), notes == null ? AccountNotes.BLANK : notes);
                }
            });
        }
        accounts = Map.copyOf(copy);
    }

    /** Nothing typed yet: every line blank, passwords not in parts. */
    public static RecordNotes none() {
        return new RecordNotes(false, Map.of());
    }

    /** The notes of the account with object id {@code accountId}; blank when none were typed. */
    public AccountNotes of(String accountId) {
        return accountId == null ? AccountNotes.BLANK
                : Optional.ofNullable(accounts.get(key(accountId))).orElse(AccountNotes.BLANK);
    }

    /** These notes with the account's replaced. */
    public RecordNotes with(String accountId, AccountNotes notes) {
        Map<String, AccountNotes> copy = new LinkedHashMap<>(accounts);
        copy.put(key(accountId), notes);
        return new RecordNotes(passwordInTwoParts, copy);
    }

    public RecordNotes withPasswordInTwoParts(boolean twoParts) {
        return new RecordNotes(twoParts, accounts);
    }

    private static String key(String accountId) {
        return accountId.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The admin's text on one line: surrounding spaces dropped, line breaks and tabs made spaces (a label or a place
     * is one line on the page).
     *
     * @throws IllegalArgumentException longer than {@link #MAX_LENGTH}, with the reason in the admin's words
     */
    static String note(String what, String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("[\\r\\n\\t\\u0085\\u2028\\u2029]+", " ").strip();
        if (line.codePointCount(0, line.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_LENGTH + " characters; a label or a "
                    + "place fits on one line of the record: shorten it.");
        }
        return line;
    }
}
