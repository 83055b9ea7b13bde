package dev.gatehouse.ui;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.tenant.ArchFixtureWriter;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule "views never reach a desk or a port" fails on each kind of violation, and only on those. */
class UiArchitectureRulesTest {

    @Test
    void aViewHoldingADeskBreaksIt() {
        assertThat(violations(ViewHoldingADesk.class)).contains("RecoveryDesk");
    }

    @Test
    void aClassThatBuildsAWindowAndTakesAPortBreaksIt() {
        assertThat(violations(WindowOpenerTakingTheDirectory.class)).contains("TenantDirectory");
    }

    @Test
    void aViewUsingAWriterPortThatLandsLaterBreaksIt() {
        assertThat(violations(ViewHoldingAFutureWriter.class)).contains("ArchFixtureWriter");
    }

    @Test
    void aViewModelMayHoldADeskAndAViewMayShowATenantError() {
        EvaluationResult result = UiArchitectureTest.viewsNeverCallTheTenant.evaluate(
                classes(ViewModelHoldingADesk.class, ViewShowingATenantError.class));

        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }

    private static String violations(Class<?> type) {
        EvaluationResult result = UiArchitectureTest.viewsNeverCallTheTenant.evaluate(classes(type));
        assertThat(result.hasViolation()).as(type.getSimpleName() + " breaks the rule").isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }

    private static JavaClasses classes(Class<?>... types) {
        return new ClassFileImporter().importClasses(types);
    }

    static final class ViewHoldingADesk extends Region {
        RecoveryDesk desk;
    }

    static final class WindowOpenerTakingTheDirectory {
        static Stage open(TenantDirectory directory) {
            return new Stage();
        }
    }

    static final class ViewHoldingAFutureWriter extends Region {
        ArchFixtureWriter writer;
    }

    static final class ViewModelHoldingADesk {
        RecoveryDesk desk;
    }

    static final class ViewShowingATenantError extends Label {
        ViewShowingATenantError(TenantException failure) {
            super(failure.getMessage());
        }
    }
}
