package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.TenantInfo;
import dev.gatehouse.domain.tenant.UserDetail;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The printable one-page record of the tenant's emergency-access accounts (set-up, step Record): which accounts and
 * keys there are, the admin's label for each key and where it and each password part is kept, the drill dates, and
 * the checkers' configuration. It holds no secret and no field that could hold one: a password, a pass or a key PIN
 * has no place here. Rendered by {@link BreakGlassRecordHtml} and {@link BreakGlassRecordPdf}.
 *
 * @param group      the emergency-access group; empty when none is known
 * @param lastDrill  the drill recorded on this machine for the tenant, if any
 * @param nextDrill  when the next drill is due: 90 days after the last, or the day the record was made when none is
 *                   recorded
 * @param made       the day the record was made, in the admin's time zone
 * @param madeBy     who made it: the signed-in admin's user principal name
 * @param checkers   the Maester and ScubaGear entries; empty (with why) when there is nothing to configure
 */
public record BreakGlassRecord(Tenant tenant, Optional<Group> group, List<Account> accounts, boolean passwordInTwoParts,
                               Optional<LocalDate> lastDrill, LocalDate nextDrill, LocalDate made, String madeBy,
                               Checkers checkers) {

    /** The tenant the accounts belong to. */
    public record Tenant(String displayName, String initialDomain, String id) {
        public Tenant {
            displayName = text(displayName);
            initialDomain = text(initialDomain);
            id = text(id);
        }
    }

    /** The group holding the accounts. */
    public record Group(String displayName, String id) {
        public Group {
            displayName = text(displayName);
            id = text(id);
        }
    }

    /**
     * One emergency-access account.
     *
     * @param keys           its FIDO2 keys, oldest first
     * @param keysUnreadable why its methods could not be read, when they could not (then {@code keys} is empty)
     * @param notes          the admin's label and places; blank ones print as lines to fill in by hand
     */
    public record Account(String displayName, String userPrincipalName, String id, List<Key> keys,
                          Optional<String> keysUnreadable, RecordNotes.AccountNotes notes) {
        public Account {
            displayName = text(displayName);
            userPrincipalName = text(userPrincipalName);
            id = text(id);
            keys = List.copyOf(keys);
            keysUnreadable = keysUnreadable == null ? Optional.empty() : keysUnreadable;
            notes = notes == null ? RecordNotes.AccountNotes.BLANK : notes;
        }
    }

    /**
     * A FIDO2 key as Entra reports it.
     *
     * @param model      the key's model ("YubiKey 5 NFC"); the method's summary when Entra gives no model
     * @param aaGuid     the model's AAGUID; empty when not reported
     * @param registered the day it was registered (UTC); empty when not reported
     */
    public record Key(String model, String aaGuid, Optional<LocalDate> registered) {
        public Key {
            model = text(model);
            aaGuid = text(aaGuid);
            registered = registered == null ? Optional.empty() : registered;
        }
    }

    /**
     * The entries to paste into the two checkers' configuration, each with the line saying where it goes; or why
     * there are none.
     */
    public record Checkers(String maester, String maesterWhere, String scubaGear, String scubaGearWhere,
                           Optional<String> whyNone) {
        public Checkers {
            maester = text(maester);
            maesterWhere = text(maesterWhere);
            scubaGear = text(scubaGear);
            scubaGearWhere = text(scubaGearWhere);
            whyNone = whyNone == null ? Optional.empty() : whyNone;
        }

        static Checkers none(String why) {
            return new Checkers("", "", "", "", Optional.of(why));
        }

        public boolean present() {
            return whyNone.isEmpty();
        }
    }

    public BreakGlassRecord {
        Objects.requireNonNull(tenant, "tenant");
        group = group == null ? Optional.empty() : group;
        accounts = List.copyOf(accounts);
        lastDrill = lastDrill == null ? Optional.empty() : lastDrill;
        Objects.requireNonNull(nextDrill, "nextDrill");
        Objects.requireNonNull(made, "made");
        madeBy = text(madeBy);
        Objects.requireNonNull(checkers, "checkers");
    }

    /**
     * The record of what the health view read, with the admin's notes.
     *
     * @param tenant the connected tenant ({@code TenantDirectory.tenant()})
     * @param read   the health view's read ({@link HealthReads#read}), the same one the health view shows
     * @param notes  the admin's labels and places ({@link RecordNotes#none()} for blank lines throughout)
     * @param madeBy the signed-in admin's user principal name
     */
    public static BreakGlassRecord of(TenantInfo tenant, HealthRead read, RecordNotes notes, String madeBy) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(notes, "notes");
        Optional<GroupRef> groupRef = read.group().value().map(GroupFacts::group);
        List<Account> accounts = new ArrayList<>();
        for (AccountFacts facts : read.accounts()) {
            UserDetail detail = facts.detail();
            List<Key> keys = detail.methods().stream().filter(m -> m.type() == MethodType.FIDO2)
                    .sorted(java.util.Comparator.comparing(AuthMethod::created,
                            java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                    .map(BreakGlassRecord::key).toList();
            accounts.add(new Account(facts.displayName(), facts.userPrincipalName(), facts.id(), keys,
                    detail.whyUnreadable(UserDetail.Part.METHODS), notes.of(facts.id())));
        }
        String initialDomain = read.initialDomain() != null ? read.initialDomain() : tenant.initialDomain();
        return new BreakGlassRecord(new Tenant(tenant.displayName(), initialDomain, tenant.id()),
                groupRef.map(g -> new Group(g.displayName(), g.id())), accounts, notes.passwordInTwoParts(),
                read.recordedDrill(), DrillSchedule.nextDue(read.recordedDrill(), read.today()), read.today(), madeBy,
                checkers(accounts, groupRef));
    }

    /** True when no drill is recorded: the next one is due at once. */
    public boolean drillDueNow() {
        return lastDrill.isEmpty() || !nextDrill.isAfter(made);
    }

    private static Key key(AuthMethod method) {
        String model = method.detail("Model");
        return new Key(model == null || model.isBlank() ? method.summary() : model, method.detail("AAGUID"),
                Optional.ofNullable(method.created()).map(c -> LocalDate.ofInstant(c, ZoneId.of("UTC"))));
    }

    private static Checkers checkers(List<Account> accounts, Optional<GroupRef> group) {
        try {
            List<CheckerConfig.Account> users = accounts.stream()
                    .map(a -> new CheckerConfig.Account(a.id(), a.userPrincipalName(), a.displayName())).toList();
            Optional<CheckerConfig.Group> configGroup = group.map(g -> new CheckerConfig.Group(g.id(),
                    g.displayName()));
            return new Checkers(CheckerConfig.maester(users, configGroup), CheckerConfig.maesterWhere(),
                    CheckerConfig.scubaGear(users, configGroup), CheckerConfig.scubaGearWhere(), Optional.empty());
        } catch (IllegalArgumentException e) {
            return Checkers.none("No checker entries: " + e.getMessage() + ".");
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
