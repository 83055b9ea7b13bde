package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.TapState;
import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepCheck;
import dev.gatehouse.domain.plan.StepContext;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.policy.TapSettings;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.procedure.Stage;
import dev.gatehouse.domain.tap.TapIssue;
import dev.gatehouse.domain.tenant.RequiredAccess;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantWriter;
import dev.gatehouse.domain.tenant.TenantWriter.TapRequest;
import dev.gatehouse.domain.text.Moments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The registration-policy procedure's bulk Temporary Access Pass: one step per user who could not register once the
 * policy is on, each issuing a one-time pass with the chosen lifetime, shown once ({@link TapIssue}).
 * <p>
 * <b>Pace.</b> Every request of the stage to the authentication-method APIs — the POST, a read-back — goes through one
 * {@link TapPacer}: at most 5 per sliding 10 s. A 429 is a refusal (Graph did not process the request), so the step
 * waits for its {@code Retry-After} and asks again for the same user. A 503, 504 or lost connection is not: the pass
 * may exist with its code lost, so the step is not sent again; the run stops there, saying so, after reading the
 * user's methods back ({@link TapIssue}'s check).
 * <p>
 * <b>Resume.</b> Users are planned in a stable order (by object id) and progress is saved after every step, so a run
 * stopped midway plans only the users without a done step. The plan executor runs steps in order and stops at the
 * first one not done, so in a continued run only the first user not done — and, if the list of users changed
 * between attempts, any not done ordered before the last done one — can have had a pass issued without its step
 * being recorded (process killed, answer lost). Their step reads their methods first: a pass created since the run
 * began means no second one. Nothing about the codes is ever saved.
 *
 * @param <R> what the procedure reads before each stage; the stage needs only the tenant's TAP settings from it
 */
public final class BulkTapStage<R> implements Stage<R, BulkTapProposal> {

    public static final String ID = "bulk-tap";
    /** Answer: the users who need a pass, a {@code BulkTapUser[]}. */
    public static final String USERS = "bulkTapUsers";
    /** Answer: the lifetime of each pass in minutes; the tenant's default when absent. */
    public static final String LIFETIME = "bulkTapLifetimeMinutes";
    /** Step ids are this prefix and the user's object id: stable across attempts, so progress recognises them. */
    public static final String STEP_PREFIX = "tap-";
    /** Consecutive 429s for one user before the step gives up (another app is using up the tenant's quota). */
    static final int MOST_THROTTLED = 10;

    static final RequiredAccess ACCESS = RequiredAccess.of(TapIssue.PERMISSION, "Authentication Administrator",
            "Privileged Authentication Administrator", "Global Administrator");

    private final Function<R, Optional<TapSettings>> settings;
    private final TenantWriter writer;
    private final TenantDirectory directory;
    private final TapPacer pacer;

    /**
     * @param settings  the tenant's TAP settings from the procedure's read; empty when they could not be read
     * @param directory reads a user's methods back (before a possibly repeated pass, after a lost answer)
     * @param pacer     shared by every request of the stage to the authentication-method APIs
     */
    public BulkTapStage(Function<R, Optional<TapSettings>> settings, TenantWriter writer, TenantDirectory directory,
                        TapPacer pacer) {
        this.settings = settings;
        this.writer = writer;
        this.directory = directory;
        this.pacer = pacer;
    }

    /** The answers a front end gives this stage: the users from the pre-flight and the lifetime chosen. */
    public static Answers answers(Answers base, List<BulkTapUser> users, int lifetimeMinutes) {
        return base.with(USERS, users).with(LIFETIME, lifetimeMinutes);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Temporary Access Passes for users who could not register";
    }

    /** Tenants where everyone can already register need no passes: the stages after it do not wait for it. */
    @Override
    public boolean optional() {
        return true;
    }

    public TapPacer pacer() {
        return pacer;
    }

