package dev.gatehouse.sim.odata;

import dev.gatehouse.sim.wire.GraphException;

/**
 * How complex a {@code $filter} or {@code $search} may be. The parsers descend one Java frame per nested level,
 * so without a bound 1,000 nested parentheses overflow the worker's stack. Graph's own URI parser (OData's
 * {@code UriQueryExpressionParser}) has the same kind of bound and answers "The recursion limit has been
 * exceeded."; the directory is stricter still (a filter "has excessive height: 4. Max allowed: 3"). The demo
 * tenant allows far more than any real query needs.
 */
final class QueryLimits {

    /** Nested parentheses, {@code not} and {@code any/all} lambdas, counted together. */
    static final int MAX_DEPTH = 100;

    /** Comparisons, function calls and lambdas in one {@code $filter}; clauses in one {@code $search}. */
    static final int MAX_CLAUSES = 500;

    private final String option;
    private int depth;
    private int clauses;

    /** @param option the prefix of the error message, e.g. {@code "Invalid filter clause"} */
    QueryLimits(String option) {
        this.option = option;
    }

    /** Called before descending into a nested level. */
    void enter() {
        if (++depth > MAX_DEPTH) {
            throw GraphException.badRequest(option + ": The recursion limit has been exceeded (more than " + MAX_DEPTH
                    + " nested levels of parentheses, not or lambdas).");
        }
    }

    void leave() {
        depth--;
    }

    /** Called for every clause parsed. */
    void clause() {
        if (++clauses > MAX_CLAUSES) {
            throw GraphException.badRequest(option + ": The query has more than " + MAX_CLAUSES
                    + " conditions, more than the demo tenant evaluates.");
        }
    }
}
