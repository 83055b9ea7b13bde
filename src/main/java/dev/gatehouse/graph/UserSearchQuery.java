package dev.gatehouse.graph;

/**
 * What Graph is asked when an admin searches users by what they typed: names, user principal names and mail that
 * start with it.
 * <p>
 * Text with a letter or digit goes to {@code $search}, whose tokenizer matches the start of each word of a display
 * name ("wil" finds "Alex Wilber") and the start of a UPN or mail. Text of punctuation alone has no word for that
 * tokenizer to match: the demo tenant answered it with every user, and Graph documents no behaviour for it ("Use the
 * $search query parameter": words are split at spaces, case and symbols). So it is asked as a plain prefix with
 * {@code $filter=startsWith(…)}, which Graph supports by default on displayName, userPrincipalName and mail: "_"
 * finds "_svc-backup@contoso.com", and "..." finds nobody instead of everybody.
 */
final class UserSearchQuery {

    private UserSearchQuery() {
    }

    /** Whether {@code text} has a letter or digit for {@code $search} to match words with. */
    static boolean hasWords(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** Graph's {@code $search} syntax: each clause quoted, quotes and backslashes in the text escaped. */
    static String searchExpression(String text) {
        String value = text.replace("\\", "\\\\").replace("\"", "\\\"");
        return "\"displayName:" + value + "\" OR \"userPrincipalName:" + value + "\" OR \"mail:" + value + "\"";
    }

    /** A {@code $filter} for values starting with {@code text}, quotes doubled as OData string literals need. */
    static String startsWithFilter(String text) {
        String literal = "'" + text.replace("'", "''") + "'";
        return "startsWith(displayName," + literal + ") or startsWith(userPrincipalName," + literal
                + ") or startsWith(mail," + literal + ")";
    }
}
