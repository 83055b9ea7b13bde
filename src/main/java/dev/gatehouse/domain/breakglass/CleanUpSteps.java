package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Reconciliation;
import dev.gatehouse.domain.plan.Reversibility;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.tenant.DirectoryWriter;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantWriter;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.text.Moments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clean-up's steps, each explained for one account: what goes, what the account keeps, why Microsoft advises it,
 * the exact request, who may send it and how it is undone. A method or licence already gone counts as removed, so a
 * step stopped mid-way and run again finishes instead of failing; a stopped step reads the account back.
 */
final class CleanUpSteps {

    static final String PASS_PREFIX = "cleanup-pass-";
    static final String METHOD_PREFIX = "cleanup-method-";
    static final String LICENCES_PREFIX = "cleanup-licences-";

    private final TenantWriter writer;
    private final DirectoryWriter directoryWriter;
    private final TenantDirectory readBack;

    CleanUpSteps(TenantWriter writer, DirectoryWriter directoryWriter, TenantDirectory readBack) {
        this.writer = writer;
        this.directoryWriter = directoryWriter;
        this.readBack = readBack;
    }

    Step deletePass(UserDetail account, AuthMethod pass, String keyModel) {
        String name = AccountRoster.label(account);
        String state = pass.tap() == null ? "" : pass.tap().usable() ? ", still usable" : ", no longer usable ("
                + pass.tap().usabilityReason() + ")";
        return delete(PASS_PREFIX, account, pass, "Delete " + name + "'s Temporary Access Pass",
                "Deletes the Temporary Access Pass" + (pass.created() == null ? "" : " issued " + Moments.of(
                        pass.created())) + state + ". The account keeps its FIDO2 key (" + keyModel + ") and its "
                        + "password. The pass was only for registering the key; left in place, whoever holds its code "
                        + "could sign in as a Global Administrator until it expires.",
                "The account signs in with its FIDO2 key; the pass no longer works.",
                Reversibility.partly("A deleted pass cannot be restored; a new one (with a new code) can be issued at "
                        + "any time."), Risk.LOW);
    }

    Step deleteMethod(UserDetail account, AuthMethod method, String keyModel) {
        String name = AccountRoster.label(account);
        return delete(METHOD_PREFIX, account, method, "Delete " + name + "'s " + method.type().label()
                        + (method.summary().isBlank() ? "" : ": " + method.summary()),
                "Deletes the " + method.type().label() + CleanUpStage.describe(method) + ". The account keeps its "
                        + "FIDO2 key (" + keyModel + ") and its password. Microsoft advises that no emergency-access "
                        + "method be tied to a person or a personal device: a phone number, an app on someone's phone "
                        + "or a mailbox leaves with that person, and none of them is phishing-resistant.",
                "The account can no longer use this method to sign in or to reset its password; it signs in with its "
                        + "FIDO2 key.",
                Reversibility.irreversible("A deleted method cannot be restored; whoever owns it must register it "
                        + "again, signed in as the account at My Security Info."), Risk.MEDIUM);
    }

    private Step delete(String prefix, UserDetail account, AuthMethod method, String title, String effect,
                        String experience, Reversibility reversibility, Risk risk) {
        String userId = account.profile().id();
        String what = method.type().label() + CleanUpStage.describe(method);
        return new Step(prefix + method.id(), title, effect, experience,
                List.of(GraphRequest.of("DELETE", "/users/" + userId + "/authentication/"
                        + method.type().collection().orElseThrow() + "/" + method.id())),
                CleanUpStage.METHODS, reversibility, risk, List.of(),
                context -> {
                    try {
                        writer.deleteMethod(userId, method);
                    } catch (TenantException e) {
                        if (e.kind() != TenantException.Kind.NOT_FOUND) {
                            throw e;
                        }
                        return StepResult.changed("Already gone: " + what + " of " + AccountRoster.label(account)
                                + ".", Map.of("methodId", method.id()), Map.of("alreadyGone", true));
                    }
                    return StepResult.changed("Deleted " + what + " of " + AccountRoster.label(account) + ".",
                            Map.of("methodId", method.id(), "type", method.type().name()), Map.of("deleted", true));
                }).checkedBy(started -> readBack.authenticationMethods(userId).stream()
                .anyMatch(m -> m.id().equalsIgnoreCase(method.id()))
                ? Reconciliation.notApplied(what + " is still there.")
                : Reconciliation.applied(what + " is gone.", Map.of("deleted", true)));
    }

    Step removeLicences(UserDetail account, List<String> skuIds) {
        String userId = account.profile().id();
        String name = AccountRoster.label(account);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("addLicenses", List.of());
        body.put("removeLicenses", skuIds);
        return new Step(LICENCES_PREFIX + userId, "Remove " + name + "'s licence" + (skuIds.size() == 1 ? "" : "s"),
                "Removes the licence" + (skuIds.size() == 1 ? " " : "s ") + String.join(", ", skuIds) + " assigned "
                        + "directly to the account. An emergency-access account needs none: it signs in only to "
                        + "administer the tenant, which a Global Administrator can do unlicensed. Its mailbox, "
                        + "OneDrive and app data go with the licence (Microsoft keeps them about 30 days) unless a "
                        + "group gives it the same licence. A licence given through a group is not removed here: it "
                        + "stays until the account leaves the group or the group loses the licence.",
                "Nothing changes at sign-in; mail and apps that came with the licence stop working.",
                List.of(new GraphRequest("POST", "/users/" + userId + "/assignLicense", GraphBodies.of(body))),
                CleanUpStage.LICENCES,
                Reversibility.reversible("Assign the licence again (POST /users/{id}/assignLicense with addLicenses); "
                        + "data is kept about 30 days after removal."), Risk.MEDIUM, List.of(),
                context -> {
                    try {
                        directoryWriter.removeLicences(userId, skuIds);
                    } catch (TenantException e) {
                        if (e.kind() != TenantException.Kind.REJECTED) {
                            throw e;
                        }
                        // the plan holds direct licences only; one a group gave the account since the read, or
                        // one taken off the account meanwhile, is refused with 400 Request_BadRequest
                        throw new TenantException(e.kind(), e.getMessage() + " If the account now gets a licence "
                                + "through a group (group-based licensing), read the accounts again: the group's "
                                + "licences are changed in the Microsoft 365 admin center, not here. The passes and "
                                + "methods in the plan ran before this step.");
                    }
                    return StepResult.changed("Removed the licence" + (skuIds.size() == 1 ? " " : "s ")
                            + String.join(", ", skuIds) + " from " + name + ".", Map.of("skuIds", skuIds),
                            Map.of("skuIds", List.of()));
                }).checkedBy(started -> {
                    // a SKU the account also inherits stays held: only the direct assignment must be gone
                    List<String> left = InheritedLicences.directSkuIds(readBack.licenceAssignments(userId)).stream()
                            .filter(id -> skuIds.stream().anyMatch(id::equalsIgnoreCase)).toList();
                    return left.isEmpty() ? Reconciliation.applied("the licences are gone.", Map.of("skuIds", List.of()))
                            : Reconciliation.notApplied("still assigned directly: " + String.join(", ", left) + ".");
                });
    }
}
