package dev.gatehouse.ui.fake;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.tenant.AuditRecord;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.LicenceAssignment;
import dev.gatehouse.domain.tenant.SignInRecord;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.VerifiedDomain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * For a test directory whose test never reaches the break-glass health checks (owners, licences, sign-ins, audit
 * trail, passkeys, domains): such a read is a bug in the test.
 */
public interface WithoutBreakGlassReads extends TenantDirectory {

    String NOT_READ = "this test directory reads nothing of the break-glass health checks";

    @Override
    default List<DirectoryPrincipal> groupOwners(String groupId) {
        throw new UnsupportedOperationException(NOT_READ);
    }

    @Override
    default List<LicenceAssignment> licenceAssignments(String userId) {
        throw new UnsupportedOperationException(NOT_READ);
    }

    @Override
    default Optional<SignInRecord> lastSignIn(String userId) {
        throw new UnsupportedOperationException(NOT_READ);
    }

    @Override
    default List<AuditRecord> auditEvents(String targetObjectId, Instant since) {
        throw new UnsupportedOperationException(NOT_READ);
    }

    @Override
    default List<AuditRecord> auditLog(Instant since) {
        throw new UnsupportedOperationException(NOT_READ);
    }

    @Override
    default List<AuthMethod> fido2Methods(String userId) {
        throw new UnsupportedOperationException(NOT_READ);
    }

    @Override
    default List<dev.gatehouse.domain.role.RoleSchedule> roleSchedules(String principalId) {
        throw new UnsupportedOperationException(NOT_READ);
    }

    @Override
    default Optional<dev.gatehouse.domain.role.ActiveAssignmentRule> activeAssignmentRule(String roleTemplateId) {
        throw new UnsupportedOperationException(NOT_READ);
    }

    @Override
    default List<VerifiedDomain> verifiedDomains() {
        throw new UnsupportedOperationException(NOT_READ);
    }
}
