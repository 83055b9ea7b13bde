package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.KeyRestrictions;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.signin.UserSnapshot;
import dev.gatehouse.domain.tenant.AuditRecord;
import dev.gatehouse.domain.tenant.LicenceAssignment;
import dev.gatehouse.domain.tenant.SignInRecord;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.user.SyncState;
import dev.gatehouse.domain.user.UserProfile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The row of facts for one emergency-access account, as Microsoft's emergency-access guidance asks for them. */
final class AccountChecks {

    /** How many recent changes a reason lists before "and N more". */
    private static final int CHANGES_LISTED = 5;

    private final HealthRead read;
    private final AccountFacts account;
    private final UserProfile profile;

    AccountChecks(HealthRead read, AccountFacts account) {
        this.read = read;
        this.account = account;
        this.profile = account.detail().profile();
    }

    List<HealthCheck> all() {
        List<HealthCheck> checks = new ArrayList<>();
        checks.add(enabled());
        checks.add(cloudOnly());
        checks.add(domain());
        checks.add(licence());
        checks.add(new GlobalAdministratorCheck(read, account).check());
        checks.add(methods());
        checks.add(passkeys());
        checks.add(conditionalAccess());
        checks.add(lastSignIn());
        checks.add(recentChanges());
        checks.add(DrillSchedule.check(read.recordedDrill(), lastSignInDate(), read.today()));
        return checks;
    }

    private HealthCheck enabled() {
        return profile.accountEnabled() ? HealthCheck.green("enabled", "Enabled", "The account can sign in.")
                : HealthCheck.red("enabled", "Enabled", "The account is disabled: it cannot be used in an emergency. "
                + "Enable it.");
    }

    private HealthCheck cloudOnly() {
        String label = "Cloud-only";
        if (profile.syncState() == SyncState.SYNCED) {
            return HealthCheck.red("cloudOnly", label, "Synchronised from on-premises Active Directory: an outage or "
                    + "a compromise there reaches it. Microsoft advises cloud-only emergency accounts; create one.");
        }
        if (profile.syncState() == SyncState.NO_LONGER_SYNCED) {
            return HealthCheck.amber("cloudOnly", label, "Once synchronised from on-premises, no longer: it is "
                    + "managed in the cloud now, but an account created for the purpose would carry no history.");
        }
        return HealthCheck.green("cloudOnly", label, "Created in the cloud, never synchronised from on-premises.");
    }

