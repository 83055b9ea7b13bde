package dev.gatehouse.domain.signin;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.user.UserProfile;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A user as the sign-in simulator sees them: profile, methods, group and role memberships. Recovery plans derive
 * the snapshot a plan would leave behind ("after") from the one read now ("before"), so the simulator can say
 * what the user will experience after the plan.
 *
 * @param groupIds           every group the user belongs to (transitively), for policy targeting
 * @param roleTemplateIds    the directory roles the user holds, for CA role targeting
 * @param mustChangePassword true after an admin reset: the next password sign-in must set a new password
 */
public record UserSnapshot(UserProfile profile, List<AuthMethod> methods, Set<String> groupIds,
                           Set<String> roleTemplateIds, boolean mustChangePassword) {

    public UserSnapshot {
        Objects.requireNonNull(profile, "profile");
        methods = List.copyOf(methods);
        groupIds = Set.copyOf(groupIds);
        roleTemplateIds = Set.copyOf(roleTemplateIds);
    }

    public static UserSnapshot of(UserDetail detail, List<GroupRef> groups) {
        return new UserSnapshot(detail.profile(), detail.methods(),
                groups.stream().map(GroupRef::id).collect(Collectors.toSet()),
                detail.roles().stream().map(RoleAssignment::roleDefinitionId).collect(Collectors.toSet()), false);
    }

    public boolean has(MethodType type) {
        return methods.stream().anyMatch(m -> m.type() == type);
    }

    public UserSnapshot withProfile(UserProfile changed) {
        return new UserSnapshot(changed, methods, groupIds, roleTemplateIds, mustChangePassword);
    }

    public UserSnapshot withMethods(List<AuthMethod> changed) {
        return new UserSnapshot(profile, changed, groupIds, roleTemplateIds, mustChangePassword);
    }

    public UserSnapshot without(Predicate<AuthMethod> removed) {
        return withMethods(methods.stream().filter(removed.negate()).toList());
    }

    public UserSnapshot withMustChangePassword(boolean mustChange) {
        return new UserSnapshot(profile, methods, groupIds, roleTemplateIds, mustChange);
    }
}
