package dev.gatehouse.ui.registration;

import dev.gatehouse.domain.registration.BulkTapUser;
import dev.gatehouse.domain.registration.PreflightCheck;
import dev.gatehouse.domain.registration.WhatIfComparison;
import dev.gatehouse.ui.common.Badge;
import dev.gatehouse.ui.common.Badge.Tone;
import dev.gatehouse.ui.common.VisibleText;
import dev.gatehouse.ui.plan.ClipboardAccess;
import dev.gatehouse.ui.wizard.WizardStage;
import dev.gatehouse.ui.wizard.WizardViewModel;
import dev.gatehouse.ui.wizard.WizardWindow;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;

import static dev.gatehouse.ui.wizard.FormNodes.hiddenWhenEmpty;
import static dev.gatehouse.ui.wizard.FormNodes.boundNote;
import static dev.gatehouse.ui.wizard.FormNodes.check;
import static dev.gatehouse.ui.wizard.FormNodes.column;
import static dev.gatehouse.ui.wizard.FormNodes.heading;
import static dev.gatehouse.ui.wizard.FormNodes.note;
import static dev.gatehouse.ui.wizard.FormNodes.problem;
import static dev.gatehouse.ui.wizard.FormNodes.sub;
import static dev.gatehouse.ui.wizard.FormNodes.listOf;
import static dev.gatehouse.ui.registration.RegistrationNodes.section;
import static dev.gatehouse.ui.wizard.FormNodes.wrapped;

/**
 * The registration-policy wizard's window: each step's form in the left column, and beside it the stage's plan — or,
 * for a step that sends nothing, its checks, consequences, exports or What If table.
 */
public final class RegistrationWizardView {

    private RegistrationWizardView() {
    }

    public static Stage show(Window owner, RegistrationWizard wizard, ClipboardAccess clipboard) {
        WizardViewModel viewModel = wizard.open();
        return WizardWindow.show(owner, "registration-policy", "Registration policy \u2014 protect security-info "
                + "registration", viewModel, stage -> form(wizard, stage, owner, clipboard), stage -> details(wizard,
                stage));
    }

    static Node form(RegistrationWizard wizard, WizardStage stage, Window owner, ClipboardAccess clipboard) {
        if (stage == wizard.preflight().step()) {
            return preflightForm(wizard.preflight());
        }
        if (stage == wizard.passesStage()) {
            return passesForm(wizard.passes());
        }
        if (stage == wizard.designStep()) {
            return designForm(wizard.design());
        }
        if (stage == wizard.review().step()) {
            return reviewForm(wizard.review(), owner, clipboard);
        }
        if (stage == wizard.whatIf().step()) {
            return whatIfForm(wizard.whatIf());
        }
        if (stage == wizard.pilotStage()) {
            return column(heading("Turn on for the pilot group"), note("Turns the policy on for the pilot group "
                    + "chosen in What If, and only for it. The lock-out guard checks the emergency-access accounts "
                    + "and you before anything is sent."), boundNote(Bindings.createStringBinding(() ->
                    wizard.whatIf().pilotGroupFound().isEmpty() ? "No pilot group yet: choose it in What If."
                            : "Pilot group: " + wizard.whatIf().pilotGroupFound(), wizard.whatIf().agreedProperty(),
                    wizard.whatIf().pilotGroupProperty())));
        }
        if (stage == wizard.everyoneStage()) {
            return column(heading("Turn on for everyone"), note("Turns the policy on for All users, guests and the "
                    + "emergency-access group excluded as designed. The lock-out guard refuses before any request if "
                    + "every emergency-access account would be covered, or if you could not register afterwards."));
        }
        return column(heading("Save in report-only"), note("Creates the authentication strength if the tenant has "
                + "none that allows exactly a passkey or a one-time pass, then saves the policy in report-only. "
                + "Report-only is not evaluated for user actions: it protects nothing yet; What If, next, shows whom "
                + "it would reach."));
    }

