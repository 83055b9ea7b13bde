package dev.gatehouse.sim.odata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.Wire;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** $filter and $search on plain JSON documents, including the audit and report forms later endpoints use. */
class FilterAndSearchTest {

    private static final JsonNode AUDIT = json("""
            {"activityDateTime": "2026-01-05T10:00:00Z", "category": "UserManagement",
             "initiatedBy": {"user": {"id": "u1", "userPrincipalName": "patti@x"}},
             "targetResources": [{"id": "t1", "type": "User"}, {"id": "t2", "type": "User"}],
             "methodsRegistered": ["mobilePhone", "fido2SecurityKey"], "isAdmin": false, "count": 3}""");

    @Test
    void lambdasOverStringsAndObjects() {
        assertThat(matches("methodsRegistered/any(m: m eq 'fido2SecurityKey')")).isTrue();
        assertThat(matches("methodsRegistered/any(m:m eq 'email')")).isFalse();
        assertThat(matches("targetResources/any(t: t/id eq 't2')")).isTrue();
        assertThat(matches("targetResources/all(t: t/type eq 'User')")).isTrue();
        assertThat(matches("targetResources/any()")).isTrue();
        assertThat(matches("methodsRegistered/any(m: startswith(m, 'mobile'))")).isTrue();
    }

    @Test
    void pathsDatesNumbersAndPrecedence() {
        assertThat(matches("initiatedBy/user/id eq 'u1'")).isTrue();
        assertThat(matches("activityDateTime ge 2026-01-01T00:00:00Z and activityDateTime le 2026-01-06")).isTrue();
        assertThat(matches("activityDateTime gt 2026-01-05T10:00:01Z")).isFalse();
        assertThat(matches("count gt 2 and count lt 4")).isTrue();
        assertThat(matches("category eq 'x' or isAdmin eq false and count eq 3")).as("and binds tighter").isTrue();
        assertThat(matches("(category eq 'x' or isAdmin eq false) and count eq 4")).isFalse();
        assertThat(matches("category in ('Policy', 'USERMANAGEMENT')")).isTrue();
        assertThat(matches("NOT(category eq 'UserManagement')")).isFalse();
        assertThat(matches("missing eq null")).isTrue();
        assertThat(matches("startswith(category,'user') eq true")).isTrue();
    }

    @Test
    void syntaxErrorsAreBadRequests() {
        for (String broken : new String[]{"category eq", "category eq 'x", "(category eq 'x'", "category foo 'x'",
                "targetResources/any(t t/id eq 'a')", "eq 'x'"}) {
            assertThatThrownBy(() -> FilterParser.parse(broken)).as(broken).isInstanceOf(GraphException.class)
                    .hasMessageStartingWith("Invalid filter clause");
        }
    }

    @Test
    void searchTokenisesAsDocumented() {
        assertThat(SearchQuery.tokens("hello world", true)).containsExactly("hello", "world");
        assertThat(SearchQuery.tokens("HelloWorld", true)).containsExactly("hello", "world");
        assertThat(SearchQuery.tokens("HELLOworld", true)).containsExactly("helloworld");
        assertThat(SearchQuery.tokens("hello.world", true)).containsExactly("hello", "world", "helloworld");
        assertThat(SearchQuery.tokens("hello123world", true)).containsExactly("hello", "123", "world");
        JsonNode group = json("{\"displayName\": \"OneVideo Team\", \"mail\": \"onevideo@x\"}");
        assertThat(SearchQuery.parse("\"displayName:video one\"").matches(group::get, Set.of("displayName"))).isTrue();
        assertThat(SearchQuery.parse("\"displayName:ideo\"").matches(group::get, Set.of("displayName"))).isFalse();
        assertThat(SearchQuery.parse("\"displayName:x\" OR \"mail:onevid\"").matches(group::get, Set.of("displayName")))
                .isTrue();
        assertThat(SearchQuery.parse("\"displayName:team\" AND (\"mail:x\" OR \"mail:one\")")
                .matches(group::get, Set.of("displayName"))).isTrue();
        assertThatThrownBy(() -> SearchQuery.parse("\"ali\"")).hasMessageContaining("name the property");
        assertThatThrownBy(() -> SearchQuery.parse("displayName:ali")).hasMessageContaining("Syntax error");
    }

    private static boolean matches(String filter) {
        return FilterEvaluator.matches(FilterParser.parse(filter), name -> {
            JsonNode value = AUDIT.get(name);
            return value == null ? MissingNode.getInstance() : value;
        });
    }

    private static JsonNode json(String text) {
        try {
            return Wire.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
