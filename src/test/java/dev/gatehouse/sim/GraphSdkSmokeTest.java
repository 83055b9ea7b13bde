package dev.gatehouse.sim;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.AuthenticationMethod;
import com.microsoft.graph.models.Fido2AuthenticationMethod;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.MicrosoftAuthenticatorAuthenticationMethod;
import com.microsoft.graph.models.PasswordAuthenticationMethod;
import com.microsoft.graph.models.PhoneAuthenticationMethod;
import com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethod;
import com.microsoft.graph.models.UnifiedRoleAssignment;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AuthenticationProvider;
import dev.gatehouse.sim.fault.FaultSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real Microsoft Graph Java SDK v6 against the sim: it must deserialise the sim's JSON into its models. */
class GraphSdkSmokeTest extends OnBaseline {

    static GraphServiceClient client(SimServer server, String user) {
        AuthenticationProvider auth = (request, context) ->
                request.headers.add("Authorization", "Bearer sim-user:" + user);
        GraphServiceClient client = new GraphServiceClient(auth);
        client.getRequestAdapter().setBaseUrl(server.serviceRoot());
        return client;
    }

    @Test
    void searchesUsersWithTheConsistencyHeader() {
        GraphServiceClient graph = client(sim, "patti.fernandez@tailspintoys.com");
        UserCollectionResponse page = graph.users().get(config -> {
            config.queryParameters.search = "\"displayName:meg\" OR \"userPrincipalName:meg\"";
            config.queryParameters.count = true;
            config.queryParameters.select = new String[]{"id", "displayName", "userPrincipalName", "accountEnabled"};
            config.headers.add("ConsistencyLevel", "eventual");
        });
        assertThat(page.getOdataCount()).isEqualTo(1L);
        User megan = page.getValue().get(0);
        assertThat(megan.getDisplayName()).isEqualTo("Megan Bowen");
        assertThat(megan.getAccountEnabled()).isTrue();
    }

