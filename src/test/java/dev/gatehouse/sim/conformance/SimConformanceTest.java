package dev.gatehouse.sim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;
import dev.gatehouse.sim.api.GraphApi;
import dev.gatehouse.sim.state.SimUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The demo tenant's JSON against Microsoft's documentation: every endpoint of
 * {@link DocumentedEndpoints} is called over HTTP on the baseline scenario, for every object the
 * scenario has of its kind, and each response must satisfy {@link GraphShapeAssert} under the
 * service rules. Endpoints the sim does not serve yet, and endpoints with a known mismatch the sim
 * must fix ({@link #SIM_MISMATCHES}), are skipped with the reason; nothing passes without a
 * response that had something to compare.
 */
class SimConformanceTest {

    /**
     * Where the sim contradicts the documentation, by endpoint name. The sim must be fixed; then
     * remove the entry to re-enable the check.
     */
    static final Map<String, String> SIM_MISMATCHES = Map.of();

    private static final Map<String, String> OUTCOMES = new LinkedHashMap<>();
    private static SimServer sim;
    private static GraphHttp http;
    private static TenantProbe probe;
    private final GraphShapeAssert shapes = GraphDocs.shapes(GraphShapeAssert.Strictness.SERVICE);

    @BeforeAll
    static void startBaseline() {
        sim = SimServer.start(SimOptions.defaults());
        SimUser admin = sim.state().read(() -> sim.state().signedInAdmin()).orElseThrow();
        http = new GraphHttp(sim.serviceRoot(), "sim-user:" + admin.userPrincipalName());
        probe = new TenantProbe(http, admin.id());
    }

    @AfterAll
    static void stop() {
        sim.close();
        System.out.println("[conformance] " + OUTCOMES.size() + " documented endpoints:");
        OUTCOMES.forEach((name, outcome) -> System.out.println("[conformance]   " + name + ": " + outcome));
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedEndpoint() {
        return DocumentedEndpoints.ALL.stream()
                .map(endpoint -> DynamicTest.dynamicTest(endpoint.name() + " (" + endpoint.route() + ")",
                        () -> conforms(endpoint)));
    }

    private void conforms(DocumentedEndpoints.Endpoint endpoint) {
        skipUnless(DocumentedEndpoints.isServedBy(GraphApi.router(), endpoint), endpoint,
                "not yet served by the sim: " + endpoint.route());
        skipUnless(!SIM_MISMATCHES.containsKey(endpoint.name()), endpoint,
                "disabled until the sim is fixed: " + SIM_MISMATCHES.get(endpoint.name()));
        List<Map<String, String>> bindings = probe.bindings(endpoint);
        skipUnless(!bindings.isEmpty(), endpoint, "the baseline scenario has nothing to fill " + endpoint.request());

        GraphDocs.Example example = GraphDocs.example(endpoint.example());
        GraphShapeAssert check = shapes.with(endpoint.strictness());
        List<String> violations = new ArrayList<>();
        List<JsonNode> bodies = new ArrayList<>();
        int objectsCompared = 0;
        for (Map<String, String> binding : bindings) {
            String request = TenantProbe.fill(endpoint.request(), binding);
            GraphHttp.Response response = http.send(endpoint.method(), request,
                    TenantProbe.fill(endpoint.body(), binding), endpoint.headers());
            assertThat(response.status()).as(endpoint.method() + " " + request + " answered " + response.body())
                    .isEqualTo(endpoint.status());
            JsonNode body = noContent(endpoint) ? noBody(response) : response.json();
            ShapeReport report = check.check(endpoint.method() + " " + request, body, endpoint.expect());
            report.violations().forEach(v -> violations.add(endpoint.method() + " " + request + " " + v));
            bodies.add(body);
            objectsCompared += body.has("value") && body.get("value").isArray() ? body.get("value").size() : 1;
        }
        missingDocumentedProperties(example, bodies)
                .forEach(warning -> System.out.println("[warning] " + endpoint.name() + ": " + warning));
        skipUnless(objectsCompared > 0, endpoint,
                "every response was an empty collection; the baseline scenario has nothing to compare");
        assertThat(violations).as(endpoint.name() + " against " + endpoint.example()).isEmpty();
        OUTCOMES.put(endpoint.name(), "conforms (" + bindings.size() + " request(s), " + objectsCompared + " object(s))");
    }

    private static boolean noContent(DocumentedEndpoints.Endpoint endpoint) {
        return endpoint.expect().shape().equals("noContent");
    }

    /** An empty body reads as no JSON at all; anything else is kept, for the comparator to report. */
    private static JsonNode noBody(GraphHttp.Response response) {
        return response.body().isEmpty() ? MissingNode.getInstance() : TextNode.valueOf(response.body());
    }

    /** Skips with the reason, and keeps the reason for the summary (Surefire's XML drops it). */
    private static void skipUnless(boolean condition, DocumentedEndpoints.Endpoint endpoint, String reason) {
        if (!condition) {
            OUTCOMES.put(endpoint.name(), "SKIPPED, " + reason);
        }
        assumeTrue(condition, reason);
    }

    /**
     * Documented properties the example shows and the sim never sends, once per object path; the
     * documentation's own mistakes ({@code knownDiscrepancies}) and free-form $batch headers aside.
     */
    private static List<String> missingDocumentedProperties(GraphDocs.Example example, List<JsonNode> bodies) {
        if (!List.of("entity", "collection").contains(example.expect().shape())) {
            return List.of();
        }
        return GraphShapeAssert.missingComparedTo(example.body(), bodies).stream()
                .filter(warning -> {
                    String property = warning.substring(warning.lastIndexOf('.', warning.indexOf(':')) + 1,
                            warning.indexOf(':'));
                    return example.knownDiscrepancies().stream().noneMatch(d -> d.contains("'" + property + "'"));
                })
                .toList();
    }
}
