package dev.gatehouse.domain.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InertTextTest {

    private static final String ESC = "\u001b";
    private static final String RLO = "\u202e";
    private static final String ZWNJ = "\u200c";

    @Test
    void terminalSequencesAndLineBreaksBecomeVisibleEscapes() {
        String fake = "SM-A546B" + ESC + "[2K\r  Authenticator  ALL METHODS VERIFIED OK" + ESC + "]0;pwned\u0007\n";

        assertThat(InertText.escape(fake)).isEqualTo(
                "SM-A546B\\x1b[2K\\r  Authenticator  ALL METHODS VERIFIED OK\\x1b]0;pwned\\x07\\n");
        assertThat(InertText.escape("a\tb\u007fc")).isEqualTo("a\\tb\\x7fc");
    }

    @Test
    void c1ControlsThatActAsCsiAndOscAreEscaped() {
        assertThat(InertText.escape("x\u009b2Jy\u009d0;t\u0085")).isEqualTo("x\\u009B2Jy\\u009D0;t\\u0085");
    }

    @Test
    void bidiControlsAreEscapedSoAReversedNameReadsAsWritten() {
        assertThat(InertText.escape(RLO + "KOOL")).isEqualTo("\\u202EKOOL");
        for (int c : List.of(0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068,
                0x2069)) {
            assertThat(HiddenCharacters.isHidden(c)).as(Integer.toHexString(c)).isTrue();
        }
    }

    @Test
    void zeroWidthAndOtherInvisibleCharactersInAUserNameAreEscaped() {
        assertThat(InertText.escape("ad\u200bmin@contoso.com")).isEqualTo("ad\\u200Bmin@contoso.com");
        assertThat(InertText.escape("al" + ZWNJ + "ice")).isEqualTo("al\\u200Cice");
        assertThat(InertText.escape("al\u200dice\u2060\ufeff\u00ad\u3164")).isEqualTo(
                "al\\u200Dice\\u2060\\uFEFF\\u00AD\\u3164");
        assertThat(InertText.escape("line\u2028sep\u2029")).isEqualTo("line\\u2028sep\\u2029");
    }

    @Test
    void aCharacterBeyondTheBmpIsOneEscapeAndAValidSurrogatePairIsLeftAlone() {
        String tag = new String(Character.toChars(0xE0041));
        assertThat(InertText.escape("flag" + tag)).isEqualTo("flag\\u{E0041}");
        assertThat(InertText.escape("Grinning \ud83d\ude00 and \ud840\udc00")).isEqualTo("Grinning \ud83d\ude00 and \ud840\udc00");
        assertThat(InertText.escape("half \ud83d here")).isEqualTo("half \\uD83D here");
        assertThat(InertText.escape("half \ude00")).isEqualTo("half \\uDE00");
    }

    @Test
    void ordinaryNamesInEveryScriptAreUntouched() {
        for (String name : List.of("Zoë Ångström-Núñez", "محمد عبدالله", "דוד כהן", "王小明", "김민준", "Дмитрий",
                "Ελένη", "श्रीनिवास", "Nguyễn Thị Minh Khai", "O'Brien (IT) <it@contoso.com>", "C:\\Users\\x")) {
            assertThat(InertText.escape(name)).isEqualTo(name);
            assertThat(HiddenCharacters.noneIn(name)).as(name).isTrue();
        }
    }

    @Test
    void aJoinerInsideAWordOfAJoiningScriptIsSpellingNotATrick() {
        String persian = "\u062d\u0633\u06cc\u0646" + ZWNJ + "\u0632\u0627\u062f\u0647";
        String devanagari = "\u0915\u094d\u200d\u0937";
        assertThat(InertText.escape(persian)).isEqualTo(persian);
        assertThat(InertText.escape(devanagari)).isEqualTo(devanagari);
        assertThat(InertText.escape(ZWNJ + "\u0632")).as("at the start it joins nothing").isEqualTo("\\u200C\u0632");
        assertThat(InertText.escape("\u062d" + ZWNJ + "a")).as("across scripts").isEqualTo("\u062d\\u200Ca");
    }

    @Test
    void escapingTwiceReadsTheSameAndNullStaysNull() {
        String once = InertText.escape(RLO + "x" + ESC + "\n");
        assertThat(InertText.escape(once)).isEqualTo(once);
        assertThat(InertText.escape(null)).isNull();
    }

    @Test
    void proseKeepsItsParagraphsButNothingElse() {
        assertThat(InertText.escapeKeepingLineBreaks("Why here: first.\nThen" + ESC + "[1A\r" + RLO))
                .isEqualTo("Why here: first.\nThen\\x1b[1A\\r\\u202E");
    }

    @Test
    void jsonKeepsItsValuesExactlyAndLosesItsHiddenBytes() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String name = "SM" + ESC + "[2K" + RLO + "KOOL\u200b" + new String(Character.toChars(0xE0041)) + "\u0085 \ud83d\ude00";
        String json = mapper.writeValueAsString(Map.of("displayName", name));

        String inert = InertText.escapeInJson(json);

        assertThat(HiddenCharacters.noneIn(inert)).isTrue();
        assertThat(inert).contains("\\u001B").contains("\\u202E").contains("\\uDB40\\uDC41").contains("\ud83d\ude00");
        assertThat(mapper.readTree(inert).get("displayName").asText()).isEqualTo(name);
    }

    @Test
    void aPrettyJsonDocumentKeepsItsLayout() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String pretty = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("name", "a\nb" + RLO));

        String inert = InertText.escapeInJson(pretty);

        assertThat(inert).isEqualTo(pretty.replace(RLO, "\\u202E")).contains("\n");
        assertThat(mapper.readTree(inert).get("name").asText()).isEqualTo("a\nb" + RLO);
    }
}
