package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Reversibility;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.tenant.RequiredAccess;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantWriter.IssuedPass;
import dev.gatehouse.domain.tenant.TenantWriter.TapRequest;
import dev.gatehouse.domain.tenant.TenantWriter;
import dev.gatehouse.domain.text.Moments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The steps recovery plans are made of, each explained for one user: what it changes, what the user will notice,
 * the exact requests, who may send them, whether they can be undone. Actions and the playbook share them, so a
 * step reads the same wherever it appears.
 */
final class RecoverySteps {

    static final String PERMISSION_METHODS = "UserAuthenticationMethod.ReadWrite.All";
    static final String PERMISSION_REVOKE = "User.RevokeSessions.All";
    static final String PERMISSION_ENABLE = "User.EnableDisableAccount.All";

    private static final String CAE_TIMING = "Exchange Online, Teams and SharePoint (apps that support continuous "
            + "access evaluation) sign them out within minutes; other apps keep working until their access token "
            + "expires, up to about an hour.";

    private final TenantWriter writer;
    private final RecoveryContext context;
    private final PasswordGenerator passwords;

    RecoverySteps(TenantWriter writer, RecoveryContext context, PasswordGenerator passwords) {
        this.writer = writer;
        this.context = context;
        this.passwords = passwords;
    }

    private String user() {
        return "/users/" + context.targetId();
    }

    private String name() {
        return context.targetName();
    }

    private RequiredAccess access(String permission, RecoveryAction action) {
        return new RequiredAccess(permission, Guardrails.rolesNeeded(action, context), null);
    }

    Step disable(String id) {
        return new Step(id, "Disable the account",
                "Sets accountEnabled to false: " + name() + " cannot sign in or get new tokens from now on. "
                        + "Nothing else changes: methods, password, groups and licences stay.",
                "Every sign-in attempt is refused with \"Your account has been locked\". Access tokens already "
                        + "issued are not recalled by this alone: " + CAE_TIMING,
                List.of(new GraphRequest("PATCH", user(), "{\"accountEnabled\": false}")),
                access(PERMISSION_ENABLE, RecoveryAction.DISABLE),
                Reversibility.reversible("Enable the account again (PATCH accountEnabled true)."),
                Risk.MEDIUM, List.of(),
                step -> {
                    writer.setAccountEnabled(context.targetId(), false);
                    return StepResult.changed("Account disabled.", Map.of("accountEnabled", true),
                            Map.of("accountEnabled", false));
                });
    }

    Step enable(String id, String why) {
        return new Step(id, "Enable the account",
                "Sets accountEnabled to true: " + name() + " can sign in again" + why,
                "Signs in with the methods they have at that moment.",
                List.of(new GraphRequest("PATCH", user(), "{\"accountEnabled\": true}")),
                access(PERMISSION_ENABLE, RecoveryAction.ENABLE),
                Reversibility.reversible("Disable the account again."),
                Risk.LOW, List.of(),
                step -> {
                    writer.setAccountEnabled(context.targetId(), true);
                    return StepResult.changed("Account enabled.", Map.of("accountEnabled", false),
                            Map.of("accountEnabled", true));
                });
    }

    Step revokeSessions(String id) {
        List<String> warnings = context.profile().isGuest()
                ? List.of(name() + " is a guest: this has no effect on sessions from their home organisation.")
                : List.of();
        return new Step(id, "Revoke sign-in sessions",
                "Moves signInSessionsValidFromDateTime to now: every refresh token and session cookie issued to "
                        + name() + " before now stops working. Methods and password do not change. Entra can take "
                        + "a few minutes to apply it.",
                "Signed out everywhere and asked to sign in again. " + CAE_TIMING,
                List.of(GraphRequest.of("POST", user() + "/revokeSignInSessions")),
                access(PERMISSION_REVOKE, RecoveryAction.REVOKE_SESSIONS),
                Reversibility.irreversible("Revoked sessions cannot be restored; the user signs in again."),
                Risk.LOW, warnings,
                step -> {
                    writer.revokeSignInSessions(context.targetId());
                    return StepResult.changed("Sign-in sessions revoked.",
                            timestamps("signInSessionsValidFrom", context.profile().signInSessionsValidFrom()),
                            Map.of("signInSessionsValidFrom", "now"));
                });
    }

