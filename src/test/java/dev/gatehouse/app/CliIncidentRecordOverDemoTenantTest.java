package dev.gatehouse.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.domain.recovery.PortalOnlySteps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `gatehouse user record` end to end over the compromised demo tenant: picocli → recovery desk → Graph SDK → HTTP.
 * Before a recovery the record finds the attacker's methods and who registered them from where; after the playbook it
 * says what was done, what the user was handed and what is left, and never the pass or the password.
 */
class CliIncidentRecordOverDemoTenantTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALEX = "alex.wilber@tailspintoys.com";

    @TempDir
    Path data;

    @TempDir
    Path folder;

    @Test
    void theRecordSaysWhatWasFoundDoneHandedAndLeftAndNeverASecret() throws Exception {
        try (CliOverSim cli = new CliOverSim("compromised", data)) {
            CliOverSim.Result before = cli.run("user", "record", ALEX, "--format", "json");
            assertThat(before.code()).as(before.err()).isEqualTo(ExitCodes.OK);
            JsonNode found = JSON.readTree(before.out());
            List<JsonNode> recent = StreamSupport.stream(found.at("/found/methods").spliterator(), false)
                    .filter(m -> m.path("recent").asBoolean()).toList();
            assertThat(recent).extracting(m -> m.path("@odata.type").asText()).contains(
                    "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
                    "#microsoft.graph.phoneAuthenticationMethod");
            JsonNode attackerPhone = recent.stream().filter(m -> m.path("@odata.type").asText().contains("phone"))
                    .findFirst().orElseThrow();
            assertThat(attackerPhone.at("/registered/source").asText()).isEqualTo("directoryAudit");
            assertThat(attackerPhone.at("/registered/registeredBy").asText()).isEqualTo(ALEX);
            assertThat(attackerPhone.at("/registered/ipAddress").asText()).isNotBlank();
            assertThat(found.path("done")).isEmpty();

            CliOverSim.Result recovered = cli.run("user", "recover", ALEX, "--yes", "--show-secret", "--json");
            assertThat(recovered.code()).as(recovered.err()).isEqualTo(ExitCodes.OK);
            List<String> secrets = StreamSupport.stream(JSON.readTree(recovered.out()).path("secrets").spliterator(),
                    false).map(s -> s.path("value").asText()).toList();
            assertThat(secrets).hasSize(2).allSatisfy(secret -> assertThat(secret).hasSizeGreaterThan(7));

            CliOverSim.Result json = cli.run("user", "record", ALEX, "--format", "json");
            CliOverSim.Result markdown = cli.run("user", "record", ALEX);
            assertThat(json.code()).as(json.err()).isEqualTo(ExitCodes.OK);
            assertThat(markdown.code()).as(markdown.err()).isEqualTo(ExitCodes.OK);
            JsonNode after = JSON.readTree(json.out());
            assertThat(after.path("done")).hasSize(7).allSatisfy(step -> assertThat(step.path("outcome").asText())
                    .isEqualTo("done"));
            assertThat(after.path("done").get(0).at("/initiatedBy/user/userPrincipalName").asText()).isEqualTo(
                    after.at("/createdBy/user/userPrincipalName").asText());
            assertThat(StreamSupport.stream(after.path("handedOver").spliterator(), false)
                    .map(h -> h.path("kind").asText())).containsExactly("temporaryPassword", "temporaryAccessPass");
            JsonNode pass = after.path("handedOver").get(1);
            assertThat(pass.path("isUsableOnce").asBoolean()).isTrue();
            assertThat(pass.path("expirationDateTime").asText()).isNotBlank();
            assertThat(StreamSupport.stream(after.at("/found/methods").spliterator(), false)
                    .filter(m -> m.path("recent").asBoolean())).as("what this admin issued is not the attacker's")
                    .isEmpty();
            assertThat(StreamSupport.stream(after.path("leftToDo").spliterator(), false).map(JsonNode::asText))
                    .contains(PortalOnlySteps.HARDWARE_OATH, PortalOnlySteps.CONFIRM_COMPROMISED);
            assertThat(markdown.out()).contains("## What was found").contains("## What was done")
                    .contains("## What the user was handed").contains("## What is left to do")
                    .contains("| Issue a Temporary Access Pass | done |").contains("Confirm user compromised");

            Path html = folder.resolve("incident.html");
            CliOverSim.Result saved = cli.run("user", "record", ALEX, "--file", html.toString());
            assertThat(saved.code()).as(saved.err()).isEqualTo(ExitCodes.OK);
            assertThat(saved.text()).contains("Wrote the incident record").contains("No password or pass is in it");
            String page = Files.readString(html);
            assertThat(page).startsWith("<!DOCTYPE html>").contains("What is left to do");

            for (String secret : secrets) {
                assertThat(json.out()).doesNotContain(secret);
                assertThat(markdown.out()).doesNotContain(secret);
                assertThat(page).doesNotContain(secret);
            }

            Files.writeString(html, "the record in the ticket");
            CliOverSim.Result again = cli.run("user", "record", ALEX, "--file", html.toString());
            assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(again.errText()).contains("exists already").contains("--force");
            assertThat(Files.readString(html)).isEqualTo("the record in the ticket");
            CliOverSim.Result forced = cli.run("user", "record", ALEX, "--file", html.toString(), "--force");
            assertThat(forced.code()).as(forced.err()).isEqualTo(ExitCodes.OK);
            assertThat(Files.readString(html)).contains("Incident record");
        }
    }

    @Test
    void aDateOrFormatItCannotReadIsRefusedInASentenceBeforeTheTenantIsAsked() {
        try (CliOverSim cli = new CliOverSim("compromised", data)) {
            CliOverSim.Result since = cli.run("user", "record", ALEX, "--since", "yesterday");
            CliOverSim.Result format = cli.run("user", "record", ALEX, "--format", "pdf");

            assertThat(since.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(since.errText()).contains("--since expects a date such as 2026-12-01, or a moment such as "
                    + "2026-12-01T09:30:00Z: 'yesterday'");
            assertThat(format.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(format.errText()).contains("--format expects md, html or json: 'pdf'");
            assertThat(since.out() + format.out()).isEmpty();
        }
    }

    @Test
    void withJsonStandardOutputIsOneJsonDocumentOrNothing() throws Exception {
        try (CliOverSim cli = new CliOverSim("compromised", data)) {
            Path markdown = folder.resolve("incident.md");
            CliOverSim.Result written = cli.run("user", "record", ALEX, "--json", "--file", markdown.toString());
            CliOverSim.Result md = cli.run("user", "record", ALEX, "--json", "--format", "md");
            CliOverSim.Result html = cli.run("user", "record", ALEX, "--format", "HTML", "--json");

            assertThat(written.code()).as(written.err()).isEqualTo(ExitCodes.OK);
            JsonNode file = JSON.readTree(written.out());
            assertThat(file.path("file").asText()).isEqualTo(markdown.toString());
            assertThat(file.path("format").asText()).isEqualTo("md");
            assertThat(written.errText()).contains("Wrote the incident record").contains("No password or pass");
            assertThat(Files.readString(markdown)).startsWith("# Incident record");
            assertThat(md.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(md.errText()).contains("--json prints the record as JSON, so leave out --format md, or add "
                    + "--file to write it as Markdown to a file.");
            assertThat(html.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(html.errText()).contains("leave out --format HTML");
            assertThat(md.out() + html.out()).isEmpty();
        }
    }

    @Test
    void aFileTheDiskRefusesIsAFailureNotAUsageError() throws Exception {
        try (CliOverSim cli = new CliOverSim("compromised", data)) {
            Path folderInTheWay = Files.createDirectory(folder.resolve("incident.md"));
            Files.writeString(folderInTheWay.resolve("notes.txt"), "kept");

            CliOverSim.Result refused = cli.run("user", "record", ALEX, "--file", folderInTheWay.toString(), "--force");

            assertThat(refused.code()).isEqualTo(ExitCodes.FAILED);
            assertThat(refused.errText()).contains("Could not write " + folderInTheWay).doesNotContain("unexpected");
            assertThat(refused.out()).isEmpty();
            assertThat(Files.readString(folderInTheWay.resolve("notes.txt"))).isEqualTo("kept");
        }
    }
}
