package dev.gatehouse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Bad input as one sentence on stderr: the nearest command or option when a name is mistyped (picocli's own
 * {@link UnmatchedArgumentException#getSuggestions()}), what a value should have been, and the {@code --help} of the
 * command that refused it (as gh and kubectl do).
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    /** The unit a number option is counted in, read from its parameter label. */
    private static final Map<String, String> UNITS = Map.of("MIN", "minutes", "MINUTES", "minutes",
            "SECONDS", "seconds", "HOURS", "hours");

    private final PrintWriter err;

    UsageErrors(PrintWriter err) {
        this.err = err;
    }

    /**
     * {@code --help} wins over whatever else is wrong on the line, as in gh and kubectl: someone who asks for help
     * while unsure of an option gets the page of the command they reached, not an error about that option.
     */
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine reached = e.getCommandLine();
        if (asksForHelp(args) && reached.getCommandSpec().optionsMap().containsKey("--help")) {
            reached.usage(reached.getOut());
            reached.getOut().flush();
            return ExitCodes.OK;
        }
        err.println("gatehouse: " + sentence(e) + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName()
                + " --help')");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** {@code --help} or {@code -h} before a {@code --} that ends the options. */
    private static boolean asksForHelp(String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    static String sentence(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            return unmatched(unmatched);
        }
        if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
            return missing(missing);
        }
        ArgSpec arg = e.getArgSpec();
        if (arg instanceof OptionSpec option && e.getValue() != null && e.getMessage().startsWith("Invalid value")) {
            if (option.converters().length > 0 && e.getCause() != null) {
                return e.getCause().getMessage(); // our own converter already says it as a sentence
            }
            return option.longestName() + " expects " + expected(option) + ": '" + e.getValue() + "'";
        }
        return e.getMessage().strip().replaceAll("[.]$", "");
    }

    /** An option given without its value, or a required parameter or option not given at all. */
    private static String missing(MissingParameterException e) {
        ArgSpec first = e.getMissing().get(0);
        if (first instanceof OptionSpec option && e.getMessage().startsWith("Missing required parameter for option")) {
            return option.longestName() + " needs a value: " + option.paramLabel();
        }
        return "'" + e.getCommandLine().getCommandSpec().qualifiedName() + "' needs " + e.getMissing().stream()
                .map(arg -> arg instanceof OptionSpec option ? option.longestName() + " " + option.paramLabel()
                        : arg.paramLabel()).collect(Collectors.joining(" and "));
    }

    private static String unmatched(UnmatchedArgumentException e) {
        String first = e.getUnmatched().get(0);
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        if (e.isUnknownOption()) {
            String name = first.split("=", 2)[0];
            return "Unknown option '" + name + "' for '" + spec.qualifiedName() + "'"
                    + suggestion(name, spec.optionsMap().keySet(), e);
        }
        if (!spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
            return "Unknown command '" + first + "' for '" + spec.qualifiedName() + "'"
                    + suggestion(first, spec.subcommands().keySet(), e);
        }
        return "Unexpected " + (e.getUnmatched().size() == 1 ? "argument " : "arguments ")
                + e.getUnmatched().stream().map(a -> "'" + a + "'").collect(Collectors.joining(", "));
    }

    /**
     * The names within an edit per four letters of what was typed (a swapped pair counts as one), else picocli's
     * suggestions, which miss transpositions such as --josn.
     */
    private static String suggestion(String typed, Collection<String> names, UnmatchedArgumentException e) {
        int allowed = Math.max(1, typed.replaceFirst("^-+", "").length() / 4);
        List<String> near = names.stream().filter(name -> EditDistance.between(typed, name) <= allowed).sorted()
                .toList();
        List<String> suggestions = near.isEmpty() ? e.getSuggestions() : near;
        if (suggestions.isEmpty()) {
            return "";
        }
        return "; did you mean " + suggestions.stream().limit(3).map(s -> "'" + s + "'")
                .collect(Collectors.joining(" or ")) + "?";
    }

    private static String expected(OptionSpec option) {
        Class<?> type = option.type();
        if (type.isEnum()) {
            return String.join(" or ", option.paramLabel().split("\\|"));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            String unit = UNITS.get(option.paramLabel().toUpperCase(Locale.ROOT));
            return unit == null ? "a whole number" : unit + ", a whole number";
        }
        return option.paramLabel();
    }
}
