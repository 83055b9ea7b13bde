package dev.gatehouse.domain.text;

/**
 * Text from the tenant or the admin made inert in an HTML or XHTML page: hidden characters as visible escapes
 * ({@link InertText}), any code point XML 1.0 cannot hold as U+FFFD, the five markup characters as references. A name
 * holding markup prints as the name it is.
 */
public final class HtmlText {

    private HtmlText() {
    }

    /** As character data or an attribute value, on one line; null as empty. */
    public static String escape(String text) {
        return text == null ? "" : markup(InertText.escape(text));
    }

    /** As {@link #escape}, keeping line breaks: for text inside {@code pre}. */
    public static String escapeBlock(String text) {
        return text == null ? "" : markup(InertText.escapeKeepingLineBreaks(text));
    }

    private static String markup(String inert) {
        StringBuilder out = new StringBuilder(inert.length() + 16);
        inert.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.appendCodePoint(xmlChar(c) ? c : 0xFFFD);
            }
        });
        return out.toString();
    }

    /** XML 1.0's Char production. */
    private static boolean xmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
