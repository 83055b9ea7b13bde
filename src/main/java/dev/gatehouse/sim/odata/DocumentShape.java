package dev.gatehouse.sim.odata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An {@link EntityShape} for entities the sim keeps as Graph JSON documents (organization, policies, SKUs,
 * audit records): they are sent as stored. Fields starting with '_' are the sim's own bookkeeping and never
 * leave the server.
 */
public final class DocumentShape implements EntityShape<ObjectNode> {

    private final String typeName;
    private final Set<String> declared;
    private final QueryCapabilities capabilities;

    public DocumentShape(String typeName, Set<String> declared, QueryCapabilities capabilities) {
        this.typeName = typeName;
        this.declared = Set.copyOf(declared);
        this.capabilities = capabilities;
    }

    public static DocumentShape open(String typeName, Set<String> declared) {
        return new DocumentShape(typeName, declared, QueryCapabilities.open(typeName));
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public boolean declares(String property) {
        return declared.contains(property);
    }

    @Override
    public JsonNode value(ObjectNode entity, String property) {
        if (!declared.contains(property)) {
            return MissingNode.getInstance();
        }
        JsonNode value = entity.get(property);
        return value == null ? NullNode.instance : value;
    }

    @Override
    public List<String> defaultProperties(ObjectNode entity) {
        List<String> names = new ArrayList<>();
        entity.fieldNames().forEachRemaining(name -> {
            if (!name.startsWith("_") && !name.equals("@odata.type")) {
                names.add(name);
            }
        });
        return names;
    }

    @Override
    public String concreteType(ObjectNode entity) {
        JsonNode type = entity.get("@odata.type");
        return type == null ? typeName : type.asText().replaceFirst("^#", "");
    }

    @Override
    public QueryCapabilities capabilities() {
        return capabilities;
    }
}
