package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.plan.BoundedRead;
import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Reconciliation;
import dev.gatehouse.domain.plan.Reversibility;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepCheck;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.plan.UncertainStepException;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.tap.TapIssue;
import dev.gatehouse.domain.tenant.RequiredAccess;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantWriter.TapRequest;
import dev.gatehouse.domain.tenant.TenantWriter;
import dev.gatehouse.domain.text.Moments;
import dev.gatehouse.domain.user.UserProfile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The steps recovery plans are made of, each explained for one user: what it changes, what the user will notice,
 * the exact requests, who may send them, whether they can be undone. Actions and the playbook share them, so a
 * step reads the same wherever it appears.
 */
final class RecoverySteps {

    static final String PERMISSION_METHODS = TapIssue.PERMISSION;
    static final String PERMISSION_REVOKE = "User.RevokeSessions.All";
    static final String PERMISSION_ENABLE = "User.EnableDisableAccount.All";

    private static final String CAE_TIMING = "Exchange Online, Teams and SharePoint (apps that support continuous "
            + "access evaluation) sign them out within minutes; other apps keep working until their access token "
            + "expires, up to about an hour.";

    /** Clocks of this computer and of Graph disagree by this much at most, for "changed since the step began". */
    private static final Duration CLOCK_SKEW = TapIssue.CLOCK_SKEW;
    /** As PlanExecutor's read-back: a reset cut short may still be on its way through the service. */
    private static final Duration READ_BACK_SETTLE = Duration.ofSeconds(1);

    private final TenantWriter writer;
    private final TenantDirectory readBack;
    private final RecoveryContext context;
    private final PasswordGenerator passwords;

    /** @param readBack reads the tenant back when a step is stopped mid-way; null when there is none */
    RecoverySteps(TenantWriter writer, TenantDirectory readBack, RecoveryContext context, PasswordGenerator passwords) {
        this.writer = writer;
        this.readBack = readBack;
        this.context = context;
        this.passwords = passwords;
    }

    private UserProfile profileNow() {
        return readBack.findUser(context.targetId()).orElseThrow(() -> new TenantException(
                TenantException.Kind.NOT_FOUND, name() + " is no longer in the tenant.")).profile();
    }

