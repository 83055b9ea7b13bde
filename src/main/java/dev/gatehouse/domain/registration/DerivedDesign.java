package dev.gatehouse.domain.registration;

import java.util.List;
import java.util.Objects;

/**
 * A design read back from an existing policy.
 *
 * @param notCarried what the policy holds that the design cannot, each naming Graph's JSON path and what the design
 *                   makes of it; saving the design changes these parts of the policy
 */
public record DerivedDesign(RegistrationPolicyDesign design, List<String> notCarried) {

    public DerivedDesign {
        Objects.requireNonNull(design, "design");
        notCarried = List.copyOf(notCarried);
    }
}
