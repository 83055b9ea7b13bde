package dev.gatehouse.graph;

import com.microsoft.graph.models.DirectoryAudit;
import com.microsoft.graph.models.DirectoryAuditCollectionResponse;
import dev.gatehouse.domain.tenant.TenantException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

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
    @Test
    void aCappedReadStopsRequestingOnceItHasEnough() {
        List<String> requested = new ArrayList<>();
        Function<String, DirectoryAuditCollectionResponse> fetch = next -> {
            requested.add(next);
            return page(3, requested.size() < 10 ? "https://graph.example.org/v1.0/auditLogs/directoryAudits?$skiptoken="
                    + requested.size() : null);
        };

        List<DirectoryAudit> read = pages.upTo(7, page(3, "https://graph.example.org/v1.0/auditLogs/directoryAudits"
                + "?$skiptoken=0"), DirectoryAuditCollectionResponse::getValue, fetch);

        assertThat(read).hasSize(7);
        assertThat(requested).as("the first page and two more hold 9 entries").hasSize(2);
        assertThat(pages.all(page(3, null), DirectoryAuditCollectionResponse::getValue, fetch)).hasSize(3);
    }

    private static DirectoryAuditCollectionResponse page(int entries, String nextLink) {
        DirectoryAuditCollectionResponse page = new DirectoryAuditCollectionResponse();
        List<DirectoryAudit> value = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            value.add(new DirectoryAudit());
        }
        page.setValue(value);
        page.setOdataNextLink(nextLink);
        return page;
    }
}
