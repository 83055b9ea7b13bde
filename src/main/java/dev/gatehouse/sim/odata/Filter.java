package dev.gatehouse.sim.odata;

import java.util.List;

/** The parsed form of a {@code $filter} expression. */
public sealed interface Filter {

    record And(Filter left, Filter right) implements Filter {
    }

    record Or(Filter left, Filter right) implements Filter {
    }

    record Not(Filter inner) implements Filter {
    }

    /** {@code left op right} with op one of eq, ne, gt, ge, lt, le. */
    record Compare(String op, Operand left, Operand right) implements Filter {
    }

    record In(Operand left, List<Operand> values) implements Filter {
    }

    /** A boolean function such as {@code startswith(displayName,'a')}. */
    record Call(String function, List<Operand> arguments) implements Filter {
    }

    /** {@code collection/any(v: body)}; {@code body} is null for {@code any()}. */
    record Lambda(Operand.Path collection, String kind, String variable, Filter body) implements Filter {
    }

    sealed interface Operand {

        /** A property path such as {@code initiatedBy/user/id}, or a lambda variable and its sub-path. */
        record Path(List<String> parts) implements Operand {
            public String root() {
                return parts.get(0);
            }
        }

        /** A literal: String, Boolean, Long, Double, java.time.Instant, or null. Guids arrive as String. */
        record Literal(Object value) implements Operand {
        }
    }
}
