package dev.gatehouse;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's own reference notes (the seed articles, graph-facts, build-facts, decisions, issues) are for its
 * engineers: a string the app shows or prints never cites them. Comments and javadoc may.
 */
class UserFacingTextTest {

    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern LINE_COMMENT = Pattern.compile("(?m)^\\s*//.*$");
    // possessive, so a long literal cannot overflow the regex engine's stack
    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]++|\\\\.)*+\"");
    private static final Pattern INTERNAL = Pattern.compile(
            "seed 00\\d|graph-facts|build-facts|DESIGN\\.md|decision 00\\d\\d|issue \\d+|§\\d", Pattern.CASE_INSENSITIVE);

    @Test
    void noStringInTheAppCitesTheProjectsInternalNotes() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(Files.readString(source)).replaceAll(""))
                        .replaceAll("");
                Matcher literal = LITERAL.matcher(code);
                while (literal.find()) {
                    if (INTERNAL.matcher(literal.group()).find()) {
                        found.add(source.getFileName() + ": " + literal.group());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
