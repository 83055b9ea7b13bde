package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.method.MethodType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's authentication methods: shapes per type, the fixed ids, the TAP rule and who may read them. */
class AuthenticationMethodsTest extends OnBaseline {

    private static final String ALEX = "alex.wilber@tailspintoys.com";

    @Test
    void methodsListEveryTypeWithItsODataType() {
        JsonNode body = http.get("/users/" + ALEX + "/authentication/methods").json();
        String alexId = http.get("/users/" + ALEX).json().path("id").asText();
        assertThat(body.path("@odata.context").asText()).isEqualTo(sim.serviceRoot() + "/$metadata#users('" + alexId
                + "')/authentication/methods");
        assertThat(types(body)).containsExactly("#microsoft.graph.passwordAuthenticationMethod",
                "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
                "#microsoft.graph.phoneAuthenticationMethod");
        JsonNode password = body.path("value").get(0);
        assertThat(password.path("id").asText()).isEqualTo("28c10230-6103-485e-b985-444c60001490");
        assertThat(password.has("password")).isTrue();
        assertThat(password.path("password").isNull()).isTrue();
        JsonNode authenticator = body.path("value").get(1);
        assertThat(WireFormatTest.fieldNames(authenticator)).containsExactly("@odata.type", "id", "displayName",
                "deviceTag", "phoneAppVersion", "createdDateTime");
        JsonNode phone = body.path("value").get(2);
        assertThat(phone.path("id").asText()).isEqualTo("3179e48a-750b-4051-897c-87b9720928f7");
        assertThat(phone.path("phoneNumber").asText()).isEqualTo("+61 491570110");
        assertThat(phone.path("phoneType").asText()).isEqualTo("mobile");
        assertThat(phone.path("smsSignInState").asText()).isEqualTo("notAllowedByPolicy");
    }