    private StepCheck accountEnabledIs(boolean enabled) {
        return started -> profileNow().accountEnabled() == enabled
                ? Reconciliation.applied("the account is " + (enabled ? "enabled" : "disabled") + ".",
                Map.of("accountEnabled", enabled))
                : Reconciliation.notApplied("the account is still " + (enabled ? "disabled" : "enabled") + ".");
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
                }).checkedBy(readBack == null ? StepCheck.NONE : accountEnabledIs(false));
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
                }).checkedBy(readBack == null ? StepCheck.NONE : accountEnabledIs(true));
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
                }).checkedBy(readBack == null ? StepCheck.NONE : started -> {
                    Instant validFrom = profileNow().signInSessionsValidFrom();
                    Instant before = context.profile().signInSessionsValidFrom();
                    boolean moved = validFrom != null && (before == null
                            ? validFrom.isAfter(started.minus(CLOCK_SKEW)) : validFrom.isAfter(before));
                    return moved ? Reconciliation.applied("sign-in sessions are valid from " + Moments.of(validFrom)
                            + ".", Map.of("signInSessionsValidFrom", validFrom.toString()))
                            : Reconciliation.notApplied("sign-in sessions are still valid from "
                            + (validFrom == null ? "an unknown time" : Moments.of(validFrom)) + ".");
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
                }).checkedBy(readBack == null ? StepCheck.NONE : started -> {
                    java.util.Set<String> present = readBack.authenticationMethods(context.targetId()).stream()
                            .map(m -> m.id().toLowerCase(java.util.Locale.ROOT))
                            .collect(java.util.stream.Collectors.toSet());
                    List<String> gone = delete.stream().filter(m -> !present.contains(m.id().toLowerCase(
                            java.util.Locale.ROOT))).map(RecoverySteps::describe).toList();
                    List<String> still = delete.stream().filter(m -> present.contains(m.id().toLowerCase(
                            java.util.Locale.ROOT))).map(RecoverySteps::describe).toList();
                    Map<String, Object> found = Map.of("deleted", gone, "stillThere", still);
                    if (still.isEmpty()) {
                        return Reconciliation.applied("deleted " + String.join(", ", gone) + ".", found);
                    }
                    return gone.isEmpty() ? Reconciliation.notApplied(String.join(", ", still) + " still there.")
                            : Reconciliation.partly("deleted " + String.join(", ", gone) + "; still there: "
                            + String.join(", ", still) + ".", found);
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
        return resetPassword(id, false);
    }

    /** @param sessionsRevokedBefore an earlier step of the plan already revokes every session */
    Step resetPassword(String id, boolean sessionsRevokedBefore) {
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
                        + "without it (passkey, Windows Hello) may stay alive" + (sessionsRevokedBefore
                        ? "; the earlier \"Revoke sign-in sessions\" step ends those."
                        : ", so add \"Revoke sign-in sessions\" to end every session.")
                        + " The password is shown to you once and recorded nowhere.",
                experience,
                List.of(new GraphRequest("POST", user() + "/authentication/methods/" + MethodType.PASSWORD_METHOD_ID
                        + "/resetPassword", "{\"newPassword\": \"" + GraphRequest.SECRET_MASK + "\"}")),
                access(PERMISSION_METHODS, RecoveryAction.RESET_PASSWORD),
                Reversibility.irreversible("The old password cannot be restored; the user sets their own at next "
                        + "sign-in."),
                Risk.MEDIUM, warnings,
                step -> {
                    Secret password = passwords.next("Temporary password");
                    Instant started = Instant.now();
                    TenantWriter.PasswordReset reset;
                    try {
                        reset = writer.resetPassword(context.targetId(), password);
                    } catch (TenantException e) {
                        if (e.kind() != TenantException.Kind.CANCELLED && e.kind() != TenantException.Kind.UNAVAILABLE) {
                            throw e;
                        }
                        return resetStoppedMidWay(password, started, e);
                    }
                    return StepResult.changed(reset.unconfirmed()
                                    .orElse("Password reset; " + name() + " must change it at next sign-in."),
                            timestamps("lastPasswordChange", context.profile().lastPasswordChange()),
                            Map.of("lastPasswordChange", "now", "mustChangePassword", true)).withSecret(password);
                }).checkedBy(readBack == null ? StepCheck.NONE : started -> {
                    // reached only when the step itself read back "not changed": say so in the outcome
                    Instant changed = profileNow().lastPasswordChange();
                    Instant before = context.profile().lastPasswordChange();
                    return changed != null && changedSince(changed, before, started)
                            ? Reconciliation.partly("the password was changed " + Moments.of(changed) + ", but the "
                            + "password sent was not handed over: reset it again.", Map.of("lastPasswordChange",
                            changed.toString()))
                            : Reconciliation.notApplied("the password was not changed.");
                });
    }

    /**
     * When the password was last changed, read back (within {@link BoundedRead#LIMIT}) after a request cut short had
     * time to land, with a second look when the first finds no change; empty when it cannot be read.
     */
    private java.util.Optional<Instant> passwordChangedSince(Instant before, Instant started) {
        if (readBack == null) {
            return java.util.Optional.empty();
        }
        // a tenant that reports no change time cannot tell either way: that is "cannot be read" too
        return BoundedRead.within(BoundedRead.LIMIT, () -> {
            Thread.sleep(READ_BACK_SETTLE.toMillis());
            Instant changed = profileNow().lastPasswordChange();
            if (changed == null || !changedSince(changed, before, started)) {
                Thread.sleep(READ_BACK_SETTLE.toMillis() * 2);
                changed = profileNow().lastPasswordChange();
            }
            return java.util.Optional.ofNullable(changed);
        }).answer().flatMap(changed -> changed);
    }

    /**
     * Whether a password change read back is this step's: after the step began (within the clocks' skew) and after the
     * change read when the plan was made — a change another admin made while this plan waited for Confirm is not ours.
     */
    private static boolean changedSince(Instant changed, Instant before, Instant started) {
        Instant threshold = started.minus(CLOCK_SKEW);
        if (before != null && before.isAfter(threshold)) {
            threshold = before;
        }
        return changed.isAfter(threshold);
    }

    /**
     * A reset stopped (or unanswered) after its request may have reached Graph. Only this step holds the password that
     * was sent, so it reads the tenant back itself: applied, it hands the password over as done; not applied, the stop
     * stands; unknown, the password is still shown, said to be "may have been applied", and the step counts as done
     * so that a rerun does not reset again without saying so.
     */
    private StepResult resetStoppedMidWay(Secret password, Instant started, TenantException stop)
            throws TenantException, UncertainStepException {
        boolean interrupted = Thread.interrupted(); // the read runs even after Stop or Ctrl+C
        try {
            Instant before = context.profile().lastPasswordChange();
            java.util.Optional<Instant> changed = passwordChangedSince(before, started);
            if (changed.isPresent() && changedSince(changed.get(), before, started)) {
                return StepResult.changed("Done before the stop: the password was changed "
                                + Moments.of(changed.get()) + ". This is the temporary password; " + name()
                                + " must change it at next sign-in.", timestamps("lastPasswordChange", before),
                        Map.of("lastPasswordChange", changed.get().toString(), "mustChangePassword", true))
                        .withSecret(password);
            }
            if (changed.isPresent()) {
                throw stop; // read back: not changed by this step, so the stop stands
            }
            // cannot tell: show the password (it may be the one that works) but do not count the reset as done
            throw new UncertainStepException(StepResult.changed("May have been applied: the reset was sent when the "
                            + "run stopped and Gatehouse could not read back whether Graph carried it out. If it did, "
                            + "this is the password; if " + name() + " cannot sign in with it, the old one still works. "
                            + "The run stops here; running it again resets the password again.",
                    timestamps("lastPasswordChange", before), Map.of("lastPasswordChange", "unknown"))
                    .withSecret(password));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    Step issueTap(String id, TapRequest request, List<String> warnings) {
        return issueTap(id, request, warnings, context.methods());
    }

    /**
     * @param methodsThen the methods the user holds when the step runs, after the plan's earlier steps: a pass an
     *                    earlier step deletes is not "replaced"
     */
    Step issueTap(String id, TapRequest request, List<String> warnings, List<AuthMethod> methodsThen) {
        TapIssue.Target target = new TapIssue.Target(context.targetId(), name(),
                context.methods().stream().map(AuthMethod::id).collect(Collectors.toSet()),
                java.util.Optional.of(methodsThen.stream().anyMatch(m -> m.type() == MethodType.TEMPORARY_ACCESS_PASS)));
        return TapIssue.step(id, "Issue a Temporary Access Pass", target, request,
                access(PERMISSION_METHODS, RecoveryAction.ISSUE_TAP), warnings, writer, readBack);
    }


    static String minutes(int minutes) {
        return TapIssue.minutes(minutes);
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
