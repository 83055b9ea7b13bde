package dev.gatehouse.sim.odata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.sim.wire.GraphException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Graph's {@code $search} on directory objects: clauses {@code "property:text"} joined by upper-case AND/OR
 * with parentheses. displayName and description are matched word by word (the search words must each
 * start a word of the value, in any order, ignoring case); other properties match by prefix
 * (see the "Use the $search query parameter" page).
 */
public final class SearchQuery {

    private sealed interface Node permits Clause, Junction {
    }

    private record Clause(String property, String text, List<String> words) implements Node {
        Clause(String property, String text) {
            this(property, text, tokens(text, false));
        }
    }

    private record Junction(boolean and, Node left, Node right) implements Node {
    }

    private final Node root;

    private SearchQuery(Node root) {
        this.root = root;
    }

    public static SearchQuery parse(String expression) {
        Parser parser = new Parser(expression);
        Node node = parser.or();
        parser.skipSpace();
        if (parser.pos < expression.length()) {
            throw parser.error();
        }
        return new SearchQuery(node);
    }

    /** The property names the clauses search, for validation against the entity type. */
    public List<String> properties() {
        List<String> names = new ArrayList<>();
        collect(root, names);
        return names;
    }

    public boolean matches(Function<String, JsonNode> properties, Set<String> tokenSearched) {
        return matches(root, properties, tokenSearched);
    }

    private static void collect(Node node, List<String> names) {
        if (node instanceof Clause clause) {
            names.add(clause.property());
        } else if (node instanceof Junction junction) {
            collect(junction.left(), names);
            collect(junction.right(), names);
        }
    }

    private static boolean matches(Node node, Function<String, JsonNode> properties, Set<String> tokenSearched) {
        if (node instanceof Junction junction) {
            boolean left = matches(junction.left(), properties, tokenSearched);
            if (junction.and() ? !left : left) {
                return left;
            }
            return matches(junction.right(), properties, tokenSearched);
        }
        Clause clause = (Clause) node;
        JsonNode value = properties.apply(clause.property());
        if (value == null || !value.isTextual()) {
            return false;
        }
        if (tokenSearched.contains(clause.property())) {
            String text = value.asText();
            List<String> words = clause.words();
            if (!words.stream().allMatch(word -> mayContain(text, word))) {
                return false;
            }
            List<String> valueTokens = tokens(text, true);
            return words.stream().allMatch(word -> valueTokens.stream().anyMatch(token -> token.startsWith(word)));
        }
        return value.asText().toLowerCase(Locale.ROOT).startsWith(clause.text().toLowerCase(Locale.ROOT));
    }

    /**
     * A cheap necessary condition for a token match: every token of the value, joined ones included, reads
     * as the word when symbols are skipped. Spares tokenising the values that cannot match, which is most of
     * them in a large tenant.
     */
    private static boolean mayContain(String value, String word) {
        for (int start = 0; start < value.length(); start++) {
            int v = start;
            int w = 0;
            while (w < word.length() && v < value.length()) {
                char c = value.charAt(v++);
                if (Character.isLetterOrDigit(c)) {
                    if (Character.toLowerCase(c) != word.charAt(w++)) {
                        break;
                    }
                    if (w == word.length()) {
                        return true;
                    }
                } else if (Character.isWhitespace(c) || w == 0) {
                    break;
                }
            }
        }
        return word.isEmpty();
    }

    /**
     * Splits text into lower-case words at spaces, symbols, letter/digit changes and lower-to-upper case
     * changes; with {@code combine}, words separated only by symbols are also joined ("hello.world" also
     * yields "helloworld"), as the documented tokenizer does.
     */
    static List<String> tokens(String text, boolean combine) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        StringBuilder joined = new StringBuilder();
        boolean joinedHasSymbol = false;
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean boundary = current.length() > 0 && (Character.isLetter(c) != Character.isLetter(previous)
                    || Character.isDigit(c) != Character.isDigit(previous)
                    || Character.isLowerCase(previous) && Character.isUpperCase(c));
            if (!Character.isLetterOrDigit(c) || boundary) {
                flush(current, tokens);
            }
            if (Character.isWhitespace(c)) {
                flushJoined(joined, joinedHasSymbol, combine, tokens);
                joinedHasSymbol = false;
            } else if (Character.isLetterOrDigit(c)) {
                current.append(Character.toLowerCase(c));
                joined.append(Character.toLowerCase(c));
            } else {
                joinedHasSymbol = true;
            }
            previous = c;
        }
        flush(current, tokens);
        flushJoined(joined, joinedHasSymbol, combine, tokens);
        return tokens;
    }

    private static void flush(StringBuilder current, List<String> tokens) {
        if (current.length() > 0) {
            tokens.add(current.toString());
            current.setLength(0);
        }
    }

    private static void flushJoined(StringBuilder joined, boolean hadSymbol, boolean combine, List<String> tokens) {
        if (combine && hadSymbol && joined.length() > 0) {
            tokens.add(joined.toString());
        }
        joined.setLength(0);
    }

    private static final class Parser {
        private final String text;
        private final QueryLimits limits = new QueryLimits("Syntax error in $search");
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Node or() {
            Node left = and();
            while (word("OR")) {
                left = new Junction(false, left, and());
            }
            return left;
        }

        Node and() {
            Node left = primary();
            while (word("AND")) {
                left = new Junction(true, left, primary());
            }
            return left;
        }

        Node primary() {
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '(') {
                pos++;
                limits.enter();
                Node inner = or();
                limits.leave();
                skipSpace();
                if (pos >= text.length() || text.charAt(pos) != ')') {
                    throw error();
                }
                pos++;
                return inner;
            }
            if (pos >= text.length() || text.charAt(pos) != '"') {
                throw error();
            }
            limits.clause();
            pos++;
            StringBuilder clause = new StringBuilder();
            while (pos < text.length() && text.charAt(pos) != '"') {
                char c = text.charAt(pos++);
                if (c == '\\' && pos < text.length()) {
                    c = text.charAt(pos++);
                }
                clause.append(c);
            }
            if (pos >= text.length()) {
                throw error();
            }
            pos++;
            int colon = clause.indexOf(":");
            if (colon <= 0) {
                throw GraphException.badRequest("Invalid $search clause \"" + clause
                        + "\": name the property to search, as in \"displayName:ali\".");
            }
            return new Clause(clause.substring(0, colon).trim(), clause.substring(colon + 1).trim());
        }

        boolean word(String keyword) {
            skipSpace();
            if (text.startsWith(keyword, pos)) {
                pos += keyword.length();
                return true;
            }
            return false;
        }

        void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        GraphException error() {
            return GraphException.badRequest("Syntax error in $search at position " + pos + " in '" + text
                    + "'. Use clauses like \"displayName:ali\" joined by AND or OR.");
        }
    }
}
