package dev.gatehouse.ui;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.nio.file.Files;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dev.gatehouse.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class UiArchitectureTest {

    @ArchTest
    static final ArchRule uiKnowsOnlyTheDomain = noClasses().that().resideInAPackage("dev.gatehouse.ui..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.gatehouse.graph..", "dev.gatehouse.sim..", "dev.gatehouse.app..",
                    "dev.gatehouse.cli..", "com.microsoft..", "com.azure..")
            .because("the UI reaches every tenant, demo or real, through the domain's tenant port");

    /** A workspace's own packages; generic UI must not know any of them. Add each workspace when it arrives. */
    static final String[] FEATURES = {"dev.gatehouse.ui.users..", "dev.gatehouse.ui.activity..",
            "dev.gatehouse.ui.registration..", "dev.gatehouse.ui.breakglass..", "dev.gatehouse.domain.recovery..",
            "dev.gatehouse.domain.registration..", "dev.gatehouse.domain.breakglass.."};

    @ArchTest
    static final ArchRule genericUiKnowsNoWorkspace = noClasses().that().resideInAnyPackage("dev.gatehouse.ui.plan..",
                    "dev.gatehouse.ui.common..", "dev.gatehouse.ui.wizard..", "dev.gatehouse.ui.workspace..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .orShould().dependOnClassesThat().resideInAnyPackage("dev.gatehouse.ui.emergency..",
                    "dev.gatehouse.domain.emergency..")
            .because("the plan view, the shared windows and the wizard frame serve every workspace alike");

    @ArchTest
    static final ArchRule shellKnowsNoWorkspace = noClasses().that().resideInAPackage("dev.gatehouse.ui.shell..")
            .should().dependOnClassesThat(resideInAPackage("dev.gatehouse.ui..").and(not(resideInAnyPackage(
                    "dev.gatehouse.ui.shell..", "dev.gatehouse.ui.workspace..", "dev.gatehouse.ui.common..",
                    "dev.gatehouse.ui.emergency.."))))
            .orShould().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .because("workspaces are registered in WorkspaceCatalog: adding one must touch no shell class (the "
                    + "tenant menu's emergency-access dialog is the tenant's, not a workspace's)");

    @ArchTest
    static final ArchRule viewModelsHaveNoControls = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..", "javafx.animation..")
            .because("ViewModels hold state in properties and are tested without a toolkit");

    @ArchTest
    static final ArchRule viewModelsTouchNoFile = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().belongToAnyOf(Files.class, File.class, FileInputStream.class,
                    FileOutputStream.class, FileReader.class, FileWriter.class, RandomAccessFile.class)
            .orShould().dependOnClassesThat().resideInAPackage("dev.gatehouse.domain.settings..")
            .because("the disk is reached through injected services that work off the FX thread (Preferences, desks)");

    /** What the admin sees, and whatever builds it: nodes, dialogs, windows. Not the app, which wires the connector in. */
    static final DescribedPredicate<JavaClass> VIEWS = new DescribedPredicate<>("are or build nodes, dialogs or windows") {
        @Override
        public boolean test(JavaClass type) {
            return !type.isAssignableTo(Application.class) && (isView(type)
                    || type.getConstructorCallsFromSelf().stream().anyMatch(call -> isView(call.getTargetOwner()))
                    || type.getConstructorReferencesFromSelf().stream().anyMatch(ref -> isView(ref.getTargetOwner())));
        }

        private static boolean isView(JavaClass type) {
            return type.isAssignableTo(Node.class) || type.isAssignableTo(Dialog.class) || type.isAssignableTo(Window.class);
        }
    };

    /**
     * The tenant ports: interfaces of the tenant package named like one (TenantDirectory, TenantWriter, TenantConnection,
     * TenantConnector, and every narrow *Writer or *Reader port as it lands).
     */
    static final DescribedPredicate<JavaClass> TENANT_PORTS = resideInAPackage("dev.gatehouse.domain.tenant..")
            .and(INTERFACES).and(simpleNameStartingWith("Tenant").or(simpleNameEndingWith("Writer"))
                    .or(simpleNameEndingWith("Reader")).or(simpleNameEndingWith("Port")))
            .as("are tenant ports (interfaces in dev.gatehouse.domain.tenant named Tenant*, *Writer, *Reader, *Port)");

    @ArchTest
    static final ArchRule viewsNeverCallTheTenant = noClasses().that(VIEWS)
            .should().dependOnClassesThat(TENANT_PORTS)
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Desk")
            .because("views never reach a desk or a port: tenant calls and disk writes block, so only ViewModels make "
                    + "them, through the task runner, off the FX thread");
}
