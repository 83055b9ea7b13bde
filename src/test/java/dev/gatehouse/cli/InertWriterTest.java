package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InertWriterTest {

    private static final String NL = System.lineSeparator();
    private static final String ESC = "\u001b";
    private static final String RLO = "\u202e";
    private static final String HOSTILE = "Pixel" + ESC + "[2K\r! Authenticator ALL METHODS VERIFIED OK\n" + RLO + "KOOL";
    private static final String SHOWN = "Pixel\\x1b[2K\\r! Authenticator ALL METHODS VERIFIED OK\\n\\u202EKOOL";

    private final StringWriter sink = new StringWriter();
    private final InertWriter out = InertWriter.of(new PrintWriter(sink));

    @Test
    void everyWayOfPrintingTextEscapesItAndOnlyPrintlnEndsALine() {
        out.println(HOSTILE);
        out.print(HOSTILE);
        out.print(HOSTILE.toCharArray());
        out.append(HOSTILE).append('\n');
        out.write(HOSTILE, 0, HOSTILE.length());
        out.print((Object) new StringBuilder(HOSTILE));
        out.flush();

        assertThat(sink.toString()).isEqualTo(SHOWN + NL + SHOWN.repeat(3) + "\\n" + SHOWN.repeat(2));
    }

    @Test
    void formatEscapesItsArgumentsAndKeepsTheLinesOfItsFormatString() {
        out.printf("%-8s|%d|%s%n", "a\tb", 42, HOSTILE);
        out.format("name: %s%ndone%n", (Object) new StringBuilder(RLO));
        out.flush();

        assertThat(sink.toString()).isEqualTo("a\\tb    |42|" + SHOWN + NL + "name: \\u202E" + NL + "done" + NL);
    }

    @Test
    void picocliHelpKeepsItsLayoutButNotItsControls() {
        InertWriter help = InertWriter.keepingLineBreaks(new PrintWriter(sink));

        help.print("Usage: gatehouse\n  --x  " + ESC + "[31mred\r\n  --y  a\rb\r\n");
        help.flush();

        // CRLF is a line end (picocli follows line.separator on Windows); a lone CR is not
        assertThat(sink.toString()).isEqualTo("Usage: gatehouse\n  --x  \\x1b[31mred\n  --y  a\\rb\n");
    }

    @Test
    void ofKeepsAWriterThatIsAlreadyInert() {
        assertThat(InertWriter.of(out)).isSameAs(out);
        InertWriter help = InertWriter.keepingLineBreaks(new PrintWriter(sink));
        assertThat(InertWriter.of(help)).isNotSameAs(help);
    }

    @Test
    void jsonKeepsTheExactValuesAndPrintsNoHiddenByte() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String document = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("displayName", HOSTILE));

        out.json(document);
        out.flush();

        String printed = sink.toString();
        assertThat(printed).doesNotContain(ESC).doesNotContain(RLO).doesNotContain("\r!").contains("\\u001B[2K");
        assertThat(mapper.readTree(printed).get("displayName").asText()).isEqualTo(HOSTILE);
    }

    @Test
    void aTerminalAsksAndWritesInertly() {
        StringBuilder asked = new StringBuilder();
        Terminal raw = new Terminal() {
            @Override
            public String readLine(String prompt) {
                asked.append(prompt);
                return "yes";
            }

            @Override
            public PrintWriter writer() {
                return new PrintWriter(sink);
            }
        };
        Terminal terminal = Terminal.inert(raw);

        terminal.readLine("Run on " + HOSTILE + "? ");
        terminal.writer().print(HOSTILE);
        terminal.writer().flush();

        assertThat(asked).hasToString("Run on " + SHOWN + "? ");
        assertThat(sink).hasToString(SHOWN);
    }
}
