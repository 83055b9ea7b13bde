package dev.gatehouse.sim.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.wire.Wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The built-in directory role definitions ({@code unifiedRoleDefinition}), the same in every tenant; read
 * from {@code roleDefinitions.json}. Role permission lists there are abridged to the actions that matter
 * for user and authentication-method administration.
 */
public final class RoleCatalog {

    private static final RoleCatalog BUILT_IN = load();

    private final List<ObjectNode> definitions;

    private RoleCatalog(List<ObjectNode> definitions) {
        this.definitions = List.copyOf(definitions);
    }

    public static RoleCatalog builtIn() {
        return BUILT_IN;
    }

    /** Copies, so callers cannot change the shared catalog. */
    public List<ObjectNode> definitions() {
        return definitions.stream().map(ObjectNode::deepCopy).toList();
    }

    public Optional<ObjectNode> byId(String id) {
        return definitions.stream().filter(d -> d.path("id").asText().equalsIgnoreCase(id)).findFirst()
                .map(ObjectNode::deepCopy);
    }

    /** By template id or by display name (case-insensitive), as scenario files name roles. */
    public Optional<String> templateId(String idOrName) {
        return definitions.stream()
                .filter(d -> d.path("templateId").asText().equalsIgnoreCase(idOrName)
                        || d.path("displayName").asText().equalsIgnoreCase(idOrName))
                .map(d -> d.path("templateId").asText())
                .findFirst();
    }

    public String displayName(String templateId) {
        return byId(templateId).map(d -> d.path("displayName").asText()).orElse(templateId);
    }

    public String description(String templateId) {
        return byId(templateId).map(d -> d.path("description").asText(null)).orElse(null);
    }

    /** The tenant-specific object id of an activated {@code directoryRole}, stable per tenant and template. */
    public static String directoryRoleObjectId(String tenantId, String templateId) {
        return UUID.nameUUIDFromBytes((tenantId + "/directoryRole/" + templateId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static RoleCatalog load() {
        try (InputStream in = RoleCatalog.class.getResourceAsStream("/dev/gatehouse/sim/roleDefinitions.json")) {
            if (in == null) {
                throw new IllegalStateException("roleDefinitions.json is missing from the classpath");
            }
            JsonNode array = Wire.MAPPER.readTree(in);
            List<ObjectNode> definitions = new ArrayList<>();
            array.forEach(node -> definitions.add((ObjectNode) node));
            return new RoleCatalog(definitions);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read roleDefinitions.json", e);
        }
    }
}
