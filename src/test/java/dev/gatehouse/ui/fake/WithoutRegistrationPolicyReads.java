package dev.gatehouse.ui.fake;

import dev.gatehouse.domain.method.RegistrationReportRead;
import dev.gatehouse.domain.method.UserRegistrationDetail;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.WhatIfQuery;
import dev.gatehouse.domain.policy.WhatIfResult;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantLicences;

import java.util.List;
import java.util.function.Consumer;

/**
 * For a test directory whose test never reaches the registration-policy workspace's reads (licences, security
 * defaults, strengths, the registration report, What If): such a read is a bug in the test.
 */
public interface WithoutRegistrationPolicyReads extends TenantDirectory {

    String NOT_READ = "this test directory reads nothing of the registration-policy workspace";

    @Override
    default TenantLicences licences() {
        throw new UnsupportedOperationException(NOT_READ);
    }

    @Override
    default boolean securityDefaultsEnabled() {
        throw new UnsupportedOperationException(NOT_READ);
    }

    @Override
    default List<AuthenticationStrength> authenticationStrengths() {
        throw new UnsupportedOperationException(NOT_READ);
    }

    @Override
    default RegistrationReportRead userRegistrationDetails(Consumer<List<UserRegistrationDetail>> pages) {
        throw new UnsupportedOperationException(NOT_READ);
    }

    @Override
    default List<WhatIfResult> whatIf(WhatIfQuery query) {
        throw new UnsupportedOperationException(NOT_READ);
    }
}
