package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.method.RegistrationReportRead;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;

import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The whole pre-flight: the read, the registration report streamed page by page into {@link RegistrationReadiness}
 * (never more than a page held), and the checks over both with the draft policy. Blocks on the network.
 */
public final class RegistrationPreflight {

    /**
     * @param report how the report was read: requests and rows, empty when it could not be
     */
    public record Outcome(RegistrationRead read, List<PreflightCheck> checks, PreflightFacts.Readiness readiness,
                          Optional<RegistrationReportRead> report) {

        public Outcome {
            checks = List.copyOf(checks);
            report = report == null ? Optional.empty() : report;
        }

        public boolean anyFailed() {
            return Preflight.anyFailed(checks);
        }

        /** The users the report says could not register under the policy: who a pass hand-out is for. */
        public List<RegistrationReadiness.UserRef> needPass() {
            return readiness.result().map(RegistrationReadiness.Result::needPass).orElse(List.of());
        }
    }

    private final TenantDirectory directory;

    public RegistrationPreflight(TenantDirectory directory) {
        this.directory = directory;
    }

    /**
     * @param draft the policy the admin designs (report-only defaults until changed)
     * @param rows  told the rows read so far, after each page (progress)
     */
    public Outcome run(RegistrationRead read, ConditionalAccessPolicy draft, LongConsumer rows) {
        RegistrationReadiness readiness = new RegistrationReadiness(read.emergencyAccountIds());
        PreflightFacts.Readiness summed;
        Optional<RegistrationReportRead> report = Optional.empty();
        if (read.licences().isPresent() && !read.hasP1()) {
            summed = PreflightFacts.Readiness.unread("The registration report needs Entra ID P1, which the tenant "
                    + "does not have.");
        } else {
            long[] seen = {0};
            try {
                report = Optional.of(directory.userRegistrationDetails(page -> {
                    readiness.accept(page);
                    seen[0] += page.size();
                    rows.accept(seen[0]);
                }));
                summed = PreflightFacts.Readiness.read(readiness.result());
            } catch (TenantException e) {
                if (e.kind() == TenantException.Kind.CANCELLED) {
                    throw e;
                }
                summed = PreflightFacts.Readiness.unread(e.getMessage());
            }
        }
        PreflightFacts facts = new PreflightFacts(read.licences(), read.securityDefaultsEnabled(),
                read.methodsPolicy(), read.policies(), draft, read.emergencyAccess(),
                read.emergencyAccountIds(), read.actingAdmin(), summed, read.now());
        return new Outcome(read, Preflight.run(facts), summed, report);
    }
}
