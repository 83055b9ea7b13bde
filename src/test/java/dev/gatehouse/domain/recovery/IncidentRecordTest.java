package dev.gatehouse.domain.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.domain.journal.JournalEntry;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.PhoneType;
import dev.gatehouse.domain.method.RegistrationEvent;
import dev.gatehouse.domain.recovery.incident.IncidentRecord;
import dev.gatehouse.domain.recovery.incident.IncidentRecordFormat;
import dev.gatehouse.domain.recovery.incident.IncidentRecords;
import dev.gatehouse.domain.tenant.TenantInfo;
import dev.gatehouse.domain.tenant.UserDetail;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.gatehouse.domain.recovery.RecoveryFixtures.ATTACKER_APP;
import static dev.gatehouse.domain.recovery.RecoveryFixtures.AUTHENTICATOR;
import static dev.gatehouse.domain.recovery.RecoveryFixtures.GLOBAL_ADMIN;
import static dev.gatehouse.domain.recovery.RecoveryFixtures.NOW;
import static dev.gatehouse.domain.recovery.RecoveryFixtures.PASSWORD;
import static dev.gatehouse.domain.recovery.RecoveryFixtures.USABLE_TAP;
import static dev.gatehouse.domain.recovery.RecoveryFixtures.admin;
import static dev.gatehouse.domain.recovery.RecoveryFixtures.context;
import static dev.gatehouse.domain.recovery.RecoveryFixtures.phone;
import static dev.gatehouse.domain.recovery.RecoveryFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

/** The incident record built from a recovery's reads and the journal, and its three renderings. */
class IncidentRecordTest {

    private static final String TENANT = "demo tenant";
    private static final String ADMIN = "adele.vance@tailspintoys.com";
    private static final String NAME = "Alex <script>alert(1)</script> Wilber";
    private static final TenantInfo TAILSPIN = new TenantInfo("tenant-1", "Tailspin Toys",
            "tailspintoys.onmicrosoft.com", "tailspintoys.com");

    private final AuthMethod attackerPhone = phone("phone-attacker", "+44 7700900461", PhoneType.ALTERNATE_MOBILE);
    private final UserDetail target = user(NAME, PASSWORD, AUTHENTICATOR, ATTACKER_APP, attackerPhone, USABLE_TAP);
    private final RecoveryContext context = context(admin(GLOBAL_ADMIN), target,
            RegistrationEvent.fromAudit(NOW.minus(Duration.ofHours(20)), "User registered Alternate Mobile Phone",
                    "alex.wilber@tailspintoys.com", "198.51.100.77"),
            RegistrationEvent.fromAudit(ATTACKER_APP.created().plusSeconds(30), "User registered Authenticator App with "
                    + "Notification and Code", "alex.wilber@tailspintoys.com", "198.51.100.77"))
            .withIssuedHere(new IssuedHere(Map.of(USABLE_TAP.id(), USABLE_TAP.created())));

    private JournalEntry entry(Instant at, String step, String title, String status, String message,
                               Map<String, Object> after) {
        return new JournalEntry(at, TENANT, ADMIN, CompromisedAccountPlaybook.TITLE, context.targetLabel(),
                context.targetId(), step, title, status, message, List.of(), Map.of(), after,
                List.of());
    }

    private IncidentRecord record() {
        Instant run = NOW.minus(Duration.ofMinutes(10));
        List<JournalEntry> journal = List.of(
                entry(NOW.minus(Duration.ofDays(9)), "disable", "Disable the account", "DONE", "Long ago.", Map.of()),
                new JournalEntry(run, TENANT, ADMIN, "Reset password", "Someone else", "id-someone-else",
                        "reset-password", "Reset the password", "DONE", "Another user.", List.of(), Map.of(),
                        Map.of(), List.of()),
                entry(run, "disable", "Disable the account", "DONE", "Account disabled.", Map.of()),
                entry(run.plusSeconds(1), "reset-password", "Reset the password", "DONE", "Password reset.",
                        Map.of("mustChangePassword", true)),
                entry(run.plusSeconds(2), "issue-tap", "Issue a Temporary Access Pass", "DONE", "Issued a pass.",
                        Map.of("temporaryAccessPassId", USABLE_TAP.id(), "lifetimeMinutes", 60, "usableOnce", true)),
                entry(run.plusSeconds(3), "enable", "Enable the account", "FAILED", "Graph said 503.", Map.of()));
        return IncidentRecords.of(context, TAILSPIN, TENANT, journal, NOW.minus(Duration.ofDays(7)), ADMIN);
    }

