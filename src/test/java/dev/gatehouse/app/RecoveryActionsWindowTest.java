package dev.gatehouse.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.recovery.PasswordGenerator;
import dev.gatehouse.ui.GatehouseRobot;
import dev.gatehouse.ui.common.TimeText;
import dev.gatehouse.ui.users.MethodRow;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.GridPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every recovery action through the window, like an admin: open a user, press the action, read what the plan or
 * the explanation says, confirm, and see what the users panel shows once it has read the user back from the demo
 * tenant. The real app on the real demo tenant (scenario {@code baseline}) through the real Graph gateway; a fresh
 * app, and so a fresh tenant, for every test.
 */
class RecoveryActionsWindowTest extends GatehouseRobot {

    private static final String JUST_NOW = "(just now)";

    private final RecordingConnector connector = new RecordingConnector();
    private Application app;

    @BeforeEach
    void open() throws Exception {
        app = openWindow(connector, "baseline");
    }

    @AfterEach
    void close() throws Exception {
        closeWindow(app);
    }

    @Test
    void resetPasswordShowsTheTemporaryPasswordOnceHiddenAndSplittableAndTheUserMustChangeIt() throws Exception {
        String upn = "pradeep.gupta@tailspintoys.com";
        openUser("pradeep", upn);
        String passwordChanged = fact("Last password change");
        String sessions = fact("Sign-in sessions valid from");

        clickOn("#actionResetPassword");
        waitForPlan();
        assertThat(label("#planTitle")).isEqualTo("Reset password");
        assertThat(windowText("#planTitle")).contains("16-character temporary password", "must change at next sign-in",
                "obtained with the password", "shown to you once");
        assertNothingSent(0, "Last password change", passwordChanged);

        assertThat(confirmPlan()).startsWith("The one step");
        assertThat(lookup(".secret-title").queryAs(Label.class).getText()).startsWith("Temporary password");
        assertThat(secretText("#secretValue")).as("hidden until revealed").isEqualTo(GraphRequest.SECRET_MASK);
        clickOn("#revealSecret");
        String password = secretText("#secretValue");
        assertThat(password).hasSize(PasswordGenerator.LENGTH).isNotEqualTo(GraphRequest.SECRET_MASK);
        clickOn("#splitSecret");
        waitUntil(() -> !secretText("#secretPart2").isEmpty());
        assertThat(secretText("#secretValue")).isNotEmpty();
        assertThat(secretText("#secretValue") + secretText("#secretPart2")).isEqualTo(password);
        closePlan();

        waitUntil(() -> fact("Last password change").endsWith(JUST_NOW));
        assertThat(fact("Sign-in sessions valid from")).isNotEqualTo(sessions).endsWith(JUST_NOW);
        assertThat(fact("Last password change")).isNotEqualTo(passwordChanged);
        JsonNode signIn = connector.controls().signInWithPassword(upn, password);
        assertThat(signIn.path("outcome").asText()).isEqualTo("passwordAccepted");
        assertThat(signIn.path("mustChangePassword").asBoolean()).isTrue();
    }

    @Test
    void theIncidentRecordAfterAResetSaysWhatWasDoneAndHandedOverButNotThePassword() throws Exception {
        openUser("pradeep", "pradeep.gupta@tailspintoys.com");
        clickOn("#actionResetPassword");
        waitForPlan();
        assertThat(confirmPlan()).startsWith("The one step");
        clickOn("#revealSecret");
        String password = secretText("#secretValue");
        closePlan();

        more("#actionIncidentRecord", "Incident record\u2026");
        waitUntil(() -> lookup("#recordText").tryQuery().map(area -> ((TextArea) area).getText()
                .contains("## What is left to do")).orElse(false));
        String record = lookup("#recordText").queryAs(TextArea.class).getText();
        assertThat(record).startsWith("# Incident record: Pradeep Gupta")
                .contains("| Reset password | Reset the password | done |")
                .contains("Temporary password: A temporary password, which the user must change at their next sign-in")
                .doesNotContain(password);
        assertThat(lookup("#recordSave").queryAs(Button.class).isDisabled()).isFalse();
        clickOn("#recordClose");
        waitUntil(() -> lookup("#recordText").tryQuery().isEmpty());
    }

