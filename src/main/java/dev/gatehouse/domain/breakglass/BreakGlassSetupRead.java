package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.policy.KeyRestrictions;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.role.ActiveAssignmentRule;
import dev.gatehouse.domain.role.RoleSchedule;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.SignedInAdmin;
import dev.gatehouse.domain.tenant.TenantInfo;
import dev.gatehouse.domain.tenant.TenantLicences;
import dev.gatehouse.domain.tenant.UserDetail;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One read of what the break-glass set-up weighs, made afresh before every stage: the admin, the emergency-access
 * group in use and its members, the accounts the choices name, groups that carry a name the set-up would give, the
 * methods policy and the licences. A part that could not be read is absent and {@link #unreadable()} says why
 * ("could not check: why"), so a stage refuses what it cannot check instead of guessing.
 *
 * @param group         the chosen group as the tenant has it now; empty when none is chosen, or it is gone
 * @param groupProblem  why a chosen group is not there (deleted, unreadable); empty otherwise
 * @param members       the group's direct members
 * @param memberDetails the user members, by object id (lower case)
 * @param byName        the accounts the choices name that exist, by user principal name (lower case)
 * @param groupsNamed   for each name the set-up may give a new group (lower case), the groups that carry it
 * @param namedMembers  the members of each such group that is role-assignable, by group id (lower case): a set-up
 *                      that stopped after creating its group continues with it
 * @param proposals     when no group is chosen: groups discovery proposes as the tenant's emergency-access group
 * @param unreadable    part → why it could not be read
 * @param health        what the health view weighs, read once a group is chosen: the later stages (register, clean
 *                      up, exclusions) plan from the accounts' methods, licences and groups and from the policies
 * @param retired       groups that are not role-assignable, hold nothing but the accounts and are excluded from
 *                      Conditional Access: the group a repair replaced, whose exclusions the exclusion stage retires
 * @param roleSchedules with Entra ID P2, the PIM schedules of every account read (members and named accounts), by
 *                      object id (lower case); empty without P2, where there is no PIM
 * @param globalAdministratorRule with Entra ID P2, how long PIM lets an administrator make Global Administrator
 *                      active; known and empty without P2, where nothing limits it
 */
public record BreakGlassSetupRead(TenantInfo tenant, SignedInAdmin admin, EmergencyAccess emergency,
                                  Optional<GroupRef> group, Optional<String> groupProblem,
                                  List<DirectoryPrincipal> members, Map<String, UserDetail> memberDetails,
                                  Map<String, UserDetail> byName, Map<String, List<GroupRef>> groupsNamed,
                                  Map<String, List<DirectoryPrincipal>> namedMembers, List<String> proposals, Optional<MethodsPolicy> methodsPolicy,
                                  Optional<TenantLicences> licences, Map<String, String> unreadable, Instant now,
                                  Optional<HealthRead> health, List<ExclusionPlan.Retired> retired,
                                  Map<String, Fact<List<RoleSchedule>>> roleSchedules,
                                  Fact<Optional<ActiveAssignmentRule>> globalAdministratorRule) {

    public BreakGlassSetupRead {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(emergency, "emergency");
        group = group == null ? Optional.empty() : group;
        groupProblem = groupProblem == null ? Optional.empty() : groupProblem;
        members = List.copyOf(members);
        memberDetails = Map.copyOf(memberDetails);
        byName = Map.copyOf(byName);
        groupsNamed = Map.copyOf(groupsNamed);
        namedMembers = Map.copyOf(namedMembers);
        proposals = List.copyOf(proposals);
        methodsPolicy = methodsPolicy == null ? Optional.empty() : methodsPolicy;
        licences = licences == null ? Optional.empty() : licences;
        unreadable = Map.copyOf(unreadable);
        Objects.requireNonNull(now, "now");
        health = health == null ? Optional.empty() : health;
        retired = List.copyOf(retired);
        roleSchedules = Map.copyOf(roleSchedules);
        Objects.requireNonNull(globalAdministratorRule, "globalAdministratorRule");
    }

    /** The account's PIM schedules as read; empty when none were read (no Entra ID P2). */
    public Optional<Fact<List<RoleSchedule>>> roleSchedules(String userId) {
        return Optional.ofNullable(roleSchedules.get(userId.toLowerCase(Locale.ROOT)));
    }

    /** The account with this sign-in name, if it exists (case-insensitive). */
    public Optional<UserDetail> account(String userPrincipalName) {
        return Optional.ofNullable(byName.get(userPrincipalName.toLowerCase(Locale.ROOT)));
    }

    public Optional<UserDetail> member(String userId) {
        return Optional.ofNullable(memberDetails.get(userId.toLowerCase(Locale.ROOT)));
    }

    /** The groups named {@code name} (case-insensitive), as far as they were read. */
    public List<GroupRef> named(String name) {
        return groupsNamed.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The members of a role-assignable group found by name; empty when they were not read. */
    public Optional<List<DirectoryPrincipal>> membersOf(GroupRef group) {
        return Optional.ofNullable(namedMembers.get(group.id().toLowerCase(Locale.ROOT)));
    }

    /**
     * The FIDO2 key restrictions; empty when the methods policy was not read, and then no key can be called usable
     * (the register and clean-up stages refuse, with {@link #whyKeyRestrictionsUnknown()}).
     */
    public Optional<KeyRestrictions> keyRestrictions() {
        return methodsPolicy.map(MethodsPolicy::keyRestrictions);
    }

    /** Why {@link #keyRestrictions()} is empty, for the admin. */
    public String whyKeyRestrictionsUnknown() {
        return "Could not check the FIDO2 key restrictions (the authentication methods policy): "
                + unreadable.getOrDefault(BreakGlassSetupReads.METHODS_POLICY, "it was not read") + ".";
    }

    /** "could not check: why" for every part that could not be read, one sentence each. */
    public List<String> couldNotCheck() {
        return unreadable.entrySet().stream().map(e -> "Could not check " + e.getKey() + ": " + e.getValue())
                .toList();
    }
}