    @Test
    void foundDoneHandedAndLeftComeFromTheReadsAndTheJournalOfThisUserSinceTheDate() {
        IncidentRecord record = record();

        assertThat(record.user().displayName()).isEqualTo(NAME);
        assertThat(record.madeBy()).isEqualTo(ADMIN);
        assertThat(record.recentMethods()).extracting(IncidentRecord.FoundMethod::id)
                .containsExactly(ATTACKER_APP.id(), "phone-attacker");
        IncidentRecord.FoundMethod app = record.methods().get(2);
        assertThat(app.initiatedBy()).as("a dated method's own audit entry says who").isEqualTo(
                "alex.wilber@tailspintoys.com");
        assertThat(app.ipAddress()).isEqualTo("198.51.100.77");
        assertThat(record.methods().get(4).issuedByYou()).isEqualTo(USABLE_TAP.created());
        assertThat(record.methods().get(4).recent()).isFalse();
        assertThat(record.actions()).extracting(IncidentRecord.Action::title, IncidentRecord.Action::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Disable the account", IncidentRecord.Outcome.DONE),
                        org.assertj.core.groups.Tuple.tuple("Reset the password", IncidentRecord.Outcome.DONE),
                        org.assertj.core.groups.Tuple.tuple("Issue a Temporary Access Pass",
                                IncidentRecord.Outcome.DONE),
                        org.assertj.core.groups.Tuple.tuple("Enable the account", IncidentRecord.Outcome.FAILED),
                        org.assertj.core.groups.Tuple.tuple("The run's later steps", IncidentRecord.Outcome.SKIPPED));
        assertThat(record.handedOver()).extracting(IncidentRecord.HandOver::kind).containsExactly(
                IncidentRecord.HandOverKind.TEMPORARY_PASSWORD, IncidentRecord.HandOverKind.TEMPORARY_ACCESS_PASS);
        IncidentRecord.HandOver pass = record.handedOver().get(1);
        assertThat(pass.description()).contains("one-time").contains("1 hour").contains("not recorded");
        assertThat(pass.expires()).isEqualTo(USABLE_TAP.tap().expires());
        assertThat(record.leftToDo()).anyMatch(item -> item.contains("Enable the account") && item.contains("503"))
                .anyMatch(item -> item.contains("SM-A546B"))
                .contains(PortalOnlySteps.HARDWARE_OATH, PortalOnlySteps.CONFIRM_COMPROMISED);
    }

    @Test
    void theHtmlPageIsSelfContainedAndEscapesWhatTheTenantHolds() throws Exception {
        String html = IncidentRecordFormat.HTML.render(record());

        Document page = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.getElementsByTagName("h1").item(0).getTextContent()).as("the name, as the name it is")
                .isEqualTo("Incident record: " + NAME);
        assertThat(page.getElementsByTagName("script").getLength()).isZero();

        assertThat(html).doesNotContain("<script").contains("Alex &lt;script&gt;alert(1)&lt;/script&gt; Wilber")
                .doesNotContain("src=").doesNotContain("href=").contains("<style>")
                .contains("What was found").contains("What was done").contains("What the user was handed")
                .contains("What is left to do").contains("198.51.100.77");
    }

    @Test
    void theMarkdownEscapesMarkupAndKeepsEachTableRowOnOneLine() {
        String md = IncidentRecordFormat.MARKDOWN.render(record());

        assertThat(md).as("every < is escaped").doesNotContainPattern("(?<!\\\\)<").contains("Alex \\<script\\>alert(1)\\</script\\> Wilber")
                .contains("| Enable the account | failed | Graph said 503. |")
                .contains("- [ ] " + PortalOnlySteps.CONFIRM_COMPROMISED.replace(">", "\\>"));
        assertThat(md.lines().filter(line -> line.startsWith("| ")))
                .allSatisfy(line -> assertThat(line).endsWith("|"));
    }

    @Test
    void theJsonUsesGraphsNamesAndKeepsTheValuesExact() throws Exception {
        JsonNode json = new ObjectMapper().readTree(IncidentRecordFormat.JSON.render(record()));

        assertThat(json.at("/user/displayName").asText()).isEqualTo(NAME);
        assertThat(json.at("/tenant/id").asText()).isEqualTo("tenant-1");
        assertThat(json.at("/createdBy/user/userPrincipalName").asText()).isEqualTo(ADMIN);
        JsonNode phone = json.at("/found/methods/3");
        assertThat(phone.at("/@odata.type").asText()).isEqualTo("#microsoft.graph.phoneAuthenticationMethod");
        assertThat(phone.at("/registered/source").asText()).isEqualTo("directoryAudit");
        assertThat(phone.at("/registered/ipAddress").asText()).isEqualTo("198.51.100.77");
        assertThat(phone.at("/recent").asBoolean()).isTrue();
        assertThat(json.at("/done/3/outcome").asText()).isEqualTo("failed");
        assertThat(json.at("/done/4/outcome").asText()).isEqualTo("skipped");
        assertThat(json.at("/handedOver/1/kind").asText()).isEqualTo("temporaryAccessPass");
        assertThat(json.at("/handedOver/1/lifetimeInMinutes").asInt()).isEqualTo(60);
        assertThat(json.at("/handedOver/1/isUsableOnce").asBoolean()).isTrue();
        assertThat(json.at("/handedOver/0/forceChangePasswordNextSignIn").asBoolean()).isTrue();
        assertThat(json.at("/leftToDo").size()).isEqualTo(4);
    }
}
