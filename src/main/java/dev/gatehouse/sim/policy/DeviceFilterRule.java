package dev.gatehouse.sim.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Conditional Access device filter rule ({@code conditions.devices.deviceFilter.rule}), such as
 * {@code device.isCompliant -eq True -and device.trustType -eq "AzureAD"}, evaluated against What If's
 * {@code deviceInfo}. Supports the rule builder's operators {@code -eq -ne -startsWith -notStartsWith -endsWith
 * -notEndsWith -contains -notContains -in -notIn}, {@code -and}/{@code -or} and parentheses; values compare
 * case-insensitively; a property the device info lacks compares as absent (only {@code -ne}/{@code -not…} hold).
 */
public final class DeviceFilterRule {

    private sealed interface Node permits And, Or, Comparison {
        boolean matches(JsonNode device);
    }

    private record And(Node left, Node right) implements Node {
        public boolean matches(JsonNode device) {
            return left.matches(device) && right.matches(device);
        }
    }

    private record Or(Node left, Node right) implements Node {
        public boolean matches(JsonNode device) {
            return left.matches(device) || right.matches(device);
        }
    }

    private record Comparison(String property, String operator, List<String> values) implements Node {
        public boolean matches(JsonNode device) {
            JsonNode node = device.path(property);
            String actual = node.isMissingNode() || node.isNull() ? null : node.asText().toLowerCase(Locale.ROOT);
            boolean negated = operator.startsWith("-not") || operator.equals("-ne");
            boolean holds = actual != null && switch (operator) {
                case "-eq", "-ne" -> actual.equals(values.get(0));
                case "-startswith", "-notstartswith" -> actual.startsWith(values.get(0));
                case "-endswith", "-notendswith" -> actual.endsWith(values.get(0));
                case "-contains", "-notcontains" -> actual.contains(values.get(0));
                case "-in", "-notin" -> values.contains(actual);
                default -> throw new IllegalStateException(operator);
            };
            return negated != holds;
        }
    }

    private static final Set<String> OPERATORS = Set.of("-eq", "-ne", "-startswith",
            "-notstartswith", "-endswith", "-notendswith", "-contains", "-notcontains", "-in", "-notin");

    private final Node root;

    private DeviceFilterRule(Node root) {
        this.root = root;
    }

    /** @throws IllegalArgumentException when the rule is not one this class reads */
    public static DeviceFilterRule parse(String rule) {
        Parser parser = new Parser(tokens(rule));
        Node node = parser.or();
        if (parser.position != parser.tokens.size()) {
            throw new IllegalArgumentException("Unexpected '" + parser.tokens.get(parser.position) + "' in device filter");
        }
        return new DeviceFilterRule(node);
    }

    public boolean matches(JsonNode deviceInfo) {
        return root.matches(deviceInfo);
    }

    private static final class Parser {
        private final List<String> tokens;
        private int position;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        Node or() {
            Node left = and();
            while (peek("-or")) {
                position++;
                left = new Or(left, and());
            }
            return left;
        }

        Node and() {
            Node left = term();
            while (peek("-and")) {
                position++;
                left = new And(left, term());
            }
            return left;
        }

        Node term() {
            if (peek("(")) {
                position++;
                Node inner = or();
                expect(")");
                return inner;
            }
            String property = next();
            if (!property.toLowerCase(Locale.ROOT).startsWith("device.")) {
                throw new IllegalArgumentException("Expected device.<property>, got '" + property + "'");
            }
            String operator = next().toLowerCase(Locale.ROOT);
            if (!OPERATORS.contains(operator)) {
                throw new IllegalArgumentException("Unknown operator '" + operator + "' in device filter");
            }
            List<String> values = new ArrayList<>();
            if (peek("[")) {
                position++;
                while (!peek("]")) {
                    values.add(value(next()));
                    if (peek(",")) {
                        position++;
                    }
                }
                position++;
            } else {
                values.add(value(next()));
            }
            return new Comparison(property.substring("device.".length()), operator, values);
        }

        private boolean peek(String token) {
            return position < tokens.size() && tokens.get(position).equalsIgnoreCase(token);
        }

        private String next() {
            if (position >= tokens.size()) {
                throw new IllegalArgumentException("The device filter ends too early");
            }
            return tokens.get(position++);
        }

        private void expect(String token) {
            if (!peek(token)) {
                throw new IllegalArgumentException("Expected '" + token + "' in device filter");
            }
            position++;
        }

        private static String value(String token) {
            String value = token.startsWith("\"") ? token.substring(1, token.length() - 1) : token;
            return value.toLowerCase(Locale.ROOT);
        }
    }

    private static List<String> tokens(String rule) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < rule.length()) {
            char c = rule.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if ("()[],".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '"') {
                int end = rule.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("Unterminated string in device filter");
                }
                tokens.add(rule.substring(i, end + 1));
                i = end + 1;
            } else {
                int start = i;
                while (i < rule.length() && !Character.isWhitespace(rule.charAt(i)) && "()[],\"".indexOf(rule.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(rule.substring(start, i));
            }
        }
        return tokens;
    }
}
