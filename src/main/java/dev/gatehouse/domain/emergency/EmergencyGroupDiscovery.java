package dev.gatehouse.domain.emergency;

import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the group that probably holds the tenant's emergency-access accounts, for the admin to confirm, and weighs
 * the chosen group the same way. The groups weighed are the ones that could pass: groups holding Global
 * Administrator, groups a Global Administrator belongs to that are role-assignable or excluded from Conditional
 * Access, and role-assignable groups Conditional Access excludes. So the reads grow with the number of Global
 * Administrators (Microsoft advises a handful), not with the number of groups. Blocks on the network.
 */
public final class EmergencyGroupDiscovery {

    private final TenantDirectory directory;

    public EmergencyGroupDiscovery(TenantDirectory directory) {
        this.directory = directory;
    }

    /** Proposals, and the chosen group's evidence when {@code choice} names one. */
    public Discovery discover(EmergencyAccess choice) {
        TenantFacts facts = TenantFacts.read(directory);
        Map<String, String> unreadable = facts.unreadable();
        Map<String, GroupRef> candidates = new LinkedHashMap<>();
        facts.roleAssignable().orElse(List.of()).stream().filter(g -> facts.excluded(g.id()))
                .forEach(g -> candidates.putIfAbsent(g.id(), g));
        for (DirectoryPrincipal holder : facts.globalAdmins().orElse(List.of())) {
            if (holder.kind() == DirectoryPrincipal.Kind.GROUP) {
                // only a role-assignable group can hold a role
                candidates.putIfAbsent(holder.id(), new GroupRef(holder.id(), holder.displayName(), true));
            } else if (holder.isUser()) {
                Reads.attempt(unreadable, "the groups of " + holder.label(), () -> directory.groupMemberships(holder.id()))
                        .orElse(List.of()).stream().filter(g -> g.roleAssignable() || facts.excluded(g.id()))
                        .forEach(g -> candidates.putIfAbsent(g.id(), g));
            }
        }
        List<GroupEvidence> weighed = candidates.values().stream().map(g -> GroupEvidence.weigh(g, facts)).toList();
        List<GroupEvidence> proposals = weighed.stream().filter(GroupEvidence::proposable)
                .sorted(Comparator.comparing((GroupEvidence e) -> -e.excludedBy().size())
                        .thenComparing(e -> e.group().displayName(), String.CASE_INSENSITIVE_ORDER))
                .toList();
        List<GroupEvidence> considered = weighed.stream().filter(GroupEvidence::worthShowing).toList();
        return new Discovery(choice.group().map(group -> chosen(choice, group, facts)), proposals, considered,
                unreadable);
    }

    private ChosenGroupReport chosen(EmergencyAccess choice, EmergencyGroup group, TenantFacts facts) {
        try {
            return directory.findGroup(group.id())
                    .map(found -> new ChosenGroupReport(choice, Optional.of(GroupEvidence.weigh(found, facts)),
                            Optional.empty()))
                    .orElseGet(() -> new ChosenGroupReport(choice, Optional.empty(), Optional.of("The chosen group "
                            + group.label() + " no longer exists in this tenant: choose another, or forget it.")));
        } catch (TenantException e) {
            if (Reads.endsEverything(e)) {
                throw e;
            }
            return new ChosenGroupReport(choice, Optional.empty(), Optional.of("The chosen group " + group.label()
                    + " could not be read: " + e.getMessage()));
        }
    }
}