    static Node details(RegistrationWizard wizard, WizardStage stage) {
        if (stage == wizard.preflight().step()) {
            VBox checks = listOf(wizard.preflight().checks(), RegistrationWizardView::checkCard);
            checks.setId("preflightChecks");
            return checks;
        }
        if (stage == wizard.designStep()) {
            VBox consequences = listOf(wizard.design().consequences(), line -> wrapped(VisibleText.show(new Label(),
                    "\u2022 " + line)));
            VBox notCarried = listOf(wizard.design().notCarried(), line -> wrapped(VisibleText.show(new Label(),
                    "\u2022 " + line)));
            Node kept = section("Not carried over from the existing policy", notCarried);
            kept.visibleProperty().bind(Bindings.isNotEmpty(wizard.design().notCarried()));
            kept.managedProperty().bind(kept.visibleProperty());
            return column(section("What each choice means", consequences), kept);
        }
        if (stage == wizard.review().step()) {
            return reviewDetails(wizard.review());
        }
        if (stage == wizard.whatIf().step()) {
            VBox rows = listOf(wizard.whatIf().rows(), RegistrationWizardView::whatIfRow);
            rows.setId("whatIfRows");
            return rows;
        }
        return null;
    }

    private static Node preflightForm(PreflightStepViewModel preflight) {
        Button again = new Button("Check again");
        again.setId("preflightAgain");
        again.setOnAction(event -> preflight.run());
        again.disableProperty().bind(preflight.runningProperty());
        Button stop = new Button("Stop");
        stop.setOnAction(event -> preflight.stop());
        stop.visibleProperty().bind(preflight.runningProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(preflight.runningProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        HBox buttons = new HBox(8, again, stop, busy);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return column(heading("Before anything changes"), note("Reads the tenant: licence, security defaults, the "
                + "Temporary Access Pass and passkey methods, the policies already on the action, the emergency-access "
                + "group, your own access, and the registration report for who could not register. Nothing is sent."),
                buttons);
    }

    private static Node checkCard(PreflightCheck check) {
        Label verdict = switch (check.verdict()) {
            case PASS -> Badge.of("PASS", Tone.SUCCESS);
            case WARN -> Badge.of("WARN", Tone.WARNING);
            case FAIL -> Badge.of("FAIL", Tone.DANGER);
            case UNKNOWN -> Badge.of("UNKNOWN", Tone.NEUTRAL);
        };
        verdict.setMinWidth(Region.USE_PREF_SIZE);
        Label title = wrapped(new Label(check.title()));
        title.getStyleClass().add("registration-check-title");
        HBox top = new HBox(8, verdict, title);
        top.setAlignment(Pos.BASELINE_LEFT);
        VBox card = new VBox(4, top);
        check.details().forEach(line -> card.getChildren().add(wrapped(VisibleText.show(new Label(), line))));
        check.remedy().ifPresent(remedy -> {
            Label fix = wrapped(VisibleText.show(new Label(), "What to do: " + remedy));
            fix.getStyleClass().add("muted");
            card.getChildren().add(fix);
        });
        card.getStyleClass().addAll("panel", "verdict-card");
        card.setId("check-" + check.id());
        return card;
    }

    private static Node passesForm(BulkTapFormViewModel passes) {
        TextField lifetime = new TextField();
        lifetime.setId("passLifetime");
        lifetime.setPrefColumnCount(5);
        lifetime.textProperty().bindBidirectional(passes.lifetimeProperty());
        HBox lifetimeRow = new HBox(8, new Label("Lifetime (minutes)"), lifetime);
        lifetimeRow.setAlignment(Pos.CENTER_LEFT);
        VBox users = listOf(passes.users(), user -> passUser(passes, user));
        Label none = note("Nobody needs a pass: everyone the report lists can already register under the policy, "
                + "or the pre-flight has not run. This step is optional; go on with Next.");
        none.visibleProperty().bind(Bindings.isEmpty(passes.users()));
        none.managedProperty().bind(none.visibleProperty());
        Button file = new Button("Also write the codes to a file\u2026");
        file.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("passes.csv");
            File chosen = chooser.showSaveDialog(file.getScene().getWindow());
            if (chosen != null) {
                passes.csvFileProperty().set(chosen.toPath());
            }
        });
        Button screenOnly = new Button("Screen only");
        screenOnly.setOnAction(event -> passes.csvFileProperty().set(null));
        screenOnly.visibleProperty().bind(passes.csvFileProperty().isNotNull());
        screenOnly.managedProperty().bind(screenOnly.visibleProperty());
        Label where = boundNote(Bindings.createStringBinding(() -> passes.csvFileProperty().get() == null ? ""
                : "Codes also go to " + passes.csvFileProperty().get() + " (owner-only, never over an existing "
                + "file). " + passes.csvWarning(), passes.csvFileProperty()));
        HBox fileRow = new HBox(8, file, screenOnly);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        return column(heading("One-time passes"), note("People who could not register under the new policy (no "
                        + "passkey) get a one-time Temporary Access Pass to register one. Each code is shown once, "
                        + "never saved or journaled; hand it over in person or by phone after checking who it is."),
                lifetimeRow, boundNote(passes.limitsProperty()), problem(passes.problemProperty()), fileRow, where,
                none, users);
    }