    @Override
    public BulkTapProposal propose(R read, Answers answers, Optional<ProcedureProgress> progress) {
        Optional<TapSettings> tap = settings.apply(read);
        if (tap.isEmpty()) {
            return BulkTapProposal.without(BulkTapProposal.Kind.REFUSED, "The tenant's Temporary Access Pass settings "
                    + "could not be read, so no lifetime can be checked against them. Check that the Temporary Access "
                    + "Pass method is readable (Policy.Read.AuthenticationMethod) and plan again.", List.of());
        }
        TapSettings policy = tap.get();
        int lifetime = answers.get(LIFETIME, Integer.class).orElse(policy.defaultLifetimeMinutes());
        String oneTime = oneTimeSentence(policy);
        if (!policy.allowsLifetime(lifetime)) {
            return BulkTapProposal.without(BulkTapProposal.Kind.REFUSED, "A lifetime of "
                    + TapIssue.minutes(lifetime) + " is outside the tenant's Temporary Access Pass policy, which allows "
                    + TapIssue.minutes(policy.minimumLifetimeMinutes()) + " to "
                    + TapIssue.minutes(policy.maximumLifetimeMinutes()) + ". Choose a lifetime in that range (Graph "
                    + "would refuse every pass otherwise).", List.of(oneTime));
        }
        Map<String, BulkTapUser> byId = new TreeMap<>();
        for (BulkTapUser user : answers.get(USERS, BulkTapUser[].class).orElse(new BulkTapUser[0])) {
            byId.putIfAbsent(user.id(), user);
        }
        if (byId.isEmpty()) {
            return BulkTapProposal.without(BulkTapProposal.Kind.NOTHING_TO_DO, "No user needs a Temporary Access "
                    + "Pass: the pre-flight found nobody who could not register under the new policy.", List.of());
        }
        Set<String> done = progress.map(p -> p.stepIdsDone(ID)).orElse(Set.of());
        List<BulkTapUser> remaining = byId.values().stream().filter(u -> !done.contains(STEP_PREFIX + u.id()))
                .toList();
        int given = byId.size() - remaining.size();
        if (remaining.isEmpty()) {
            return BulkTapProposal.without(BulkTapProposal.Kind.NOTHING_TO_DO, "Nothing left to do: all "
                    + byId.size() + " users were given a pass earlier in this run.", List.of());
        }
        Set<String> readBackFirst = progress.isPresent() ? mayHaveBeenIssued(byId, done) : Set.of();
        Instant runStarted = progress.map(ProcedureProgress::started).orElse(null);
        TapRequest request = new TapRequest(lifetime, true);
        Map<String, BulkTapUser> usersByStep = new LinkedHashMap<>();
        List<Step> steps = new ArrayList<>();
        for (BulkTapUser user : remaining) {
            Step step = step(user, request, readBackFirst.contains(user.id()) ? runStarted : null);
            usersByStep.put(step.id(), user);
            steps.add(step);
        }
        List<String> warnings = new ArrayList<>();
        warnings.add(oneTime);
        warnings.add("Each code is shown once, as its pass is issued, and is never written to the journal or to the "
                + "saved run. Hand a pass over only after verifying the user's identity out of band (ISM-1593); "
                + "each pass replaces any pass the user holds now.");
        warnings.add("Graph allows about " + pacer.limit() + " requests per " + pacer.window().toSeconds()
                + " seconds to these APIs, so this takes at least " + duration(remaining.size()
                + readBackFirst.size()) + ". Stop at any time: continuing later issues passes only to users not yet "
                + "given one.");
        if (given > 0) {
            warnings.add(given + " of " + byId.size() + " users were given a pass earlier in this run and are left "
                    + "out.");
        }
        if (!readBackFirst.isEmpty()) {
            warnings.add(readBackFirst.size() == 1 ? "One user's pass may have been issued when the run stopped: "
                    + "their methods are read first, and a pass from this run is not issued twice."
                    : readBackFirst.size() + " users' passes may have been issued when the run stopped: their methods "
                    + "are read first, and a pass from this run is not issued twice.");
        }
        String message = "Issue a one-time Temporary Access Pass valid for " + TapIssue.minutes(lifetime) + " to each of "
                + remaining.size() + (remaining.size() == 1 ? " user" : " users")
                + " who could not register security information once the policy is on.";
        Plan plan = new Plan("Issue one-time Temporary Access Passes", remaining.size()
                + (remaining.size() == 1 ? " user" : " users") + " who could not register", "tenant", steps, warnings);
        return new BulkTapProposal(BulkTapProposal.Kind.PLANNED, Optional.of(plan), message, warnings, usersByStep,
                readBackFirst, lifetime, policy.usableOnceOnly());
    }

    static String oneTimeSentence(TapSettings policy) {
        return policy.usableOnceOnly()
                ? "The tenant's policy makes every Temporary Access Pass one-time; these passes are one-time."
                : "The tenant's policy allows multi-use passes; these are one-time all the same (isUsableOnce: true), "
                + "as the registration policy's strength accepts only a one-time pass.";
    }

