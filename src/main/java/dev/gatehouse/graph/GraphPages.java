package dev.gatehouse.graph;

import com.microsoft.graph.models.BaseCollectionPaginationCountResponse;
import dev.gatehouse.domain.tenant.TenantException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Graph's paging: every item of a collection through its {@code @odata.nextLink} chain, and nextLinks as cursors. */
final class GraphPages {

    /**
     * No list Gatehouse reads needs more: the largest (users of a 1,000,000-user tenant at 999 a page) is ~1,000
     * pages. An endpoint that keeps sending new next-page links is cut off here instead of filling the heap.
     */
    static final int MAX_PAGES = 5_000;

    private final ServiceRoot root;

    GraphPages(ServiceRoot root) {
        this.root = root;
    }

    /** Items of {@code first} and of every page its {@code @odata.nextLink} chain leads to. */
    <T, C extends BaseCollectionPaginationCountResponse> List<T> all(C first, Function<C, List<T>> items,
                                                                    Function<String, C> fetch) {
        return upTo(Integer.MAX_VALUE, first, items, fetch);
    }

    /**
     * The first {@code cap} items of the chain: no page is requested once they are in hand, so a log that holds far
     * more than a screen can show costs no more requests than the screen needs.
     */
    <T, C extends BaseCollectionPaginationCountResponse> List<T> upTo(int cap, C first, Function<C, List<T>> items,
                                                                     Function<String, C> fetch) {
        List<T> all = new ArrayList<>();
        Set<String> followed = new HashSet<>();
        for (C page = first; page != null && all.size() < cap; ) {
            if (items.apply(page) != null) {
                all.addAll(items.apply(page));
            }
            String next = page.getOdataNextLink();
            page = next == null || all.size() >= cap ? null
                    : fetch.apply(absolute(cursor(notFollowedYet(followed, next))));
        }
        return all.size() > cap ? new ArrayList<>(all.subList(0, cap)) : all;
    }

    /**
     * {@code nextLink}, unless this chain of pages already followed it: an endpoint whose next page points back
     * would otherwise keep a read going, and growing, forever.
     */
    String notFollowedYet(Set<String> followed, String nextLink) {
        if (followed.size() >= MAX_PAGES) {
            throw new TenantException(TenantException.Kind.UNAVAILABLE, root.host() + " sent more than " + MAX_PAGES
                    + " pages for one list, far more than any tenant has; Gatehouse stopped reading it. Check the "
                    + "Graph endpoint.");
        }
        if (!followed.add(nextLink)) {
            throw new TenantException(TenantException.Kind.UNAVAILABLE, root.host() + " sent a next-page link it had "
                    + "sent before, so its list would never end; Gatehouse stopped reading it. Check the Graph endpoint.");
        }
        return nextLink;
    }

    /** A nextLink as an opaque cursor: the path below the service root when it can be expressed so. */
    String cursor(String nextLink) {
        return root.relativize(nextLink).orElse(nextLink);
    }

    String absolute(String cursor) {
        return cursor.startsWith("/") ? root.resolve(cursor) : cursor;
    }
}
