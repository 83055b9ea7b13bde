package dev.gatehouse.domain.emergency;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.TenantDirectory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What discovery weighs every group against, read once: who holds Global Administrator, the role-assignable groups,
 * the enabled and report-only Conditional Access policies, and group members as they are asked for. A part the admin
 * may not read is absent, with the reason in {@link #unreadable()}.
 */
final class TenantFacts {

    static final String GLOBAL_ADMINS = "who holds Global Administrator";
    static final String ROLE_ASSIGNABLE = "the role-assignable groups";
    static final String CONDITIONAL_ACCESS = "the Conditional Access policies";

    private final TenantDirectory directory;
    private final Map<String, String> unreadable = new LinkedHashMap<>();
    private final Optional<List<DirectoryPrincipal>> globalAdmins;
    private final Optional<List<GroupRef>> roleAssignable;
    private final Optional<List<ConditionalAccessPolicy>> activePolicies;
    private final Map<String, Optional<List<DirectoryPrincipal>>> members = new HashMap<>();
    private final Map<String, String> whyNoMembers = new HashMap<>();

    private TenantFacts(TenantDirectory directory) {
        this.directory = directory;
        globalAdmins = Reads.attempt(unreadable, GLOBAL_ADMINS,
                () -> directory.roleHolders(DirectoryRole.GLOBAL_ADMINISTRATOR.templateId()));
        roleAssignable = Reads.attempt(unreadable, ROLE_ASSIGNABLE, directory::roleAssignableGroups);
        activePolicies = Reads.attempt(unreadable, CONDITIONAL_ACCESS, directory::conditionalAccessPolicies)
                .map(all -> all.stream().filter(p -> p.state() != ConditionalAccessPolicy.State.DISABLED).toList());
    }

    /** Blocks on the network. */
    static TenantFacts read(TenantDirectory directory) {
        return new TenantFacts(directory);
    }

    TenantDirectory directory() {
        return directory;
    }

    Map<String, String> unreadable() {
        return unreadable;
    }

    Optional<List<DirectoryPrincipal>> globalAdmins() {
        return globalAdmins;
    }

    Optional<List<GroupRef>> roleAssignable() {
        return roleAssignable;
    }

    /** Enabled and report-only policies; disabled ones exclude nobody that matters. */
    Optional<List<ConditionalAccessPolicy>> activePolicies() {
        return activePolicies;
    }

    boolean excluded(String groupId) {
        return activePolicies.map(all -> all.stream().anyMatch(p -> p.users().excludesGroup(groupId))).orElse(false);
    }

    /** The group's direct members, read once; empty with {@link #whyNoMembers} when they could not be read. */
    Optional<List<DirectoryPrincipal>> members(String groupId) {
        return members.computeIfAbsent(groupId.toLowerCase(java.util.Locale.ROOT), id -> {
            Map<String, String> refused = new HashMap<>();
            Optional<List<DirectoryPrincipal>> read = Reads.attempt(refused, id, () -> directory.groupMembers(groupId));
            refused.values().forEach(why -> whyNoMembers.put(id, why));
            return read;
        });
    }

    String whyNoMembers(String groupId) {
        return whyNoMembers.getOrDefault(groupId.toLowerCase(java.util.Locale.ROOT), "unknown reason");
    }

    /** How the user holds Global Administrator: directly, through a group, not at all, or unknown. */
    Holding globalAdministrator(String userId) {
        if (globalAdmins.isEmpty()) {
            return Holding.unknown("who holds Global Administrator could not be read: " + unreadable.get(GLOBAL_ADMINS));
        }
        String unknownThrough = null;
        for (DirectoryPrincipal holder : globalAdmins.get()) {
            if (holder.isUser() && holder.id().equalsIgnoreCase(userId)) {
                return Holding.DIRECT;
            }
            if (holder.kind() == DirectoryPrincipal.Kind.GROUP) {
                Optional<List<DirectoryPrincipal>> inGroup = members(holder.id());
                if (inGroup.isEmpty()) {
                    unknownThrough = "the members of " + holder.displayName() + ", which holds it, could not be read: "
                            + whyNoMembers(holder.id());
                } else if (inGroup.get().stream().anyMatch(m -> m.id().equalsIgnoreCase(userId))) {
                    return Holding.through(holder.displayName());
                }
            }
        }
        return unknownThrough == null ? Holding.NONE : Holding.unknown(unknownThrough);
    }

    /**
     * How a user holds a role.
     *
     * @param viaGroup the role-assignable group that holds it for them, null when direct
     * @param whyUnknown set when it cannot be told
     */
    record Holding(boolean holds, String viaGroup, String whyUnknown) {
        static final Holding DIRECT = new Holding(true, null, null);
        static final Holding NONE = new Holding(false, null, null);

        static Holding through(String group) {
            return new Holding(true, group, null);
        }

        static Holding unknown(String why) {
            return new Holding(false, null, why);
        }

        boolean known() {
            return whyUnknown == null;
        }
    }
}