    /** Deletes {@code delete}, one request each; a method already gone counts as deleted, so a retried step resumes. */
    Step deleteMethods(String id, String title, List<AuthMethod> delete, List<AuthMethod> keep, Risk risk,
                       List<String> warnings, String userExperience, RecoveryAction action) {
        List<GraphRequest> requests = delete.stream()
                .map(m -> GraphRequest.of("DELETE", user() + "/authentication/" + m.type().collection().orElseThrow()
                        + "/" + m.id()))
                .toList();
        String effect = (delete.size() == 1 ? "This method will be deleted: " : "These " + delete.size()
                + " methods will be deleted: ") + describe(delete) + "."
                + (keep.isEmpty() ? " No other method remains." : " These stay: " + describe(keep) + ".");
        return new Step(id, title, effect, userExperience, requests, access(PERMISSION_METHODS, action),
                Reversibility.irreversible("A deleted method cannot be restored; only the user can register it "
                        + "again (with MFA or a Temporary Access Pass)."),
                risk, warnings,
                step -> {
                    List<String> deleted = new ArrayList<>();
                    List<String> alreadyGone = new ArrayList<>();
                    for (int i = 0; i < delete.size(); i++) {
                        AuthMethod method = delete.get(i);
                        step.progress("Deleting " + describe(method) + " (" + (i + 1) + " of " + delete.size() + ")");
                        try {
                            writer.deleteMethod(context.targetId(), method);
                            deleted.add(describe(method));
                        } catch (TenantException e) {
                            if (e.kind() != TenantException.Kind.NOT_FOUND) {
                                throw partly(e, deleted);
                            }
                            alreadyGone.add(describe(method));
                        }
                    }
                    String summary = "Deleted " + (deleted.isEmpty() ? "nothing" : String.join(", ", deleted)) + "."
                            + (alreadyGone.isEmpty() ? "" : " Already gone: " + String.join(", ", alreadyGone) + ".");
                    return StepResult.changed(summary,
                            Map.of("methods", delete.stream().map(RecoverySteps::journalName).toList()),
                            Map.of("deleted", deleted, "alreadyGone", alreadyGone));
                });
    }

    private static TenantException partly(TenantException e, List<String> deleted) {
        if (deleted.isEmpty()) {
            return e;
        }
        return new TenantException(e.kind(), e.getMessage() + " Already deleted before this failure: "
                + String.join(", ", deleted) + ".", e.httpStatus(), e.graphCode(), e.requestId(), e);
    }

    Step resetPassword(String id) {
        boolean passwordless = context.signsInWithoutPassword();
        List<String> warnings = new ArrayList<>();
        if (context.profile().isSynced()) {
            warnings.add("Synced from on-premises AD: needs password writeback, otherwise Entra refuses the reset.");
        }
        String experience = passwordless
                ? name() + " signs in with a passkey or Windows Hello, which this does not change; only a sign-in "
                        + "with the password must set a new one. Sessions opened with the passkey or Windows Hello "
                        + "may stay signed in."
                : "Sessions signed in with the old password end. At the next sign-in with the temporary password "
                        + "they must choose a new one before anything else.";
        return new Step(id, "Reset the password",
                "Sets a random " + PasswordGenerator.LENGTH + "-character temporary password generated on this "
                        + "computer, which " + name() + " must change at next sign-in. Microsoft documents that an admin "
                        + "reset revokes the sessions and refresh tokens obtained with the password; those obtained "
                        + "without it (passkey, Windows Hello) may stay alive, so add \"Revoke sign-in sessions\" to "
                        + "end every session. The password is shown to you once and recorded nowhere.",
                experience,
                List.of(new GraphRequest("POST", user() + "/authentication/methods/" + MethodType.PASSWORD_METHOD_ID
                        + "/resetPassword", "{\"newPassword\": \"" + GraphRequest.SECRET_MASK + "\"}")),
                access(PERMISSION_METHODS, RecoveryAction.RESET_PASSWORD),
                Reversibility.irreversible("The old password cannot be restored; the user sets their own at next "
                        + "sign-in."),
                Risk.MEDIUM, warnings,
                step -> {
                    Secret password = passwords.next("Temporary password");
                    TenantWriter.PasswordReset reset = writer.resetPassword(context.targetId(), password);
                    return StepResult.changed(reset.unconfirmed()
                                    .orElse("Password reset; " + name() + " must change it at next sign-in."),
                            timestamps("lastPasswordChange", context.profile().lastPasswordChange()),
                            Map.of("lastPasswordChange", "now", "mustChangePassword", true)).withSecret(password);
                });
    }