    private static Node passUser(BulkTapFormViewModel passes, BulkTapUser user) {
        Label name = wrapped(VisibleText.show(new Label(), user.label()));
        HBox.setHgrow(name, Priority.ALWAYS);
        Button remove = new Button("Leave out");
        remove.setMinWidth(Region.USE_PREF_SIZE);
        remove.setOnAction(event -> passes.remove(user));
        HBox row = new HBox(8, name, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Node designForm(DesignFormViewModel design) {
        TextField name = new TextField();
        name.setId("designName");
        name.textProperty().bindBidirectional(design.displayNameProperty());
        CheckBox guests = check("Exclude guests and external users (a pass does not work for them)",
                design.excludeGuestsProperty());
        CheckBox emergency = check("Exclude the emergency-access group", design.excludeEmergencyProperty());
        Label group = boundNote(Bindings.createStringBinding(() -> design.emergencyGroupProperty().get().isEmpty()
                ? "No emergency-access group is chosen for this tenant: choose it in the tenant menu, "
                + "Emergency-access accounts\u2026" : design.emergencyGroupProperty().get(),
                design.emergencyGroupProperty()));
        CheckBox strength = check("Require the authentication strength", design.requireStrengthProperty());
        Label strengthName = boundNote(design.strengthNameProperty());
        CheckBox compliant = check("Or a compliant device", design.compliantDeviceProperty());
        CheckBox mfa = check("Require MFA (Graph refuses it beside a strength)", design.mfaProperty());
        CheckBox frequency = check("Sign in again after", design.signInFrequencyProperty());
        TextField hours = new TextField();
        hours.setPrefColumnCount(3);
        hours.textProperty().bindBidirectional(design.hoursProperty());
        hours.disableProperty().bind(design.signInFrequencyProperty().not());
        HBox frequencyRow = new HBox(8, frequency, hours, new Label("hours"));
        frequencyRow.setAlignment(Pos.CENTER_LEFT);
        CheckBox trusted = check("Exempt trusted locations (Microsoft's template)",
                design.excludeTrustedLocationsProperty());
        Button afresh = new Button("Create a new policy instead");
        afresh.setOnAction(event -> design.startAfresh());
        afresh.visibleProperty().bind(design.continuingProperty().isNotEmpty());
        afresh.managedProperty().bind(afresh.visibleProperty());
        return column(heading("The policy"), boundNote(design.continuingProperty()), afresh, new Label("Name"), name,
                sub("Who"), note("All users."), guests, emergency, group, sub("Grant: any one of"), strength,
                strengthName, compliant, mfa, sub("Session and network"), frequencyRow, trusted,
                problem(design.problemProperty()));
    }

    private static Node reviewForm(ReviewStepViewModel review, Window owner, ClipboardAccess clipboard) {
        Button copyJson = new Button("Copy the policy JSON");
        copyJson.setOnAction(event -> clipboard.putText(review.jsonProperty().get()));
        Button copyStrength = new Button("Copy the strength JSON");
        copyStrength.setOnAction(event -> clipboard.putText(review.strengthJsonProperty().get()));
        copyStrength.visibleProperty().bind(review.strengthJsonProperty().isNotEmpty());
        copyStrength.managedProperty().bind(copyStrength.visibleProperty());
        Button copyScript = new Button("Copy the PowerShell");
        copyScript.setOnAction(event -> clipboard.putText(review.powerShellProperty().get()));
        Button export = new Button("Export to a folder\u2026");
        export.setId("reviewExport");
        export.setOnAction(event -> {
            File folder = new DirectoryChooser().showDialog(owner);
            if (folder != null) {
                review.exportTo(folder.toPath());
            }
        });
        Button importJson = new Button("Import a policy (JSON)\u2026");
        importJson.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
            File file = chooser.showOpenDialog(owner);
            if (file != null) {
                review.importFrom(file.toPath());
            }
        });
        VBox buttons = new VBox(8, copyJson, copyStrength, copyScript, export, importJson);
        return column(heading("Exactly what will be sent"), note("The Graph JSON and a PowerShell script that sends "
                + "the same bytes (Invoke-MgGraphRequest). Nothing is sent from here; the script and the next stage "
                + "do the same thing."), buttons, boundNote(review.fileMessageProperty()));
    }

