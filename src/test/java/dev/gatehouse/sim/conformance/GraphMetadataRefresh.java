package dev.gatehouse.sim.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regenerates {@code graph-docs/metadata/schema-v1.0.json} from Microsoft's published v1.0 CSDL
 * (microsoftgraph/msgraph-metadata, {@code clean_v10_metadata/cleanMetadata.xml}). It is a
 * maintenance tool, so it only runs when asked:
 * {@code mvn test -Dtest=GraphMetadataRefresh -Dgraphdocs.csdl=/path/cleanMetadata.xml -Dgraphdocs.csdl.commit=<sha>}.
 */
@EnabledIfSystemProperty(named = "graphdocs.csdl", matches = ".+",
        disabledReason = "maintenance tool: set -Dgraphdocs.csdl=<cleanMetadata.xml> to regenerate the schema fixture")
class GraphMetadataRefresh {

    private static final Path OUTPUT = Path.of("src/test/resources/dev/gatehouse/sim/graph-docs/metadata/schema-v1.0.json");

    /** Types the demo tenant serves, with every type derived from them (polymorphic collections). */
    private static final List<String> ROOTS_WITH_DERIVED = List.of(
            "microsoft.graph.authenticationMethod",
            "microsoft.graph.authenticationMethodConfiguration",
            "microsoft.graph.signInIdentity",
            "microsoft.graph.signInContext",
            "microsoft.graph.authenticationCombinationConfiguration",
            "microsoft.graph.authenticationMethodTarget");

    /** Types the demo tenant serves; derived entity types are not followed (directoryObject has hundreds). */
    private static final List<String> ROOTS = List.of(
            "microsoft.graph.user",
            "microsoft.graph.organization",
            "microsoft.graph.group",
            "microsoft.graph.directoryRole",
            "microsoft.graph.administrativeUnit",
            "microsoft.graph.device",
            "microsoft.graph.unifiedRoleAssignment",
            "microsoft.graph.unifiedRoleDefinition",
            "microsoft.graph.authenticationMethodsPolicy",
            "microsoft.graph.passkeyProfile",
            "microsoft.graph.longRunningOperation",
            "microsoft.graph.subscribedSku",
            "microsoft.graph.conditionalAccessPolicy",
            "microsoft.graph.whatIfAnalysisResult",
            "microsoft.graph.signInConditions",
            "microsoft.graph.authenticationStrengthPolicy",
            "microsoft.graph.userRegistrationDetails",
            "microsoft.graph.directoryAudit",
            "microsoft.graph.signIn",
            "microsoft.graph.passwordResetResponse",
            "microsoft.graph.identitySecurityDefaultsEnforcementPolicy");

    private final Map<String, Element> structured = new LinkedHashMap<>();
    private final Map<String, Element> enums = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();

    @Test
    void regenerateSchemaFixture() throws Exception {
        Path csdl = Path.of(System.getProperty("graphdocs.csdl"));
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(csdl.toFile());
        indexSchemas(document.getElementsByTagNameNS("*", "Schema"));

        Set<String> included = closure();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        ObjectNode source = root.putObject("source");
        source.put("repository", "microsoftgraph/msgraph-metadata");
        source.put("path", "clean_v10_metadata/cleanMetadata.xml");
        source.put("commit", System.getProperty("graphdocs.csdl.commit", "unknown"));
        source.put("license", "MIT");
        ArrayNode roots = root.putArray("roots");
        ROOTS_WITH_DERIVED.forEach(roots::add);
        ROOTS.forEach(roots::add);
        ObjectNode types = root.putObject("types");
        ObjectNode enumTypes = root.putObject("enums");
        for (String name : new java.util.TreeSet<>(included)) {
            if (enums.containsKey(name)) {
                writeEnum(enumTypes.putObject(name), enums.get(name));
            } else {
                writeType(types.putObject(name), structured.get(name));
            }
        }
        Files.createDirectories(OUTPUT.getParent());
        json.writeValue(OUTPUT.toFile(), root);
        assertThat(types.has("microsoft.graph.user")).isTrue();
    }

