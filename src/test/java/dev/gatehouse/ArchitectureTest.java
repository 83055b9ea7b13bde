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

    /**
     * The packages of one feature (a workspace's domain): what generic machinery must never know, so that each
     * next workspace reuses it instead of copying it. Add a workspace's domain package here when it arrives.
     */
    static final String[] FEATURES = {"dev.gatehouse.domain.recovery..", "dev.gatehouse.domain.registration..",
            "dev.gatehouse.domain.breakglass.."};

    @ArchTest
    static final ArchRule plansKnowNoFeature = noClasses().that().resideInAnyPackage("dev.gatehouse.domain.plan..",
                    "dev.gatehouse.domain.procedure..", "dev.gatehouse.domain.secret..",
                    "dev.gatehouse.domain.journal..", "dev.gatehouse.domain.tenant..", "dev.gatehouse.domain.tap..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .orShould().dependOnClassesThat().resideInAPackage("dev.gatehouse.domain.emergency..")
            .because("plans, procedures, secrets, the journal and the tenant port serve every workspace alike");

    @ArchTest
    static final ArchRule emergencyAccessKnowsNoFeature = noClasses().that()
            .resideInAPackage("dev.gatehouse.domain.emergency..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .because("the tenant's emergency-access accounts are one notion that the guardrails and both wizards ask");

    @ArchTest
    static final ArchRule secretsAndPortsSitBelowPlans = noClasses().that().resideInAnyPackage(
                    "dev.gatehouse.domain.secret..", "dev.gatehouse.domain.tenant..", "dev.gatehouse.domain.journal..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.gatehouse.domain.plan..",
                    "dev.gatehouse.domain.procedure..")
            .because("a plan is built from the port and the journal, never the other way round");

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
