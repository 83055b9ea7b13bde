package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.NewAuthenticationStrength;

import java.util.Objects;
import java.util.Set;

/** Which authentication strength the registration policy requires: one the tenant has, or one to create first. */
public sealed interface StrengthChoice {

    /** The strength's name, for consequences and scripts. */
    String displayName();

    /** The methods it allows, as Graph spells its combinations. */
    Set<String> allowedCombinations();

    /** A strength the tenant already has (custom or built-in): the policy names it by id, nothing is created. */
    record Reuse(AuthenticationStrength strength) implements StrengthChoice {
        public Reuse {
            Objects.requireNonNull(strength, "strength");
            Objects.requireNonNull(strength.id(), "strength id");
        }

        @Override
        public String displayName() {
            return strength.displayName() == null || strength.displayName().isBlank() ? strength.id()
                    : strength.displayName();
        }

        @Override
        public Set<String> allowedCombinations() {
            return strength.allowedCombinations();
        }
    }

    /** A custom strength created before the policy; its id is known only once Graph has created it. */
    record Create(NewAuthenticationStrength strength) implements StrengthChoice {
        public Create {
            Objects.requireNonNull(strength, "strength");
        }

        @Override
        public String displayName() {
            return strength.displayName();
        }

        @Override
        public Set<String> allowedCombinations() {
            return Set.copyOf(strength.allowedCombinations());
        }
    }
}
