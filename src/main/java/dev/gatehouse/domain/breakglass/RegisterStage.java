package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.policy.KeyRestrictions;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.text.Moments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stage 7, register: nothing is sent. The admin registers one FIDO2 key per account at My Security Info, signed in
 * with the account's one-time pass; Gatehouse cannot do that part (creating a key on someone's behalf is beta and
 * needs the WebAuthn ceremony on this machine, graph-facts §6.3). The stage is done once every account has a key,
 * naming each; until then it waits, saying who has none and what to do. {@link KeyWatch} polls for the keys. A key of
 * a model the FIDO2 key restrictions refuse is said so, and does not count: Entra refuses it at sign-in too.
 */
final class RegisterStage {

    static final String MY_SECURITY_INFO = "https://aka.ms/mysecurityinfo";

    private RegisterStage() {
    }

    static BreakGlassSetupProposal propose(BreakGlassSetupRead read, Answers answers,
                                           Optional<ProcedureProgress> progress) {
        StageStart start = StageStart.withAccounts(read, answers);
        if (start.refused()) {
            return start.refusal();
        }
        if (read.keyRestrictions().isEmpty()) {
            // without them no key can be called usable, and the clean-up after this stage deletes the passes
            return BreakGlassSetupProposal.refused(read.whyKeyRestrictionsUnknown() + " Nothing was recorded.",
                    read.couldNotCheck());
        }
        KeyRestrictions restrictions = read.keyRestrictions().get();
        List<String> unknown = new ArrayList<>();
        List<KeyArrival> keys = new ArrayList<>();
        List<UserDetail> waiting = new ArrayList<>();
        List<UserDetail> refused = new ArrayList<>();
        for (UserDetail account : start.roster().accounts()) {
            if (!account.readable(UserDetail.Part.METHODS)) {
                unknown.add(AccountRoster.label(account) + ": " + account.whyUnreadable(UserDetail.Part.METHODS)
                        .orElse("not readable"));
                continue;
            }
            List<KeyArrival> own = KeyArrival.of(account);
            keys.addAll(own);
            if (own.isEmpty()) {
                waiting.add(account);
            } else if (own.stream().allMatch(key -> key.refusedBy(restrictions))) {
                refused.add(account);
            }
        }
        if (!unknown.isEmpty()) {
            return BreakGlassSetupProposal.refused("Could not check the accounts' keys: " + String.join("; ", unknown)
                    + ".");
        }
        List<String> warnings = new ArrayList<>(KeyArrival.sameKeyWarnings(keys));
        warnings.addAll(KeyArrival.refusedKeyWarnings(keys, restrictions));
        if (!waiting.isEmpty() || !refused.isEmpty()) {
            // the clean-up waits for every key; a pass beside a key meanwhile is a live way in, said so with the fix
            List<UserDetail> withKey = start.roster().accounts().stream()
                    .filter(a -> !waiting.contains(a) && !refused.contains(a)).toList();
            withKey.forEach(account ->
                    TapPlan.usablePass(account, read.now()).ifPresent(pass -> warnings.add(AccountRoster.label(account)
                            + " has its key but still holds a usable Temporary Access Pass" + (pass.tap().expires()
                            == null ? "" : " (until " + Moments.of(pass.tap().expires()) + ")") + ": the clean-up "
                            + "deletes it once every key is there. To delete it now: gatehouse user delete-method "
                            + account.profile().userPrincipalName() + " " + pass.id() + " (or Delete in the users "
                            + "workspace).")));
            List<String> message = new ArrayList<>();
            if (!waiting.isEmpty()) {
                message.add(waitingFor(waiting, read.now()));
            }
            // a refused key is no way in: the account waits for a usable one, and keeps its pass to register it
            refused.forEach(account -> message.add(AccountRoster.label(account) + " has only keys the FIDO2 key "
                    + "restrictions refuse, so it still needs a key of an allowed model; it " + passNote(account,
                    read.now()) + "."));
            return BreakGlassSetupProposal.refused(String.join(" ", message), warnings);
        }
        return BreakGlassSetupProposal.nothingToDo("Every emergency-access account has a FIDO2 key. " + String.join(
                "; ", keys.stream().map(KeyArrival::describe).toList()) + ".", warnings);
    }

    /** Who still has no key, how each registers one, and the pass each holds for it. */
    static String waitingFor(List<UserDetail> waiting, Instant now) {
        List<String> each = waiting.stream().map(account -> AccountRoster.label(account) + " " + passNote(account, now))
                .toList();
        return "Waiting for keys: " + String.join("; ", each) + ". For each account, open a clean browser session "
                + "(a private window, nobody else signed in), go to " + MY_SECURITY_INFO + ", sign in with the "
                + "account's name and its one-time Temporary Access Pass, and register ONE key that belongs to that "
                + "account alone (Add sign-in method > Security key or passkey). " + TapPlan.WINDOW + " Then run this "
                + "step again, or let Gatehouse wait for the keys.";
    }

    private static String passNote(UserDetail account, Instant now) {
        Optional<AuthMethod> usable = TapPlan.usablePass(account, now);
        if (usable.isPresent()) {
            Instant expires = usable.get().tap().expires();
            return "holds a usable pass" + (expires == null ? "" : " until " + Moments.of(expires));
        }
        boolean holds = account.methods().stream().anyMatch(m -> m.type() == MethodType.TEMPORARY_ACCESS_PASS);
        String upn = account.profile().userPrincipalName();
        return (holds ? "holds a pass that can no longer be used (used once, or expired)" : "holds no pass")
                + ": issue a new one-time pass first (gatehouse user issue-tap " + upn + ", or the users workspace)";
    }
}
