package dev.gatehouse.cli;

import dev.gatehouse.domain.breakglass.AccountFacts;
import dev.gatehouse.domain.breakglass.BreakGlassRecord;
import dev.gatehouse.domain.breakglass.BreakGlassRecordFiles;
import dev.gatehouse.domain.breakglass.BreakGlassRecordFiles.Format;
import dev.gatehouse.domain.breakglass.DrillLog;
import dev.gatehouse.domain.breakglass.HealthRead;
import dev.gatehouse.domain.breakglass.HealthReads;
import dev.gatehouse.domain.breakglass.RecordNotes;
import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

@Command(name = "record",
        footerHeading = HelpPages.EXAMPLES, footer = {
                "  gatehouse breakglass record --out safe.pdf",
                "  gatehouse breakglass record --out safe.html --key-label ACCOUNT=\"Key A\""},
        mixinStandardHelpOptions = true,
        description = {"The printable one-page record of the emergency-access accounts, as PDF or HTML: the tenant, the "
                + "group, each account with its FIDO2 keys, your label for each key and where it and each password "
                + "part is kept (what you type here; left blank, the page has a line to write it by hand), the last "
                + "and next drill, and the Maester and ScubaGear entries. No password, pass or key PIN is on it. "
                + "Read-only; the file is new, never written over an existing one.",
                "ACCOUNT is an account's sign-in name (UPN) or object id. Print the page and keep it with the keys."})
final class BreakglassRecordCommand implements Callable<Integer> {

    @ParentCommand
    BreakglassCommand breakglass;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The file to write: a new one (.pdf or .html).")
    Path out;

    @Option(names = "--format", paramLabel = "html|pdf",
            description = "html or pdf; by default from FILE's extension.")
    String format;

    @Option(names = "--key-label", paramLabel = "ACCOUNT=TEXT", mapFallbackValue = "",
            description = "The label on the account's key (\"Key A\", \"red tag\"). Repeatable.")
    Map<String, String> keyLabels = new LinkedHashMap<>();

    @Option(names = "--key-place", paramLabel = "ACCOUNT=TEXT", mapFallbackValue = "",
            description = "Where the account's key is kept (\"safe, server room 2\"). Repeatable.")
    Map<String, String> keyPlaces = new LinkedHashMap<>();

    @Option(names = "--two-part-password",
            description = "The passwords were handed over in two parts: the page has a line for each part's place.")
    boolean twoParts;

    @Option(names = "--part-one-place", paramLabel = "ACCOUNT=TEXT", mapFallbackValue = "",
            description = "Where the first part of the account's password is kept (never the part itself).")
    Map<String, String> partOnePlaces = new LinkedHashMap<>();

    @Option(names = "--part-two-place", paramLabel = "ACCOUNT=TEXT", mapFallbackValue = "",
            description = "Where the second part of the account's password is kept.")
    Map<String, String> partTwoPlaces = new LinkedHashMap<>();

    record Written(String file, String format, String tenant, int accounts, String nextDrill) {
    }

    @Override
    public Integer call() {
        Format chosen = format();
        refuseExisting();
        GatehouseCommand root = breakglass.root;
        CliContext context = root.context();
        try (TenantConnection connection = context.connect(root.tenantOptions)) {
            TenantInfo tenant = connection.directory().tenant();
            EmergencyAccess emergency = context.emergencyAccess(connection).current();
            HealthRead read = new HealthReads(connection.directory(), Clock.systemUTC(), ZoneId.systemDefault())
                    .read(emergency, DrillLog.in(context.dataFolder(), connection).last(tenant.id()));
            var admin = connection.directory().signedInAdmin().profile();
            String madeBy = admin.userPrincipalName() == null ? admin.id() : admin.userPrincipalName();
            BreakGlassRecord record = BreakGlassRecord.of(tenant, read, notes(read), madeBy);
            try {
                BreakGlassRecordFiles.write(out, record, chosen);
            } catch (FileAlreadyExistsException e) {
                throw existing();
            } catch (IOException e) {
                throw new FileNotWrittenException(out, e);
            }
            Written written = new Written(out.toString(), chosen.extension(), connection.label(),
                    record.accounts().size(), record.nextDrill().toString());
            return RegistrationCommand.show(root, written, false, (o, w) -> o.println("Wrote the emergency-access "
                    + "record (" + w.format().toUpperCase(Locale.ROOT) + ", " + w.accounts() + " account"
                    + (w.accounts() == 1 ? "" : "s") + ") of " + w.tenant() + " to " + w.file() + ". No password, "
                    + "pass or key PIN is in it. Print it and keep it with the keys; next drill due "
                    + w.nextDrill() + "."));
        }
    }

    private Format format() {
        if (format != null) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "html" -> Format.HTML;
                case "pdf" -> Format.PDF;
                default -> throw new UsageException("--format is html or pdf, not " + format + ".");
            };
        }
        return Format.ofFileName(out).orElseThrow(() -> new UsageException("Say which format " + out + " is: name it "
                + "*.pdf or *.html, or add --format pdf|html."));
    }

    private void refuseExisting() {
        if (Files.exists(out)) {
            throw existing();
        }
    }

    private UsageException existing() {
        return new UsageException(out + " exists already; Gatehouse does not overwrite a file (it may be the record "
                + "in the safe). Choose another name with --out, or move that file away first.");
    }

    /** The options' notes, by account id; an ACCOUNT that is not one of the accounts is a usage error. */
    private RecordNotes notes(HealthRead read) {
        RecordNotes notes = RecordNotes.none().withPasswordInTwoParts(twoParts);
        try {
            notes = apply(notes, read, "--key-label", keyLabels, RecordNotes.AccountNotes::withKeyLabel);
            notes = apply(notes, read, "--key-place", keyPlaces, RecordNotes.AccountNotes::withKeyPlace);
            notes = apply(notes, read, "--part-one-place", partOnePlaces,
                    RecordNotes.AccountNotes::withPasswordPartOnePlace);
            notes = apply(notes, read, "--part-two-place", partTwoPlaces,
                    RecordNotes.AccountNotes::withPasswordPartTwoPlace);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return notes;
    }

    private static RecordNotes apply(RecordNotes notes, HealthRead read, String option, Map<String, String> values,
                                     BiFunction<RecordNotes.AccountNotes, String, RecordNotes.AccountNotes> set) {
        RecordNotes result = notes;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String id = account(read, option, entry.getKey());
            result = result.with(id, set.apply(result.of(id), entry.getValue()));
        }
        return result;
    }

    private static String account(HealthRead read, String option, String name) {
        String wanted = name.strip();
        Optional<AccountFacts> found = read.accounts().stream()
                .filter(a -> wanted.equalsIgnoreCase(a.id()) || wanted.equalsIgnoreCase(a.userPrincipalName()))
                .findFirst();
        return found.map(AccountFacts::id).orElseThrow(() -> new UsageException(option + " names " + wanted
                + ", which is not one of the emergency-access accounts" + (read.accounts().isEmpty() ? " (the group "
                + "has none)." : ": " + read.accounts().stream().map(AccountFacts::userPrincipalName)
                .collect(Collectors.joining(", ")) + ".") + " Use an account's sign-in name or object id."));
    }
}
