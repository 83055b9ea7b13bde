package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** OData query options on /users and /groups: paging, $search, $filter, $select, $count, $orderby and their errors. */
class QueryTest extends OnBaseline {

    private static final String EVENTUAL = "ConsistencyLevel";

    @Test
    void pagingFollowsAbsoluteNextLinksOnTheSimsOwnBase() {
        Set<String> ids = new LinkedHashSet<>();
        String next = "/users?$top=7&$select=id,displayName";
        int pages = 0;
        while (next != null) {
            JsonNode page = http.get(next).json();
            pages++;
            assertThat(page.path("@odata.context").asText()).endsWith("$metadata#users(id,displayName)");
            page.path("value").forEach(user -> {
                assertThat(WireFormatTest.fieldNames(user)).containsExactly("id", "displayName");
                ids.add(user.path("id").asText());
            });
            String link = page.path("@odata.nextLink").asText(null);
            if (link != null) {
                assertThat(link).startsWith(sim.serviceRoot() + "/users?").contains("$skiptoken=").contains("$top=7");
                next = link.substring(sim.serviceRoot().length());
            } else {
                next = null;
            }
        }
        assertThat(pages).isEqualTo(6);
        assertThat(ids).hasSize(40);
    }

    @Test
    void defaultPageIsAHundredAndTopIsCappedAt999() {
        assertThat(http.get("/users").json().path("value")).hasSize(40);
        SimHttp.Answer tooBig = http.get("/users?$top=1000");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.errorCode()).isEqualTo("Request_UnsupportedQuery");
        assertThat(tooBig.errorMessage()).isEqualTo("Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.");
    }

    @Test
    void brokenSkipTokenIsRefused() {
        SimHttp.Answer answer = http.get("/users?$skiptoken=not-a-token");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("Directory_ExpiredPageToken");
    }

    @Test
    void searchNeedsTheConsistencyHeader() {
        SimHttp.Answer answer = http.get("/users?$search=\"displayName:meg\"");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("Request_UnsupportedQuery");
        assertThat(answer.errorMessage()).isEqualTo("Request with $search query parameter only works through MSGraph "
                + "with a special request header: 'ConsistencyLevel: eventual'");
    }

    @Test
    void searchMatchesWordPrefixesOfDisplayNameAndPrefixesOfOtherProperties() {
        assertThat(names(http.get("/users?$search=\"displayName:wil\"", EVENTUAL, "eventual")))
                .containsExactlyInAnyOrder("Alex Wilber", "Nestor Wilke");
        assertThat(names(http.get("/users?$search=\"displayName:ber\"", EVENTUAL, "eventual")))
                .as("'ber' starts no word of 'Alex Wilber'").containsExactlyInAnyOrder("Debra Berger");
        assertThat(names(http.get("/users?$search=\"displayName:obrien\"", EVENTUAL, "eventual")))
                .as("words joined by symbols are also one token").containsExactly("Liam O'Brien");
        assertThat(names(http.get("/users?$search=\"displayName:van ade\"", EVENTUAL, "eventual")))
                .as("every word must match, in any order").containsExactly("Adele Vance");
        assertThat(names(http.get("/users?$search=\"displayName:meg\" OR \"userPrincipalName:patti\"", EVENTUAL,
                "eventual"))).containsExactlyInAnyOrder("Megan Bowen", "Patti Fernandez");
        assertThat(names(http.get("/users?$search=\"userPrincipalName:bowen\"", EVENTUAL, "eventual")))
                .as("userPrincipalName matches by prefix only").isEmpty();
    }

    @Test
    void searchCombinesWithFilterAndSelect() {
        JsonNode body = http.get("/users?$search=\"displayName:c\"&$filter=accountEnabled eq false&$select=displayName"
                + "&$count=true", EVENTUAL, "eventual").json();
        assertThat(names(body)).containsExactlyInAnyOrder("Cameron White", "Chris Lee (Contoso)");
        assertThat(body.path("@odata.count").asInt()).isEqualTo(2);
    }

    @Test
    void countNeedsTheHeaderAndIsSilentlyIgnoredWithout() {
        JsonNode with = http.get("/users?$count=true&$top=5", EVENTUAL, "eventual").json();
        assertThat(with.path("@odata.count").asInt()).isEqualTo(40);
        assertThat(with.path("value")).hasSize(5);
        JsonNode without = http.get("/users?$count=true&$top=5").json();
        assertThat(without.has("@odata.count")).isFalse();
    }

    @Test
    void countSegmentIsPlainTextAndNeedsTheHeader() {
        SimHttp.Answer with = http.get("/users/$count", EVENTUAL, "eventual");
        assertThat(with.status()).isEqualTo(200);
        assertThat(with.header("Content-Type")).startsWith("text/plain");
        assertThat(with.body()).isEqualTo("40");
        SimHttp.Answer filtered = http.get("/users/$count?$filter=userType eq 'Guest'", EVENTUAL, "eventual");
        assertThat(filtered.body()).isEqualTo("3");
        SimHttp.Answer without = http.get("/users/$count");
        assertThat(without.status()).isEqualTo(400);
        assertThat(without.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(without.errorMessage()).isEqualTo("$count is not currently supported.");
    }

    @Test
    void filterEqualityBooleansAndCaseInsensitiveStrings() {
        assertThat(names(http.get("/users?$filter=accountEnabled eq false"))).containsExactlyInAnyOrder(
                "Ben Walters", "Cameron White", "Chris Lee (Contoso)", "Reception (shared)");
        assertThat(names(http.get("/users?$filter=userPrincipalName eq 'ADELE.VANCE@tailspintoys.com'")))
                .containsExactly("Adele Vance");
        assertThat(names(http.get("/users?$filter=onPremisesSyncEnabled eq true"))).containsExactlyInAnyOrder(
                "Irvin Sayers", "Lidia Holloway", "Cameron White");
        assertThat(names(http.get("/users?$filter=jobTitle eq null and userType eq 'Member'")))
                .contains("Emergency Access 01", "Scan to Email");
    }

    @Test
    void filterStartsWithAndOrAndParentheses() {
        assertThat(names(http.get("/users?$filter=startswith(displayName,'Al')"))).containsExactlyInAnyOrder(
                "Alex Wilber", "Allan Deyoung");
        assertThat(names(http.get("/users?$filter=(startsWith(displayName,'Al') or startswith(displayName,'Ad')) "
                + "and department eq 'IT'"))).containsExactlyInAnyOrder("Allan Deyoung", "Adele Vance");
    }

    @Test
    void filterInAndGuidLiteralsAndLambdas() {
        String adele = http.get("/users/adele.vance@tailspintoys.com").json().path("id").asText();
        String megan = http.get("/users/megan.bowen@tailspintoys.com").json().path("id").asText();
        assertThat(names(http.get("/users?$filter=id in ('" + adele + "','" + megan + "')")))
                .containsExactlyInAnyOrder("Adele Vance", "Megan Bowen");
        assertThat(http.get("/users?$filter=assignedLicenses/any(l:l/skuId eq cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46)")
                .json().path("value")).hasSize(33);
        assertThat(names(http.get("/groups?$filter=groupTypes/any(t: t eq 'Unified')"))).containsExactly("All Staff");
        assertThat(names(http.get("/users?$filter=assignedLicenses/any()&$top=999"))).hasSize(33);
    }

    @Test
    void negationAndEndsWithNeedAdvancedQueryParameters() {
        SimHttp.Answer ne = http.get("/users?$filter=accountEnabled ne true");
        assertThat(ne.status()).isEqualTo(400);
        assertThat(ne.errorCode()).isEqualTo("Request_UnsupportedQuery");
        assertThat(ne.errorMessage()).startsWith("Operator 'ne' is not supported because the required parameters might "
                + "be missing.");
        SimHttp.Answer ends = http.get("/users?$filter=endswith(userPrincipalName,'%23EXT%23@tailspintoys.onmicrosoft.com')");
        assertThat(ends.errorMessage()).isEqualTo("Operator 'endsWith' is not supported because the required parameters "
                + "might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to "
                + "https://aka.ms/graph-docs/advanced-queries for more information");
        assertThat(names(http.get("/users?$filter=endswith(userPrincipalName,'%23EXT%23@tailspintoys.onmicrosoft.com')"
                + "&$count=true", EVENTUAL, "eventual"))).hasSize(3);
        assertThat(names(http.get("/users?$filter=accountEnabled ne true&$count=true", EVENTUAL, "eventual")))
                .hasSize(4);
        assertThat(names(http.get("/users?$filter=not(userType eq 'Member')&$count=true", EVENTUAL, "eventual")))
                .hasSize(3);
    }

    @Test
    void unsupportedFiltersGetGraphsErrors() {
        SimHttp.Answer contains = http.get("/users?$filter=contains(displayName,'a')");
        assertThat(contains.status()).isEqualTo(400);
        assertThat(contains.errorCode()).isEqualTo("Request_UnsupportedQuery");
        assertThat(contains.errorMessage()).isEqualTo("Unsupported or invalid query filter clause specified for property "
                + "'displayName' of resource 'User'.");
        SimHttp.Answer unknown = http.get("/users?$filter=shoeSize eq 42");
        assertThat(unknown.errorCode()).isEqualTo("BadRequest");
        assertThat(unknown.errorMessage()).isEqualTo("Could not find a property named 'shoeSize' on type "
                + "'microsoft.graph.user'.");
        SimHttp.Answer notFilterable = http.get("/users?$filter=signInSessionsValidFromDateTime ge 2024-01-01T00:00:00Z");
        assertThat(notFilterable.errorCode()).isEqualTo("Request_UnsupportedQuery");
        SimHttp.Answer syntax = http.get("/users?$filter=displayName eqq 'x'");
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.errorMessage()).startsWith("Invalid filter clause");
        SimHttp.Answer unknownOption = http.get("/users?$frobnicate=1");
        assertThat(unknownOption.status()).isEqualTo(400);
    }

    @Test
    void orderByDisplayNameAndItsAdvancedQueryRule() {
        List<String> names = names(http.get("/users?$orderby=displayName&$select=displayName"));
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(names(http.get("/users?$orderby=displayName desc&$top=1"))).containsExactly("Tom Harris");
        SimHttp.Answer withFilter = http.get("/users?$filter=accountEnabled eq true&$orderby=displayName");
        assertThat(withFilter.status()).isEqualTo(400);
        assertThat(withFilter.errorMessage()).isEqualTo("Sorting not supported for current query.");
        assertThat(http.get("/users?$filter=accountEnabled eq true&$orderby=displayName&$count=true", EVENTUAL,
                "eventual").status()).isEqualTo(200);
    }

    @Test
    void groupsListUsesTheGroupDefaultPropertySet() {
        JsonNode group = http.get("/groups?$filter=displayName eq 'Emergency Access Accounts'").json().path("value").get(0);
        assertThat(group.path("isAssignableToRole").asBoolean()).isTrue();
        assertThat(group.path("securityEnabled").asBoolean()).isTrue();
        assertThat(group.path("mailEnabled").asBoolean()).isFalse();
        assertThat(group.path("securityIdentifier").asText()).startsWith("S-1-12-1-");
        assertThat(group.has("groupTypes")).isTrue();
        assertThat(names(http.get("/groups?$search=\"displayName:access\"", EVENTUAL, "eventual")))
                .containsExactly("Emergency Access Accounts");
    }

    static List<String> names(SimHttp.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return names(answer.json());
    }

    static List<String> names(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.path("value").forEach(v -> names.add(v.path("displayName").asText()));
        return names;
    }
}