    /** The first user not done in plan order, and any not done before the last done one (the list changed). */
    private static Set<String> mayHaveBeenIssued(Map<String, BulkTapUser> byId, Set<String> done) {
        String lastDone = byId.keySet().stream().filter(id -> done.contains(STEP_PREFIX + id))
                .max(Comparator.naturalOrder()).orElse(null);
        Set<String> ids = new TreeSet<>();
        for (String id : byId.keySet()) { // in plan order
            if (done.contains(STEP_PREFIX + id)) {
                continue;
            }
            ids.add(id);
            if (lastDone == null || id.compareTo(lastDone) > 0) {
                break;
            }
        }
        return ids;
    }

    private String duration(int requests) {
        long seconds = Math.max(0, (long) Math.ceil((double) requests / pacer.limit()) - 1) * pacer.window().toSeconds();
        return seconds < 120 ? Math.max(seconds, 1) + " seconds" : Math.round(seconds / 60.0) + " minutes";
    }

    /**
     * @param issuedSince when set, the user's pass may have been issued in this run already (since then): the step
     *                    reads their methods first
     */
    private Step step(BulkTapUser user, TapRequest request, Instant issuedSince) {
        TapIssue.Target target = new TapIssue.Target(user.id(), user.label(), Set.of(), Optional.empty());
        Step issue = TapIssue.step(STEP_PREFIX + user.id(), "Issue a one-time Temporary Access Pass to " + user.label(),
                target, request, ACCESS, List.of(), writer, directory);
        List<GraphRequest> requests = new ArrayList<>();
        if (issuedSince != null) {
            requests.add(GraphRequest.of("GET", "/users/" + user.id() + "/authentication/methods"));
        }
        requests.addAll(issue.requests());
        StepCheck check = issue.check();
        return new Step(issue.id(), issue.title(), (issuedSince == null ? "" : "Reads " + user.label()
                + "'s methods first: a pass issued earlier in this run is not issued again. ") + issue.effect(),
                issue.userExperience(), requests, issue.access(), issue.reversibility(), issue.risk(),
                issue.warnings(), context -> run(user, target, issue, issuedSince, context),
                started -> {
                    try (TapPacer.Permit ignored = pacer.acquire(() -> false)) { // a read-back is never skipped
                        return check.check(started);
                    }
                });
    }

    private StepResult run(BulkTapUser user, TapIssue.Target target, Step issue, Instant issuedSince,
                           StepContext context) throws Exception {
        if (issuedSince != null) {
            Optional<AuthMethod> earlier;
            try (TapPacer.Permit ignored = pacer.acquire(context::isCancelled)) {
                earlier = TapIssue.createdSince(directory, target, issuedSince);
            }
            if (earlier.isPresent()) {
                return StepResult.changed(alreadyIssued(user, earlier.get()), Map.of(),
                        Map.of("temporaryAccessPassId", earlier.get().id(), "issuedEarlierInThisRun", true));
            }
        }
        for (int throttled = 0; ; throttled++) {
            try (TapPacer.Permit ignored = pacer.acquire(context::isCancelled)) {
                return issue.action().run(context);
            } catch (TenantException e) {
                // a 429 is a refusal: Graph did not create the pass, so asking again cannot issue a second one
                if (e.kind() != TenantException.Kind.THROTTLED || throttled + 1 >= MOST_THROTTLED) {
                    throw e;
                }
                Duration wait = e.retryAfter().orElse(pacer.window());
                pacer.throttled(wait);
                context.progress("Graph is throttling these requests: waiting " + Math.max(1, wait.toSeconds())
                        + " s, then asking again for " + user.label() + ".");
            }
        }
    }

    private static String alreadyIssued(BulkTapUser user, AuthMethod pass) {
        TapState state = pass.tap();
        String now = state == null ? "" : state.usable() ? (state.expires() == null ? ", usable"
                : ", usable until " + Moments.of(state.expires()))
                : ", no longer usable (" + state.usabilityReason() + ")";
        return "Not issued again: " + user.label() + " holds a pass created " + (pass.created() == null ? "in this run"
                : Moments.of(pass.created()) + ", in this run") + now + ". Its code was shown when it was issued, if "
                + "that answer arrived; if it never reached you, delete that pass in the users workspace and issue a "
                + "new one there.";
    }
}
