package dev.gatehouse.sim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.gatehouse.sim.conformance.GraphShapeAssert.Expect;
import static dev.gatehouse.sim.conformance.GraphShapeAssert.Strictness.DOCUMENTATION_EXAMPLE;
import static dev.gatehouse.sim.conformance.GraphShapeAssert.Strictness.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphShapeAssertTest {

    private final GraphShapeAssert service = GraphDocs.shapes(SERVICE);
    private final GraphShapeAssert lenient = GraphDocs.shapes(DOCUMENTATION_EXAMPLE);

    private static ObjectNode example(String name) {
        return (ObjectNode) GraphDocs.example(name).body().deepCopy();
    }

    private static ObjectNode firstValue(ObjectNode collection) {
        return (ObjectNode) collection.get("value").get(0);
    }

    @Test
    void aCompleteDocumentedCollectionExampleConformsEvenUnderServiceRules() {
        ShapeReport report = service.check("user-list", example("user-list"), Expect.collection("microsoft.graph.user"));

        assertThat(report.violations()).isEmpty();
        report.assertConforms();
    }

    @Test
    void aNoContentAnswerHasNoBodyAtAll() {
        assertThat(service.check("delete", MissingNode.getInstance(), Expect.noContent()).violations()).isEmpty();
        assertThat(service.check("delete", TextNode.valueOf("{}"), Expect.noContent()).violations())
                .containsExactly("$: a 204 No Content response has a body");
    }

    @Test
    void aMisspelledPropertyFailsAndNamesTheDocumentedSpelling() {
        ObjectNode body = example("user-list");
        ObjectNode user = firstValue(body);
        user.set("displayname", user.remove("displayName"));

        ShapeReport report = service.check("users", body, Expect.collection("microsoft.graph.user"));

        assertThat(report.violations()).containsExactly("$.value[0].displayname: 'displayname' is not a documented "
                + "property of microsoft.graph.user (did you mean 'displayName'?) (an open type may carry dynamic "
                + "properties, but Graph documents none by this name)");
        assertThatThrownBy(report::assertConforms).isInstanceOf(AssertionError.class)
                .hasMessageContaining("users does not match the Graph documentation (1 violation(s))")
                .hasMessageContaining("did you mean 'displayName'?");
    }

    @Test
    void aPropertyOfTheWrongJsonKindFails() {
        ObjectNode body = example("user-list");
        firstValue(body).put("accountEnabled", "true");

        ShapeReport report = service.check("users", body, Expect.collection("microsoft.graph.user"));

        assertThat(report.violations()).containsExactly(
                "$.value[0].accountEnabled: expected boolean (Edm.Boolean), got string \"true\"");
    }

    @Test
    void nullIsAcceptedOnlyWhereTheDocumentationDeclaresThePropertyNullable() {
        ObjectNode policy = example("conditionalaccess-policy-get");
        policy.putNull("modifiedDateTime");
        policy.putNull("state");

        ShapeReport report = lenient.check("policy", policy, Expect.entity("microsoft.graph.conditionalAccessPolicy"));

        assertThat(report.violations()).containsExactly(
                "$.state: is null, but state (microsoft.graph.conditionalAccessPolicyState) is not nullable");
    }

    @Test
    void enumValuesMustBeDocumentedMembersAndFlagsAreSplitOnCommas() {
        ObjectNode policy = example("conditionalaccess-policy-get");
        policy.put("state", "on");
        ObjectNode strength = example("authenticationstrength-policy-get");
        ((ArrayNode) strength.get("allowedCombinations")).add("password, sms").add("password,carrierPigeon");

        assertThat(lenient.check("policy", policy, Expect.entity("microsoft.graph.conditionalAccessPolicy")).violations())
                .singleElement().asString()
                .startsWith("$.state: 'on' is not a member of microsoft.graph.conditionalAccessPolicyState [enabled, disabled");
        assertThat(lenient.check("strength", strength, Expect.entity("microsoft.graph.authenticationStrengthPolicy")).violations())
                .singleElement().asString()
                .startsWith("$.allowedCombinations[4]: 'carrierPigeon' is not a member of microsoft.graph.authenticationMethodModes");
    }

    @Test
    void odataTypeMustNameTheDeclaredTypeOrADerivedOne() {
        ObjectNode methods = example("windowshelloforbusiness-methods-list");
        firstValue(methods).put("@odata.type", "#microsoft.graph.user");
        ((ObjectNode) methods.get("value").get(1)).put("@odata.type", "#microsoft.graph.windowsHelloForBusinessMethod");

        ShapeReport report = lenient.check("methods", methods, Expect.collection("microsoft.graph.authenticationMethod"));

        assertThat(report.violations()).containsExactly(
                "$.value[0].@odata.type: '#microsoft.graph.user' is neither microsoft.graph.authenticationMethod nor derived from it",
                "$.value[1].@odata.type: '#microsoft.graph.windowsHelloForBusinessMethod' is not a v1.0 type known to this suite"
                        + " (a misspelling, or a type GraphMetadataRefresh must add)");
    }

    @Test
    void theConcreteTypeDecidesWhichPropertiesAreAllowed() {
        ObjectNode methods = example("windowshelloforbusiness-methods-list");
        firstValue(methods).put("@odata.type", "#microsoft.graph.fido2AuthenticationMethod");

        ShapeReport report = lenient.check("methods", methods, Expect.collection("microsoft.graph.authenticationMethod"));

        assertThat(report.violations()).containsExactly("$.value[0].keyStrength: 'keyStrength' is not a documented "
                + "property of microsoft.graph.fido2AuthenticationMethod");
    }

    @Test
    void objectsOfAnAbstractOrDirectoryObjectTypeMustSayWhatTheyAre() {
        ObjectNode methods = example("windowshelloforbusiness-methods-list");
        firstValue(methods).remove("@odata.type");
        ObjectNode members = example("group-list-transitivememberof");

        assertThat(lenient.check("methods", methods, Expect.collection("microsoft.graph.authenticationMethod")).violations())
                .containsExactly("$.value[0]: missing @odata.type: microsoft.graph.authenticationMethod is polymorphic,"
                        + " so Graph names each object's concrete type");
        assertThat(lenient.check("memberOf", members, Expect.collection("microsoft.graph.directoryObject")).violations())
                .isEmpty();
    }

    @Test
    void collectionsNeedAValueArrayAndServiceResponsesAnODataContext() {
        ObjectNode phones = example("phone-methods-list");
        JsonNode notACollection = example("phone-method-get");

        assertThat(lenient.check("phones", phones, Expect.collection("microsoft.graph.phoneAuthenticationMethod")).violations())
                .isEmpty();
        assertThat(service.check("phones", phones, Expect.collection("microsoft.graph.phoneAuthenticationMethod")).violations())
                .containsExactly("$: missing @odata.context");
        assertThat(lenient.check("phone", notACollection, Expect.collection("microsoft.graph.phoneAuthenticationMethod")).violations())
                .contains("$.value: a collection response needs a \"value\" array, got nothing",
                        "$.phoneNumber: not allowed next to \"value\" in a collection response");
    }

    @Test
    void serviceResponsesMustCarryTheEntityKey() {
        ObjectNode users = example("user-list");
        firstValue(users).remove("id");

        assertThat(service.check("users", users, Expect.collection("microsoft.graph.user")).violations())
                .containsExactly("$.value[0]: missing 'id', the key of microsoft.graph.user");
        assertThat(lenient.check("users", users, Expect.collection("microsoft.graph.user")).violations()).isEmpty();
    }

    @Test
    void dateTimesAndGuidsMustBeWellFormed() {
        ObjectNode tap = example("temporaryaccesspass-method-create");
        tap.put("startDateTime", "2022-06-05 00:00");
        ObjectNode sku = firstValue(example("subscribedskus-list"));
        sku.put("skuId", "ENTERPRISEPREMIUM");

        assertThat(lenient.check("tap", tap, Expect.entity("microsoft.graph.temporaryAccessPassAuthenticationMethod")).violations())
                .containsExactly("$.startDateTime: '2022-06-05 00:00' is not an ISO 8601 date-time with offset (Edm.DateTimeOffset)");
        assertThat(lenient.check("sku", sku, Expect.entity("microsoft.graph.subscribedSku")).violations())
                .containsExactly("$.skuId: 'ENTERPRISEPREMIUM' is not a GUID (Edm.Guid)");
    }

    @Test
    void expandedNavigationPropertiesAreCheckedAgainstTheirTargetType() {
        ObjectNode assignment = example("roleassignment-get-expand-roledefinition");
        ((ObjectNode) assignment.get("roleDefinition")).put("isBuiltin", true);

        assertThat(service.check("assignment", assignment, Expect.entity("microsoft.graph.unifiedRoleAssignment")).violations())
                .containsExactly("$.roleDefinition.isBuiltin: 'isBuiltin' is not a documented property of "
                        + "microsoft.graph.unifiedRoleDefinition (did you mean 'isBuiltIn'?)");
    }

    @Test
    void propertyAnnotationsMustAnnotateADocumentedProperty() {
        ObjectNode configuration = example("temporaryaccesspass-configuration-get");
        configuration.put("includeTarget@odata.context", "https://graph.microsoft.com/v1.0/$metadata#x");

        assertThat(lenient.check("tap", configuration,
                Expect.entity("microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration")).violations())
                .containsExactly("$.includeTarget@odata.context: annotates 'includeTarget', which is not a documented "
                        + "property of microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration");
    }

    @Test
    void errorBodiesFollowTheDocumentedErrorResource() {
        ObjectNode error = example("error");
        ObjectNode broken = example("error");
        ((ObjectNode) broken.get("error")).remove("message");
        ((ObjectNode) broken.get("error")).put("requestId", "x");

        assertThat(service.check("error", error, Expect.error()).violations()).isEmpty();
        assertThat(service.check("error", broken, Expect.error()).violations()).containsExactly(
                "$.error.message: required string, got nothing",
                "$.error.requestId: not a documented error property of that kind "
                        + "(code, message, innerError object, target string, details array)");
    }

    @Test
    void batchResponsesFollowTheDocumentedEnvelope() {
        ObjectNode batch = example("batch");
        ObjectNode broken = example("batch");
        ObjectNode second = (ObjectNode) broken.get("responses").get(1);
        second.remove("status");
        second.put("statusCode", 403);

        assertThat(service.check("batch", batch, Expect.batch()).violations()).isEmpty();
        assertThat(service.check("batch", broken, Expect.batch()).violations()).containsExactly(
                "$.responses[1].status: required HTTP status code, got nothing",
                "$.responses[1].statusCode: not a documented property of an individual $batch response");
    }

    @Test
    void actionResultsAreValueWrappedPrimitivesOfTheDocumentedType() {
        ObjectNode revoked = example("user-revokesigninsessions");
        ObjectNode wrong = example("user-revokesigninsessions");
        wrong.put("value", "true");

        assertThat(service.check("revoke", revoked, Expect.primitive("Edm.Boolean")).violations()).isEmpty();
        assertThat(service.check("revoke", wrong, Expect.primitive("Edm.Boolean")).violations())
                .containsExactly("$.value: expected boolean (Edm.Boolean), got string \"true\"");
    }

    @Test
    void propertiesTheDocumentationExampleShowsButNoResponseSendsAreWarnings() {
        JsonNode documented = GraphDocs.example("user-list").body();
        ObjectNode withoutPhoneOrOffice = example("user-list");
        withoutPhoneOrOffice.get("value").forEach(user -> ((ObjectNode) user).remove(List.of("mobilePhone", "officeLocation")));
        ObjectNode withoutPhone = example("user-list");
        withoutPhone.get("value").forEach(user -> ((ObjectNode) user).remove("mobilePhone"));

        assertThat(GraphShapeAssert.missingComparedTo(documented, List.of(withoutPhoneOrOffice, withoutPhone)))
                .containsExactly("$.value[].mobilePhone: in the documentation example, never in the response");
        assertThat(GraphShapeAssert.missingComparedTo(documented, List.of(documented))).isEmpty();
    }
}
