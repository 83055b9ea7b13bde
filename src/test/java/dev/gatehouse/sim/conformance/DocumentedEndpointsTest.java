package dev.gatehouse.sim.conformance;

import dev.gatehouse.sim.api.GraphApi;
import dev.gatehouse.sim.conformance.GraphShapeAssert.Expect;
import dev.gatehouse.sim.conformance.GraphShapeAssert.Strictness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentedEndpointsTest {

    private static DocumentedEndpoints.Endpoint endpoint(String route) {
        return new DocumentedEndpoints.Endpoint(route, route, "/", null, List.of(), 200, "user-get",
                Expect.entity("microsoft.graph.user"), Strictness.SERVICE);
    }

    @Test
    void everyEndpointIsComparedWithAnExistingExampleOfTheSameShape() {
        assertThat(DocumentedEndpoints.ALL).allSatisfy(endpoint -> {
            GraphDocs.Example example = GraphDocs.example(endpoint.example());
            assertThat(example.expect().shape()).as(endpoint.name()).isEqualTo(endpoint.expect().shape());
        });
        assertThat(DocumentedEndpoints.ALL).extracting(DocumentedEndpoints.Endpoint::name).doesNotHaveDuplicates();
    }

    @Test
    void servedMeansTheSimRoutesTheMethodAndPathToARouteOfThatShape() {
        var router = GraphApi.router();

        assertThat(DocumentedEndpoints.isServedBy(router, endpoint("GET /users/{id}"))).isTrue();
        assertThat(DocumentedEndpoints.isServedBy(router, endpoint("GET /users/{userId}/authentication/fido2Methods/{x}"))).isTrue();
        assertThat(DocumentedEndpoints.isServedBy(router, endpoint("POST /$batch"))).isTrue();
        assertThat(DocumentedEndpoints.isServedBy(router, endpoint("GET /users/{userId}/notAGraphSegment"))).isFalse();
        assertThat(DocumentedEndpoints.isServedBy(router, endpoint("DELETE /organization"))).isFalse();
    }
}
