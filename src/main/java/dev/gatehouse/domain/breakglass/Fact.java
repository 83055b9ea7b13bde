package dev.gatehouse.domain.breakglass;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A value read from the tenant, or why it could not be (no role, no licence): the health view shows what it knows
 * and says what it does not, rather than failing whole.
 */
public record Fact<T>(Optional<T> value, String whyUnknown) {

    public Fact {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() && (whyUnknown == null || whyUnknown.isBlank())) {
            throw new IllegalArgumentException("An unknown fact needs its reason");
        }
    }

    public static <T> Fact<T> known(T value) {
        return new Fact<>(Optional.of(value), null);
    }

    public static <T> Fact<T> unknown(String why) {
        return new Fact<>(Optional.empty(), why);
    }

    public boolean isKnown() {
        return value.isPresent();
    }

    public T get() {
        return value.orElseThrow(() -> new IllegalStateException("Unknown: " + whyUnknown));
    }

    public <U> Fact<U> map(Function<? super T, ? extends U> mapper) {
        return value.<Fact<U>>map(v -> known(mapper.apply(v))).orElseGet(() -> unknown(whyUnknown));
    }
}
