package dev.gatehouse.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Word-wraps prose for a terminal of {@link #WIDTH} columns; a word longer than a line (a Graph path) is kept whole. */
final class Wrap {

    static final int WIDTH = 100;

    private Wrap() {
    }

    /**
     * Prints {@code text} starting with {@code first} and continuing under it with {@code rest}; line breaks in the
     * text start new paragraphs.
     */
    static void print(PrintWriter out, String first, String rest, String text) {
        List<String> lines = lines(text == null ? "" : text, WIDTH - Math.max(first.length(), rest.length()));
        for (int i = 0; i < lines.size(); i++) {
            out.println(((i == 0 ? first : rest) + lines.get(i)).stripTrailing());
        }
    }

    static List<String> lines(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split("\\s+")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.length() == 0 ? "" : " ").append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
