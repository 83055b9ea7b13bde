package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.emergency.EmergencyGroup;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.signin.UserSnapshot;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.SignedInAdmin;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantLicences;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads a {@link RegistrationRead}: every part on its own, so a missing role or licence for one part leaves the
 * others read and says which part is missing and why. A cancelled read is not a missing part: it ends the whole read.
 * Blocks on the network: never on the FX thread.
 */
public final class RegistrationReads {

    private final TenantDirectory directory;
    private final Clock clock;

    public RegistrationReads(TenantDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public RegistrationRead read(EmergencyAccess emergency) {
        List<String> unreadable = new ArrayList<>();
        Optional<TenantLicences> licences = part("The tenant's licences (/subscribedSkus)", directory::licences,
                unreadable);
        Optional<Boolean> securityDefaults = part("Security defaults", directory::securityDefaultsEnabled,
                unreadable);
        Optional<MethodsPolicy> methods = part("The authentication methods policy", directory::methodsPolicy,
                unreadable);
        boolean p1 = licences.map(TenantLicences::entraIdP1).orElse(true); // unknown: try, Graph will say
        List<ConditionalAccessPolicy> policies = p1 ? part("Conditional Access policies",
                directory::conditionalAccessPolicies, unreadable).orElse(List.of()) : List.of();
        List<AuthenticationStrength> strengths = p1 ? part("Authentication strengths",
                directory::authenticationStrengths, unreadable).orElse(List.of()) : List.of();
        List<UserSnapshot> accounts = emergency.group().map(group -> part("The members of " + group.label(),
                () -> emergencyAccounts(group), unreadable).orElse(List.of())).orElse(List.of());
        SignedInAdmin admin = directory.signedInAdmin();
        UserSnapshot acting = snapshot(admin, unreadable)
                .orElseGet(() -> new UserSnapshot(admin.profile(), List.of(), java.util.Set.of(),
                        roleIds(admin.roles()), false));
        return new RegistrationRead(licences, securityDefaults, methods, policies, strengths, emergency, accounts,
                acting, unreadable, clock.instant());
    }

    private List<UserSnapshot> emergencyAccounts(EmergencyGroup group) {
        List<UserSnapshot> accounts = new ArrayList<>();
        for (DirectoryPrincipal member : directory.groupMembers(group.id())) {
            if (member.isUser()) {
                directory.findUser(member.id()).ifPresent(detail -> accounts.add(
                        UserSnapshot.of(detail, directory.groupMemberships(member.id()))));
            }
        }
        return accounts;
    }

    /** The admin as the simulator needs them: methods and groups read now, roles as signed in. */
    private Optional<UserSnapshot> snapshot(SignedInAdmin admin, List<String> unreadable) {
        String adminId = admin.profile().id();
        return part("Your own methods and groups", () -> new UserSnapshot(admin.profile(),
                directory.authenticationMethods(adminId),
                directory.groupMemberships(adminId).stream().map(GroupRef::id).collect(Collectors.toSet()),
                roleIds(admin.roles()), false), unreadable);
    }

    private static java.util.Set<String> roleIds(List<RoleAssignment> roles) {
        return roles.stream().map(RoleAssignment::roleDefinitionId).collect(Collectors.toSet());
    }

    private static <T> Optional<T> part(String what, Supplier<T> read, List<String> unreadable) {
        try {
            return Optional.ofNullable(read.get());
        } catch (TenantException e) {
            if (e.kind() == TenantException.Kind.CANCELLED) {
                throw e;
            }
            unreadable.add(what + " could not be read: " + e.getMessage());
            return Optional.empty();
        }
    }
}
