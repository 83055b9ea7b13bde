package dev.gatehouse.ui;

import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build pre-parses gatehouse.css into gatehouse.bss, and JavaFX loads the .bss in its place: the binary must say
 * exactly what the text says, or the window would be styled by an older stylesheet than the one in the sources. Maven
 * writes the binary before the tests run; this fails when a build that skipped that step (an IDE's, or
 * {@code -Dexec.skip}) left an older one, and shows that the conversion keeps every rule.
 */
class StylesheetBinaryTest {

    @Test
    void theBinaryStylesheetBesideGatehouseCssHasItsRules() throws Exception {
        URL binary = Objects.requireNonNull(GatehouseApp.class.getResource("gatehouse.bss"),
                "gatehouse.bss: the build's binary-css step did not run");
        Path text = Path.of("src", "main", "resources", "dev", "gatehouse", "ui", "gatehouse.css");

        List<String> parsed = rules(new CssParser().parse(text.toUri().toURL()));
        List<String> loaded = rules(Stylesheet.loadBinary(binary));

        assertThat(parsed).hasSizeGreaterThan(50);
        assertThat(loaded).as("run mvn process-classes after editing gatehouse.css").isEqualTo(parsed);
    }

    private static List<String> rules(Stylesheet stylesheet) {
        // a loaded binary decodes a rule's declarations when they are first asked for, which Rule.toString does not
        return stylesheet.getRules().stream().map(StylesheetBinaryTest::describe).toList();
    }

    private static String describe(Rule rule) {
        StringBuilder text = new StringBuilder(rule.getSelectors().toString()).append(" {");
        rule.getDeclarations().forEach(declaration -> text.append(' ').append(declaration.getProperty()).append(": ")
                .append(declaration.getParsedValue()).append(declaration.isImportant() ? " !important;" : ";"));
        return text.append(" }").toString();
    }
}
