package dev.gatehouse.sim.odata;

import dev.gatehouse.sim.wire.GraphException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the subset of OData {@code $filter} that Graph accepts on the collections the sim serves:
 * comparisons, {@code in}, {@code and/or/not}, parentheses, {@code startswith/endswith/contains} and the
 * {@code any/all} lambdas. Operator keywords are case-insensitive, as on Graph.
 */
public final class FilterParser {

    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?");
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Set<String> COMPARISONS = Set.of("eq", "ne", "gt", "ge", "lt", "le");
    private static final Set<String> FUNCTIONS = Set.of("startswith", "endswith", "contains");

    private final String text;
    private final QueryLimits limits = new QueryLimits("Invalid filter clause");
    private int pos;

    private FilterParser(String text) {
        this.text = text;
    }

    public static Filter parse(String text) {
        FilterParser parser = new FilterParser(text);
        Filter filter = parser.orExpression();
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw parser.syntaxError();
        }
        return filter;
    }

    private Filter orExpression() {
        Filter left = andExpression();
        while (keyword("or")) {
            left = new Filter.Or(left, andExpression());
        }
        return left;
    }

    private Filter andExpression() {
        Filter left = unary();
        while (keyword("and")) {
            left = new Filter.And(left, unary());
        }
        return left;
    }

    private Filter unary() {
        if (keyword("not")) {
            limits.enter();
            Filter negated = new Filter.Not(unary());
            limits.leave();
            return negated;
        }
        return primary();
    }

    private Filter primary() {
        skipSpace();
        if (peek('(')) {
            pos++;
            limits.enter();
            Filter inner = orExpression();
            limits.leave();
            expect(')');
            return booleanSuffix(inner);
        }
        limits.clause();
        int start = pos;
        String word = identifierPath();
        if (word == null) {
            throw syntaxError();
        }
        String lower = word.toLowerCase(Locale.ROOT);
        skipSpace();
        if (FUNCTIONS.contains(lower) && peek('(')) {
            pos++;
            List<Filter.Operand> arguments = new ArrayList<>();
            arguments.add(operand());
            while (skipSpaceAndPeek(',')) {
                pos++;
                arguments.add(operand());
            }
            expect(')');
            return booleanSuffix(new Filter.Call(lower, arguments));
        }
        List<String> parts = List.of(word.split("/"));
        String last = parts.get(parts.size() - 1).toLowerCase(Locale.ROOT);
        if ((last.equals("any") || last.equals("all")) && parts.size() > 1 && peek('(')) {
            return lambda(new Filter.Operand.Path(parts.subList(0, parts.size() - 1)), last);
        }
        pos = start;
        Filter.Operand left = operand();
        if (keyword("in")) {
            skipSpace();
            expect('(');
            List<Filter.Operand> values = new ArrayList<>();
            values.add(operand());
            while (skipSpaceAndPeek(',')) {
                pos++;
                values.add(operand());
            }
            expect(')');
            return new Filter.In(left, values);
        }
        String op = comparison();
        if (op == null) {
            throw syntaxError();
        }
        return new Filter.Compare(op, left, operand());
    }

    /** Allows {@code startswith(a,'b') eq true} and {@code (…) eq false}. */
    private Filter booleanSuffix(Filter filter) {
        int mark = pos;
        String op = comparison();
        if (op == null) {
            return filter;
        }
        if (!op.equals("eq") && !op.equals("ne")) {
            throw syntaxError();
        }
        Filter.Operand right = operand();
        if (!(right instanceof Filter.Operand.Literal literal) || !(literal.value() instanceof Boolean value)) {
            pos = mark;
            throw syntaxError();
        }
        boolean keep = value == op.equals("eq");
        return keep ? filter : new Filter.Not(filter);
    }

    private Filter lambda(Filter.Operand.Path collection, String kind) {
        expect('(');
        skipSpace();
        if (peek(')')) {
            pos++;
            return new Filter.Lambda(collection, kind, null, null);
        }
        String variable = identifierPath();
        if (variable == null || variable.contains("/")) {
            throw syntaxError();
        }
        skipSpace();
        expect(':');
        limits.enter();
        Filter body = orExpression();
        limits.leave();
        expect(')');
        return new Filter.Lambda(collection, kind, variable, body);
    }

    private String comparison() {
        skipSpace();
        int start = pos;
        String word = identifierPath();
        if (word != null && COMPARISONS.contains(word.toLowerCase(Locale.ROOT))) {
            return word.toLowerCase(Locale.ROOT);
        }
        pos = start;
        return null;
    }

    private Filter.Operand operand() {
        skipSpace();
        if (pos >= text.length()) {
            throw syntaxError();
        }
        char c = text.charAt(pos);
        if (c == '\'') {
            return new Filter.Operand.Literal(stringLiteral());
        }
        Matcher guid = GUID.matcher(text).region(pos, text.length());
        if (guid.lookingAt() && boundaryAt(guid.end())) {
            pos = guid.end();
            return new Filter.Operand.Literal(guid.group());
        }
        if (Character.isDigit(c) || c == '-') {
            Matcher date = DATE_TIME.matcher(text).region(pos, text.length());
            if (date.lookingAt() && boundaryAt(date.end())) {
                pos = date.end();
                return new Filter.Operand.Literal(parseInstant(date.group()));
            }
            Matcher number = NUMBER.matcher(text).region(pos, text.length());
            if (number.lookingAt() && boundaryAt(number.end())) {
                pos = number.end();
                String digits = number.group();
                return new Filter.Operand.Literal(digits.contains(".") ? (Object) Double.parseDouble(digits)
                        : (Object) Long.parseLong(digits));
            }
            throw syntaxError();
        }
        int start = pos;
        String word = identifierPath();
        if (word == null) {
            throw syntaxError();
        }
        switch (word.toLowerCase(Locale.ROOT)) {
            case "true":
                return new Filter.Operand.Literal(Boolean.TRUE);
            case "false":
                return new Filter.Operand.Literal(Boolean.FALSE);
            case "null":
                return new Filter.Operand.Literal(null);
            default:
                if (COMPARISONS.contains(word.toLowerCase(Locale.ROOT)) || word.equalsIgnoreCase("and")
                        || word.equalsIgnoreCase("or") || word.equalsIgnoreCase("not")) {
                    pos = start;
                    throw syntaxError();
                }
                return new Filter.Operand.Path(List.of(word.split("/")));
        }
    }

    private String stringLiteral() {
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    value.append('\'');
                    pos++;
                } else {
                    return value.toString();
                }
            } else {
                value.append(c);
            }
        }
        throw syntaxError();
    }

    /** An identifier, possibly a path joined by '/'; null when none starts here. */
    private String identifierPath() {
        skipSpace();
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '/' || c == '@' || c == '.' || c == '$') {
                pos++;
            } else {
                break;
            }
        }
        if (pos == start || !Character.isLetter(text.charAt(start)) && text.charAt(start) != '_'
                && text.charAt(start) != '$') {
            pos = start;
            return null;
        }
        return text.substring(start, pos);
    }

    private boolean keyword(String word) {
        skipSpace();
        int end = pos + word.length();
        if (end <= text.length() && text.substring(pos, end).equalsIgnoreCase(word) && boundaryAt(end)) {
            pos = end;
            return true;
        }
        return false;
    }

    private boolean boundaryAt(int index) {
        if (index >= text.length()) {
            return true;
        }
        char c = text.charAt(index);
        return !(Character.isLetterOrDigit(c) || c == '_');
    }

    private void expect(char c) {
        skipSpace();
        if (!peek(c)) {
            throw syntaxError();
        }
        pos++;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private boolean skipSpaceAndPeek(char c) {
        skipSpace();
        return peek(c);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private GraphException syntaxError() {
        return GraphException.badRequest("Invalid filter clause: Syntax error at position " + pos + " in '" + text + "'.");
    }

    private Instant parseInstant(String literal) {
        try {
            if (literal.length() == 10) {
                return LocalDate.parse(literal).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            String withZone = literal.endsWith("Z") || literal.matches(".*[+-]\\d{2}:\\d{2}$") ? literal : literal + "Z";
            return OffsetDateTime.parse(withZone).toInstant();
        } catch (DateTimeParseException e) {
            throw syntaxError();
        }
    }
}