    @Test
    void revokeSessionsMovesSignInSessionsValidFromToNowAndLeavesThePassword() throws Exception {
        openUser("megan", "megan.bowen@tailspintoys.com");
        String sessions = fact("Sign-in sessions valid from");
        String passwordChanged = fact("Last password change");

        clickOn("#actionRevokeSessions");
        waitForPlan();
        assertThat(label("#planTitle")).isEqualTo("Revoke sign-in sessions");
        assertThat(windowText("#planTitle")).contains("every refresh token and session cookie",
                "Methods and password do not change", "up to about an hour");
        assertNothingSent(0, "Sign-in sessions valid from", sessions);

        assertThat(confirmPlan()).startsWith("The one step");
        closePlan();

        waitUntil(() -> fact("Sign-in sessions valid from").endsWith(JUST_NOW));
        assertThat(fact("Sign-in sessions valid from")).isNotEqualTo(sessions);
        assertThat(fact("Last password change")).isEqualTo(passwordChanged);
        assertThat(connector.userWrites()).isEqualTo(1);
    }

    @Test
    void issueTapShowsThePolicyLimitsRefusesAnOutOfRangeLifetimeAndIssuesExactlyOnePass() throws Exception {
        String upn = "sandra.chen@tailspintoys.com";
        openUser("sandra", upn);
        int methodsBefore = methods().getItems().size();

        clickOn("#actionIssueTap");
        waitUntil(() -> lookup("#tapLifetime").tryQuery().isPresent());
        assertThat(windowText("#tapLifetime")).contains("allows 60\u2013480 minutes (default 60)");
        assertThat(lookup("#tapLifetime").queryAs(TextField.class).getText()).isEqualTo("60");

        lifetime("30");
        clickOn("#tapShowPlan");
        waitUntil(() -> !label("#tapProblem").isEmpty());
        assertThat(label("#tapProblem")).isEqualTo("30 minutes is outside this tenant's TAP policy: enter "
                + "60\u2013480 minutes.");
        assertThat(lookup("#confirmPlan").tryQuery()).as("no plan for a refused lifetime").isEmpty();
        assertThat(connector.userWrites()).isZero();

        lifetime("120");
        clickOn("#tapMultiUse");
        clickOn("#tapShowPlan");
        waitForPlan();
        assertThat(label("#planTitle")).isEqualTo("Issue Temporary Access Pass");
        assertThat(windowText("#planTitle")).contains("multi-use Temporary Access Pass valid for 2 hours",
                "It removes no other method");
        assertThat(methods().getItems()).hasSize(methodsBefore);
        assertThat(connector.userWrites()).isZero();

        Instant sent = Instant.now();
        assertThat(confirmPlan()).startsWith("The one step");
        Instant answered = Instant.now();
        assertThat(lookup(".secret-title").queryAs(Label.class).getText()).startsWith("Temporary Access Pass");
        ZoneId zone = ZoneId.systemDefault();
        assertThat(label("#secretExpiry")).as("the pass's expiry, two hours on").isIn(
                expiry(sent.plus(Duration.ofMinutes(120)), zone), expiry(answered.plus(Duration.ofMinutes(120)), zone));
        clickOn("#revealSecret");
        String pass = secretText("#secretValue");
        assertThat(pass).as("the policy's default length").hasSize(8);
        closePlan();

        waitUntil(() -> methods().getItems().size() == methodsBefore + 1);
        assertThat(methods().getItems()).filteredOn(row -> row.type() == MethodType.TEMPORARY_ACCESS_PASS)
                .singleElement().satisfies(row -> assertThat(row.facts()).as("what the plan said")
                        .containsEntry("Lifetime", "120 minutes").containsEntry("One-time", "No"));
        assertThat(connector.controls().signInWithTemporaryAccessPass(upn, pass).path("outcome").asText())
                .isEqualTo("signedIn");
    }

