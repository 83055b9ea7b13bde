package dev.gatehouse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.IParamLabelRenderer;
import picocli.CommandLine.Help.Layout;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Help pages that show a command's own options, and the global options (inherited from {@code gatehouse}) once, on
 * the root's page: a subcommand's page names them in one line instead of describing them again. The filtering is
 * picocli's documented way of hiding inherited options (a {@link CommandLine.IHelpFactory} whose {@link Help} filters
 * the option list and synopsis, picocli-examples CustomOptionListAndSynopsisWithInheritance).
 */
public final class HelpPages implements CommandLine.IHelpFactory {

    /** The heading of a command's examples, given as its {@code footer}. */
    public static final String EXAMPLES = "%nExamples:%n";

    private static final String GLOBAL_OPTIONS = "gatehouseGlobalOptions";

    /** Gives {@code command}'s page the global-options line after its own options and commands, before the examples. */
    static void apply(CommandLine command) {
        command.setHelpFactory(new HelpPages());
        command.getHelpSectionMap().put(GLOBAL_OPTIONS, HelpPages::globalOptions);
        List<String> keys = new ArrayList<>(command.getHelpSectionKeys());
        if (!keys.contains(GLOBAL_OPTIONS)) {
            keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), GLOBAL_OPTIONS);
            command.setHelpSectionKeys(keys);
        }
    }

    @Override
    public Help create(CommandSpec commandSpec, ColorScheme colorScheme) {
        return new Help(commandSpec, colorScheme) {
            @Override
            public String optionListExcludingGroups(List<OptionSpec> options, Layout layout,
                                                    Comparator<OptionSpec> optionSort, IParamLabelRenderer labels) {
                return super.optionListExcludingGroups(own(options), layout, optionSort, labels);
            }

            @Override
            protected Text createDetailedSynopsisOptionsText(Collection<ArgSpec> done, List<OptionSpec> options,
                                                             Comparator<OptionSpec> optionSort, boolean cluster) {
                return super.createDetailedSynopsisOptionsText(done, own(options), optionSort, cluster);
            }
        };
    }

    private static List<OptionSpec> own(List<OptionSpec> options) {
        return options.stream().filter(option -> !option.inherited()).toList();
    }

    private static String globalOptions(Help help) {
        List<String> names = help.commandSpec().options().stream()
                .filter(option -> option.inherited() && !option.hidden()).map(OptionSpec::longestName).toList();
        if (names.isEmpty()) {
            return "";
        }
        String root = help.commandSpec().root().qualifiedName();
        String text = "Global options (see '" + root + " --help'): " + String.join(", ", names) + ".";
        return "\n" + String.join("\n", Wrap.lines(text, help.commandSpec().usageMessage().width())) + "\n";
    }
}
