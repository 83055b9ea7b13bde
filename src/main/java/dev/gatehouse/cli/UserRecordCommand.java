package dev.gatehouse.cli;

import dev.gatehouse.domain.recovery.incident.IncidentRecord;
import dev.gatehouse.domain.recovery.incident.IncidentRecordFiles;
import dev.gatehouse.domain.recovery.incident.IncidentRecordFormat;
import dev.gatehouse.domain.recovery.incident.IncidentRecords;
import dev.gatehouse.domain.tenant.TenantConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

@Command(name = "record",
        footerHeading = HelpPages.EXAMPLES, footer = {
                "  gatehouse user record alex.wilber@tailspintoys.com",
                "  gatehouse user record alex.wilber@tailspintoys.com --file incident.html",
                "  gatehouse user record alex.wilber@tailspintoys.com --since 2026-12-01 --format json",
                "  gatehouse user record alex.wilber@tailspintoys.com --file incident.md --json"},
        mixinStandardHelpOptions = true,
        description = {"The incident record of a user, for the help-desk ticket: the user and tenant; what was found "
                + "(every method with its registration date and source, the recently added ones, and who registered "
                + "them from where, per the directory audit log); what Gatehouse on this computer did to the user, "
                + "by whom and when, with each step's outcome; what the user was handed (a Temporary Access Pass or "
                + "temporary password, never its value); and what is left to do in the Entra admin center.",
                "Read-only. Printed to standard output, or written to a new file with --file (with --json, standard "
                        + "output then names the file and its format)."})
final class UserRecordCommand implements Callable<Integer> {

    @ParentCommand
    UserCommand user;

    @Parameters(index = "0", paramLabel = "UPN|ID", description = "User principal name or object id.")
    String who;

    @Option(names = "--since", paramLabel = "DATE",
            description = "Include the actions from this date (2026-12-01, midnight UTC) or moment "
                    + "(2026-12-01T09:30:00Z) on. Default: the last 7 days.")
    String since;

    @Option(names = "--format", paramLabel = "md|html|json",
            description = "md (Markdown), html (a printable page) or json; by default from FILE's extension, else "
                    + "md (json with --json).")
    String format;

    @Option(names = "--file", paramLabel = "FILE", description = "Write the record to FILE instead of printing it.")
    Path file;

    @Option(names = "--force", description = "With --file: replace FILE if it exists.")
    boolean force;

    @Override
    public Integer call() {
        IncidentRecordFormat chosen = format();
        Instant from = since(Instant.now());
        if (file != null && !force && Files.exists(file)) {
            throw existing();
        }
        GatehouseCommand root = user.root;
        try (TenantConnection connection = root.context().connect(root.tenantOptions)) {
            IncidentRecord record = root.context().recoveryDesk(connection).incidentRecord(who, from);
            if (file == null) {
                print(record, chosen);
                return ExitCodes.OK;
            }
            try {
                IncidentRecordFiles.write(file, record, chosen, force);
            } catch (FileAlreadyExistsException e) {
                throw existing();
            } catch (IOException e) {
                throw new FileNotWrittenException(file, e);
            }
            String wrote = "Wrote the incident record of " + record.user().label() + " (" + chosen.label() + ") to "
                    + file + ". No password or pass is in it.";
            if (root.tenantOptions.json) {
                // --json keeps standard output to one JSON document: the sentence is for the person watching
                Json.print(root.context().out(), new Written(file.toString(), chosen.extension()));
                root.context().err().println(wrote);
            } else {
                root.context().out().println(wrote);
            }
            return ExitCodes.OK;
        }
    }

    /** What {@code --json --file} prints: the file written and its format ({@code md}, {@code html}, {@code json}). */
    record Written(String file, String format) {
    }

    /** Each renderer makes every text inert itself; the document's own line breaks are its layout. */
    private void print(IncidentRecord record, IncidentRecordFormat chosen) {
        InertWriter out = user.root.context().out();
        if (chosen == IncidentRecordFormat.JSON) {
            out.json(chosen.render(record));
            return;
        }
        chosen.render(record).lines().forEach(out::println);
    }

    private IncidentRecordFormat format() {
        if (format != null) {
            IncidentRecordFormat named = IncidentRecordFormat.named(format).orElseThrow(() -> new UsageException(
                    "--format expects md, html or json: '" + format + "'"));
            if (file == null && named != IncidentRecordFormat.JSON && user.root.tenantOptions.json) {
                throw new UsageException("--json prints the record as JSON, so leave out --format " + format.strip()
                        + ", or add --file to write it as " + named.label() + " to a file.");
            }
            return named;
        }
        if (file == null) {
            return user.root.tenantOptions.json ? IncidentRecordFormat.JSON : IncidentRecordFormat.MARKDOWN;
        }
        return IncidentRecordFormat.ofFileName(file).orElseThrow(() -> new UsageException("Say which format " + file
                + " is: name it *.md, *.html or *.json, or add --format md|html|json."));
    }

    private Instant since(Instant now) {
        if (since == null) {
            return now.minus(IncidentRecords.DEFAULT_SINCE);
        }
        String text = since.strip();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException("--since expects a date such as 2026-12-01, or a moment such as "
                    + "2026-12-01T09:30:00Z: '" + since + "'");
        }
    }

    private UsageException existing() {
        return new UsageException(file + " exists already. Choose another name with --file, or add --force to "
                + "replace it.");
    }
}
