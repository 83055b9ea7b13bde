package dev.gatehouse.cli;

import dev.gatehouse.domain.recovery.RecoveryContext;
import dev.gatehouse.domain.recovery.RecoveryRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * One recovery button of the users panel, headless: read the user, ask the recovery planner (the same desk the GUI
 * uses), then explain, dry-run or run its plan.
 */
abstract class RecoveryCommand implements Callable<Integer> {

    @ParentCommand
    UserCommand user;

    @Parameters(index = "0", paramLabel = "UPN|ID", description = "User principal name or object id.")
    String who;

    @Mixin
    WriteOptions write;

    abstract RecoveryRequest request();

    /** A refusal that means "what you named does not exist" rather than "not allowed". */
    boolean namesSomethingMissing(RecoveryContext target) {
        return false;
    }

    @Override
    public Integer call() {
        GatehouseCommand root = user.root;
        CliContext context = root.context();
        return context.onUser(root.tenantOptions, who, (desk, target) -> new ProposalRun(context, write,
                root.tenantOptions.json, who).run(target, desk.propose(target, request()), namesSomethingMissing(target),
                desk.handOversByOthers(target),
                (confirmed, cancellation, listener) -> desk.execute(target, confirmed, cancellation, listener)));
    }

    @Command(name = "reset-password",
            footerHeading = HelpPages.EXAMPLES, footer = {
                    "  gatehouse user reset-password pradeep.gupta@tailspintoys.com --dry-run",
                    "  gatehouse user reset-password pradeep.gupta@tailspintoys.com --two-parts"},
            mixinStandardHelpOptions = true,
            description = "Set a random temporary password the user must change at next sign-in; shown once.")
    static final class ResetPassword extends RecoveryCommand {
        @Option(names = "--two-parts", description = "Show the password in two halves for two people (ISM-1594).")
        boolean twoParts;

        @Override
        RecoveryRequest request() {
            return new RecoveryRequest.ResetPassword(twoParts);
        }
    }

    @Command(name = "require-reregister",
            footerHeading = HelpPages.EXAMPLES, footer = {
                    "  gatehouse user require-reregister alex.wilber@tailspintoys.com --dry-run",
                    "  gatehouse user require-reregister lee.gu@tailspintoys.com --issue-tap --yes"},
            mixinStandardHelpOptions = true,
            description = {"Like the portal's \"Require re-register MFA\": delete phone, Microsoft Authenticator and "
                    + "software OATH methods; passkeys, Windows Hello, password and email stay."})
    static final class RequireReregister extends RecoveryCommand {
        @Option(names = "--issue-tap",
                description = "Also issue a one-time Temporary Access Pass, so a user who keeps a passkey is still "
                        + "sent to register.")
        boolean issueTap;

        @Override
        RecoveryRequest request() {
            return new RecoveryRequest.RequireReregister(issueTap);
        }
    }

    @Command(name = "revoke-mfa-sessions",
            footerHeading = HelpPages.EXAMPLES, footer = {
                    "  gatehouse user revoke-mfa-sessions alex.wilber@tailspintoys.com"},
            mixinStandardHelpOptions = true,
            description = "Explains the portal's \"Revoke MFA sessions\", which has no Graph API, and its nearest "
                    + "alternative. Sends nothing; exit code 6.")
    static final class RevokeMfaSessions extends RecoveryCommand {
        @Override
        RecoveryRequest request() {
            return new RecoveryRequest.RevokeMfaSessions();
        }
    }

    @Command(name = "revoke-sessions",
            footerHeading = HelpPages.EXAMPLES, footer = {
                    "  gatehouse user revoke-sessions alex.wilber@tailspintoys.com --dry-run",
                    "  gatehouse user revoke-sessions alex.wilber@tailspintoys.com --yes"},
            mixinStandardHelpOptions = true,
            description = "Invalidate every refresh token and session cookie (revokeSignInSessions).")
    static final class RevokeSessions extends RecoveryCommand {
        @Override
        RecoveryRequest request() {
            return new RecoveryRequest.RevokeSessions();
        }
    }

    @Command(name = "issue-tap",
            footerHeading = HelpPages.EXAMPLES, footer = {
                    "  gatehouse user issue-tap sandra.chen@tailspintoys.com --lifetime 60",
                    "  gatehouse user issue-tap lee.gu@tailspintoys.com --yes --show-secret --json"},
            mixinStandardHelpOptions = true,
            description = "Issue a Temporary Access Pass within the tenant's TAP policy; replaces any existing pass; "
                    + "shown once.")
    static final class IssueTap extends RecoveryCommand {
        @Option(names = "--lifetime", paramLabel = "MIN",
                description = "Lifetime in minutes (default: the tenant policy's default).")
        Integer lifetime;

        @Option(names = "--multi-use", description = "Usable more than once until it expires (default: one-time).")
        boolean multiUse;

        @Override
        RecoveryRequest request() {
            return new RecoveryRequest.IssueTap(lifetime == null ? OptionalInt.empty() : OptionalInt.of(lifetime),
                    multiUse);
        }
    }

    @Command(name = "delete-method",
            footerHeading = HelpPages.EXAMPLES, footer = {
                    "  gatehouse user show alex.wilber@tailspintoys.com",
                    "  gatehouse user delete-method alex.wilber@tailspintoys.com METHOD-ID --dry-run"},
            mixinStandardHelpOptions = true,
            description = "Delete one authentication method (ids from 'user show').")
    static final class DeleteMethod extends RecoveryCommand {
        @Parameters(index = "1", paramLabel = "METHOD-ID", description = "The method's id, as 'user show' lists it.")
        String methodId;

        @Override
        RecoveryRequest request() {
            return new RecoveryRequest.DeleteMethod(methodId);
        }

        @Override
        boolean namesSomethingMissing(RecoveryContext target) {
            return target.method(methodId).isEmpty();
        }
    }

    @Command(name = "disable",
            footerHeading = HelpPages.EXAMPLES, footer = {
                    "  gatehouse user disable alex.wilber@tailspintoys.com --dry-run",
                    "  gatehouse user disable bg-admin-01@tailspintoys.onmicrosoft.com --dry-run"},
            mixinStandardHelpOptions = true, description = "Block sign-in (accountEnabled false).")
    static final class Disable extends RecoveryCommand {
        @Override
        RecoveryRequest request() {
            return new RecoveryRequest.Disable();
        }
    }

    @Command(name = "enable",
            footerHeading = HelpPages.EXAMPLES, footer = {
                    "  gatehouse user enable ben.walters@tailspintoys.com --dry-run",
                    "  gatehouse user enable ben.walters@tailspintoys.com --yes"},
            mixinStandardHelpOptions = true, description = "Allow sign-in again (accountEnabled true).")
    static final class Enable extends RecoveryCommand {
        @Override
        RecoveryRequest request() {
            return new RecoveryRequest.Enable();
        }
    }
}