    Step issueTap(String id, TapRequest request, List<String> warnings) {
        String kind = request.usableOnce() ? "one-time" : "multi-use";
        return new Step(id, "Issue a Temporary Access Pass",
                "Creates a " + kind + " Temporary Access Pass valid for " + minutes(request.lifetimeMinutes())
                        + " from now" + (context.has(MethodType.TEMPORARY_ACCESS_PASS)
                        ? ", replacing the pass " + name() + " has now" : "")
                        + ". It is shown to you once, for hand-over after you have verified the user's identity "
                        + "out of band (ISM-1593). It removes no other method.",
                "Can sign in with the pass instead of password and MFA" + (request.usableOnce()
                        ? " once, then has 10 minutes to register a passkey or other method"
                        : " until it expires") + " at https://aka.ms/mysecurityinfo.",
                List.of(new GraphRequest("POST", user() + "/authentication/temporaryAccessPassMethods",
                        "{\"lifetimeInMinutes\": " + request.lifetimeMinutes() + ", \"isUsableOnce\": "
                                + request.usableOnce() + "}")),
                access(PERMISSION_METHODS, RecoveryAction.ISSUE_TAP),
                Reversibility.reversible("Delete the pass (DELETE …/temporaryAccessPassMethods/{id}) before it is "
                        + "used."),
                Risk.MEDIUM, warnings,
                step -> {
                    IssuedPass pass;
                    try {
                        pass = writer.issueTemporaryAccessPass(context.targetId(), request);
                    } catch (TenantException e) {
                        if (e.kind() != TenantException.Kind.UNAVAILABLE && e.kind() != TenantException.Kind.CANCELLED) {
                            throw e;
                        }
                        // its code was only in the answer that never came: a pass may exist that nobody can hand over
                        throw new TenantException(e.kind(), e.getMessage() + " If a pass was created, its code is "
                                + "lost: list the user's methods and delete that Temporary Access Pass before issuing "
                                + "another.", e.httpStatus(), e.graphCode(), e.requestId(), e);
                    }
                    Map<String, Object> after = new LinkedHashMap<>();
                    after.put("temporaryAccessPassId", pass.method().id());
                    after.put("lifetimeMinutes", request.lifetimeMinutes());
                    after.put("usableOnce", request.usableOnce());
                    Instant expires = pass.method().tap() == null ? null : pass.method().tap().expires();
                    String expiry = expires == null ? "" : ", expires " + Moments.of(expires);
                    return StepResult.changed("Issued a " + kind + " Temporary Access Pass" + expiry + ".",
                            Map.of("hadTemporaryAccessPass", context.has(MethodType.TEMPORARY_ACCESS_PASS)), after)
                            .withSecret(pass.code(), expires);
                });
    }


    static String minutes(int minutes) {
        if (minutes % 1440 == 0) {
            return minutes / 1440 + (minutes == 1440 ? " day" : " days");
        }
        if (minutes % 60 == 0) {
            return minutes / 60 + (minutes == 60 ? " hour" : " hours");
        }
        return minutes + " minutes";
    }

    static String describe(List<AuthMethod> methods) {
        return methods.stream().map(RecoverySteps::describe).collect(Collectors.joining(", "));
    }

    /** "Microsoft Authenticator 'SM-A546B'". */
    static String describe(AuthMethod method) {
        String summary = method.summary();
        if (summary.isBlank() || summary.equalsIgnoreCase(method.type().label())) {
            return method.type().label();
        }
        return method.type().label() + " '" + summary + "'";
    }

    /** What the journal keeps of a method: type and id, never a phone number or address. */
    private static String journalName(AuthMethod method) {
        return method.type().name() + " " + method.id();
    }

    private static Map<String, Object> timestamps(String key, java.time.Instant value) {
        return value == null ? Map.of() : Map.of(key, value.toString());
    }
}
