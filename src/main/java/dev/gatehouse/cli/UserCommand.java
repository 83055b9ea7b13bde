package dev.gatehouse.cli;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.recovery.IssuedHere;
import dev.gatehouse.domain.recovery.MethodDates;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.recovery.RecoveryContext;
import dev.gatehouse.domain.recovery.RegistrationDate;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.text.Ages;
import dev.gatehouse.domain.user.UserProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "user",
        footerHeading = HelpPages.EXAMPLES, footer = {
                "  gatehouse user show alex.wilber@tailspintoys.com",
                "  gatehouse user recover alex.wilber@tailspintoys.com --dry-run",
                "  gatehouse user record alex.wilber@tailspintoys.com --file incident.md"},
        mixinStandardHelpOptions = true, description = "Work with one user.",
        subcommands = {UserCommand.Show.class, PolicyCommand.class, RecoveryCommand.ResetPassword.class,
                RecoveryCommand.RequireReregister.class, RecoveryCommand.RevokeMfaSessions.class,
                RecoveryCommand.RevokeSessions.class, RecoveryCommand.IssueTap.class, RecoveryCommand.DeleteMethod.class,
                RecoveryCommand.Disable.class, RecoveryCommand.Enable.class, RecoverCommand.class,
                UserRecordCommand.class})
final class UserCommand {

    @ParentCommand
    GatehouseCommand root;

    @Command(name = "show",
            footerHeading = HelpPages.EXAMPLES, footer = {
                    "  gatehouse user show alex.wilber@tailspintoys.com --scenario compromised",
                    "  gatehouse user show megan.bowen@tailspintoys.com --json"},
            mixinStandardHelpOptions = true,
            description = "Show a user's recovery-relevant profile and every authentication method.")
    static final class Show implements Callable<Integer> {

        @ParentCommand
        UserCommand user;

        @Parameters(index = "0", paramLabel = "UPN|ID", description = "User principal name or object id.")
        String who;

        @Override
        public Integer call() {
            GatehouseCommand root = user.root;
            try (TenantConnection connection = root.context().connect(root.tenantOptions)) {
                UserDetail detail = connection.directory().findUser(who)
                        .orElseThrow(() -> new TenantException(TenantException.Kind.NOT_FOUND,
                                "No user '" + who + "' in " + connection.label() + "."));
                Instant now = Instant.now();
                Duration window = root.context().recentWindow();
                MethodDates dates = registrationDates(connection.directory(), detail, now, window);
                IssuedHere issued = issuedHere(root.context().recoveryDesk(connection), detail);
                if (root.tenantOptions.json) {
                    Json.print(root.context().out(), UserJson.show(detail, dates, issued, now, window));
                } else {
                    print(root.context().out(), detail, now, window, dates, issued);
                }
            }
            return ExitCodes.OK;
        }
    }

    /** What the signed-in admin issued to the user from Gatehouse on this computer; none when that cannot be told. */
    private static IssuedHere issuedHere(RecoveryDesk desk, UserDetail detail) {
        try {
            return desk.issuedHere(detail.profile().id(), detail.methods());
        } catch (TenantException e) {
            if (e.kind() == TenantException.Kind.CANCELLED) {
                throw e;
            }
            return IssuedHere.NONE;
        }
    }

    /**
     * Graph gives phone, email and OATH methods no date; the directory audit log's registrations date them. A log
     * the admin may not read leaves them undated, with the reason.
     */
    private static MethodDates registrationDates(TenantDirectory directory, UserDetail detail, Instant now,
                                                 Duration window) {
        Duration lookBack = RecoveryContext.auditLookBack(window);
        if (detail.methods().stream().noneMatch(AuthMethod::undated)) {
            return new MethodDates(detail.methods(), List.of(), Optional.empty(), lookBack);
        }
        try {
            return new MethodDates(detail.methods(),
                    directory.registrationEvents(detail.profile().id(), now.minus(lookBack)), Optional.empty(),
                    lookBack);
        } catch (TenantException e) {
            if (e.kind() == TenantException.Kind.CANCELLED || e.kind() == TenantException.Kind.NOT_SIGNED_IN) {
                throw e;
            }
            return new MethodDates(detail.methods(), List.of(), Optional.of(e.getMessage()), lookBack);
        }
    }

