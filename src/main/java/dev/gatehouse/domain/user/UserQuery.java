package dev.gatehouse.domain.user;

/**
 * A request for one page of users.
 *
 * @param text   what the admin typed; blank lists everyone. Matched against the start of display name,
 *               user principal name and mail, the way Graph's {@code $search} tokenises them.
 * @param top    page size, 1..999 (Graph's limit for users)
 * @param cursor opaque continuation returned by the previous page, or null for the first page
 */
public record UserQuery(String text, int top, String cursor) {

    public static final int MAX_TOP = 999;

    public UserQuery {
        if (top < 1 || top > MAX_TOP) {
            throw new IllegalArgumentException("Page size must be between 1 and " + MAX_TOP + ", was " + top);
        }
        text = text == null ? "" : text.strip();
    }

    public static UserQuery firstPage(String text, int top) {
        return new UserQuery(text, top, null);
    }

    public UserQuery next(String nextCursor) {
        return new UserQuery(text, top, nextCursor);
    }

    public boolean isSearch() {
        return !text.isEmpty();
    }
}
