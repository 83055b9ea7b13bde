package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.emergency.EmergencyGroup;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantLicences;
import dev.gatehouse.domain.tenant.UserDetail;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads what the health view weighs: the chosen group, its owners and members, and for each account its profile,
 * roles, methods, groups, licences, last sign-in, recent audit entries and, with Entra ID P2, PIM schedules; the
 * tenant's policies (Conditional Access and authentication methods) and subscriptions.
 * A part the admin may not read (no role, no P1) becomes an unknown fact with Graph's reason; losing the connection,
 * the sign-in or a cancel ends the read. Blocks on the network: never on the FX thread.
 */
public final class HealthReads {

    private final TenantDirectory directory;
    private final Clock clock;
    private final ZoneId zone;

    public HealthReads(TenantDirectory directory, Clock clock, ZoneId zone) {
        this.directory = directory;
        this.clock = clock;
        this.zone = zone;
    }

    /** @param recordedDrill the last drill recorded on this machine for this tenant */
    public HealthRead read(EmergencyAccess emergency, Optional<LocalDate> recordedDrill) {
        Instant now = clock.instant();
        Instant since = now.minus(HealthRead.AUDIT_WINDOW);
        String initialDomain = directory.tenant().initialDomain();
        Fact<TenantLicences> licences = attempt(directory::licences);
        Fact<GroupFacts> group = group(emergency, since);
        List<AccountFacts> accounts = new ArrayList<>();
        group.value().flatMap(g -> g.members().value()).ifPresent(members -> members.stream()
                .filter(DirectoryPrincipal::isUser)
                .forEach(member -> account(member, licences, since).ifPresent(accounts::add)));
        return new HealthRead(now, zone, initialDomain, group, accounts, attempt(directory::conditionalAccessPolicies),
                licences, recordedDrill, attempt(directory::methodsPolicy));
    }

    private Fact<GroupFacts> group(EmergencyAccess emergency, Instant since) {
        Optional<EmergencyGroup> chosen = emergency.group();
        if (chosen.isEmpty()) {
            return Fact.unknown(emergency.whyUnknown().map(why -> "The emergency-access group is unknown: " + why + ".")
                    .orElse("No emergency-access group is chosen for this tenant."));
        }
        Optional<GroupRef> found = directory.findGroup(chosen.get().id());
        if (found.isEmpty()) {
            return Fact.unknown("The emergency-access group " + chosen.get().label() + " is no longer in the tenant.");
        }
        String id = found.get().id();
        return Fact.known(new GroupFacts(found.get(), attempt(() -> directory.groupMembers(id)),
                attempt(() -> directory.groupOwners(id)), attempt(() -> directory.auditEvents(id, since))));
    }

    /** Empty when the member is gone between listing the group and reading it. */
    private Optional<AccountFacts> account(DirectoryPrincipal member, Fact<TenantLicences> licences, Instant since) {
        Optional<UserDetail> detail = directory.findUser(member.id());
        if (detail.isEmpty()) {
            return Optional.empty();
        }
        String id = member.id();
        boolean noP1 = licences.value().map(l -> !l.entraIdP1()).orElse(false);
        // without Entra ID P2 there is no PIM, and Graph would only refuse the read
        boolean noP2 = licences.value().map(l -> !l.entraIdP2()).orElse(false);
        return Optional.of(new AccountFacts(detail.get(),
                attempt(() -> directory.groupMemberships(id)),
                attempt(() -> directory.licenceAssignments(id)),
                noP1 ? Fact.unknown("the sign-in log needs Entra ID P1, which this tenant does not have ("
                        + String.join(", ", licences.get().skuPartNumbers()) + ").")
                        : attempt(() -> directory.lastSignIn(id)),
                attempt(() -> directory.auditEvents(id, since)),
                noP2 ? Fact.unknown(AccountFacts.SCHEDULES_NOT_READ)
                        : attempt(() -> GlobalAdminSchedules.read(directory, detail.get()))));
    }

    /** The value, or why it could not be read; losing the connection, the sign-in or a cancel ends the read. */
    static <T> Fact<T> attempt(Supplier<T> read) {
        try {
            return Fact.known(read.get());
        } catch (TenantException e) {
            if (e.endsEverything()) {
                throw e;
            }
            return Fact.unknown(e.getMessage());
        }
    }
}