    /** Added within the window, and not by this admin from Gatehouse. */
    static boolean recent(AuthMethod method, MethodDates dates, IssuedHere issued, Instant now,
                                  Duration window) {
        return issued.of(method).isEmpty() && dates.recent(method, window, now);
    }

    static void print(PrintWriter out, UserDetail detail, Instant now, Duration window, MethodDates dates,
                      IssuedHere issued) {
        UserProfile p = detail.profile();
        out.println(p.displayName() + " <" + p.userPrincipalName() + ">");
        TextTable facts = TextTable.facts();
        facts.row("Object id", p.id());
        facts.row("Account", p.accountEnabled() ? "enabled" : "DISABLED");
        facts.row("Type", Labels.type(p.userType()));
        facts.row("Identity", p.syncState().label());
        facts.row("Admin roles", detail.whyUnreadable(UserDetail.Part.ROLES).map(why -> "UNKNOWN: " + why)
                .orElse(detail.roles().isEmpty() ? "none"
                        : detail.roles().stream().map(Labels::role).collect(Collectors.joining("; "))));
        if (!detail.roleAssignableGroups().isEmpty()) {
            facts.row("Role-assignable groups",
                    detail.roleAssignableGroups().stream().map(GroupRef::displayName).collect(Collectors.joining(", ")));
        }
        if (detail.isPrivilegedTarget()) {
            facts.row("Privileged target", UserDetail.PRIVILEGED_TARGET_EXPLANATION);
        }
        facts.row("Sessions valid from", Labels.dateTime(p.signInSessionsValidFrom()));
        facts.row("Password last changed", Labels.dateTime(p.lastPasswordChange()));
        facts.row("Created", Labels.dateTime(p.createdDateTime()));
        facts.print(out, "  ");

        out.println();
        if (!detail.readable(UserDetail.Part.METHODS)) {
            out.println("Authentication methods: not shown. " + detail.whyUnreadable(UserDetail.Part.METHODS).orElseThrow());
            return;
        }
        out.println("Authentication methods (" + detail.methods().size() + ")");
        if (detail.methods().isEmpty()) {
            out.println("  none: at next sign-in this user can only use a password, and will be asked to register "
                    + "if policy requires MFA");
            return;
        }
        // ids and details go below the table, one wrapped line each, so that the table fits 100 columns
        TextTable methods = new TextTable("  TYPE", "SUMMARY", "ADDED", "AGE");
        boolean anyRecent = false;
        boolean anyFromAudit = false;
        List<String> lines = new ArrayList<>();
        List<String> issuedHere = new ArrayList<>();
        for (AuthMethod m : detail.methods()) {
            RegistrationDate registration = m.undated() ? dates.of(m) : null;
            Instant created = m.created() != null ? m.created()
                    : registration == null ? null : registration.date().orElse(null);
            boolean fromAudit = m.created() == null && created != null;
            boolean recent = recent(m, dates, issued, now, window);
            issued.of(m).ifPresent(at -> issuedHere.add(m.type().label() + " " + m.id() + ", "
                    + Labels.dateTime(at)));
            anyRecent |= recent;
            anyFromAudit |= fromAudit;
            String type = (recent ? "! " : "  ") + m.type().label() + (m.type().phishingResistant() ? " *" : "");
            methods.row(type, m.summary(), Labels.dateTime(created) + (fromAudit ? " (a)" : ""),
                    created == null ? "" : Ages.ago(created, now, ZoneId.systemDefault()));
            String details = details(m.details());
            lines.add(m.type().label() + " " + m.id() + (details.isEmpty() ? "" : ": " + details)
                    + (registration == null ? "" : ". Registered " + registration.explanation() + "."));
        }
        methods.print(out, "");
        out.println("  * phishing-resistant");
        if (anyFromAudit) {
            out.println("  (a) date from the directory audit log");
        }
        if (anyRecent) {
            out.println("  ! added in the last " + window.toDays() + " days: check the user really registered it");
        }
        out.println();
        out.println("Method ids and details");
        lines.forEach(line -> Wrap.print(out, "  ", "      ", line));
        if (!issuedHere.isEmpty()) {
            // new, but not an attacker's: this admin issued them from Gatehouse (the journal says so)
            out.println();
            out.println("Issued by you from Gatehouse");
            issuedHere.forEach(line -> Wrap.print(out, "  ", "      ", line));
        }
    }

    private static String details(Map<String, String> details) {
        return details.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
    }
}
