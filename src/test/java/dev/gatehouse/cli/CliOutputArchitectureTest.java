package dev.gatehouse.cli;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.gatehouse.app.SimCommand;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CLI text reaches the terminal only through {@link InertWriter} (docs/security-model.md): no command or app class
 * takes {@code System.out}, {@code System.err} or the console itself, nor makes a writer of its own. What it writes
 * to comes from {@link CliContext}, whose writers are inert by type, or from picocli, which gets inert ones.
 */
@AnalyzeClasses(packages = {"dev.gatehouse.cli", "dev.gatehouse.app"}, importOptions = ImportOption.DoNotIncludeTests.class)
class CliOutputArchitectureTest {

    private static final DescribedPredicate<JavaConstructorCall> A_NEW_WRITER = DescribedPredicate.describe(
            "a PrintWriter or PrintStream", call -> call.getTargetOwner().isAssignableTo(PrintWriter.class)
                    || call.getTargetOwner().isAssignableTo(PrintStream.class));

    /** The standalone demo server prints its own service root and start-up errors; it prints no tenant data. */
    private static final String STANDALONE_SERVER = SimCommand.class.getName();

    @ArchTest
    static final ArchRule onlyInertWritersReachTheTerminal = noClasses()
            .that().resideInAnyPackage("dev.gatehouse.cli..", "dev.gatehouse.app..")
            .and().doNotBelongToAnyOf(InertWriter.class, Terminal.class)
            .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(SimCommand.class)))
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(System.class, "console")
            .orShould().callConstructorWhere(A_NEW_WRITER)
            .because("names from the tenant are attacker-chosen: every line goes through InertWriter, which shows "
                    + "ESC, CR, LF, bidi and zero-width characters as escapes (" + STANDALONE_SERVER + " excepted)");

    @Test
    void aCommandPrintingToSystemOutBreaksTheRule() {
        assertThat(violations(PrintsToSystemOut.class)).contains("System.out");
    }

    @Test
    void aCommandMakingItsOwnWriterBreaksTheRule() {
        assertThat(violations(MakesItsOwnWriter.class)).contains("PrintWriter");
    }

    @Test
    void aCommandAskingTheConsoleBreaksTheRule() {
        assertThat(violations(AsksTheConsole.class)).contains("console");
    }

    private static String violations(Class<?> type) {
        EvaluationResult result = onlyInertWritersReachTheTerminal.evaluate(new ClassFileImporter().importClasses(type));
        assertThat(result.hasViolation()).as(type.getSimpleName() + " breaks the rule").isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }

    static final class PrintsToSystemOut {
        void print(String name) {
            System.out.println(name);
        }
    }

    static final class MakesItsOwnWriter {
        PrintWriter writer() {
            return new PrintWriter(new StringWriter());
        }
    }

    static final class AsksTheConsole {
        boolean interactive() {
            return System.console() != null;
        }
    }
}
