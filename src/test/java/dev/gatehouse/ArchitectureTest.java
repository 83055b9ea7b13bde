package dev.gatehouse;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering in docs/architecture.md, enforced. */
@AnalyzeClasses(packages = "dev.gatehouse", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String JAVAFX = "javafx..";
    private static final String GRAPH_SDK = "com.microsoft..";

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("dev.gatehouse.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(JAVAFX, GRAPH_SDK, "okhttp3..", "picocli..",
                    "dev.gatehouse.graph..", "dev.gatehouse.sim..", "dev.gatehouse.ui..", "dev.gatehouse.cli..",
                    "dev.gatehouse.app..")
            .because("the domain is the part every front end and tenant shares; it must not know any of them");

    @ArchTest
    static final ArchRule gatewayKnowsNoFrontEndNorDemoServer = noClasses().that().resideInAPackage("dev.gatehouse.graph..")
            .should().dependOnClassesThat().resideInAnyPackage(JAVAFX, "picocli..", "dev.gatehouse.sim..",
                    "dev.gatehouse.ui..", "dev.gatehouse.cli..", "dev.gatehouse.app..")
            .allowEmptyShould(true)
            .because("the gateway serves real and demo tenants alike and any front end");

    @ArchTest
    static final ArchRule demoTenantIsAServerNotAClient = noClasses().that().resideInAPackage("dev.gatehouse.sim..")
            .should().dependOnClassesThat().resideInAnyPackage(JAVAFX, GRAPH_SDK, "dev.gatehouse.graph..",
                    "dev.gatehouse.ui..", "dev.gatehouse.cli..", "dev.gatehouse.app..")
            .allowEmptyShould(true)
            .because("the demo tenant must speak Graph's wire format on its own, or it would test the SDK against itself");

    @ArchTest
    static final ArchRule viewsStayOutOfTheGateway = noClasses().that().resideInAPackage("dev.gatehouse.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(GRAPH_SDK, "okhttp3..", "dev.gatehouse.graph..",
                    "dev.gatehouse.sim..", "dev.gatehouse.cli..", "dev.gatehouse.app..")
            .allowEmptyShould(true)
            .because("screens reach a tenant only through the domain port, so demo and real tenants behave the same");

    @ArchTest
    static final ArchRule viewModelsHaveNoScene = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .allowEmptyShould(true)
            .because("ViewModels are tested without a UI");

    @ArchTest
    static final ArchRule cliUsesTheDomainOnly = noClasses().that().resideInAPackage("dev.gatehouse.cli..")
            .should().dependOnClassesThat().resideInAnyPackage(JAVAFX, GRAPH_SDK, "dev.gatehouse.graph..",
                    "dev.gatehouse.sim..", "dev.gatehouse.ui..", "dev.gatehouse.app..")
            .allowEmptyShould(true)
            .because("the CLI runs the same domain Plans as the GUI, through the same port");
}
