package dev.gatehouse.graph;

import dev.gatehouse.domain.tenant.TenantException;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphPagesTest {

    private final GraphPages pages = new GraphPages(ServiceRoot.parse("https://graph.example.org/v1.0"));

    @Test
    void aChainOfEverNewNextLinksIsCutOffBeforeItFillsTheHeap() {
        Set<String> followed = new HashSet<>();
        for (int page = 0; page < GraphPages.MAX_PAGES; page++) {
            pages.notFollowedYet(followed, "https://graph.example.org/v1.0/users?$skiptoken=" + page);
        }

        assertThatThrownBy(() -> pages.notFollowedYet(followed, "https://graph.example.org/v1.0/users?$skiptoken=new"))
                .isInstanceOf(TenantException.class).hasMessageContaining("more than " + GraphPages.MAX_PAGES
                        + " pages for one list");
        assertThat(followed).hasSize(GraphPages.MAX_PAGES);
    }
}
