package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.tenant.GroupRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stage 1, the plan: nothing is sent. It checks the admin may run the set-up, the choices (2 to 4 accounts, names on
 * the initial domain), and that the set-up knows which group is the tenant's emergency-access group — so it never
 * creates a second set of accounts beside one it did not recognise. Done once the choices hold.
 */
final class ChoicesStage {

    private ChoicesStage() {
    }

    static BreakGlassSetupProposal propose(BreakGlassSetupRead read, Answers answers,
                                           Optional<ProcedureProgress> progress) {
        StageStart start = StageStart.of(read, answers);
        if (start.refused()) {
            return start.refusal();
        }
        SetupChoices choices = start.choices();
        if (read.emergency().group().isEmpty()) {
            Optional<String> unknown = unknownGroup(read, choices);
            if (unknown.isPresent()) {
                return BreakGlassSetupProposal.refused(unknown.get(), read.couldNotCheck());
            }
        }
        AccountRoster roster = start.roster();
        Optional<String> cannotFinish = cannotFinish(read, roster);
        if (cannotFinish.isPresent()) {
            return BreakGlassSetupProposal.refused(cannotFinish.get(), read.couldNotCheck());
        }
        List<String> warnings = new ArrayList<>(AccountNames.advice(choices.accounts()));
        read.groupProblem().ifPresent(problem -> warnings.add(problem + ": the set-up creates a new group \u201c"
                + choices.groupName() + "\u201d and saves it as the tenant's emergency-access group."));
        warnings.addAll(read.couldNotCheck());
        String group = read.group().map(g -> "the emergency-access group " + g.displayName()
                + (g.roleAssignable() ? "" : " (not role-assignable: a new role-assignable group replaces it)"))
                .orElse("a new role-assignable group \u201c" + choices.groupName() + "\u201d");
        String accounts = roster.accounts().isEmpty() ? "" : " Accounts found: " + AccountRoster.labels(roster.accounts())
                + ".";
        String create = roster.toCreate().isEmpty() ? "" : " Accounts to create: " + String.join(", ",
                roster.toCreate().stream().map(AccountName::label).toList()) + ".";
        return BreakGlassSetupProposal.nothingToDo("The set-up uses " + group + " and " + choices.count()
                + " cloud-only accounts on " + read.tenant().initialDomain() + "." + accounts + create
                + " Each later stage reads the tenant again and plans only what is missing.", warnings);
    }

    /**
     * What would stop the set-up part-way, said before anything is sent: no Entra ID P1 (role-assignable groups and
     * Conditional Access need it), or a role a later stage needs that the admin does not hold. A Global Administrator
     * holds them all; a Privileged Role Administrator alone cannot create accounts, change the methods policy, issue
     * passes to Global Administrators or exclude them from Conditional Access.
     */
    private static Optional<String> cannotFinish(BreakGlassSetupRead read, AccountRoster roster) {
        if (read.licences().isPresent() && !read.licences().get().entraIdP1()) {
            return Optional.of("The set-up needs Entra ID P1, which this tenant does not have (" + String.join(", ",
                    read.licences().get().skuPartNumbers()) + "): role-assignable groups and Conditional Access come "
                    + "with it. Nothing was sent.");
        }
        List<String> missing = new ArrayList<>();
        if (!roster.toCreate().isEmpty()) {
            SetupAccess.refusal(read.admin(), SetupAccess.ACCOUNTS, "Creating the accounts").ifPresent(missing::add);
        }
        SetupAccess.refusal(read.admin(), SetupAccess.METHODS_POLICY, "Enabling passkeys and the pass for them")
                .ifPresent(missing::add);
        SetupAccess.refusal(read.admin(), SetupAccess.TAP, "Issuing and deleting their passes").ifPresent(missing::add);
        SetupAccess.refusal(read.admin(), ExclusionsStage.ACCESS, "Excluding them from Conditional Access")
                .ifPresent(missing::add);
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The set-up would stop part-way, so it does not start. " + String.join(" ", missing
                .stream().map(m -> m.replace(" Nothing was sent.", "")).toList()) + " Nothing was sent. Sign in as a "
                + "Global Administrator, or add those roles.");
    }

    /** Without a chosen group, a group the tenant already has that the set-up would otherwise not see. */
    private static Optional<String> unknownGroup(BreakGlassSetupRead read, SetupChoices choices) {
        if (!read.proposals().isEmpty()) {
            return Optional.of("No emergency-access group is chosen for this tenant, but discovery proposes "
                    + String.join(", ", read.proposals()) + ". If it holds the emergency-access accounts, choose it ("
                    + EmergencyAccess.HOW_TO_CHOOSE + ", or --breakglass-group for this run): the set-up then checks "
                    + "it and completes only what is missing. Setting up without it would make a second set of "
                    + "Global Administrators beside the first. Nothing was sent.");
        }
        List<GroupRef> named = read.named(choices.groupName());
        if (!named.isEmpty()) {
            GroupRef first = named.get(0);
            return Optional.of("A group named \u201c" + first.displayName() + "\u201d exists already (id " + first.id()
                    + (first.roleAssignable() ? ", role-assignable" : ", not role-assignable") + "). If it holds the "
                    + "emergency-access accounts, choose it (" + EmergencyAccess.HOW_TO_CHOOSE + ", or "
                    + "--breakglass-group for this run); otherwise give the new group another name. Nothing was "
                    + "sent.");
        }
        return Optional.empty();
    }
}
