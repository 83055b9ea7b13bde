package dev.gatehouse;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering in docs/architecture.md, enforced. The UI's own rules are in {@code ui.UiArchitectureTest}. */
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
            .because("the gateway serves real and demo tenants alike and any front end");

    @ArchTest
    static final ArchRule demoTenantIsAServerNotAClient = noClasses().that().resideInAPackage("dev.gatehouse.sim..")
            .should().dependOnClassesThat().resideInAnyPackage(JAVAFX, GRAPH_SDK, "dev.gatehouse.graph..",
                    "dev.gatehouse.ui..", "dev.gatehouse.cli..", "dev.gatehouse.app..")
            .because("the demo tenant must speak Graph's wire format on its own, or it would test the SDK against itself");

    @ArchTest
    static final ArchRule cliUsesTheDomainOnly = noClasses().that().resideInAPackage("dev.gatehouse.cli..")
            .should().dependOnClassesThat().resideInAnyPackage(JAVAFX, GRAPH_SDK, "dev.gatehouse.graph..",
                    "dev.gatehouse.sim..", "dev.gatehouse.ui..", "dev.gatehouse.app..")
            .because("the CLI runs the same domain Plans as the GUI, through the same port");
}
