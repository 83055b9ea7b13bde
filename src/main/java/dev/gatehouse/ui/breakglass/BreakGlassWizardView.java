package dev.gatehouse.ui.breakglass;

import dev.gatehouse.domain.breakglass.BreakGlassRecordFiles;
import dev.gatehouse.domain.breakglass.DedicatedPolicyWhatIf;
import dev.gatehouse.domain.breakglass.ExclusionOverview;
import dev.gatehouse.domain.breakglass.SetupChoices;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.ui.common.Badge;
import dev.gatehouse.ui.common.Badge.Tone;
import dev.gatehouse.ui.common.VisibleText;
import dev.gatehouse.ui.wizard.WizardStage;
import dev.gatehouse.ui.wizard.WizardViewModel;
import dev.gatehouse.ui.wizard.WizardWindow;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import static dev.gatehouse.ui.wizard.FormNodes.boundNote;
import static dev.gatehouse.ui.wizard.FormNodes.check;
import static dev.gatehouse.ui.wizard.FormNodes.column;
import static dev.gatehouse.ui.wizard.FormNodes.heading;
import static dev.gatehouse.ui.wizard.FormNodes.listOf;
import static dev.gatehouse.ui.wizard.FormNodes.note;
import static dev.gatehouse.ui.wizard.FormNodes.problem;
import static dev.gatehouse.ui.wizard.FormNodes.sub;
import static dev.gatehouse.ui.wizard.FormNodes.wrapped;

/**
 * The break-glass set-up wizard's window: each stage's form in the left column — what the stage does and why, and
 * its few answers — and beside it the stage's plan, with its passes shown large once they are issued.
 */
public final class BreakGlassWizardView {

    private BreakGlassWizardView() {
    }

    public static Stage show(Window owner, BreakGlassWizard wizard) {
        WizardViewModel viewModel = wizard.open();
        return WizardWindow.show(owner, "breakglass-setup", "Set up emergency access", viewModel,
                stage -> form(wizard, stage), stage -> stage == wizard.planStage() ? names(wizard.setup()) : null);
    }

    static Node form(BreakGlassWizard wizard, WizardStage stage) {
        if (stage == wizard.planStage()) {
            return planForm(wizard.setup(), stage.lockedProperty());
        }
        if (stage == wizard.accountsStage()) {
            return column(heading("Create the accounts"), note(StageNotes.ACCOUNTS), note(StageNotes.PASSWORD));
        }
        if (stage == wizard.groupStage()) {
            CheckBox removeOthers = check("Remove members that are not emergency accounts",
                    wizard.group().field());
            removeOthers.setId("bgRemoveOthers");
            lockedWith(stage.lockedProperty(), removeOthers);
            return column(heading("A role-assignable group"), note(StageNotes.GROUP), removeOthers,
                    note(StageNotes.REMOVE_OTHERS));
        }
        if (stage == wizard.roleStage()) {
            return column(heading("Global Administrator"), note(StageNotes.ROLE));
        }
        if (stage == wizard.methodsStage()) {
            TextField keyModels = new TextField();
            keyModels.setId("bgKeyModels");
            keyModels.setPromptText("optional, e.g. 2fc0579f-8113-47ea-b116-555a8db9202a");
            keyModels.textProperty().bindBidirectional(wizard.methods().field());
            lockedWith(stage.lockedProperty(), keyModels);
            return column(heading("Passkeys and passes"), note(StageNotes.METHODS), sub("Your keys' models (AAGUIDs)"),
                    keyModels, note(StageNotes.KEY_MODELS));
        }
        if (stage == wizard.tapStage()) {
            return passesForm(wizard.passes(), stage.lockedProperty());
        }
        if (stage == wizard.registerStage()) {
            return registerForm(wizard.keys(), wizard.demoUser());
        }
        if (stage == wizard.cleanUpStage()) {
            CheckBox methods = check("Keep the accounts' other methods", wizard.cleanUp().keepOtherMethodsProperty());
            methods.setId("bgKeepMethods");
            CheckBox licences = check("Keep the accounts' licences", wizard.cleanUp().keepLicencesProperty());
            licences.setId("bgKeepLicences");
            lockedWith(stage.lockedProperty(), methods, licences);
            return column(heading("Clean up"), note(StageNotes.CLEAN_UP), methods, note(StageNotes.KEEP_METHODS),
                    licences, note(StageNotes.KEEP_LICENCES));
        }
        if (stage == wizard.record().step()) {
            return recordForm(wizard.record());
        }
        if (stage == wizard.exclusionsStage()) {
            return exclusionsForm(wizard.exclusions());
        }
        if (stage == wizard.dedicatedSaveStage()) {
            return column(heading("A phishing-resistant policy for them (optional)"), note(StageNotes.DEDICATED));
        }
        if (stage == wizard.whatIf().step()) {
            return whatIfForm(wizard.whatIf());
        }
        if (stage == wizard.dedicatedOnStage()) {
            return column(heading("Turn that policy on (optional)"), note(StageNotes.DEDICATED_ON));
        }
        throw new IllegalArgumentException("No form for " + stage.title());
    }

