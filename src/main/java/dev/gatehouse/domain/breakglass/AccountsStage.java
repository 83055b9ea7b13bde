package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.Reconciliation;
import dev.gatehouse.domain.plan.Reversibility;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.recovery.PasswordGenerator;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.tenant.DirectoryWriter;
import dev.gatehouse.domain.tenant.DirectoryWriter.CreatedUser;
import dev.gatehouse.domain.tenant.DirectoryWriter.NewUser;
import dev.gatehouse.domain.tenant.TenantDirectory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stage 2, the accounts: creates the cloud-only accounts the tenant lacks, each with a long random password made on
 * this computer and sent once — not changed at first sign-in (nobody is there to change it), no licence, no usage
 * location (neither is needed to sign in and administer). By default the password is shown to nobody: the account
 * signs in with the FIDO2 key registered through a one-time pass. With the two-part hand-off the password is shown
 * once, in two halves for two people to write down and keep apart (ISM-1594), and never journaled or saved.
 */
final class AccountsStage {

    /** Long enough that guessing is out of the question, well within Entra's 256. */
    static final int PASSWORD_LENGTH = 64;
    static final String STEP_PREFIX = "create-";

    private final DirectoryWriter writer;
    private final TenantDirectory readBack;
    private final PasswordGenerator passwords;

    AccountsStage(DirectoryWriter writer, TenantDirectory readBack, PasswordGenerator passwords) {
        this.writer = writer;
        this.readBack = readBack;
        this.passwords = passwords;
    }

    BreakGlassSetupProposal propose(BreakGlassSetupRead read, Answers answers, Optional<ProcedureProgress> progress) {
        StageStart start = StageStart.of(read, answers);
        if (start.refused()) {
            return start.refusal();
        }
        SetupChoices choices = start.choices();
        AccountRoster roster = start.roster();
        if (!roster.gaps().isEmpty()) {
            return BreakGlassSetupProposal.refused(String.join(" ", roster.gaps()), read.couldNotCheck());
        }
        List<String> warnings = new ArrayList<>();
        if (!roster.others().isEmpty()) {
            warnings.add("Not counted as emergency accounts: " + String.join(", ", roster.others().stream()
                    .map(AccountRoster.Other::describe).toList()) + ". The group stage says what to do with them.");
        }
        if (roster.toCreate().isEmpty()) {
            int extra = roster.accounts().size() - choices.count();
            return BreakGlassSetupProposal.nothingToDo("All " + roster.accounts().size() + " emergency-access "
                    + "accounts exist: " + AccountRoster.labels(roster.accounts()) + "." + (extra > 0 ? " That is "
                    + extra + " more than the " + choices.count() + " asked for; none is removed." : ""), warnings);
        }
        Optional<String> refusal = SetupAccess.refusal(read.admin(), SetupAccess.ACCOUNTS, "Creating accounts");
        if (refusal.isPresent()) {
            return BreakGlassSetupProposal.refused(refusal.get(), warnings);
        }
        List<Step> steps = roster.toCreate().stream().map(name -> step(name, choices.twoPartPassword())).toList();
        warnings.add(choices.twoPartPassword() ? "Each password is shown once, in two halves: have two people each "
                + "write down one half and keep them in separate places. It is never written to the journal or the "
                + "saved run." : "Nobody will know these passwords: they are made on this computer, sent once and "
                + "wiped. The accounts sign in with their FIDO2 keys (registered with a one-time pass later in the "
                + "set-up). To keep a password on paper as a last resort, run the set-up with the two-part hand-off.");
        Plan plan = new Plan("Create the emergency-access accounts", steps.size() == 1 ? "1 new account"
                : steps.size() + " new accounts", "tenant", steps, List.of());
        return BreakGlassSetupProposal.planned(plan, "Creates " + steps.size() + (steps.size() == 1 ? " account" : " "
                + "accounts") + " on " + read.tenant().initialDomain() + (roster.accounts().isEmpty() ? "."
                : "; " + AccountRoster.labels(roster.accounts()) + " exist already."), warnings);
    }

    private Step step(AccountName name, boolean twoParts) {
        String password = twoParts ? GraphRequest.SECRET_MASK : "(" + PASSWORD_LENGTH + " random characters, made at "
                + "this step and never shown)";
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("accountEnabled", true);
        fields.put("displayName", name.displayName());
        fields.put("mailNickname", name.localPart());
        fields.put("userPrincipalName", name.userPrincipalName());
        fields.put("passwordProfile", Map.of("password", password, "forceChangePasswordNextSignIn", false));
        String body = GraphBodies.of(fields);
        return new Step(STEP_PREFIX + name.localPart(), "Create " + name.label(),
                "Creates an enabled, cloud-only member account " + name.userPrincipalName() + " with a "
                        + PASSWORD_LENGTH + "-character random password that does not have to be changed at first "
                        + "sign-in. No licence and no usage location: an emergency account needs neither to sign in "
                        + "and administer, and a licence would give it a mailbox and apps to attack.",
                "Nobody signs in with it yet: it gets its role, its FIDO2 key and a one-time pass in the stages "
                        + "after this one.",
                List.of(new GraphRequest("POST", "/users", body)), SetupAccess.ACCOUNTS,
                Reversibility.reversible("Delete the account (DELETE /users/{id}); Entra keeps it 30 days in deleted "
                        + "items, where it can be restored."), Risk.MEDIUM, List.of(),
                context -> {
                    Secret secret = passwords.next("Password of " + name.userPrincipalName(), PASSWORD_LENGTH);
                    CreatedUser created;
                    try {
                        created = writer.createUser(new NewUser(name.userPrincipalName(), name.displayName(),
                                name.localPart(), secret, false, Optional.empty()));
                    } catch (RuntimeException e) {
                        secret.wipe();
                        throw e;
                    }
                    StepResult result = StepResult.changed("Created " + name.label() + " (id " + created.id() + ").",
                            Map.of(), Map.of("userId", created.id(), "userPrincipalName", created.userPrincipalName()));
                    if (twoParts) {
                        return result.withSecret(secret);
                    }
                    secret.wipe();
                    return result;
                }).checkedBy(started -> readBack.findUser(name.userPrincipalName())
                .map(user -> Reconciliation.applied("the account " + name.userPrincipalName() + " exists (id "
                        + user.profile().id() + ")" + (twoParts ? "; its password never arrived here: reset it if "
                        + "you need one" : "") + ".", Map.of("userId", user.profile().id())))
                .orElseGet(() -> Reconciliation.notApplied("no account " + name.userPrincipalName() + " was created.")));
    }
}
