package dev.gatehouse.sim.odata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Evaluates a parsed {@link Filter} against one entity. String comparisons ignore case, as directory
 * queries do; date-time literals compare with date-time strings as instants.
 */
public final class FilterEvaluator {

    private final Function<String, JsonNode> properties;
    private Map<String, JsonNode> variables;

    private FilterEvaluator(Function<String, JsonNode> properties) {
        this.properties = properties;
    }

    /** @param properties the entity's wire value for a top-level property name */
    public static boolean matches(Filter filter, Function<String, JsonNode> properties) {
        return new FilterEvaluator(properties).test(filter);
    }

    private boolean test(Filter filter) {
        if (filter instanceof Filter.And and) {
            return test(and.left()) && test(and.right());
        }
        if (filter instanceof Filter.Or or) {
            return test(or.left()) || test(or.right());
        }
        if (filter instanceof Filter.Not not) {
            return !test(not.inner());
        }
        if (filter instanceof Filter.Compare compare) {
            return compare(compare);
        }
        if (filter instanceof Filter.In in) {
            JsonNode value = resolve(in.left());
            return in.values().stream().anyMatch(v -> equal(value, literal(v)));
        }
        if (filter instanceof Filter.Call call) {
            return call(call);
        }
        return lambda((Filter.Lambda) filter);
    }

    private boolean compare(Filter.Compare compare) {
        Filter.Operand left = compare.left();
        Filter.Operand right = compare.right();
        String op = compare.op();
        if (left instanceof Filter.Operand.Literal && right instanceof Filter.Operand.Path) {
            Filter.Operand swap = left;
            left = right;
            right = swap;
            op = switch (op) {
                case "gt" -> "lt";
                case "ge" -> "le";
                case "lt" -> "gt";
                case "le" -> "ge";
                default -> op;
            };
        }
        JsonNode value = resolve(left);
        Object literal = literal(right);
        switch (op) {
            case "eq":
                return equal(value, literal);
            case "ne":
                return !equal(value, literal);
            default:
                Integer order = order(value, literal);
                if (order == null) {
                    return false;
                }
                return switch (op) {
                    case "gt" -> order > 0;
                    case "ge" -> order >= 0;
                    case "lt" -> order < 0;
                    default -> order <= 0;
                };
        }
    }

    private boolean call(Filter.Call call) {
        JsonNode value = resolve(call.arguments().get(0));
        Object argument = literal(call.arguments().get(1));
        if (!value.isTextual() || !(argument instanceof String prefix)) {
            return false;
        }
        String text = value.asText().toLowerCase(Locale.ROOT);
        String needle = prefix.toLowerCase(Locale.ROOT);
        return switch (call.function()) {
            case "startswith" -> text.startsWith(needle);
            case "endswith" -> text.endsWith(needle);
            default -> text.contains(needle);
        };
    }

    private boolean lambda(Filter.Lambda lambda) {
        JsonNode collection = resolve(lambda.collection());
        if (!collection.isArray()) {
            return false;
        }
        if (lambda.body() == null) {
            return collection.size() > 0;
        }
        boolean all = lambda.kind().equals("all");
        if (variables == null) {
            variables = new HashMap<>();
        }
        for (JsonNode element : collection) {
            JsonNode previous = variables.put(lambda.variable(), element);
            boolean result = test(lambda.body());
            restore(lambda.variable(), previous);
            if (result != all) {
                return result;
            }
        }
        return all;
    }

    private void restore(String variable, JsonNode previous) {
        if (previous == null) {
            variables.remove(variable);
        } else {
            variables.put(variable, previous);
        }
    }

    private JsonNode resolve(Filter.Operand operand) {
        if (!(operand instanceof Filter.Operand.Path path)) {
            return MissingNode.getInstance();
        }
        JsonNode node = variables != null && variables.containsKey(path.root()) ? variables.get(path.root())
                : properties.apply(path.root());
        for (int i = 1; i < path.parts().size() && node != null; i++) {
            node = node.get(path.parts().get(i));
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    private static Object literal(Filter.Operand operand) {
        return operand instanceof Filter.Operand.Literal literal ? literal.value() : null;
    }

    private static boolean equal(JsonNode value, Object literal) {
        if (literal == null) {
            return value.isNull() || value.isMissingNode();
        }
        Integer order = order(value, literal);
        return order != null && order == 0;
    }

    /** Orders a wire value against a literal; null when they cannot be compared. */
    private static Integer order(JsonNode value, Object literal) {
        if (value.isNull() || value.isMissingNode() || value.isContainerNode() || literal == null) {
            return null;
        }
        if (literal instanceof Boolean bool) {
            return value.isBoolean() ? Boolean.compare(value.booleanValue(), bool) : null;
        }
        if (literal instanceof Number number) {
            return value.isNumber() ? Double.compare(value.doubleValue(), number.doubleValue()) : null;
        }
        if (literal instanceof Instant instant) {
            Instant parsed = instant(value.asText());
            return parsed == null ? null : parsed.compareTo(instant);
        }
        return Integer.signum(value.asText().compareToIgnoreCase((String) literal));
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
