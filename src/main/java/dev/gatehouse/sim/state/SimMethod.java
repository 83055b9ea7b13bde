package dev.gatehouse.sim.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.domain.method.MethodType;

import java.time.Instant;
import java.util.Objects;

/**
 * One registered authentication method of a user.
 *
 * @param createdDateTime null where Graph leaves it null (phone, email and software OATH methods)
 * @param properties      the type's other properties under their Graph names (e.g. {@code phoneNumber},
 *                        {@code aaGuid}); names starting with '_' are sim bookkeeping, e.g. {@code _used} on a
 *                        one-time TAP, and never leave the server
 */
public record SimMethod(String id, MethodType type, Instant createdDateTime, ObjectNode properties) {

    public SimMethod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(properties, "properties");
    }

    public String text(String property) {
        return properties.hasNonNull(property) ? properties.get(property).asText() : null;
    }
}
