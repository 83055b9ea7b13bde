package dev.gatehouse.sim.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.domain.method.MethodType;

import java.time.Instant;
import java.util.Map;
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

    /** The fixed ids Graph gives every user's phone methods, by phoneType (phone method pages). */
    public static final Map<String, String> PHONE_IDS = Map.of(
            "mobile", "3179e48a-750b-4051-897c-87b9720928f7",
            "alternateMobile", "b6332ec1-7057-4abe-9331-3d72feddfe41",
            "office", "e37fc753-ff3b-4958-9484-eaa9425c82bc");

    /** The fixed id of every user's email method. */
    public static final String EMAIL_METHOD_ID = "3ddfcfc8-9383-446f-83cc-3ab9be4be18f";

    public SimMethod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(properties, "properties");
    }

    public String text(String property) {
        return properties.hasNonNull(property) ? properties.get(property).asText() : null;
    }
}
