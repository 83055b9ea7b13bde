package dev.gatehouse.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchExpressionTest {

    @Test
    void searchesDisplayNameUpnAndMail() {
        assertThat(UserSearchQuery.searchExpression("ad"))
                .isEqualTo("\"displayName:ad\" OR \"userPrincipalName:ad\" OR \"mail:ad\"");
    }

    @Test
    void escapesQuotesAndBackslashes() {
        assertThat(UserSearchQuery.searchExpression("a\"b\\c"))
                .startsWith("\"displayName:a\\\"b\\\\c\" OR");
    }
}
