package dev.gatehouse.cli;

import dev.gatehouse.domain.text.InertText;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Word-wraps prose for a terminal of {@link #WIDTH} columns; a word longer than a line (a Graph path) is kept whole. */
final class Wrap {

    static final int WIDTH = 100;

    private Wrap() {
    }

    /**
     * Prints {@code text} starting with {@code first} and continuing under it with {@code rest}. The text is one
     * paragraph: a line break in it is shown as an escape like every hidden character, because prose quotes names
     * and an attacker's line break in a name must not start a line of its own (docs/security-model.md).
     */
    static void print(PrintWriter out, String first, String rest, String text) {
        List<String> lines = lines(text == null ? "" : text, WIDTH - Math.max(first.length(), rest.length()));
        for (int i = 0; i < lines.size(); i++) {
            out.println(((i == 0 ? first : rest) + lines.get(i)).stripTrailing());
        }
    }

    /** The lines of {@code text}, made inert first so that a line is measured as it will be printed. */
    static List<String> lines(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : InertText.escape(text).strip().split(" +")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
