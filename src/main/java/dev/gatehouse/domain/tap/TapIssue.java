package dev.gatehouse.domain.tap;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Reconciliation;
import dev.gatehouse.domain.plan.Reversibility;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepCheck;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.tenant.RequiredAccess;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantWriter;
import dev.gatehouse.domain.tenant.TenantWriter.IssuedPass;
import dev.gatehouse.domain.tenant.TenantWriter.TapRequest;
import dev.gatehouse.domain.text.Moments;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one "issue a Temporary Access Pass" step, shared by the users workspace (one user) and the registration-policy
 * workspace (one step per user of a bulk hand-out): it explains the pass, sends the POST once, hands the code over as
 * the step's {@link dev.gatehouse.domain.secret.Secret} with the expiry Graph returned (start + lifetime, never the
 * request's), and, when stopped mid-way, reads the user's methods back for a pass created since the step began.
 */
public final class TapIssue {

    public static final String PERMISSION = "UserAuthenticationMethod.ReadWrite.All";

    /** Clocks of this computer and of Graph disagree by this much at most, for "created since the step began". */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private TapIssue() {
    }

    /**
     * Who the pass is for.
     *
     * @param name          as the admin knows them ("Ada Lovelace (ada@contoso.com)")
     * @param methodsBefore ids of the methods they held when the plan was read (a read-back ignores those)
     * @param holdsPass     whether they hold a pass now; empty when the plan did not read it
     */
    public record Target(String userId, String name, Set<String> methodsBefore, Optional<Boolean> holdsPass) {
        public Target {
            methodsBefore = Set.copyOf(methodsBefore);
        }
    }

    /**
     * @param readBack reads the tenant back when the step is stopped mid-way; null when there is none
     */
    public static Step step(String id, String title, Target target, TapRequest request, RequiredAccess access,
                            List<String> warnings, TenantWriter writer, TenantDirectory readBack) {
        String kind = kind(request);
        boolean replaces = target.holdsPass().orElse(false);
        return new Step(id, title,
                "Creates a " + kind + " Temporary Access Pass valid for " + minutes(request.lifetimeMinutes())
                        + " from now" + (replaces ? ", replacing the pass " + target.name() + " has now"
                        : target.holdsPass().isEmpty() ? ", replacing any pass " + target.name() + " has now" : "")
                        + ". It is shown to you once, for hand-over after you have verified the user's identity "
                        + "out of band (ISM-1593). It removes no other method.",
                "Can sign in with the pass instead of password and MFA" + (request.usableOnce()
                        ? " once, then has 10 minutes to register a passkey or other method"
                        : " until it expires") + " at https://aka.ms/mysecurityinfo.",
                List.of(request(target.userId(), request)),
                access,
                Reversibility.reversible("Delete the pass (DELETE …/temporaryAccessPassMethods/{id}) before it is "
                        + "used."),
                Risk.MEDIUM, warnings,
                step -> {
                    IssuedPass pass;
                    try {
                        pass = writer.issueTemporaryAccessPass(target.userId(), request);
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
                    Map<String, Object> before = target.holdsPass().<Map<String, Object>>map(
                            holds -> Map.of("hadTemporaryAccessPass", holds)).orElse(Map.of());
                    return StepResult.changed("Issued a " + kind + " Temporary Access Pass" + expiry + ".", before,
                            after).withSecret(pass.code(), expires);
                }).checkedBy(readBack == null ? StepCheck.NONE : started -> createdSince(readBack, target, started)
                .map(m -> Reconciliation.partly("a pass was created" + (m.created() == null ? ""
                        : " " + Moments.of(m.created())) + ", but its code never arrived. Delete it (method "
                        + m.id() + ") before issuing another.", Map.of("temporaryAccessPassId", m.id())))
                // the pass exists but its code was only in the answer that never came: part done
                .orElseGet(() -> Reconciliation.notApplied("no new pass was created.")));
    }

    /** The POST as a plan shows it. */
    public static GraphRequest request(String userId, TapRequest request) {
        return new GraphRequest("POST", "/users/" + userId + "/authentication/temporaryAccessPassMethods",
                "{\"lifetimeInMinutes\": " + request.lifetimeMinutes() + ", \"isUsableOnce\": "
                        + request.usableOnce() + "}");
    }

    /** A pass the target holds that was created since {@code since} (less the clock skew) and was not there before. */
    public static Optional<AuthMethod> createdSince(TenantDirectory directory, Target target, Instant since) {
        return directory.authenticationMethods(target.userId()).stream()
                .filter(m -> m.type() == MethodType.TEMPORARY_ACCESS_PASS && !target.methodsBefore().contains(m.id()))
                .filter(m -> m.created() == null || m.created().isAfter(since.minus(CLOCK_SKEW)))
                .findFirst();
    }

    public static String kind(TapRequest request) {
        return request.usableOnce() ? "one-time" : "multi-use";
    }

    /** "8 hours", "1 day", "90 minutes". */
    public static String minutes(int minutes) {
        if (minutes % 1440 == 0) {
            return minutes / 1440 + (minutes == 1440 ? " day" : " days");
        }
        if (minutes % 60 == 0) {
            return minutes / 60 + (minutes == 60 ? " hour" : " hours");
        }
        return minutes + " minutes";
    }
}
