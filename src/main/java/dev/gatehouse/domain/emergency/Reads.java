package dev.gatehouse.domain.emergency;

import dev.gatehouse.domain.tenant.TenantException;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A read the admin may not be allowed (no role, no permission, no Entra ID P1) becomes "could not check: why" rather
 * than a failure; losing the connection, the sign-in or the user's patience still ends the whole operation.
 */
public final class Reads {

    private Reads() {
    }

    public static boolean endsEverything(TenantException e) {
        return e.endsEverything();
    }

    /** The value, or empty with the reason recorded under {@code part}. */
    public static <T> Optional<T> attempt(Map<String, String> unreadable, String part, Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (TenantException e) {
            if (endsEverything(e)) {
                throw e;
            }
            unreadable.put(part, e.getMessage());
            return Optional.empty();
        }
    }
}