    private void indexSchemas(NodeList schemas) {
        for (int i = 0; i < schemas.getLength(); i++) {
            Element schema = (Element) schemas.item(i);
            String namespace = schema.getAttribute("Namespace");
            if (!schema.getAttribute("Alias").isEmpty()) {
                aliases.put(schema.getAttribute("Alias"), namespace);
            }
            for (Element child : children(schema)) {
                String name = namespace + "." + child.getAttribute("Name");
                switch (child.getLocalName()) {
                    case "EntityType", "ComplexType" -> structured.put(name, child);
                    case "EnumType" -> enums.put(name, child);
                    default -> { }
                }
            }
        }
    }

    private Set<String> closure() {
        Set<String> included = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(ROOTS);
        for (String root : ROOTS_WITH_DERIVED) {
            pending.add(root);
            pending.addAll(derivedOf(root));
        }
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (!included.add(name) || enums.containsKey(name)) {
                continue;
            }
            Element type = Objects.requireNonNull(structured.get(name), () -> "not in the CSDL: " + name);
            String base = qualified(type.getAttribute("BaseType"));
            if (!base.isEmpty()) {
                pending.add(base);
            }
            boolean complex = "ComplexType".equals(type.getLocalName());
            if (complex) {
                pending.addAll(derivedOf(name));
            }
            for (Element property : children(type)) {
                if ("Property".equals(property.getLocalName())) {
                    String target = elementType(qualified(property.getAttribute("Type")));
                    if (!target.startsWith("Edm.")) {
                        pending.add(target);
                    }
                }
            }
        }
        return included;
    }

    private List<String> derivedOf(String name) {
        List<String> derived = new ArrayList<>();
        for (var entry : structured.entrySet()) {
            String base = qualified(entry.getValue().getAttribute("BaseType"));
            if (base.equals(name)) {
                derived.add(entry.getKey());
                derived.addAll(derivedOf(entry.getKey()));
            }
        }
        return derived;
    }

    private void writeType(ObjectNode out, Element type) {
        out.put("kind", "EntityType".equals(type.getLocalName()) ? "entity" : "complex");
        String base = qualified(type.getAttribute("BaseType"));
        if (!base.isEmpty()) {
            out.put("baseType", base);
        }
        out.put("abstract", Boolean.parseBoolean(type.getAttribute("Abstract")));
        out.put("openType", Boolean.parseBoolean(type.getAttribute("OpenType")));
        Map<String, ObjectNode> properties = new TreeMap<>();
        Map<String, ObjectNode> navigation = new TreeMap<>();
        for (Element property : children(type)) {
            boolean structural = "Property".equals(property.getLocalName());
            if (!structural && !"NavigationProperty".equals(property.getLocalName())) {
                continue;
            }
            ObjectNode node = out.objectNode();
            node.put("type", qualified(property.getAttribute("Type")));
            // CSDL: Nullable defaults to true; for collections it speaks of the elements
            node.put("nullable", !"false".equals(property.getAttribute("Nullable")));
            (structural ? properties : navigation).put(property.getAttribute("Name"), node);
        }
        properties.forEach(out.putObject("properties")::set);
        navigation.forEach(out.putObject("navigationProperties")::set);
    }

    private static void writeEnum(ObjectNode out, Element type) {
        out.put("flags", Boolean.parseBoolean(type.getAttribute("IsFlags")));
        ArrayNode members = out.putArray("members");
        for (Element member : children(type)) {
            if ("Member".equals(member.getLocalName())) {
                members.add(member.getAttribute("Name"));
            }
        }
    }

    private String qualified(String typeName) {
        if (typeName.isEmpty() || typeName.startsWith("Edm.")) {
            return typeName;
        }
        if (typeName.startsWith("Collection(")) {
            return "Collection(" + qualified(elementType(typeName)) + ")";
        }
        int dot = typeName.indexOf('.');
        String prefix = typeName.substring(0, dot);
        return aliases.containsKey(prefix) ? aliases.get(prefix) + typeName.substring(dot) : typeName;
    }

    private static String elementType(String typeName) {
        return typeName.startsWith("Collection(") ? typeName.substring(11, typeName.length() - 1) : typeName;
    }

    private static List<Element> children(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                result.add(element);
            }
        }
        return result;
    }
}
