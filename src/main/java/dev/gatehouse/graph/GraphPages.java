package dev.gatehouse.graph;

import com.microsoft.graph.models.BaseCollectionPaginationCountResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Graph's paging: every item of a collection through its {@code @odata.nextLink} chain, and nextLinks as cursors. */
final class GraphPages {

    private final ServiceRoot root;

    GraphPages(ServiceRoot root) {
        this.root = root;
    }

    /** Items of {@code first} and of every page its {@code @odata.nextLink} chain leads to. */
    <T, C extends BaseCollectionPaginationCountResponse> List<T> all(C first, Function<C, List<T>> items,
                                                                    Function<String, C> fetch) {
        List<T> all = new ArrayList<>();
        for (C page = first; page != null; ) {
            if (items.apply(page) != null) {
                all.addAll(items.apply(page));
            }
            page = page.getOdataNextLink() == null ? null : fetch.apply(absolute(cursor(page.getOdataNextLink())));
        }
        return all;
    }

    /** A nextLink as an opaque cursor: the path below the service root when it can be expressed so. */
    String cursor(String nextLink) {
        return root.relativize(nextLink).orElse(nextLink);
    }

    String absolute(String cursor) {
        return cursor.startsWith("/") ? root.resolve(cursor) : cursor;
    }
}