    private HealthCheck domain() {
        String label = "Initial domain";
        String upn = profile.userPrincipalName() == null ? "" : profile.userPrincipalName();
        String domain = upn.substring(upn.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (domain.equalsIgnoreCase(read.initialDomain())) {
            return HealthCheck.green("initialDomain", label, "On " + read.initialDomain() + ", the tenant's initial "
                    + "domain, which no federation or DNS change can take away.");
        }
        if (domain.endsWith(".onmicrosoft.com")) {
            return HealthCheck.green("initialDomain", label, "On " + domain + ", a Microsoft-managed domain.");
        }
        return HealthCheck.red("initialDomain", label, "On " + domain + ", a custom domain: if it is federated or "
                + "its federation breaks, the account cannot sign in. Use the initial domain " + read.initialDomain()
                + ".");
    }

    /** A direct licence is amber: the clean-up removes it. An inherited one is red: only the group's owner can. */
    private HealthCheck licence() {
        String label = "No licence";
        if (!account.licences().isKnown()) {
            return HealthCheck.unknown("noLicence", label, account.licences().whyUnknown());
        }
        List<LicenceAssignment> licences = account.licences().get();
        if (licences.isEmpty()) {
            return HealthCheck.green("noLicence", label, "No licence assigned: no mailbox or apps to attack, nothing to "
                    + "pay for.");
        }
        List<String> skus = InheritedLicences.directSkuIds(licences);
        String count = skus.size() + (skus.size() == 1 ? " licence" : " licences");
        if (!InheritedLicences.any(licences)) {
            return HealthCheck.amber("noLicence", label, count + " assigned (" + String.join(", ", skus) + "): an "
                    + "emergency account needs none, and a licence brings a mailbox and apps to attack. Remove it.");
        }
        Optional<String> emergencyGroup = read.group().value().map(g -> g.group().id());
        return HealthCheck.red("noLicence", label, (skus.isEmpty() ? "" : count + " assigned directly ("
                + String.join(", ", skus) + "): remove it. ") + "Licence "
                + String.join("; ", InheritedLicences.byGroup(licences, emergencyGroup)) + ". An emergency account "
                + "needs none, and a licence brings a mailbox and apps to attack; " + InheritedLicences.CANNOT_REMOVE
                + ".");
    }

    private HealthCheck methods() {
        String label = "Phishing-resistant only";
        String id = "methods";
        Optional<String> unreadable = account.detail().whyUnreadable(UserDetail.Part.METHODS);
        if (unreadable.isPresent()) {
            return HealthCheck.unknown(id, label, unreadable.get());
        }
        List<AuthMethod> methods = account.detail().methods();
        List<String> live = new ArrayList<>();
        List<String> weak = new ArrayList<>();
        List<String> spent = new ArrayList<>();
        for (AuthMethod method : methods) {
            if (method.type() == MethodType.TEMPORARY_ACCESS_PASS) {
                if (method.tap() != null && method.tap().usable()) {
                    live.add("a usable Temporary Access Pass" + until(method));
                } else {
                    spent.add("a Temporary Access Pass no longer usable");
                }
            } else if (method.type() != MethodType.PASSWORD && !method.type().phishingResistant()) {
                weak.add(method.type().label() + (method.summary().isBlank() ? "" : " " + method.summary()));
            }
        }
        if (!live.isEmpty()) {
            return HealthCheck.red(id, label, "Holds " + String.join(", ", live) + ": anyone with its code signs in "
                    + "as a Global Administrator." + (weak.isEmpty() ? "" : " Also " + String.join(", ", weak) + ".")
                    + " Delete " + (weak.isEmpty() ? "it" : "them") + " (set-up, step Clean up).");
        }
        if (!weak.isEmpty()) {
            return HealthCheck.red(id, label, "Also has " + String.join(", ", weak) + ": not phishing-resistant, and "
                    + "tied to a person or their phone. Delete " + (weak.size() == 1 ? "it" : "them")
                    + " (set-up, step Clean up).");
        }
        if (!spent.isEmpty()) {
            return HealthCheck.amber(id, label, "Only phishing-resistant methods besides the password, and "
                    + String.join(", ", spent) + ": delete it to keep the account tidy.");
        }
        return HealthCheck.green(id, label, "Nothing but phishing-resistant methods, besides the password.");
    }

    private static String until(AuthMethod tap) {
        return tap.tap().expires() == null ? "" : " until " + dev.gatehouse.domain.text.Moments.of(tap.tap().expires());
    }

    private HealthCheck passkeys() {
        String label = "Passkey (FIDO2)";
        String id = "passkey";
        Optional<String> unreadable = account.detail().whyUnreadable(UserDetail.Part.METHODS);
        if (unreadable.isPresent()) {
            return HealthCheck.unknown(id, label, unreadable.get());
        }
        List<AuthMethod> keys = account.detail().methods().stream().filter(m -> m.type() == MethodType.FIDO2).toList();
        if (keys.isEmpty()) {
            return HealthCheck.red(id, label, "No FIDO2 key: the account has no phishing-resistant way in. Register "
                    + "one key of its own (set-up, steps TAP and Register).");
        }
        String described = keys.stream().map(AccountChecks::describeKey).collect(Collectors.joining("; "));
        if (!read.methodsPolicy().isKnown()) {
            return HealthCheck.amber(id, label, described + ". Whether the FIDO2 key restrictions let "
                    + (keys.size() == 1 ? "it" : "them") + " sign in could not be checked: "
                    + read.methodsPolicy().whyUnknown());
        }
        KeyRestrictions restrictions = read.methodsPolicy().get().keyRestrictions();
        List<AuthMethod> refused = BlockedKeys.among(keys, restrictions);
        if (refused.size() == keys.size()) {
            return HealthCheck.red(id, label, "No usable FIDO2 key: " + described + ", of a model "
                    + BlockedKeys.why(restrictions) + " of the FIDO2 key restrictions, which Entra applies at every "
                    + "sign-in. Allow the model in " + BlockedKeys.WHERE + ", or register a key of an allowed model "
                    + "(set-up, steps TAP and Register) and delete " + (keys.size() == 1 ? "this one." : "these."));
        }
        if (!refused.isEmpty()) {
            return HealthCheck.amber(id, label, described + ". But " + refused.stream().map(AccountChecks::describeKey)
                    .collect(Collectors.joining("; ")) + " is of a model " + BlockedKeys.why(restrictions) + " of the "
                    + "FIDO2 key restrictions, so it cannot sign in: delete it, or allow its model in "
                    + BlockedKeys.WHERE + ".");
        }
        return HealthCheck.green(id, label, described + ".");
    }

    /** "YubiKey 5 NFC, AAGUID cb69481e-…, registered 3 Nov 2026". */
    static String describeKey(AuthMethod key) {
        StringBuilder text = new StringBuilder(Optional.ofNullable(key.detail("Model")).orElse(key.summary()));
        Optional.ofNullable(key.detail("AAGUID")).ifPresent(aaGuid -> text.append(", AAGUID ").append(aaGuid));
        text.append(key.created() == null ? ", date not reported" : ", registered "
                + DrillSchedule.date(LocalDate.ofInstant(key.created(), java.time.ZoneOffset.UTC)));
        return text.toString();
    }

    private HealthCheck conditionalAccess() {
        String label = "Conditional Access";
        String id = "conditionalAccess";
        Optional<List<ConditionalAccessPolicy>> active = read.activePolicies();
        if (active.isEmpty()) {
            return HealthCheck.unknown(id, label, read.policies().whyUnknown());
        }
        if (!account.groupIds().isKnown()) {
            return HealthCheck.unknown(id, label, "the account's groups could not be read: "
                    + account.groupIds().whyUnknown());
        }
        UserSnapshot snapshot = snapshot();
        List<ConditionalAccessPolicy> reaching = PolicyExclusions.reaching(active.get(), snapshot);
        List<ConditionalAccessPolicy> dedicated = PolicyExclusions.dedicated(active.get(), snapshot);
        String covered = dedicated.isEmpty() ? "" : " Covered by " + names(dedicated) + (dedicated.size() == 1
                ? ", which requires" : ", which require") + " phishing-resistant MFA only.";
        List<ConditionalAccessPolicy> enforced = reaching.stream()
                .filter(p -> p.state() == ConditionalAccessPolicy.State.ENABLED).toList();
        if (!enforced.isEmpty()) {
            return HealthCheck.red(id, label, "Not excluded from " + names(enforced) + " (On): a mistake in "
                    + (enforced.size() == 1 ? "it" : "any of them") + " can lock the account out too. Exclude the "
                    + "group (set-up, step Conditional Access)." + reportOnly(reaching) + covered);
        }
        if (!reaching.isEmpty()) {
            return HealthCheck.amber(id, label, "Not excluded from " + names(reaching) + " (report-only), which "
                    + "would reach it once turned on. Exclude the group." + covered);
        }
        return HealthCheck.green(id, label, "Excluded from every enabled or report-only policy (" + active.get().size()
                + ")." + covered);
    }

    private static String reportOnly(List<ConditionalAccessPolicy> reaching) {
        List<ConditionalAccessPolicy> later = reaching.stream()
                .filter(p -> p.state() == ConditionalAccessPolicy.State.REPORT_ONLY).toList();
        return later.isEmpty() ? "" : " Also " + names(later) + " (report-only).";
    }

    static String names(List<ConditionalAccessPolicy> policies) {
        return policies.stream().map(p -> "\u201c" + p.displayName() + "\u201d").collect(Collectors.joining(", "));
    }

    UserSnapshot snapshot() {
        return account.snapshot();
    }

    private HealthCheck lastSignIn() {
        String label = "Last sign-in";
        String id = "lastSignIn";
        if (!account.lastSignIn().isKnown()) {
            return HealthCheck.unknown(id, label, account.lastSignIn().whyUnknown());
        }
        Optional<SignInRecord> last = account.lastSignIn().get();
        if (last.isEmpty()) {
            return HealthCheck.green(id, label, "No sign-in in the log, which Entra keeps for 30 days.");
        }
        SignInRecord signIn = last.get();
        LocalDate day = LocalDate.ofInstant(signIn.when(), read.zone());
        String what = (signIn.succeeded() ? "Signed in " : "Failed to sign in ") + dev.gatehouse.domain.text.Moments
                .of(signIn.when()) + (signIn.appDisplayName() == null ? "" : " to " + signIn.appDisplayName())
                + (signIn.ipAddress() == null ? "" : " from " + signIn.ipAddress())
                + (signIn.succeeded() || signIn.failureReason() == null ? "" : " (" + signIn.failureReason() + ")");
        if (!signIn.succeeded()) {
            return HealthCheck.amber(id, label, what + ". Someone tried this account: find out who.");
        }
        if (read.recordedDrill().isPresent() && day.isAfter(read.recordedDrill().get())) {
            return HealthCheck.amber(id, label, what + ", after the last recorded drill ("
                    + DrillSchedule.date(read.recordedDrill().get()) + "). If that was not set-up or a drill, find out "
                    + "who: Microsoft advises an alert and a review for every use.");
        }
        return HealthCheck.green(id, label, what + ".");
    }

    private Optional<LocalDate> lastSignInDate() {
        return account.lastSignIn().value().flatMap(last -> last)
                .filter(SignInRecord::succeeded)
                .map(s -> LocalDate.ofInstant(s.when(), read.zone()));
    }

    private HealthCheck recentChanges() {
        return changes("recentChanges", account.recentChanges(), "its methods, roles and groups");
    }

    static HealthCheck changes(String id, Fact<List<AuditRecord>> changes, String about) {
        String label = "Recent changes";
        if (!changes.isKnown()) {
            return HealthCheck.unknown(id, label, changes.whyUnknown());
        }
        List<AuditRecord> all = changes.get();
        long days = HealthRead.AUDIT_WINDOW.toDays();
        if (all.isEmpty()) {
            return HealthCheck.green(id, label, "No change to " + about + " in the audit log in the last " + days
                    + " days.");
        }
        String listed = all.stream().limit(CHANGES_LISTED).map(AccountChecks::describe)
                .collect(Collectors.joining("; "));
        String more = all.size() > CHANGES_LISTED ? "; and " + (all.size() - CHANGES_LISTED) + " more" : "";
        return HealthCheck.green(id, label, all.size() + (all.size() == 1 ? " change" : " changes") + " in the last "
                + days + " days: " + listed + more + ". Make sure each was expected.");
    }

    private static String describe(AuditRecord record) {
        return dev.gatehouse.domain.text.Moments.of(record.when()) + " " + record.activity()
                + (record.initiatedBy() == null ? "" : " by " + record.initiatedBy())
                + (record.result() == null || "success".equalsIgnoreCase(record.result()) ? "" : " (" + record.result()
                + ")");
    }
}