    /** The fields cannot change once the stage ran; its explanations stay readable. */
    private static void lockedWith(ObservableBooleanValue locked, Node... fields) {
        for (Node field : fields) {
            field.disableProperty().bind(locked);
        }
    }

    private static Node planForm(SetupFormViewModel setup, ObservableBooleanValue locked) {
        Spinner<Integer> count = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(SetupChoices.FEWEST,
                SetupChoices.MOST, setup.countProperty().get()));
        count.setId("bgCount");
        count.setPrefWidth(80);
        // both ways by hand: a bidirectional binding to asObject() lives only as long as that wrapper
        count.valueProperty().addListener((obs, old, value) -> setup.countProperty().set(value));
        setup.countProperty().addListener((obs, old, value) -> count.getValueFactory().setValue(value.intValue()));
        HBox countRow = row(new Label("How many accounts"), count);

        TextField prefix = new TextField();
        prefix.setId("bgPrefix");
        prefix.textProperty().bindBidirectional(setup.prefixProperty());
        HBox.setHgrow(prefix, Priority.ALWAYS);
        Button another = new Button("Suggest another");
        another.setId("bgSuggest");
        another.setMinWidth(Button.USE_PREF_SIZE);
        another.setOnAction(event -> setup.suggestAnother());
        HBox prefixRow = row(prefix, another);

        TextField group = new TextField();
        group.setId("bgGroupName");
        group.textProperty().bindBidirectional(setup.groupNameProperty());
        CheckBox twoParts = check("Hand each new password over in two parts", setup.twoPartPasswordProperty());
        twoParts.setId("bgTwoPart");

        Label problem = problem(setup.problemProperty());
        problem.setId("bgProblem");
        Button use = new Button("Use this plan");
        use.setId("bgUsePlan");
        use.getStyleClass().add("accent");
        use.disableProperty().bind(setup.validProperty().not().or(setup.usedProperty())
                .or(Bindings.createBooleanBinding(() -> setup.refusal().isPresent())).or(locked));
        lockedWith(locked, count, prefix, another, group, twoParts);
        use.setOnAction(event -> setup.usePlan());