    private static Node reviewDetails(ReviewStepViewModel review) {
        VBox changes = listOf(review.fieldChanges(), line -> wrapped(VisibleText.show(new Label(), "\u2022 " + line)));
        Node fields = section("Field by field", changes);
        fields.visibleProperty().bind(Bindings.isNotEmpty(review.fieldChanges()));
        fields.managedProperty().bind(fields.visibleProperty());
        Node strength = section("First, the strength to create (POST /policies/authenticationStrengthPolicies)",
                code("reviewStrengthJson", review.strengthJsonProperty()));
        strength.visibleProperty().bind(review.strengthJsonProperty().isNotEmpty());
        strength.managedProperty().bind(strength.visibleProperty());
        return column(fields, strength, section("The policy (Graph JSON)", code("reviewJson", review.jsonProperty())),
                section("PowerShell", code("reviewPowerShell", review.powerShellProperty())));
    }

    private static TextArea code(String id, javafx.beans.value.ObservableValue<String> text) {
        TextArea code = new TextArea();
        code.setId(id);
        code.setEditable(false);
        code.setPrefRowCount(14);
        code.getStyleClass().add("code");
        code.textProperty().bind(text);
        return code;
    }

    private static Node whatIfForm(WhatIfStepViewModel whatIf) {
        TextField group = new TextField();
        group.setId("pilotGroup");
        group.setPromptText("Group name or object id");
        group.textProperty().bindBidirectional(whatIf.pilotGroupProperty());
        TextField user = new TextField();
        user.setPromptText("user@contoso.com (optional)");
        user.textProperty().bindBidirectional(whatIf.extraUserProperty());
        CheckBox compliant = check("That user on a compliant device", whatIf.extraCompliantProperty());
        Button run = new Button("Run What If");
        run.setId("runWhatIf");
        run.getStyleClass().add("accent");
        run.setOnAction(event -> whatIf.run());
        run.disableProperty().bind(whatIf.runningProperty());
        CheckBox read = check("I have read where they disagree", whatIf.disagreementReadProperty());
        read.visibleProperty().bind(whatIf.agreedProperty().not().and(Bindings.isNotEmpty(whatIf.rows())));
        read.managedProperty().bind(read.visibleProperty());
        return column(heading("Whom it would reach"), note("Report-only is not evaluated for user actions, so the "
                + "sign-in logs say nothing. What If asks Graph, person by person; Gatehouse's forecast stands beside "
                + "it and must agree."), new Label("Pilot group"), group, new Label("Also ask about"), user,
                compliant, run, read);
    }

    private static Node whatIfRow(WhatIfComparison.Row row) {
        Label agree = row.agrees() ? Badge.of("AGREE", Tone.SUCCESS) : Badge.of("DISAGREE", Tone.DANGER);
        agree.setMinWidth(Region.USE_PREF_SIZE);
        Label who = wrapped(VisibleText.show(new Label(), row.subject().label() + " \u2014 " + row.subject().device()));
        who.getStyleClass().add("registration-check-title");
        HBox top = new HBox(8, agree, who);
        top.setAlignment(Pos.BASELINE_LEFT);
        Label graph = wrapped(VisibleText.show(new Label(), "What If: " + policies(row.whatIf())));
        Label ours = wrapped(VisibleText.show(new Label(), "Gatehouse: " + policies(row.forecast())));
        Label outcome = wrapped(VisibleText.show(new Label(), "Once on: " + row.outcome()));
        outcome.getStyleClass().add("muted");
        VBox card = new VBox(3, top, graph, ours, outcome);
        if (!row.byLocation().isEmpty()) {
            Label where = wrapped(VisibleText.show(new Label(), "Depends on the network signed in from (not "
                    + "compared): " + String.join(", ", row.byLocation())));
            where.getStyleClass().add("muted");
            card.getChildren().add(where);
        }
        card.getStyleClass().addAll("panel", "verdict-card");
        return card;
    }

    private static String policies(java.util.List<String> names) {
        return names.isEmpty() ? "no policy reaches the action" : String.join(", ", names);
    }
}