    @Test
    void deleteMethodDeletesTheSelectedOathTokenAndCannotDeleteThePassword() throws Exception {
        openUser("sofia", "sofia.rossi@tailspintoys.com");
        List<MethodType> before = methods().getItems().stream().map(MethodRow::type).toList();
        assertThat(before).contains(MethodType.PASSWORD, MethodType.SOFTWARE_OATH, MethodType.PHONE);

        selectMethod(row -> row.type() == MethodType.PASSWORD);
        assertThat(lookup("#actionDeleteMethod").queryAs(Button.class).isDisabled()).isTrue();

        selectMethod(row -> row.type() == MethodType.SOFTWARE_OATH);
        assertThat(lookup("#actionDeleteMethod").queryAs(Button.class).isDisabled()).isFalse();
        clickOn("#actionDeleteMethod");
        waitForPlan();
        assertThat(label("#planTitle")).isEqualTo("Delete Software OATH token");
        assertThat(windowText("#planTitle")).contains("This method will be deleted: Software OATH token",
                "These stay: ");
        assertThat(methods().getItems()).extracting(MethodRow::type).containsExactlyElementsOf(before);
        assertThat(connector.userWrites()).isZero();

        assertThat(confirmPlan()).startsWith("The one step");
        closePlan();

        waitUntil(() -> methods().getItems().stream().noneMatch(row -> row.type() == MethodType.SOFTWARE_OATH));
        assertThat(methods().getItems()).extracting(MethodRow::type)
                .containsExactlyInAnyOrderElementsOf(before.stream().filter(t -> t != MethodType.SOFTWARE_OATH).toList());
    }

    @Test
    void disableThenEnableFlipsTheAccountFactEachTime() throws Exception {
        openUser("priya", "priya.nair@tailspintoys.com");
        assertThat(fact("Account")).isEqualTo("Enabled");

        more("#actionAccountState", "Disable account");
        waitForPlan();
        assertThat(label("#planTitle")).isEqualTo("Disable account");
        assertThat(windowText("#planTitle")).contains("cannot sign in or get new tokens from now on",
                "Access tokens already issued are not recalled");
        assertNothingSent(0, "Account", "Enabled");
        confirmPlan();
        closePlan();
        waitUntil(() -> fact("Account").startsWith("Disabled"));

        more("#actionAccountState", "Enable account");
        waitForPlan();
        assertThat(label("#planTitle")).isEqualTo("Enable account");
        assertThat(windowText("#planTitle")).contains("can sign in again");
        assertNothingSent(1, "Account", "Disabled \u2014 the user cannot sign in");
        confirmPlan();
        closePlan();
        waitUntil(() -> fact("Account").equals("Enabled"));
        assertThat(connector.userWrites()).isEqualTo(2);
    }

    @Test
    void aSyncedAccountIsNotDisabledHereAndTheExplanationSaysWhy() throws Exception {
        openUser("irvin", "irvin.sayers@tailspintoys.com");

        more("#actionAccountState", "Disable account");
        waitUntil(() -> lookup("#explanation").tryQuery().isPresent());
        assertThat(windowText("#explanation")).contains("Disable account: not possible");
        assertThat(label("#explanation")).contains("synced from on-premises Active Directory",
                "Disable the account in Active Directory");
        clickOn("#closeExplanation");
        waitUntil(() -> lookup("#explanation").tryQuery().isEmpty());

        assertThat(fact("Account")).isEqualTo("Enabled");
        assertThat(connector.userWrites()).isZero();
    }

    @Test
    void revokeMfaSessionsSaysGraphHasNoApiAndOffersRevokingSignInSessionsInstead() throws Exception {
        openUser("megan", "megan.bowen@tailspintoys.com");

        more("#actionRevokeMfaSessions", "Revoke MFA sessions\u2026");
        waitUntil(() -> lookup("#explanation").tryQuery().isPresent());
        assertThat(windowText("#explanation")).contains("Revoke MFA sessions: no Graph API", "Instead:");
        assertThat(label("#explanation")).contains("Microsoft Graph has no API for \"Revoke MFA sessions\"",
                "does not sign them out of browser sessions");
        Button instead = lookup("#alternativeAction").queryAs(Button.class);
        assertThat(instead.getText()).isEqualTo("Revoke sign-in sessions\u2026");

        clickOn(instead);
        waitForPlan();
        assertThat(lookup("#explanation").tryQuery()).isEmpty();
        assertThat(label("#planTitle")).isEqualTo("Revoke sign-in sessions");
        clickOn("#cancelPlan");
        waitUntil(() -> lookup("#confirmPlan").tryQuery().isEmpty());
        assertThat(connector.userWrites()).isZero();
    }