    @Test
    void typedCollectionsOmitTheODataTypeAndCarryTheTypesProperties() {
        JsonNode body = http.get("/users/adele.vance@tailspintoys.com/authentication/fido2Methods").json();
        assertThat(body.path("@odata.context").asText()).endsWith("/authentication/fido2Methods");
        JsonNode key = body.path("value").get(0);
        assertThat(key.has("@odata.type")).isFalse();
        assertThat(key.path("aaGuid").asText()).isEqualTo("2fc0579f-8113-47ea-b116-555a8db9202a");
        assertThat(key.path("model").asText()).isEqualTo("YubiKey 5 NFC");
        assertThat(key.path("attestationLevel").asText()).isEqualTo("attested");
        assertThat(key.path("passkeyType").asText()).isEqualTo("deviceBound");
        assertThat(key.path("createdDateTime").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    }

    @Test
    void everyV1CollectionAnswers() {
        for (MethodType type : MethodType.values()) {
            type.collection().ifPresent(collection -> {
                SimHttp.Answer answer = http.get("/users/omar.haddad@tailspintoys.com/authentication/" + collection);
                assertThat(answer.status()).as(collection).isEqualTo(200);
                answer.json().path("value").forEach(item -> assertThat(item.has("id")).isTrue());
            });
        }
        assertThat(http.get("/users/omar.haddad@tailspintoys.com/authentication/hardwareOathMethods").status())
                .as("beta only").isEqualTo(400);
    }

    @Test
    void getByIdThroughTheTypedAndTheGenericCollection() {
        String path = "/users/adele.vance@tailspintoys.com/authentication/";
        String keyId = http.get(path + "fido2Methods").json().path("value").get(0).path("id").asText();
        JsonNode typed = http.get(path + "fido2Methods/" + keyId).json();
        assertThat(typed.path("@odata.context").asText()).endsWith("/authentication/fido2Methods/$entity");
        assertThat(typed.has("@odata.type")).isFalse();
        JsonNode generic = http.get(path + "methods/" + keyId).json();
        assertThat(generic.path("@odata.type").asText()).isEqualTo("#microsoft.graph.fido2AuthenticationMethod");
        SimHttp.Answer wrongType = http.get(path + "phoneMethods/" + keyId);
        assertThat(wrongType.status()).isEqualTo(404);
        assertThat(http.get(path + "passwordMethods/28c10230-6103-485e-b985-444c60001490").status()).isEqualTo(200);
    }

    @Test
    void temporaryAccessPassNeverShowsItsCode() {
        JsonNode tap = http.get("/users/allan.deyoung@tailspintoys.com/authentication/temporaryAccessPassMethods")
                .json().path("value").get(0);
        assertThat(WireFormatTest.fieldNames(tap)).containsExactly("id", "temporaryAccessPass", "createdDateTime",
                "startDateTime", "lifetimeInMinutes", "isUsableOnce", "isUsable", "methodUsabilityReason");
        assertThat(tap.path("temporaryAccessPass").isNull()).isTrue();
        assertThat(tap.path("lifetimeInMinutes").asInt()).isEqualTo(480);
        assertThat(tap.path("isUsable").asBoolean()).isTrue();
        assertThat(tap.path("methodUsabilityReason").asText()).isEqualTo("EnabledByPolicy");
    }

    @Test
    void usersWithoutARoleReadOnlyTheirOwnMethods() {
        SimHttp.Answer others = http.getAs("megan.bowen@tailspintoys.com", "/users/" + ALEX + "/authentication/methods");
        assertThat(others.status()).isEqualTo(403);
        assertThat(others.errorCode()).isEqualTo("accessDenied");
        assertThat(others.errorMessage()).isEqualTo("Request Authorization failed");
        assertThat(http.getAs("megan.bowen@tailspintoys.com", "/me/authentication/methods").status()).isEqualTo(200);
        assertThat(http.getAs("nestor.wilke@tailspintoys.com", "/users/" + ALEX + "/authentication/phoneMethods")
                .status()).as("Security Administrator is not among the roles that read others' methods").isEqualTo(403);
    }

    @Test
    void authenticationAdministratorSeesMaskedPhoneNumbersOfOthers() {
        String path = "/users/" + ALEX + "/authentication/phoneMethods";
        assertThat(http.getAs("patti.fernandez@tailspintoys.com", path).json().path("value").get(0)
                .path("phoneNumber").asText()).isEqualTo("+61 XXXXXXX10");
        assertThat(http.getAs("johanna.lorenz@tailspintoys.com", path).json().path("value").get(0)
                .path("phoneNumber").asText()).as("Global Reader").isEqualTo("+61 491570110");
        assertThat(http.getAs("lynne.robbins@tailspintoys.com", path).json().path("value").get(0)
                .path("phoneNumber").asText()).as("Privileged Authentication Administrator").isEqualTo("+61 491570110");
        assertThat(http.getAs("patti.fernandez@tailspintoys.com", "/me/authentication/phoneMethods").json()
                .path("value").get(0).path("phoneNumber").asText()).as("own number").isEqualTo("+61 491570158");
    }

    @Test
    void unknownMethodIs404() {
        SimHttp.Answer answer = http.get("/users/" + ALEX + "/authentication/methods/00000000-0000-0000-0000-000000000000");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo("itemNotFound");
    }

    @Test
    void guestsHaveNoMethodsInTheResourceTenant() {
        JsonNode body = http.get("/users/jordan.miller_fabrikam.com%23EXT%23@tailspintoys.onmicrosoft.com"
                + "/authentication/methods").json();
        assertThat(body.path("value")).isEmpty();
    }

    @Test
    void methodsPolicyNeedsAPolicyReadingRole() {
        JsonNode policy = http.get("/policies/authenticationMethodsPolicy").json();
        assertThat(policy.path("@odata.context").asText()).endsWith("$metadata#policies/authenticationMethodsPolicy/$entity");
        assertThat(policy.path("policyMigrationState").asText()).isEqualTo("migrationComplete");
        assertThat(policy.path("authenticationMethodConfigurations")).hasSizeGreaterThan(5);
        JsonNode fido2 = http.get("/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/fido2").json();
        assertThat(fido2.path("@odata.type").asText()).isEqualTo("#microsoft.graph.fido2AuthenticationMethodConfiguration");
        assertThat(fido2.path("id").asText()).isEqualTo("Fido2");
        assertThat(fido2.path("includeTargets").get(0).path("id").asText()).isEqualTo("all_users");
        SimHttp.Answer denied = http.getAs("megan.bowen@tailspintoys.com", "/policies/authenticationMethodsPolicy");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.errorCode()).isEqualTo("Authorization_RequestDenied");
        assertThat(http.getAs("lee.gu@tailspintoys.com", "/policies/authenticationMethodsPolicy").status())
                .as("Authentication Policy Administrator").isEqualTo(200);
    }

    @Test
    void subscribedSkusShowTheP1ServicePlan() {
        JsonNode sku = http.get("/subscribedSkus").json().path("value").get(0);
        assertThat(sku.path("skuPartNumber").asText()).isEqualTo("SPB");
        assertThat(sku.path("id").asText()).endsWith("_cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46");
        List<String> plans = new ArrayList<>();
        sku.path("servicePlans").forEach(p -> plans.add(p.path("servicePlanName").asText()));
        assertThat(plans).contains("AAD_PREMIUM");
        assertThat(sku.path("prepaidUnits").path("enabled").asInt()).isEqualTo(35);
    }

    private static List<String> types(JsonNode body) {
        List<String> types = new ArrayList<>();
        body.path("value").forEach(v -> types.add(v.path("@odata.type").asText()));
        return types;
    }
}
