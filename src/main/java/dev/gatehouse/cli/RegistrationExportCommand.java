package dev.gatehouse.cli;

import dev.gatehouse.cli.RegistrationDesignOptions.TargetState;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.registration.LockOutGuard;
import dev.gatehouse.domain.registration.LockOutVerdict;
import dev.gatehouse.domain.registration.PolicyExport;
import dev.gatehouse.domain.registration.RegistrationChoices;
import dev.gatehouse.domain.registration.RegistrationPolicyDesign;
import dev.gatehouse.domain.registration.RegistrationRead;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "export",
        footerHeading = HelpPages.EXAMPLES, footer = {
                "  gatehouse policy registration export --format json --file policy.json",
                "  gatehouse policy registration export --format powershell > policy.ps1"},
        mixinStandardHelpOptions = true,
        description = {"The policy 'apply' would save, with the same options, as the exact Graph JSON body "
                + "(POST /identity/conditionalAccess/policies; 'import' reads it back) or as a Microsoft Graph "
                + "PowerShell script that creates the strength if needed and creates or changes the policy. Nothing "
                + "is sent. When the strength must be created first, the JSON names it " + PolicyExport.NEW_STRENGTH_ID
                + " and its body is shown on standard error (or in --json)."})
final class RegistrationExportCommand implements Callable<Integer> {

    enum Format { json, powershell }

    @ParentCommand
    RegistrationCommand registration;

    @Option(names = "--format", required = true, paramLabel = "json|powershell",
            description = "json: the policy body; powershell: a script for PowerShell 7 and the Graph SDK.")
    Format format;

    @Option(names = "--file", paramLabel = "FILE", description = "Write it to FILE instead of standard output.")
    Path file;

    @Option(names = "--force", description = "With --file: replace FILE if it exists.")
    boolean force;

    @Mixin
    RegistrationDesignOptions design;

    record Export(String format, String strengthBody, String policyBody, String script, String file) {
    }

    @Override
    public Integer call() {
        if (force && file == null) {
            throw new UsageException("--force applies with --file.");
        }
        GatehouseCommand root = registration.root();
        CliContext context = root.context();
        try (RegistrationSession session = RegistrationSession.open(root)) {
            RegistrationRead read = session.read();
            TargetState state = design.stateOr(TargetState.REPORT_ONLY);
            if (state == TargetState.OFF) {
                throw new UsageException("--state off turns a saved policy off; an export is of a policy to save: "
                        + "use report-only or on.");
            }
            RegistrationPolicyDesign wanted = design.over(RegistrationPolicyDesign.defaults(session.emergencyGroupId(),
                    read.strengths())).withState(state == TargetState.ON ? State.ENABLED : State.REPORT_ONLY);
            RegistrationChoices choices = RegistrationApplyCommand.choices(session, read, wanted, design, state);
            RegistrationPolicyDesign exported = choices.pilotGroup().map(wanted::withPilotGroup).orElse(wanted);
            if (state == TargetState.ON) {
                // a script that turns the policy on must pass the same lock-out guard as 'apply --state on'
                LockOutVerdict guard = LockOutGuard.check(PolicyExport.preview(exported), read.policies(),
                        read.emergencyAccounts(), read.actingAdmin(), read.methodsPolicy().orElse(null), read.now());
                if (guard.refuse()) {
                    context.err().println("gatehouse: not exported: a script that turns this policy on could lock "
                            + "the tenant out: " + String.join(" ", guard.reasons()));
                    return ExitCodes.NOT_ALLOWED;
                }
            }
            PolicyExport.Bodies bodies = PolicyExport.json(exported);
            Optional<String> existing = RegistrationSession.target(read, choices).map(ConditionalAccessPolicy::id);
            String text = format == Format.json ? bodies.policy() + "\n"
                    : PolicyExport.powerShell(exported, existing, root.tenantOptions.cloud());
            if (file != null) {
                write(file, text, force);
            }
            if (root.tenantOptions.json) {
                Json.print(context.out(), new Export(format.name(), bodies.strength().orElse(null), bodies.policy(),
                        format == Format.powershell ? text : null, file == null ? null : file.toString()));
            } else if (file == null) {
                text.lines().forEach(context.out()::println);
            } else {
                context.out().println("Wrote " + (format == Format.json ? "the policy's Graph JSON" : "the PowerShell "
                        + "script") + " to " + file + ". Nothing was sent.");
            }
            if (format == Format.json && bodies.strength().isPresent() && !root.tenantOptions.json) {
                context.err().println("The tenant has no authentication strength allowing exactly a passkey or a "
                        + "one-time pass yet: the policy names " + PolicyExport.NEW_STRENGTH_ID + ". Create it first "
                        + "(POST /policies/authenticationStrengthPolicies) with this body and put its id in that "
                        + "place, or use --format powershell, which does both, or 'apply', which creates it once:");
                bodies.strength().get().lines().forEach(context.err()::println);
            }
            return ExitCodes.OK;
        }
    }

    private static void write(Path file, String text, boolean force) {
        try {
            if (force) {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } else {
                Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            }
        } catch (FileAlreadyExistsException e) {
            throw new UsageException(file + " exists already: choose another name, or add --force to replace it.");
        } catch (IOException e) {
            throw new FileNotWrittenException(file, e);
        }
    }
}