    @Test
    void theMethodsPolicyWindowSaysForEachMethodWhetherItIsOnForTheUserAndThroughWhat() throws Exception {
        openUser("sandra", "sandra.chen@tailspintoys.com");

        more("#actionMethodsPolicy", "View authentication methods policy");
        waitUntil(() -> lookup("#methodsPolicy").tryQuery().isPresent());
        assertThat(windowText("#methodsPolicy")).contains("Authentication methods policy for Sandra Chen");
        Map<String, String> states = policyStates();

        // the baseline tenant's eight method configurations, all targeting all users; voice and certificates are off
        assertThat(states).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Passkey (FIDO2)", "Enabled via All users",
                "Microsoft Authenticator", "Enabled via All users",
                "SMS", "Enabled via All users",
                "Voice call", "Not enabled",
                "Temporary Access Pass", "Enabled via All users",
                "Third-party software OATH tokens", "Enabled via All users",
                "Email OTP", "Enabled via All users",
                "Certificate-based authentication", "Not enabled"));
        assertThat(lookup("#methodsPolicy .label").queryAllAs(Label.class)).as("no method or state cut short")
                .filteredOn(label -> GridPane.getColumnIndex(label) == null || GridPane.getColumnIndex(label) < 2)
                .allSatisfy(label -> assertThat(label.getWidth()).as(label.getText())
                        .isGreaterThanOrEqualTo(label.prefWidth(-1) - 0.5));
        clickOn("Close");
        waitUntil(() -> lookup("#methodsPolicy").tryQuery().isEmpty());
    }

    @Test
    void anAuthenticationAdministratorPressingResetPasswordOnAGlobalAdministratorIsToldWhoCould() throws Exception {
        connector.controls().actAs("patti.fernandez@tailspintoys.com");
        openUser("isaiah", "isaiah.langer@tailspintoys.com");

        clickOn("#actionResetPassword");
        waitUntil(() -> lookup("#explanation").tryQuery().isPresent());
        assertThat(windowText("#explanation")).contains("Reset password: not possible");
        assertThat(label("#explanation")).contains("You cannot reset the password of Isaiah Langer",
                "they hold Global Administrator", "Privileged Authentication Administrator",
                "You hold Authentication Administrator");
        assertThat(lookup("#confirmPlan").tryQuery()).isEmpty();
        clickOn("#closeExplanation");

        clickOn("#nav-activity");
        @SuppressWarnings("unchecked")
        TableView<GraphCall> calls = lookup("#callTable").queryAs(TableView.class);
        waitUntil(() -> calls.getItems().stream().anyMatch(call -> call.pathAndQuery().contains("roleAssignments")));
        assertThat(calls.getItems()).as("no write request was sent").noneMatch(RecordingConnector::changesAUser);
    }

    /** Before Confirm: no request changed a user beyond {@code writes} earlier ones, and the fact still reads as it did. */
    private void assertNothingSent(long writes, String fact, String value) {
        assertThat(connector.userWrites()).as("nothing is sent before Confirm").isEqualTo(writes);
        assertThat(fact(fact)).isEqualTo(value);
    }

    /** Opens "More" and picks an item, checking its wording first. */
    private void more(String item, String text) throws Exception {
        clickOn("#actionMore");
        waitUntil(() -> lookup(item).tryQuery().isPresent());
        assertThat(((Label) lookup(item).query().lookup(".label")).getText()).isEqualTo(text);
        clickOn(item);
    }

    private void lifetime(String minutes) {
        clickOn("#tapLifetime").push(KeyCode.SHORTCUT, KeyCode.A).write(minutes);
    }

    private String secretText(String query) {
        return lookup(query).queryAs(TextField.class).getText();
    }

    private static String expiry(Instant at, ZoneId zone) {
        return "Valid until " + TimeText.dateTime(at, zone) + " (" + TimeText.zoneName(zone) + ")";
    }

    /** The policy window's "For this user" column, by method label. */
    private Map<String, String> policyStates() {
        GridPane grid = lookup("#methodsPolicy").queryAs(GridPane.class);
        Map<Integer, String> methodByRow = new LinkedHashMap<>();
        Map<Integer, String> stateByRow = new LinkedHashMap<>();
        for (Node cell : grid.getChildren()) {
            Integer row = GridPane.getRowIndex(cell);
            Integer column = GridPane.getColumnIndex(cell);
            if (row == null || row == 0 || !(cell instanceof Label label)) {
                continue;
            }
            if (column == null || column == 0) {
                methodByRow.put(row, label.getText());
            } else if (column == 1) {
                stateByRow.put(row, label.getText());
            }
        }
        Map<String, String> states = new LinkedHashMap<>();
        methodByRow.forEach((row, method) -> states.put(method, stateByRow.get(row)));
        return states;
    }
}