        return column(heading("Plan the accounts"), note("Two to four cloud-only accounts on the tenant's initial "
                        + "domain " + setup.initialDomain() + ". Not a custom or federated domain: its DNS or "
                        + "federation may be what failed."), countRow, sub("Name prefix"), prefixRow,
                sub("Group name"), group, note("Used only if a new group has to be made."), twoParts,
                note(StageNotes.TWO_PARTS), problem, use);
    }

    /** Beside the plan's form: the sign-in names as the admin types, and why names that say "admin" are discouraged. */
    private static Node names(SetupFormViewModel setup) {
        VBox names = listOf(setup.accounts(), upn -> {
            Label name = VisibleText.show(new Label(), upn);
            name.getStyleClass().add("bg-account-names");
            return name;
        });
        names.setId("bgAccounts");
        names.setSpacing(2);
        VBox advice = listOf(setup.advice(), line -> {
            Label warning = wrapped(VisibleText.show(new Label(), line));
            warning.getStyleClass().add("explain-warning");
            return warning;
        });
        advice.setId("bgAdvice");
        return new VBox(10, sub("Sign-in names"), names, note(SetupFormViewModel.ADVICE), advice);
    }

    private static Node passesForm(PassesFormViewModel passes, ObservableBooleanValue locked) {
        TextField lifetime = new TextField();
        lifetime.setId("bgLifetime");
        lifetime.setPrefColumnCount(5);
        lifetime.setPromptText("default");
        lifetime.textProperty().bindBidirectional(passes.lifetimeProperty());
        CheckBox replace = check("Replace a pass an account already holds", passes.newPassProperty());
        replace.setId("bgNewPass");
        lockedWith(locked, lifetime, replace);
        return column(heading("One-time passes"), note(StageNotes.PASSES), note(StageNotes.WINDOW),
                row(new Label("Lifetime (minutes)"), lifetime), boundNote(passes.limitsProperty()),
                problem(passes.problemProperty()), replace, note(StageNotes.REPLACE));
    }

    private static Node registerForm(KeyWatchViewModel keys, DemoUserViewModel demoUser) {
        TextField address = new TextField(StageNotes.MY_SECURITY_INFO);
        address.setId("bgMySecurityInfo");
        address.setEditable(false); // to copy into the browser of the machine the key is registered at
        VBox rows = listOf(keys.rows(), row -> {
            Label account = wrapped(VisibleText.show(new Label(), row.account()));
            account.getStyleClass().add("policy-name");
            Label key = wrapped(VisibleText.show(new Label(), row.waiting() ? "waiting\u2026" : row.key()));
            key.getStyleClass().addAll("bg-standing", row.waiting() ? "muted" : "success");
            VBox card = new VBox(2, account, key);
            if (row.waiting() && demoUser.available()) {
                // the demo tenant only: the trainer plays the holder at My Security Info
                Button play = new Button("Play the user: register a key");
                play.setId("bgPlay-" + row.userId());
                play.disableProperty().bind(demoUser.busyProperty());
                play.setOnAction(event -> demoUser.play(row.userId(), row.userPrincipalName()));
                card.getChildren().add(play);
            }
            card.getStyleClass().add("bg-policy-row");
            return card;
        });
        rows.setId("bgKeys");
        Label played = boundNote(demoUser.statusProperty());
        played.setId("bgPlayStatus");
        played.visibleProperty().bind(demoUser.statusProperty().isNotEmpty());
        played.managedProperty().bind(played.visibleProperty());
        VBox warnings = listOf(keys.warnings(), line -> {
            Label warning = wrapped(VisibleText.show(new Label(), line));
            warning.getStyleClass().add("explain-warning");
            return warning;
        });
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(keys.watchingProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label status = boundNote(keys.statusProperty());
        status.setId("bgWatchStatus");
        HBox.setHgrow(status, Priority.ALWAYS);
        Button stop = new Button("Stop");
        stop.setId("bgStopWatch");
        stop.setOnAction(event -> keys.stop());
        stop.visibleProperty().bind(keys.watchingProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        Button watch = new Button("Wait for the keys");
        watch.setId("bgWatch");
        watch.setOnAction(event -> keys.start());
        watch.disableProperty().bind(Bindings.createBooleanBinding(() -> keys.rows().stream()
                .noneMatch(KeyWatchViewModel.Row::waiting), keys.rows()));
        watch.visibleProperty().bind(keys.watchingProperty().not());
        watch.managedProperty().bind(watch.visibleProperty());
        return column(heading("Register one key per account"), note(StageNotes.REGISTER), address,
                row(spinner, status), rows, played, warnings, row(stop, watch));
    }

    private static Node recordForm(RecordStepViewModel record) {
        VBox accounts = listOf(record.accounts(), row -> {
            VBox card = new VBox(6, wrapped(VisibleText.show(new Label(), row.name())));
            card.getChildren().get(0).getStyleClass().add("policy-name");
            card.getChildren().addAll(field("bgKeyLabel", "Label on the key (e.g. \u201cKey A\u201d)",
                    row.keyLabelProperty()), field("bgKeyPlace", "Where the key is kept", row.keyPlaceProperty()));
            if (record.passwordParts()) {
                card.getChildren().addAll(field("bgPartOne", "Where password part 1 is kept",
                        row.partOnePlaceProperty()), field("bgPartTwo", "Where password part 2 is kept",
                        row.partTwoPlaceProperty()));
            }
            card.getStyleClass().add("bg-policy-row");
            return card;
        });
        accounts.setId("bgRecordAccounts");
        Button pdf = saveButton("bgSavePdf", "Save as PDF\u2026", record, BreakGlassRecordFiles.Format.PDF);
        Button html = saveButton("bgSaveHtml", "Save as HTML\u2026", record, BreakGlassRecordFiles.Format.HTML);
        Label status = boundNote(record.statusProperty());
        status.setId("bgRecordStatus");
        return column(heading("Record"), note(StageNotes.RECORD), accounts, problem(record.problemProperty()),
                row(pdf, html), status);
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    /** A chooser for a new file; writing happens off the FX thread, and an existing file is refused, not replaced. */
    private static Button saveButton(String id, String text, RecordStepViewModel record,
                                     BreakGlassRecordFiles.Format format) {
        Button save = new Button(text);
        save.setId(id);
        save.disableProperty().bind(record.readyProperty().not());
        save.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(record.suggestedName(format));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name(), "*." + format.extension()));
            java.io.File chosen = chooser.showSaveDialog(save.getScene().getWindow());
            if (chosen != null) {
                record.save(chosen.toPath(), format);
            }
        });
        return save;
    }

    private static Node exclusionsForm(ExclusionOverviewViewModel exclusions) {
        Label status = boundNote(exclusions.statusProperty());
        status.setId("bgExclusionStatus");
        VBox rows = listOf(exclusions.rows(), BreakGlassWizardView::policyRow);
        rows.setId("bgExclusions");
        return column(heading("Conditional Access"), note(StageNotes.EXCLUSIONS), status, rows);
    }

    private static Node whatIfForm(DedicatedWhatIfViewModel whatIf) {
        Button again = new Button("Ask again");
        again.setId("bgWhatIfAgain");
        again.disableProperty().bind(whatIf.runningProperty());
        again.setOnAction(event -> whatIf.run());
        VBox rows = listOf(whatIf.rows(), BreakGlassWizardView::whatIfRow);
        rows.setId("bgWhatIfRows");
        // the summary is the step's explanation, beside the form
        return column(heading("What If"), note(StageNotes.WHAT_IF), rows, row(again));
    }

    private static Node whatIfRow(DedicatedPolicyWhatIf.Row row) {
        Label agree = row.agrees() ? Badge.of("AGREE", Tone.SUCCESS) : Badge.of("DISAGREE", Tone.DANGER);
        agree.setMinWidth(Region.USE_PREF_SIZE);
        Label ready = row.ready() ? Badge.of("READY", Tone.SUCCESS) : Badge.of("NOT READY", Tone.WARNING);
        ready.setMinWidth(Region.USE_PREF_SIZE);
        Label who = wrapped(VisibleText.show(new Label(), row.displayName()));
        who.getStyleClass().add("policy-name");
        Label upn = wrapped(VisibleText.show(new Label(), row.userPrincipalName()));
        upn.getStyleClass().add("muted");
        VBox card = new VBox(4, who, upn, row(agree, ready),
                wrapped(VisibleText.show(new Label(), "What If: " + policies(row.whatIf()))),
                wrapped(VisibleText.show(new Label(), "Gatehouse: " + policies(row.forecast()))));
        Label outcome = wrapped(VisibleText.show(new Label(), "Once on: " + row.outcome()));
        outcome.getStyleClass().add("muted");
        card.getChildren().add(outcome);
        if (!row.byLocation().isEmpty()) {
            Label where = wrapped(VisibleText.show(new Label(), "Depends on the network signed in from (not "
                    + "compared): " + String.join(", ", row.byLocation())));
            where.getStyleClass().add("muted");
            card.getChildren().add(where);
        }
        card.getStyleClass().add("bg-policy-row");
        return card;
    }

    private static String policies(java.util.List<String> names) {
        return names.isEmpty() ? "no policy reaches the account" : String.join(", ", names);
    }

    private static Node policyRow(ExclusionOverview.Row row) {
        Label name = wrapped(VisibleText.show(new Label(), row.displayName()));
        name.getStyleClass().add("policy-name");
        Label state = Badge.of(switch (row.state()) {
            case ENABLED -> "On";
            case REPORT_ONLY -> "Report-only";
            case DISABLED -> "Off";
        }, row.state() == ConditionalAccessPolicy.State.ENABLED ? Tone.ACCENT : Tone.NEUTRAL);
        Label standing = wrapped(new Label(row.standing().words()));
        Tone tone = switch (row.standing()) {
            case EXCLUDED -> Tone.SUCCESS;
            case MISSING -> Tone.DANGER;
            case DEDICATED -> Tone.WARNING;
            case NOT_REACHING, DISABLED -> Tone.NEUTRAL;
        };
        standing.getStyleClass().addAll("bg-standing", tone.name().toLowerCase(java.util.Locale.ROOT));
        HBox line = row(state, standing);
        VBox card = new VBox(4, name, line);
        card.getStyleClass().add("bg-policy-row");
        return card;
    }

    private static HBox row(Node... children) {
        HBox row = new HBox(8, children);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