    @Test
    void countsAndPagesThroughTheSdk() throws Exception {
        GraphServiceClient graph = client(sim, "adele.vance@tailspintoys.com");
        Integer count = graph.users().count().get(config -> config.headers.add("ConsistencyLevel", "eventual"));
        assertThat(count).isEqualTo(40);
        UserCollectionResponse first = graph.users().get(config -> config.queryParameters.top = 7);
        List<String> names = new ArrayList<>();
        PageIterator<User, UserCollectionResponse> pages = new PageIterator.Builder<User, UserCollectionResponse>()
                .client(graph)
                .collectionPage(first)
                .collectionPageFactory(UserCollectionResponse::createFromDiscriminatorValue)
                .processPageItemCallback(user -> names.add(user.getDisplayName()))
                .build();
        pages.iterate();
        assertThat(names).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void readsAUsersMethodsIntoTheRightModelClasses() {
        GraphServiceClient graph = client(sim, "adele.vance@tailspintoys.com");
        List<AuthenticationMethod> methods = graph.users().byUserId("adele.vance@tailspintoys.com")
                .authentication().methods().get().getValue();
        assertThat(methods).extracting(m -> m.getClass().getSimpleName()).containsExactly(
                "PasswordAuthenticationMethod", "Fido2AuthenticationMethod",
                "MicrosoftAuthenticatorAuthenticationMethod", "PhoneAuthenticationMethod");
        Fido2AuthenticationMethod key = (Fido2AuthenticationMethod) methods.get(1);
        assertThat(key.getAaGuid()).isEqualTo("2fc0579f-8113-47ea-b116-555a8db9202a");
        assertThat(key.getCreatedDateTime()).isNotNull();
        assertThat(key.getPasskeyType()).hasToString("DeviceBound");
        assertThat(((PasswordAuthenticationMethod) methods.get(0)).getPassword()).isNull();
        assertThat(((MicrosoftAuthenticatorAuthenticationMethod) methods.get(2)).getDisplayName())
                .isEqualTo("iPhone 15 Pro");
        assertThat(((PhoneAuthenticationMethod) methods.get(3)).getPhoneType()).hasToString("Mobile");
    }

    @Test
    void readsATemporaryAccessPassWithoutItsCode() {
        GraphServiceClient graph = client(sim, "adele.vance@tailspintoys.com");
        TemporaryAccessPassAuthenticationMethod tap = graph.users().byUserId("allan.deyoung@tailspintoys.com")
                .authentication().temporaryAccessPassMethods().get().getValue().get(0);
        assertThat(tap.getTemporaryAccessPass()).isNull();
        assertThat(tap.getIsUsable()).isTrue();
        assertThat(tap.getLifetimeInMinutes()).isEqualTo(480);
    }

    @Test
    void readsRoleAssignmentsAndRoleAssignableGroups() {
        GraphServiceClient graph = client(sim, "adele.vance@tailspintoys.com");
        String adele = graph.me().get().getId();
        List<UnifiedRoleAssignment> assignments = graph.roleManagement().directory().roleAssignments().get(config -> {
            config.queryParameters.filter = "principalId eq '" + adele + "'";
            config.queryParameters.expand = new String[]{"roleDefinition"};
        }).getValue();
        assertThat(assignments).singleElement().extracting(a -> a.getRoleDefinition().getDisplayName())
                .isEqualTo("Global Administrator");
        List<Group> groups = graph.users().byUserId(adele).transitiveMemberOf().graphGroup().get(config -> {
            config.queryParameters.filter = "isAssignableToRole eq true";
            config.queryParameters.count = true;
            config.headers.add("ConsistencyLevel", "eventual");
        }).getValue();
        assertThat(groups).extracting(Group::getDisplayName).containsExactly("IT Administrators");
    }

    @Test
    void graphErrorsBecomeODataErrors() {
        GraphServiceClient graph = client(sim, "megan.bowen@tailspintoys.com");
        assertThatThrownBy(() -> graph.users().byUserId("alex.wilber@tailspintoys.com").authentication().methods().get())
                .isInstanceOfSatisfying(ODataError.class, error -> {
                    assertThat(error.getResponseStatusCode()).isEqualTo(403);
                    assertThat(error.getError().getCode()).isEqualTo("accessDenied");
                });
        assertThatThrownBy(() -> graph.users().byUserId("nobody@tailspintoys.com").get())
                .isInstanceOfSatisfying(ODataError.class, error ->
                        assertThat(error.getError().getCode()).isEqualTo("Request_ResourceNotFound"));
    }

    @Test
    void batchesThroughTheSdk() throws Exception {
        GraphServiceClient graph = client(sim, "adele.vance@tailspintoys.com");
        BatchRequestContent batch = new BatchRequestContent(graph);
        String me = batch.addBatchRequestStep(graph.me().toGetRequestInformation());
        String alex = batch.addBatchRequestStep(graph.users().byUserId("alex.wilber@tailspintoys.com")
                .toGetRequestInformation());
        BatchResponseContent responses = graph.getBatchRequestBuilder().post(batch, null);
        assertThat(responses.getResponseById(me, User::createFromDiscriminatorValue).getDisplayName())
                .isEqualTo("Adele Vance");
        assertThat(responses.getResponseById(alex, User::createFromDiscriminatorValue).getDisplayName())
                .isEqualTo("Alex Wilber");
    }

    @Test
    void theSdkRetriesThrottledRequestsUsingRetryAfter() {
        try (SimServer throttled = SimServer.start(SimOptions.defaults()
                .withFaults(FaultSpec.parse("429=0.5,retry-after=0,seed=11")))) {
            GraphServiceClient graph = client(throttled, "adele.vance@tailspintoys.com");
            for (int i = 0; i < 5; i++) {
                assertThat(graph.me().get().getDisplayName()).isEqualTo("Adele Vance");
            }
        }
    }
}
