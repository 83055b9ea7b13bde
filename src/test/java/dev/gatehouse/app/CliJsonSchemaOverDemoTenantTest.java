package dev.gatehouse.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.gatehouse.app.CliOverSim.Result;
import dev.gatehouse.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The --json contract: every command's output over the demo tenant validates against its schema in docs/cli-json,
 * and the schemas are strict enough that a renamed or added property fails.
 */
class CliJsonSchemaOverDemoTenantTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEMAS = Path.of("docs", "cli-json");
    private static final String ALEX = "alex.wilber@tailspintoys.com";
    private static final String SOFIA = "sofia.rossi@tailspintoys.com";
    private static final String GROUP = "Emergency Access Accounts";
    private static final String ID = "https://gatehouse.invalid/cli-json/";
    private static final Pattern SHOWN_PASS = Pattern.compile("Temporary Access Pass to [^(\\n]+\\(([^)]+)\\)"
            + "[\\s\\S]*?shown once and saved nowhere[^\\n]*\\n\\s+(\\S+)");

    @TempDir
    Path data;

    @Test
    void usersListAndUserShowOfEveryUserOfEveryScenarioMatchTheirSchemas() throws Exception {
        List<String> types = new ArrayList<>();
        for (String scenario : List.of("baseline", "compromised", "new-hires", "breakglass-gaps")) {
            try (CliOverSim cli = new CliOverSim(scenario, data.resolve(scenario))) {
                JsonNode list = valid("users-list", cli.run("users", "list", "--top", "500", "--json"));
                for (JsonNode user : list.get("users")) {
                    JsonNode shown = valid("user-show", cli.run("user", "show", user.get("id").asText(), "--json"));
                    shown.get("methods").forEach(method -> types.add(method.get("type").asText()));
                }
            }
        }
        assertThat(types).as("the scenarios cover the method types scripts meet most")
                .contains("password", "phone", "email", "fido2", "microsoftAuthenticator", "softwareOath",
                        "temporaryAccessPass", "windowsHelloForBusiness");
    }

    @Test
    void aUserShownToAnAdminWhoMayNotReadTheirMethodsSaysWhyUnderTheSchemasName() throws Exception {
        try (CliOverSim cli = new CliOverSim("baseline", data)) {
            JsonNode shown = valid("user-show", cli.runAs("sim-user:megan.bowen@tailspintoys.com", "user", "show",
                    ALEX, "--json"));
            assertThat(shown.at("/unreadable/methods").asText()).contains("UserAuthenticationMethod.Read.All");
            assertThat(shown.get("methods")).isEmpty();
        }
    }

    @Test
    void everyRecoveryActionsPlanRunAndExplanationMatchTheSchema() throws Exception {
        try (CliOverSim cli = new CliOverSim("compromised", data)) {
            valid("user-policy", cli.run("user", "policy", ALEX, "--json"));
            JsonNode plan = valid("user-action", cli.run("user", "recover", ALEX, "--dry-run", "--json"));
            assertThat(plan.at("/plan/forecastVerdicts/after")).isNotEmpty();
            for (String action : List.of("reset-password", "require-reregister", "revoke-sessions", "issue-tap",
                    "disable", "enable")) {
                valid("user-action", cli.run("user", action, SOFIA, "--dry-run", "--json"));
            }
            JsonNode noApi = validAnyExit("user-action", cli.run("user", "revoke-mfa-sessions", ALEX, "--json"));
            assertThat(noApi.get("status").asText()).isEqualTo("noApi");
            JsonNode refused = validAnyExit("user-action", cli.run("user", "issue-tap", SOFIA, "--lifetime", "5", "--dry-run",
                    "--json"));
            assertThat(refused.get("status").asText()).isEqualTo("refused");
            JsonNode run = valid("user-action", cli.run("user", "recover", ALEX, "--yes", "--show-secret", "--json"));
            assertThat(run.get("completed").asBoolean()).isTrue();
            JsonNode after = valid("user-show", cli.run("user", "show", ALEX, "--json"));
            assertThat(after.get("methods")).anySatisfy(m -> assertThat(m.get("issuedByYou").isTextual()).isTrue());
        }
    }

    @Test
    void theIncidentRecordAfterARecoveryAndTheFileItWroteMatchTheSchema() throws Exception {
        try (CliOverSim cli = new CliOverSim("compromised", data)) {
            Result recovered = cli.run("user", "recover", ALEX, "--yes", "--show-secret", "--json");
            assertThat(recovered.code()).as(recovered.err()).isEqualTo(ExitCodes.OK);

            JsonNode record = valid("user-record", cli.run("user", "record", ALEX, "--json"));
            valid("user-record", cli.run("user", "record", ALEX, "--format", "json"));
            Result toFile = cli.run("user", "record", ALEX, "--json", "--file", data.resolve("incident.md").toString());
            JsonNode written = valid("user-record", toFile);

            assertThat(record.at("/found/methods")).isNotEmpty();
            assertThat(record.get("done")).isNotEmpty();
            assertThat(record.get("handedOver")).extracting(h -> h.get("kind").asText())
                    .containsExactlyInAnyOrder("temporaryPassword", "temporaryAccessPass");
            assertThat(record.get("leftToDo")).isNotEmpty();
            assertThat(written.get("format").asText()).isEqualTo("md");
            assertThat(toFile.errText()).contains("Wrote the incident record");
            ObjectNode added = record.deepCopy();
            ((ObjectNode) added.get("user")).put("mail", "alex@example.com");
            ObjectNode renamed = record.deepCopy();
            ((ObjectNode) renamed.get("done").get(0)).put("outcome", "DONE");
            assertThat(errors("user-record", added)).isNotEmpty();
            assertThat(errors("user-record", renamed)).isNotEmpty();
        }
    }

    @Test
    void breakglassStatusMatchesItsSchemaWithAndWithoutAGroup() throws Exception {
        try (CliOverSim cli = new CliOverSim("baseline", data)) {
            validAnyExit("breakglass-status", cli.run("breakglass", "status", "--json"));
            JsonNode status = validAnyExit("breakglass-status", cli.run("breakglass", "status", "--breakglass-group",
                    GROUP, "--json"));
            assertThat(status.get("accounts")).hasSize(2);
        }
    }

    @Test
    void everyDocumentTheBreakglassSetUpPrintsMatchesItsSchemaFromDryRunToCleanUp() throws Exception {
        try (CliOverSim cli = new CliOverSim("breakglass-gaps", data)) {
            assertThat(cli.run("breakglass", "group", "--set", GROUP).code()).isEqualTo(ExitCodes.OK);
            validStream("breakglass-setup", cli.run("breakglass", "setup", "--dry-run", "--json"));
            Result setUp = cli.run("breakglass", "setup", "--yes", "--show-secret");
            assertThat(setUp.code()).as(setUp.err()).isEqualTo(ExitCodes.OK);
            Matcher pass = SHOWN_PASS.matcher(setUp.out());
            while (pass.find()) {
                cli.demo().signInWithTemporaryAccessPass(pass.group(1), pass.group(2));
                cli.demo().registerPasskey(pass.group(1), "Demo key", "ee882879-721c-4913-9775-3dfcce97072a");
            }
            validStream("breakglass-setup", cli.run("breakglass", "setup", "--dry-run", "--json"));
            validStream("breakglass-setup", cli.run("breakglass", "finish", "--dry-run", "--json"));
            List<JsonNode> finished = validStream("breakglass-setup", cli.run("breakglass", "finish", "--yes",
                    "--json"));
            assertThat(finished).anySatisfy(doc -> assertThat(doc.path("completed").asBoolean()).isTrue());
            validStream("breakglass-exclude", cli.run("breakglass", "exclude", "--dry-run", "--json"));
            validStream("breakglass-mfa-policy", cli.run("breakglass", "mfa-policy", "--dry-run", "--json"));
            assertThat(cli.run("breakglass", "mfa-policy", "--yes").code()).isEqualTo(ExitCodes.OK);
            validStream("breakglass-mfa-policy", cli.run("breakglass", "mfa-policy", "--on", "--dry-run", "--json"));
        }
    }

    @Test
    void theRegistrationPolicysStatusAndPreflightMatchTheirSchemasWithAndWithoutAPolicyOnTheAction() throws Exception {
        for (String scenario : List.of("baseline", "new-hires", "registration-conflict")) {
            try (CliOverSim cli = new CliOverSim(scenario, data.resolve(scenario))) {
                validAnyExit("policy-registration-status", cli.run("policy", "registration", "status", "--json"));
                validAnyExit("policy-registration-check", cli.run("policy", "registration", "check", "--json"));
            }
        }
    }

    @Test
    void aRenamedOrAddedPropertyOrAnEnumValueInJavasSpellingFailsTheSchema() throws Exception {
        try (CliOverSim cli = new CliOverSim("compromised", data)) {
            JsonNode shown = valid("user-show", cli.run("user", "show", ALEX, "--json"));
            JsonNode plan = valid("user-action", cli.run("user", "recover", ALEX, "--dry-run", "--json"));

            ObjectNode renamed = shown.deepCopy();
            ObjectNode phone = (ObjectNode) StreamSupport.stream(renamed.get("methods").spliterator(), false)
                    .filter(m -> m.get("type").asText().equals("phone")).findFirst().orElseThrow().get("details");
            phone.set("number", phone.remove("phoneNumber"));
            ObjectNode javaEnum = shown.deepCopy();
            ((ObjectNode) javaEnum.get("methods").get(1)).put("type", "MICROSOFT_AUTHENTICATOR");
            ObjectNode added = shown.deepCopy();
            ((ObjectNode) added.get("profile")).put("syncState", "CLOUD_ONLY");
            ObjectNode missing = plan.deepCopy();
            ((ObjectNode) missing.at("/plan/forecastVerdicts/after/0")).remove("verdict");

            assertThat(errors("user-show", renamed)).isNotEmpty();
            assertThat(errors("user-show", javaEnum)).isNotEmpty();
            assertThat(errors("user-show", added)).isNotEmpty();
            assertThat(errors("user-action", missing)).isNotEmpty();
        }
    }

    @Test
    void everySchemaIsDraft2020AndNamedAfterItsCommand() throws IOException {
        try (var files = Files.list(SCHEMAS)) {
            List<Path> schemas = files.filter(f -> f.toString().endsWith(".schema.json")).toList();
            assertThat(schemas).isNotEmpty();
            for (Path file : schemas) {
                JsonNode schema = JSON.readTree(file.toFile());
                assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
                assertThat(schema.get("$id").asText()).isEqualTo(ID + file.getFileName());
            }
        }
    }

    /** Commands that walk stages print one document per stage; each must match. */
    private static List<JsonNode> validStream(String schema, Result result) throws IOException {
        assertThat(result.code()).as(result.err()).isIn(ExitCodes.OK, ExitCodes.NOT_ALLOWED);
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> each = JSON.readerFor(JsonNode.class).readValues(result.out())) {
            each.forEachRemaining(documents::add);
        }
        assertThat(documents).as(result.out()).isNotEmpty();
        for (JsonNode document : documents) {
            assertThat(errors(schema, document)).as(schema + " for " + document.toPrettyString()).isEmpty();
        }
        return documents;
    }

    private static JsonNode valid(String schema, Result result) throws IOException {
        assertThat(result.code()).as(result.err()).isEqualTo(ExitCodes.OK);
        return validAnyExit(schema, result);
    }

    private static JsonNode validAnyExit(String schema, Result result) throws IOException {
        JsonNode json = JSON.readTree(result.out());
        assertThat(errors(schema, json)).as(schema + " for " + result.out()).isEmpty();
        return json;
    }

    /** Each schema by its $id, read from docs/cli-json (never fetched): one schema may use another's definitions. */
    private static List<String> errors(String name, JsonNode json) throws IOException {
        Map<String, String> byId = new HashMap<>();
        try (var files = Files.list(SCHEMAS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".schema.json")).toList()) {
                byId.put(ID + file.getFileName(), Files.readString(file));
            }
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(byId));
        Schema schema = registry.getSchema(SchemaLocation.of(ID + name + ".schema.json"));
        return schema.validate(json).stream().map(Error::toString).collect(Collectors.toList());
    }
}
