package dev.gatehouse.ui.breakglass;

import dev.gatehouse.domain.breakglass.AccountName;
import dev.gatehouse.domain.breakglass.AccountNames;
import dev.gatehouse.domain.breakglass.SetupChoices;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.ui.wizard.StageForm;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step 1 of the break-glass set-up, the plan: how many accounts, their names on the tenant's initial domain, the
 * group's name and whether each new password is handed over in two parts. It also holds the answers the later stages
 * ask for (remove other members, the key models the admin will register, the passes' lifetime, replace a pass),
 * because the set-up keeps them all in one
 * {@link SetupChoices}: every stage's form answers the whole of it, so whichever stage speaks last says it all.
 * <p>
 * The plan stage has nothing to send, so the wizard records it done as soon as its answers are valid: the answers count
 * only once the admin {@link #usePlan() uses the plan}, and any change to a name takes that back.
 */
public final class SetupFormViewModel implements StageForm {

    static final String ADVICE = "Suggested names do not say \u201cadmin\u201d or \u201cemergency\u201d: Microsoft "
            + "advises names that do not reveal these accounts, since an attacker listing the directory looks for "
            + "exactly those. You may choose your own.";

    private final String initialDomain;
    private final Optional<String> refusal;
    private final IntegerProperty count = new SimpleIntegerProperty(this, "count", SetupChoices.DEFAULT_COUNT);
    private final StringProperty prefix = new SimpleStringProperty(this, "prefix", AccountNames.suggestPrefix());
    private final StringProperty groupName = new SimpleStringProperty(this, "groupName",
            SetupChoices.DEFAULT_GROUP_NAME);
    private final BooleanProperty twoPartPassword = new SimpleBooleanProperty(this, "twoPartPassword");
    private final BooleanProperty removeOtherMembers = new SimpleBooleanProperty(this, "removeOtherMembers");
    private final BooleanProperty newPass = new SimpleBooleanProperty(this, "newPass");
    /** The AAGUIDs of the key models the admin will register, as typed: optional, checked with the other choices. */
    private final StringProperty keyModels = new SimpleStringProperty(this, "keyModels", "");
    /** Minutes each pass lives; null for the tenant's default. Checked by the passes' form. */
    private final ObjectProperty<Integer> lifetime = new SimpleObjectProperty<>(this, "lifetime");
    private final ReadOnlyBooleanWrapper used = new ReadOnlyBooleanWrapper(this, "used");
    private final ObservableList<String> accounts = FXCollections.observableArrayList();
    private final ObservableList<String> advice = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    /** Held here: a binding nobody holds is collected, and stops listening. */
    private final Observable names;
    private final Observable changes;
    /** The accounts a continued run named, kept exactly while the count and prefix are those it came back with. */
    private Optional<Restored> restored = Optional.empty();

    private record Restored(int count, String prefix, List<AccountName> accounts) {
    }

    /**
     * @param initialDomain the tenant's initial {@code *.onmicrosoft.com} domain, where every account is made
     * @param refusal       why the signed-in admin may not run the set-up at all, said before any answer; empty when
     *                      they may
     */
    public SetupFormViewModel(String initialDomain, Optional<String> refusal) {
        this.initialDomain = initialDomain;
        this.refusal = refusal;
        // before the stage hears of the change: new names are a new plan, which the admin looks at again
        names = Changes.of(count, prefix, groupName);
        names.addListener(obs -> {
            used.set(false);
            evaluate();
        });
        keyModels.addListener(obs -> evaluate());
        changes = Changes.of(count, prefix, groupName, twoPartPassword, removeOtherMembers, newPass, lifetime, used,
                keyModels);
        evaluate();
    }

    /** The admin looked at the names and takes them: the plan stage is planned (and, with nothing to send, done). */
    public void usePlan() {
        if (valid.get() && refusal.isEmpty()) {
            used.set(true);
        }
    }

    /** Another neutral prefix, for an admin who does not like the one suggested. */
    public void suggestAnother() {
        prefix.set(AccountNames.suggestPrefix());
    }

    private List<AccountName> names() {
        String typed = prefix.get() == null ? "" : prefix.get().strip();
        return restored.filter(r -> r.count() == count.get() && r.prefix().equals(typed)).map(Restored::accounts)
                .orElseGet(() -> AccountNames.fromPrefix(typed, Math.max(0, Math.min(count.get(), SetupChoices.MOST)),
                        initialDomain));
    }

    /** The choices as they stand, whether valid or not. */
    Optional<SetupChoices> choices() {
        return Optional.of(new SetupChoices(count.get(), names(), groupName.get(), twoPartPassword.get(),
                newPass.get(), Optional.ofNullable(lifetime.get()), removeOtherMembers.get(), keyModelsTyped()));
    }

    /** The typed AAGUIDs, separated by commas or spaces. */
    private List<String> keyModelsTyped() {
        String typed = keyModels.get() == null ? "" : keyModels.get().strip();
        return typed.isEmpty() ? List.of() : List.of(typed.split("[,;\\s]+"));
    }

    private void evaluate() {
        List<String> problems = new ArrayList<>(AccountNames.prefixProblems(prefix.get(), initialDomain));
        SetupChoices choices = choices().orElseThrow();
        if (problems.isEmpty()) {
            problems.addAll(choices.problems(initialDomain));
        }
        // names from a prefix that holds a domain would only mislead
        accounts.setAll(prefix.get() != null && prefix.get().contains("@") ? List.of() : choices.accounts().stream()
                .map(AccountName::userPrincipalName).toList());
        advice.setAll(AccountNames.advice(choices.accounts()));
        problem.set(String.join(" ", problems));
        valid.set(problems.isEmpty());
    }

    @Override
    public Optional<Answers> answers() {
        return valid.get() && used.get() ? choices().map(c -> Answers.none().with(SetupChoices.ANSWER, c))
                : Optional.empty();
    }

    @Override
    public String problem() {
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (!valid.get()) {
            return problem.get();
        }
        return used.get() ? "" : "Check the accounts' names and the group's name, then press \u201cUse this plan\u201d.";
    }

    @Override
    public void restore(Answers saved) {
        saved.get(SetupChoices.ANSWER, SetupChoices.class).ifPresent(choices -> {
            String savedPrefix = prefixOf(choices.accounts());
            restored = Optional.of(new Restored(choices.count(), savedPrefix, choices.accounts()));
            count.set(choices.count());
            prefix.set(savedPrefix);
            groupName.set(choices.groupName());
            twoPartPassword.set(choices.twoPartPassword());
            removeOtherMembers.set(choices.removeOtherMembers());
            newPass.set(choices.newPass());
            lifetime.set(choices.tapLifetimeMinutes().orElse(null));
            keyModels.set(String.join(", ", choices.keyModels()));
            used.set(true);
            evaluate();
        });
    }

    /** "acct-kavo" from acct-kavo-01@…: the prefix the names were made from. */
    private static String prefixOf(List<AccountName> names) {
        String first = names.isEmpty() ? "" : names.get(0).localPart();
        return first.replaceFirst("-\\d+$", "");
    }

    @Override
    public Observable changes() {
        return changes;
    }

    /** Why the signed-in admin may not run the set-up; empty when they may. */
    public Optional<String> refusal() {
        return refusal;
    }

    public String initialDomain() {
        return initialDomain;
    }

    public IntegerProperty countProperty() {
        return count;
    }

    public StringProperty prefixProperty() {
        return prefix;
    }

    public StringProperty groupNameProperty() {
        return groupName;
    }

    public BooleanProperty twoPartPasswordProperty() {
        return twoPartPassword;
    }

    BooleanProperty removeOtherMembersProperty() {
        return removeOtherMembers;
    }

    BooleanProperty newPassProperty() {
        return newPass;
    }

    StringProperty keyModelsProperty() {
        return keyModels;
    }

    ObjectProperty<Integer> lifetimeProperty() {
        return lifetime;
    }

    /** The plan was taken ("Use this plan"), or came back with a continued run. */
    public ReadOnlyBooleanProperty usedProperty() {
        return used.getReadOnlyProperty();
    }

    /** The sign-in names the plan makes, live as the admin types. */
    public ObservableList<String> accounts() {
        return accounts;
    }

    /** Why each name the admin chose is discouraged (it says "admin"); empty when none is. */
    public ObservableList<String> advice() {
        return advice;
    }

    /** What is wrong with the names or the count; empty when they can be used. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }
}
