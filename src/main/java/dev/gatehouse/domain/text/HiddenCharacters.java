package dev.gatehouse.domain.text;

import java.lang.Character.UnicodeScript;
import java.util.EnumSet;
import java.util.Set;

/**
 * The code points that can make text lie about itself: they move the cursor or rewrite the line on a terminal,
 * reverse the order text is shown in, or are not shown at all. Text an attacker chooses (a device, user, group or
 * policy name) may hold them, so {@link InertText} shows each one as a visible escape instead.
 *
 * <p>The set, from Unicode 15 (UnicodeData.txt, PropList.txt, DerivedCoreProperties.txt):
 * <ol>
 *   <li>every control, general category Cc: C0 U+0000–U+001F (ESC, CR, LF, TAB…), DEL U+007F and C1 U+0080–U+009F
 *       (CSI U+009B and OSC U+009D act like ESC [ and ESC ] on some terminals);</li>
 *   <li>every Bidi_Control character: U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069 — U+202E followed by
 *       "KOOL" shows as "LOOK";</li>
 *   <li>the line and paragraph separators U+2028 and U+2029, which break lines like LF in many renderers;</li>
 *   <li>the invisible Default_Ignorable format characters and fillers: soft hyphen U+00AD, combining grapheme joiner
 *       U+034F, Hangul fillers U+115F, U+1160, U+3164, U+FFA0, Khmer inherent vowels U+17B4–U+17B5, Mongolian vowel
 *       separator U+180E, zero-width space, non-joiner and joiner U+200B–U+200D, word joiner and invisible operators
 *       U+2060–U+2064, deprecated format characters U+206A–U+206F, zero-width no-break space (BOM) U+FEFF,
 *       interlinear annotation U+FFF9–U+FFFB, shorthand format controls U+1BCA0–U+1BCA3, musical format controls
 *       U+1D173–U+1D17A, and tags U+E0000–U+E007F;</li>
 *   <li>a lone surrogate: half a character, which no encoding can write.</li>
 * </ol>
 *
 * <p>One exception keeps names in joining scripts intact: a zero-width non-joiner or joiner between two letters of
 * a script that uses it to choose letter forms (Arabic, Syriac, N'Ko, Mongolian and the Brahmic scripts of India and
 * Sri Lanka) is part of the spelling — Persian surnames such as Hosseinzadeh need it — and it visibly changes how
 * the letters join, so it is not hidden there. Between Latin letters or anywhere else it is invisible and escaped.
 *
 * <p>Left alone, because they are visible or attach to the character before them: ordinary letters of every script
 * (Arabic and Hebrew still run right to left by their own nature), combining marks, variation selectors, spaces
 * other than the above (they show as a gap), private-use and unassigned code points (they show as a box).
 */
public final class HiddenCharacters {

    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    /** Scripts whose letters change form across a joiner or non-joiner, so that the character is visible there. */
    private static final Set<UnicodeScript> JOINING_SCRIPTS = EnumSet.of(UnicodeScript.ARABIC, UnicodeScript.SYRIAC,
            UnicodeScript.NKO, UnicodeScript.MONGOLIAN, UnicodeScript.DEVANAGARI, UnicodeScript.BENGALI,
            UnicodeScript.GURMUKHI, UnicodeScript.GUJARATI, UnicodeScript.ORIYA, UnicodeScript.TAMIL,
            UnicodeScript.TELUGU, UnicodeScript.KANNADA, UnicodeScript.MALAYALAM, UnicodeScript.SINHALA);

    private HiddenCharacters() {
    }

    /** Whether {@code codePoint} is in the set above, whatever surrounds it. */
    public static boolean isHidden(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL
                || isBidiControl(codePoint)
                || codePoint == 0x2028 || codePoint == 0x2029
                || isInvisibleFormat(codePoint)
                || Character.getType(codePoint) == Character.SURROGATE;
    }

    /**
     * Whether the code point starting at {@code index} of {@code text} is hidden there: as {@link #isHidden(int)},
     * except a joiner or non-joiner between two letters of a joining script.
     */
    public static boolean isHiddenAt(CharSequence text, int index) {
        int codePoint = Character.codePointAt(text, index);
        if (codePoint == ZERO_WIDTH_NON_JOINER || codePoint == ZERO_WIDTH_JOINER) {
            return !joinsLetters(text, index);
        }
        return isHidden(codePoint);
    }

    /** Whether {@code text} holds no hidden code point. */
    public static boolean noneIn(CharSequence text) {
        for (int i = 0; i < text.length(); i += Character.charCount(Character.codePointAt(text, i))) {
            if (isHiddenAt(text, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBidiControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    private static boolean isInvisibleFormat(int c) {
        return c == 0x00AD || c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5 || c == 0x180E
                || c >= 0x200B && c <= 0x200D || c >= 0x2060 && c <= 0x2064 || c >= 0x206A && c <= 0x206F
                || c == 0x3164 || c == 0xFEFF || c == 0xFFA0 || c >= 0xFFF9 && c <= 0xFFFB
                || c >= 0x1BCA0 && c <= 0x1BCA3 || c >= 0x1D173 && c <= 0x1D17A || c >= 0xE0000 && c <= 0xE007F;
    }

    /** A joiner at {@code index} with a letter or mark of one joining script right before it and a letter after. */
    private static boolean joinsLetters(CharSequence text, int index) {
        if (index == 0 || index + 1 >= text.length()) {
            return false;
        }
        int before = Character.codePointBefore(text, index);
        int after = Character.codePointAt(text, index + 1);
        if (!(Character.isLetter(before) || Character.getType(before) == Character.NON_SPACING_MARK
                || Character.getType(before) == Character.COMBINING_SPACING_MARK) || !Character.isLetter(after)) {
            return false;
        }
        UnicodeScript script = UnicodeScript.of(after);
        return JOINING_SCRIPTS.contains(script)
                && (UnicodeScript.of(before) == script || UnicodeScript.of(before) == UnicodeScript.INHERITED);
    }
}
