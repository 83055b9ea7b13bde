package dev.gatehouse.domain.text;

import java.util.Locale;

/**
 * Text made safe to show: every {@linkplain HiddenCharacters hidden character} written as a visible escape, so a
 * terminal never interprets it and a screen never hides or reorders it. One definition for the CLI and the GUI:
 *
 * <ul>
 *   <li>TAB, LF and CR as {@code \t}, {@code \n}, {@code \r}; the other C0 controls and DEL as {@code \x1b},
 *       {@code \x7f};</li>
 *   <li>every other hidden character of the Basic Multilingual Plane, and a lone surrogate, as backslash, "u" and
 *       four upper-case hex digits (U+202E as "backslash u202E");</li>
 *   <li>one beyond it as backslash, "u{", its hex digits and "}" (U+E0041 as "backslash u{E0041}"): one escape for
 *       one character.</li>
 * </ul>
 *
 * A backslash stays a backslash: a name that spells out "\x1b" shows the same as one holding ESC, and both are
 * inert. Escaping is idempotent, so text escaped twice reads the same.
 */
public final class InertText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();

    private InertText() {
    }

    /** {@code text} on one line with every hidden character escaped, line breaks included; null stays null. */
    public static String escape(CharSequence text) {
        return text == null ? null : escape(text, false);
    }

    /**
     * As {@link #escape}, but LF still breaks the line: for prose the domain writes in paragraphs (a plan step's
     * effect), shown where a line break cannot move anything but the text after it.
     */
    public static String escapeKeepingLineBreaks(CharSequence text) {
        // a CR of a CRLF line end (picocli's help on Windows follows line.separator) is part of the break, not text
        return text == null ? null : escape(text.toString().replace("\r\n", "\n"), true);
    }

    /**
     * A JSON document with every hidden character inside its strings written as JSON's own backslash-u-XXXX
     * escape (UTF-16 units, so a character beyond the BMP becomes its surrogate pair). The document parses to exactly
     * the same values; only its bytes lose what a terminal could interpret. JSON's structure is ASCII and a
     * backslash in it always starts an escape, so no hidden character can sit anywhere but in a string. Raw TAB, LF
     * and CR are left alone: JSON forbids them inside a string, so they can only be the layout of a pretty document.
     */
    public static String escapeInJson(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); ) {
            int codePoint = json.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (HiddenCharacters.isHiddenAt(json, i) && !isJsonWhitespace(codePoint)) {
                for (int unit = i; unit < i + width; unit++) {
                    unicodeEscape(out, json.charAt(unit));
                }
            } else {
                out.appendCodePoint(codePoint);
            }
            i += width;
        }
        return out.toString();
    }

    private static boolean isJsonWhitespace(int codePoint) {
        return codePoint == '\t' || codePoint == '\n' || codePoint == '\r';
    }

    private static String escape(CharSequence text, boolean keepLineBreaks) {
        if (HiddenCharacters.noneIn(text)) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            if (keepLineBreaks && codePoint == '\n' || !HiddenCharacters.isHiddenAt(text, i)) {
                out.appendCodePoint(codePoint);
            } else {
                escapeOne(out, codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    private static void escapeOne(StringBuilder out, int codePoint) {
        switch (codePoint) {
            case '\t' -> out.append("\\t");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            default -> {
                if (codePoint < 0x20 || codePoint == 0x7F) {
                    out.append("\\x").append(LOWER_HEX[codePoint >> 4]).append(LOWER_HEX[codePoint & 0xF]);
                } else if (codePoint <= Character.MAX_VALUE) {
                    unicodeEscape(out, (char) codePoint);
                } else {
                    out.append("\\u{").append(Integer.toHexString(codePoint).toUpperCase(Locale.ROOT)).append('}');
                }
            }
        }
    }

    private static void unicodeEscape(StringBuilder out, char unit) {
        out.append("\\u").append(HEX[unit >> 12]).append(HEX[unit >> 8 & 0xF]).append(HEX[unit >> 4 & 0xF])
                .append(HEX[unit & 0xF]);
    }
}
