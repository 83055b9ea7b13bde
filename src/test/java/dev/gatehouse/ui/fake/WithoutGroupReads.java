package dev.gatehouse.ui.fake;

import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.GroupRef;

import java.util.List;
import java.util.Optional;

/**
 * For a test directory whose test never reads groups or role holders: such a read is a bug in the test. The
 * registration-policy and break-glass health reads came later than these directories' tests and are none of their
 * business either.
 */
public interface WithoutGroupReads extends WithoutRegistrationPolicyReads, WithoutBreakGlassReads {

    @Override
    default Optional<GroupRef> findGroup(String groupId) {
        throw new UnsupportedOperationException("this test directory reads no groups");
    }

    @Override
    default List<GroupRef> groupsNamed(String displayName) {
        throw new UnsupportedOperationException("this test directory reads no groups");
    }

    @Override
    default List<GroupRef> roleAssignableGroups() {
        throw new UnsupportedOperationException("this test directory reads no groups");
    }

    @Override
    default List<DirectoryPrincipal> groupMembers(String groupId) {
        throw new UnsupportedOperationException("this test directory reads no groups");
    }

    @Override
    default List<DirectoryPrincipal> roleHolders(String roleTemplateId) {
        throw new UnsupportedOperationException("this test directory reads no role holders");
    }
}
