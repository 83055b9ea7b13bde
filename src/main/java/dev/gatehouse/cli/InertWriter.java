package dev.gatehouse.cli;

import dev.gatehouse.domain.text.HiddenCharacters;
import dev.gatehouse.domain.text.InertText;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.temporal.TemporalAccessor;
import java.util.Calendar;
import java.util.Date;
import java.util.Locale;

/**
 * The one way CLI text reaches a terminal. Names, phone numbers and messages come from the tenant or the user, and
 * an attacker chooses some of them (an Authenticator's device name), so everything written here is made inert with
 * {@link InertText}: ESC, CSI, OSC, bidi overrides and zero-width characters are printed as visible escapes, never
 * interpreted.
 *
 * <p>Lines end only where the code says so: with {@code println} or with {@code %n} (or a line break) in a
 * {@code format} string. A CR or LF inside printed text, from a name or anything else, is shown as {@code \r} or
 * {@code \n}, so nobody can start a fake row or return to the start of a real one. Multi-line text is printed one
 * line at a time ({@link Wrap} does it for prose). The exceptions are named: {@link #keepingLineBreaks} for
 * picocli's own help, whose line breaks are its layout, and {@link #json} for --json documents, which keep every
 * value exact (docs/security-model.md).
 */
public final class InertWriter extends PrintWriter {

    private final boolean keepLineBreaks;

    private InertWriter(Writer sink, boolean keepLineBreaks) {
        super(sink, true);
        this.keepLineBreaks = keepLineBreaks;
    }

    /** {@code writer} itself if it is already inert, else an inert writer over it. */
    public static InertWriter of(PrintWriter writer) {
        return writer instanceof InertWriter inert && !inert.keepLineBreaks ? inert : new InertWriter(writer, false);
    }

    /**
     * For picocli's usage help and version text, which are multi-line strings of the program's own: their line
     * breaks stay, everything else is made inert as usual (an option value the user typed may be echoed).
     */
    static InertWriter keepingLineBreaks(PrintWriter writer) {
        return new InertWriter(writer, true);
    }

    @Override
    public void write(int c) {
        write(String.valueOf((char) c));
    }

    @Override
    public void write(char[] buf, int off, int len) {
        write(new String(buf, off, len));
    }

    @Override
    public void write(String s, int off, int len) {
        String part = s.substring(off, off + len);
        String inert = keepLineBreaks ? InertText.escapeKeepingLineBreaks(part) : InertText.escape(part);
        super.write(inert, 0, inert.length());
    }

    @Override
    public PrintWriter format(String format, Object... args) {
        return format(Locale.getDefault(Locale.Category.FORMAT), format, args);
    }

    /**
     * Formats with every text argument escaped first, so the only line breaks left are the format string's own
     * ({@code %n}), which end lines as {@code println} does.
     */
    @Override
    public PrintWriter format(Locale locale, String format, Object... args) {
        Object[] inert = args == null ? null : new Object[args.length];
        for (int i = 0; inert != null && i < args.length; i++) {
            inert[i] = inertArgument(args[i]);
        }
        String[] lines = String.format(locale, format, inert).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            print(lines[i]);
            if (i < lines.length - 1) {
                println();
            }
        }
        return this;
    }

    /**
     * Prints a --json document exactly: its values are what the tenant holds, and JSON escapes its own control
     * characters. The hidden characters Jackson leaves raw (bidi controls, zero-width characters) become JSON's
     * backslash-u escapes, so the document parses to the same values; then it is printed line by line like any
     * text, which leaves a Jackson document as it is (it holds nothing left to escape).
     */
    void json(String document) {
        for (String line : InertText.escapeInJson(document).split("\r?\n", -1)) {
            println(line);
        }
    }

    /** Numbers, booleans and dates format as they are; anything else is text and is escaped. */
    private static Object inertArgument(Object arg) {
        if (arg == null || arg instanceof Number || arg instanceof Boolean || arg instanceof TemporalAccessor
                || arg instanceof Date || arg instanceof Calendar) {
            return arg;
        }
        if (arg instanceof Character c && !HiddenCharacters.isHidden(c)) {
            return arg;
        }
        return InertText.escape(String.valueOf(arg));
    }
}
