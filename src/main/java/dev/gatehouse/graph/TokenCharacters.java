package dev.gatehouse.graph;

import java.util.Optional;

/**
 * What a bearer token may contain: visible ASCII only, on one line (RFC 6750's token characters are a subset). A
 * token pasted with a line break, a control character, a space or a non-ASCII character cannot work (a CR/LF would
 * even split the header), and OkHttp's own refusal ("Unexpected char 0x0d at 10 in authorization value") reads like a
 * bug. The problem is named by the kind of character and its position, never by quoting the token.
 */
final class TokenCharacters {

    private TokenCharacters() {
    }

    /** What is wrong with {@code token} (already stripped of surrounding whitespace), or empty when it can be sent. */
    static Optional<String> problem(String token) {
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of("starts with 'Bearer ': put only the token itself in it");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c > 0x20 && c < 0x7f) {
                continue;
            }
            String kind = c == '\r' || c == '\n' ? "a line break (CR or LF)"
                    : c == ' ' ? "a space"
                    : c < 0x20 || c == 0x7f ? "a control character"
                    : "a non-ASCII character";
            return Optional.of("contains " + kind + " at position " + (i + 1) + ", which a bearer token cannot "
                    + "contain (it is one line of visible ASCII characters, and HTTP refuses line breaks and control "
                    + "characters in a header)");
        }
        return Optional.empty();
    }
}
