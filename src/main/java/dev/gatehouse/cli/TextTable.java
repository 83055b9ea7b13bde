package dev.gatehouse.cli;

import dev.gatehouse.domain.text.InertText;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with left-aligned columns sized to their content. */
final class TextTable {

    private final List<String> headers;
    private final boolean showHeaders;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headers) {
        this(true, headers);
    }

    private TextTable(boolean showHeaders, String... headers) {
        this.headers = List.of(headers);
        this.showHeaders = showHeaders;
    }

    /** Two columns, label and value, without a header line. */
    static TextTable facts() {
        return new TextTable(false, "", "");
    }

    TextTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("Expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (String cell : cells) {
            // made inert here so that a cell is measured as wide as it prints, and holds no line break
            row.add(cell == null ? "" : InertText.escape(cell));
        }
        rows.add(row);
        return this;
    }

    void print(PrintWriter out, String indent) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = showHeaders ? headers.get(c).length() : 0;
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        if (showHeaders) {
            printRow(out, indent, headers, widths);
        }
        for (List<String> row : rows) {
            printRow(out, indent, row, widths);
        }
    }

    private static void printRow(PrintWriter out, String indent, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder(indent);
        for (int c = 0; c < cells.size(); c++) {
            boolean last = c == cells.size() - 1;
            line.append(last ? cells.get(c) : pad(cells.get(c), widths[c] + 2));
        }
        out.println(line.toString().stripTrailing());
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
