package dev.gatehouse.cli;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.registration.DesignProblem;
import dev.gatehouse.domain.registration.RegistrationPolicyDesign;
import picocli.CommandLine.Option;

import java.util.Optional;
import java.util.stream.Collectors;

/** The design choices {@code apply}, {@code import} and {@code export} take; unset ones keep the default (or file). */
final class RegistrationDesignOptions {

    enum TargetState {
        REPORT_ONLY("report-only"), ON("on"), OFF("off");

        private final String word;

        TargetState(String word) {
            this.word = word;
        }

        @Override
        public String toString() {
            return word;
        }

        static TargetState of(State state) {
            return switch (state) {
                case REPORT_ONLY -> REPORT_ONLY;
                case ENABLED -> ON;
                case DISABLED -> OFF;
            };
        }
    }

    /** picocli's converter: the words the help shows. */
    static final class StateConverter implements picocli.CommandLine.ITypeConverter<TargetState> {
        @Override
        public TargetState convert(String value) {
            for (TargetState state : TargetState.values()) {
                if (state.word.equalsIgnoreCase(value.strip())) {
                    return state;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("--state is report-only, on or off; was '" + value
                    + "'");
        }
    }

    @Option(names = "--state", paramLabel = "report-only|on|off", converter = StateConverter.class,
            description = "report-only (default): save the policy, enforced nowhere; on: turn it on for "
                    + "--pilot-group, or without it for everyone (after the pilot); off: turn it off.")
    TargetState state;

    @Option(names = "--pilot-group", paramLabel = "ID|NAME",
            description = "The group the policy is turned on for first (object id or exact display name).")
    String pilotGroup;

    @Option(names = "--no-compliant-device",
            description = "Do not accept a compliant device instead of a passkey or one-time pass.")
    boolean noCompliantDevice;

    @Option(names = "--sign-in-frequency", paramLabel = "HOURS",
            description = "Sign in again after HOURS (default 1; 1-23, or whole days as 24, 48 … 8760); 0 for none.")
    Integer signInFrequencyHours;

    @Option(names = "--exclude-trusted-locations",
            description = {"Exempt trusted locations (Microsoft's template; what Maester MT.1011 looks for): anyone on "
                    + "a network marked trusted registers without the passkey, pass or compliant device — an attacker "
                    + "inside it too."})
    boolean excludeTrustedLocations;

    TargetState stateOr(TargetState fallback) {
        return state == null ? fallback : state;
    }

    /** The design with the options given applied over it. */
    RegistrationPolicyDesign over(RegistrationPolicyDesign design) {
        RegistrationPolicyDesign result = design;
        if (noCompliantDevice) {
            result = result.withCompliantDevice(false);
        }
        if (excludeTrustedLocations) {
            result = result.withTrustedLocationsExcluded(true);
        }
        if (signInFrequencyHours != null) {
            result = result.withSignInFrequency(signInFrequencyHours == 0 ? Optional.empty()
                    : Optional.of(signInFrequencyHours));
        }
        return result;
    }

    /** Graph would refuse the design, or it cannot work: bad usage, said with Graph's reason, nothing sent. */
    static void refuseProblems(RegistrationPolicyDesign design) {
        if (!design.problems().isEmpty()) {
            throw new UsageException("The policy as asked cannot be saved: " + design.problems().stream()
                    .map(DesignProblem::message).collect(Collectors.joining(" ")));
        }
    }
}
