package dev.gatehouse.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the {@code scp} claim of a JWT without verifying it: for explaining a 403, never for decisions. */
final class JwtScopes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JwtScopes() {
    }

    static Optional<Set<String>> read(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.strip().split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode scp = JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).path("scp");
            if (!scp.isTextual()) {
                return Optional.empty();
            }
            return Optional.of(Arrays.stream(scp.asText().split(" ")).filter(s -> !s.isBlank())
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
