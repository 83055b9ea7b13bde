package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.emergency.Discovery;
import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.emergency.EmergencyGroupDiscovery;
import dev.gatehouse.domain.emergency.GroupEvidence;
import dev.gatehouse.domain.emergency.Reads;
import dev.gatehouse.domain.role.ActiveAssignmentRule;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.role.RoleSchedule;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantLicences;
import dev.gatehouse.domain.tenant.UserDetail;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Reads a {@link BreakGlassSetupRead}: each part on its own, so a part the admin may not read becomes "could not
 * check: why" and the rest still counts; a cancelled read or a lost connection ends it. Blocks on the network.
 */
public final class BreakGlassSetupReads {

    /** How the methods policy is named among the parts that could not be read. */
    static final String METHODS_POLICY = "the authentication methods policy";


    private static final String CHOSEN_GROUP = "the chosen emergency-access group";

    private final TenantDirectory directory;
    private final Clock clock;

    public BreakGlassSetupReads(TenantDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** @param choices the set-up's choices so far; empty before the first stage is answered */
    public BreakGlassSetupRead read(EmergencyAccess emergency, Optional<SetupChoices> choices) {
        Map<String, String> unreadable = new LinkedHashMap<>();
        var tenant = directory.tenant();
        var admin = directory.signedInAdmin();
        Optional<Optional<GroupRef>> found = emergency.group().isEmpty() ? Optional.of(Optional.empty())
                : Reads.attempt(unreadable, CHOSEN_GROUP, () -> directory.findGroup(emergency.group().get().id()));
        Optional<GroupRef> group = found.flatMap(g -> g);
        Optional<String> groupProblem = emergency.group().filter(chosen -> group.isEmpty()).map(chosen ->
                found.isEmpty() ? chosen.label() + " could not be read: " + unreadable.get(CHOSEN_GROUP)
                        : chosen.label() + ", " + emergency.origin().map(EmergencyAccess.Origin::phrase)
                        .orElse("the chosen group") + ", no longer exists in the tenant");
        emergency.whyUnknown().ifPresent(why -> unreadable.put("which emergency-access group is chosen", why));
        List<DirectoryPrincipal> members = group.flatMap(g -> Reads.attempt(unreadable, "the members of "
                + g.displayName(), () -> directory.groupMembers(g.id()))).orElse(List.of());
        Map<String, UserDetail> memberDetails = new LinkedHashMap<>();
        for (DirectoryPrincipal member : members) {
            if (member.isUser()) {
                Reads.attempt(unreadable, member.label(), () -> directory.findUser(member.id())).flatMap(u -> u)
                        .ifPresent(detail -> memberDetails.put(member.id().toLowerCase(Locale.ROOT), detail));
            }
        }
        Map<String, UserDetail> byName = new LinkedHashMap<>();
        Map<String, List<GroupRef>> groupsNamed = new LinkedHashMap<>();
        Map<String, List<DirectoryPrincipal>> namedMembers = new LinkedHashMap<>();
        choices.ifPresent(chosen -> {
            for (AccountName name : chosen.accounts()) {
                Reads.attempt(unreadable, name.userPrincipalName(), () -> directory.findUser(name.userPrincipalName()))
                        .flatMap(u -> u).ifPresent(detail -> byName.put(name.userPrincipalName()
                                .toLowerCase(Locale.ROOT), detail));
            }
            List<String> names = new java.util.ArrayList<>(List.of(chosen.groupName()));
            group.ifPresent(g -> names.add(GroupPlan.replacementName(g)));
            for (String name : names) {
                Reads.attempt(unreadable, "the groups named \u201c" + name + "\u201d", () -> directory.groupsNamed(name))
                        .ifPresent(list -> groupsNamed.put(name.toLowerCase(Locale.ROOT), list));
            }
            groupsNamed.values().stream().flatMap(List::stream).filter(GroupRef::roleAssignable).forEach(g ->
                    Reads.attempt(unreadable, "the members of " + g.displayName(), () -> directory.groupMembers(g.id()))
                            .ifPresent(list -> namedMembers.put(g.id().toLowerCase(Locale.ROOT), list)));
        });
        List<String> proposals = emergency.group().isPresent() ? List.of() : Reads.attempt(unreadable,
                "which groups discovery proposes", () -> new EmergencyGroupDiscovery(directory).discover(emergency))
                .map(Discovery::proposals).orElse(List.of()).stream().map(GroupEvidence::label).toList();
        Optional<HealthRead> health = group.isEmpty() ? Optional.empty() : Optional.of(new HealthReads(directory, clock,
                ZoneOffset.UTC).read(emergency, Optional.empty()));
        // the health read has both already when there is a group: they are not asked of Graph a second time
        String licencesPart = "the tenant's licences (/subscribedSkus)";
        var methods = health.isPresent() ? recorded(unreadable, METHODS_POLICY, health.get().methodsPolicy())
                : Reads.attempt(unreadable, METHODS_POLICY, directory::methodsPolicy);
        var licences = health.isPresent() ? recorded(unreadable, licencesPart, health.get().licences())
                : Reads.attempt(unreadable, licencesPart, directory::licences);
        List<ExclusionPlan.Retired> retired = health.map(h -> retired(h, group.get(), unreadable)).orElse(List.of());
        boolean pim = licences.filter(TenantLicences::entraIdP2).isPresent();
        Map<String, Fact<List<RoleSchedule>>> schedules = pim ? roleSchedules(health, memberDetails, byName) : Map.of();
        Fact<Optional<ActiveAssignmentRule>> rule = pim ? HealthReads.attempt(() -> directory.activeAssignmentRule(
                DirectoryRole.GLOBAL_ADMINISTRATOR.templateId())) : Fact.known(Optional.empty());
        return new BreakGlassSetupRead(tenant, admin, emergency, group, groupProblem, members, memberDetails, byName,
                groupsNamed, namedMembers, proposals, methods, licences, unreadable, clock.instant(), health, retired,
                schedules, rule);
    }

    /** Each account's PIM schedules: those the health read has, then the rest read here. */
    private Map<String, Fact<List<RoleSchedule>>> roleSchedules(Optional<HealthRead> health,
                                                                 Map<String, UserDetail> memberDetails,
                                                                 Map<String, UserDetail> byName) {
        Map<String, Fact<List<RoleSchedule>>> schedules = new LinkedHashMap<>();
        health.ifPresent(h -> h.accounts().forEach(a -> schedules.put(a.id().toLowerCase(Locale.ROOT),
                a.roleSchedules())));
        List<UserDetail> accounts = new java.util.ArrayList<>(memberDetails.values());
        accounts.addAll(byName.values());
        for (UserDetail account : accounts) {
            schedules.computeIfAbsent(account.profile().id().toLowerCase(Locale.ROOT),
                    id -> HealthReads.attempt(() -> GlobalAdminSchedules.read(directory, account)));
        }
        return schedules;
    }

    /**
     * The groups a repair leaves behind: not role-assignable, not the chosen group, and holding only emergency-access
     * accounts. A group that also holds others is someone else's and is left alone.
     */
    /** A fact read already, recorded as {@link Reads#attempt} records a read: the value, or why it is unknown. */
    private static <T> Optional<T> recorded(Map<String, String> unreadable, String part, Fact<T> fact) {
        if (!fact.isKnown()) {
            unreadable.put(part, fact.whyUnknown());
            return Optional.empty();
        }
        return Optional.of(fact.get());
    }

    private List<ExclusionPlan.Retired> retired(HealthRead health, GroupRef chosen, Map<String, String> unreadable) {
        Set<String> accountIds = health.accounts().stream().map(a -> a.id().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Map<String, GroupRef> candidates = new LinkedHashMap<>();
        // excluded or not: once its exclusions are gone, the accounts must still be able to leave it on a later run
        health.accounts().forEach(a -> a.groups().value().orElse(List.of()).stream()
                .filter(g -> !g.roleAssignable() && !g.id().equalsIgnoreCase(chosen.id()))
                .forEach(g -> candidates.putIfAbsent(g.id().toLowerCase(Locale.ROOT), g)));
        List<ExclusionPlan.Retired> retired = new java.util.ArrayList<>();
        for (GroupRef candidate : candidates.values()) {
            Reads.attempt(unreadable, "the members of " + candidate.displayName(),
                            () -> directory.groupMembers(candidate.id()))
                    .filter(all -> !all.isEmpty() && all.stream().allMatch(m -> m.isUser()
                            && accountIds.contains(m.id().toLowerCase(Locale.ROOT))))
                    .ifPresent(all -> retired.add(new ExclusionPlan.Retired(candidate, all)));
        }
        return retired;
    }
}
