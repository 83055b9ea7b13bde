package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.emergency.EmergencyGroup;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.MethodConfiguration;
import dev.gatehouse.domain.policy.MethodConfigurationChange;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.policy.PolicyTarget;
import dev.gatehouse.domain.policy.TapSettings;
import dev.gatehouse.domain.registration.PreflightCheck.Verdict;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.signin.PolicyScope;
import dev.gatehouse.domain.signin.SignInSimulator;
import dev.gatehouse.domain.signin.SignInTarget;
import dev.gatehouse.domain.tenant.TenantLicences;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Step 1 of the registration-policy wizard and {@code gatehouse policy registration check}: what must hold before
 * the policy on "Register security information" is created and turned on (issue 9; seed 001's "checks to perform
 * before taking action"). Each check states what was found; none sends a request or guesses what it could not read.
 */
public final class Preflight {

    static final List<DirectoryRole> CA_WRITERS = List.of(DirectoryRole.CONDITIONAL_ACCESS_ADMINISTRATOR,
            DirectoryRole.SECURITY_ADMINISTRATOR, DirectoryRole.GLOBAL_ADMINISTRATOR);
    private static final String METHODS_BLADE = "Microsoft Entra admin center, Protection > Authentication methods"
            + " > Policies > ";

    private Preflight() {
    }

    /** The checks, in the order the wizard shows them. */
    public static List<PreflightCheck> run(PreflightFacts facts) {
        return List.of(licence(facts), securityDefaults(facts), temporaryAccessPass(facts), passkeys(facts),
                existingPolicies(facts), emergencyAccess(facts), adminCanRegister(facts), adminRole(facts),
                usersWithoutRoute(facts));
    }

    public static boolean anyFailed(List<PreflightCheck> checks) {
        return checks.stream().anyMatch(c -> c.verdict() == Verdict.FAIL);
    }

    /**
     * Whether a script gating on the pre-flight must stop (exit code 1 of {@code check}): a check failed, or could not
     * be made — going on without knowing is not a pass.
     */
    public static boolean anyFailedOrUnknown(List<PreflightCheck> checks) {
        return checks.stream().anyMatch(c -> c.verdict() == Verdict.FAIL || c.verdict() == Verdict.UNKNOWN);
    }

    static PreflightCheck licence(PreflightFacts facts) {
        String id = "licence";
        String title = "Entra ID P1";
        if (facts.licences().isEmpty()) {
            return check(id, title, Verdict.UNKNOWN, List.of("The tenant's subscriptions (/subscribedSkus) could not"
                    + " be read, so whether it has Entra ID P1 is unknown."), "Sign in with a role that may read the"
                    + " organisation's subscriptions (Global Reader is enough) and run the pre-flight again.");
        }
        TenantLicences licences = facts.licences().get();
        String skus = licences.skuPartNumbers().isEmpty() ? "The tenant has no subscription in force."
                : "Subscriptions in force: " + String.join(", ", licences.skuPartNumbers()) + ".";
        if (licences.entraIdP1()) {
            return check(id, title, Verdict.PASS, List.of((licences.entraIdP2() ? "Entra ID P2, which includes P1,"
                    : "Entra ID P1") + " is part of the tenant's subscriptions.", skus), null);
        }
        return check(id, title, Verdict.FAIL, List.of("No subscription includes Entra ID P1 (or P2).", skus,
                "P1 is what Conditional Access, authentication strengths and the registration report"
                        + " (userRegistrationDetails) need: without it Graph refuses the policy, so the wizard will"
                        + " not create one."), "Add Entra ID P1, or a plan that includes it (Microsoft 365 Business"
                + " Premium, E3 or E5), then run the pre-flight again.");
    }

    static PreflightCheck securityDefaults(PreflightFacts facts) {
        String id = "security-defaults";
        String title = "Security defaults off";
        if (facts.securityDefaultsEnabled().isEmpty()) {
            return check(id, title, Verdict.UNKNOWN, List.of("The security defaults setting could not be read."),
                    "Sign in with a role that may read policies (Security Reader or Global Reader) and run the"
                            + " pre-flight again.");
        }
        if (facts.securityDefaultsEnabled().get()) {
            return check(id, title, Verdict.FAIL, List.of("Security defaults are on. Conditional Access cannot be used"
                    + " while they are: Entra refuses to turn a policy on until they are off."), "Turn them off in"
                    + " the Microsoft Entra admin center, Entra ID > Overview > Properties > Manage security"
                    + " defaults, once the Conditional Access policies that replace them are ready.");
        }
        return check(id, title, Verdict.PASS, List.of("Security defaults are off: Conditional Access policies apply."),
                null);
    }

    static PreflightCheck temporaryAccessPass(PreflightFacts facts) {
        return method(facts, MethodsPolicy.TEMPORARY_ACCESS_PASS, "tap-method", "Temporary Access Pass method",
                "Temporary Access Pass", "users without a passkey could not be given a pass to register one once the"
                        + " policy is on", tapSettings(facts), "Users outside these targets cannot be given a pass:"
                        + " add the users who need one (or All users) to the method's targets in " + METHODS_BLADE
                        + "Temporary Access Pass.");
    }

    static PreflightCheck passkeys(PreflightFacts facts) {
        return method(facts, MethodConfigurationChange.FIDO2, "passkey-method", "Passkey (FIDO2) method",
                "Passkey (FIDO2)", "nobody could register the passkey the new policy asks for",
                List.of("Key restrictions (attestation, an allow or block list of AAGUIDs) and passkey profiles are"
                        + " not read by Gatehouse: if keys are restricted, check that the keys your users have are"
                        + " allowed."), "Users outside these targets cannot register a passkey and could then"
                        + " register security information only from a compliant device: add them in "
                        + METHODS_BLADE + "Passkey (FIDO2).");
    }

    private static List<String> tapSettings(PreflightFacts facts) {
        Optional<TapSettings> settings = facts.methodsPolicy().flatMap(MethodsPolicy::temporaryAccessPass);
        if (settings.isEmpty()) {
            return List.of("Its lifetimes and one-time setting were not returned by the tenant.",
                    "With a one-time pass a user has 10 minutes to finish registering a passkey.");
        }
        TapSettings s = settings.get();
        return List.of(s.usableOnceOnly() ? "Every pass is one-time (the tenant forces it)."
                        : "Passes are one-time only when issued so: a multi-use pass does not satisfy the new"
                        + " policy's strength, so Gatehouse issues one-time passes.",
                "Lifetimes: minimum " + s.minimumLifetimeMinutes() + " min, default " + s.defaultLifetimeMinutes()
                        + " min, maximum " + s.maximumLifetimeMinutes() + " min.",
                "With a one-time pass a user has 10 minutes to finish registering a passkey.");
    }

    static PreflightCheck existingPolicies(PreflightFacts facts) {
        ActionCoverage coverage = ActionCoverage.withDraft(facts.policies(), facts.draft());
        List<String> details = new ArrayList<>();
        coverage.reaches().stream().filter(r -> !r.draft()).map(ActionCoverage.Reach::describe).forEach(details::add);
        if (details.isEmpty()) {
            details.add("No other policy reaches Register security information, neither on the action nor on All"
                    + " resources.");
        }
        details.addAll(coverage.explanation());
        List<ActionCoverage.Reach> others = coverage.enforcedBesidesDraft();
        boolean draftAcceptsDevice = PolicyWords.has(facts.draft().grant().builtInControls(), "compliantDevice");
        others.stream().filter(r -> PolicyWords.has(r.policy().grant().builtInControls(), "mfa")
                        && draftAcceptsDevice)
                .forEach(r -> details.add("'" + r.policy().displayName() + "' requires MFA: a compliant device alone"
                        + " does not satisfy it, so a user without a passkey or a pass is still stopped there."));
        if (others.isEmpty()) {
            return check("existing-policies", "Policies already on Register security information", Verdict.PASS,
                    details, null);
        }
        return check("existing-policies", "Policies already on Register security information", Verdict.WARN, details,
                "Every policy that applies must be met: check that users can satisfy them all, or turn the older"
                        + " policy off once the new one is on.");
    }

    static PreflightCheck emergencyAccess(PreflightFacts facts) {
        String id = "emergency-excluded";
        String title = "Emergency-access group found and excluded";
        String choose = "Choose the emergency-access group (" + EmergencyAccess.HOW_TO_CHOOSE
                + "; for one command, --breakglass-group ID|NAME).";
        EmergencyAccess access = facts.emergencyAccess();
        if (access.group().isEmpty()) {
            return access.whyUnknown().map(why -> check(id, title, Verdict.UNKNOWN, List.of("Whether an"
                            + " emergency-access group is chosen could not be found out: " + why + "."), choose))
                    .orElseGet(() -> check(id, title, Verdict.FAIL, List.of("No emergency-access group is chosen for"
                            + " this tenant, so nothing shows the new policy leaves a way in."), choose));
        }
        EmergencyGroup group = access.group().get();
        List<String> details = new ArrayList<>(List.of("The emergency-access group is " + access.describe() + ", with "
                + facts.emergencyMemberIds().size() + " member(s)."));
        if (facts.emergencyMemberIds().isEmpty()) {
            return check(id, title, Verdict.FAIL, details, "Add the emergency-access accounts to "
                    + group.displayName() + " (the break-glass workspace creates them).");
        }
        if (!excludes(facts.draft(), group, facts)) {
            details.add("The new policy does not exclude it.");
            return check(id, title, Verdict.FAIL, details, "Exclude " + group.displayName() + " from the new policy"
                    + " (Users, Exclude); the default design does.");
        }
        details.add("The new policy excludes it.");
        List<String> notExcluding = ActionCoverage.of(facts.policies()).reaches().stream()
                .map(ActionCoverage.Reach::policy)
                .filter(p -> p.state() != State.DISABLED && !excludes(p, group, facts))
                .filter(p -> facts.draft().id() == null || !facts.draft().id().equalsIgnoreCase(p.id()))
                .map(PolicyWords::named).toList();
        if (notExcluding.isEmpty()) {
            return check(id, title, Verdict.PASS, details, null);
        }
        details.add("Other policies on this action do not exclude it: " + String.join(", ", notExcluding) + ".");
        return check(id, title, Verdict.WARN, details, "Exclude " + group.displayName() + " from "
                + String.join(", ", notExcluding) + " too, as Microsoft advises for every Conditional Access policy.");
    }

    static PreflightCheck adminCanRegister(PreflightFacts facts) {
        String id = "admin-can-register";
        String title = "You can still register security information";
        String who = RegistrationRoutes.name(facts.actingAdmin());
        ConditionalAccessPolicy on = DraftPolicies.inState(facts.draft(), State.ENABLED);
        if (!PolicyScope.appliesTo(on, facts.actingAdmin(), SignInTarget.REGISTER_SECURITY_INFO)) {
            return check(id, title, Verdict.PASS, List.of(who + " is excluded from the new policy."), null);
        }
        SignInSimulator simulator = new SignInSimulator(DraftPolicies.with(facts.policies(), on),
                facts.methodsPolicy(), facts.now());
        RegistrationRoutes.Finding finding = RegistrationRoutes.of(simulator, facts.actingAdmin());
        if (finding.canRegister()) {
            return check(id, title, Verdict.PASS, List.of(who + " could register security information with the new"
                    + " policy on, with: " + String.join(", ", finding.reachable()) + " (on a device that is not"
                    + " compliant)."), null);
        }
        List<String> details = new ArrayList<>(List.of(who + " could not register security information with the new"
                + " policy on (on a device that is not compliant):"));
        details.addAll(finding.refusals());
        details.add("Turning the policy on will be refused until this changes.");
        return check(id, title, Verdict.WARN, details, "Register a passkey at https://aka.ms/mysecurityinfo before"
                + " the policy is on, or ask another admin for a one-time Temporary Access Pass (nobody can issue one"
                + " to themselves).");
    }

    static PreflightCheck adminRole(PreflightFacts facts) {
        String id = "admin-role";
        String title = "You may write Conditional Access policies";
        String who = RegistrationRoutes.name(facts.actingAdmin());
        List<String> held = CA_WRITERS.stream()
                .filter(r -> PolicyWords.has(facts.actingAdmin().roleTemplateIds(), r.templateId()))
                .map(DirectoryRole::displayName).toList();
        if (!held.isEmpty()) {
            return check(id, title, Verdict.PASS, List.of(who + " holds " + String.join(", ", held) + ", which may"
                    + " create authentication strengths and Conditional Access policies."), null);
        }
        return check(id, title, Verdict.FAIL, List.of(who + " holds none of " + CA_WRITERS.stream()
                        .map(DirectoryRole::displayName).collect(Collectors.joining(", ")) + " (active roles only):"
                        + " Graph would refuse to create the strength and the policy."),
                "Activate Conditional Access Administrator (the least privilege that suffices), for example in"
                        + " Privileged Identity Management, then sign in again.");
    }

    static PreflightCheck usersWithoutRoute(PreflightFacts facts) {
        String id = "users-without-route";
        String title = "Users who could not register once the policy is on";
        if (facts.readiness().result().isEmpty()) {
            return check(id, title, Verdict.UNKNOWN, List.of("The registration report (userRegistrationDetails) could"
                    + " not be read: " + facts.readiness().whyUnread().orElseThrow() + "."), "The report needs Entra"
                    + " ID P1 and a role that may read it, such as Reports Reader, Security Reader or Global Reader.");
        }
        RegistrationReadiness.Result report = facts.readiness().result().get();
        List<String> details = new ArrayList<>();
        details.add(report.members() + " members in the report; " + report.guests() + " guests not assessed (the"
                + " new policy excludes guests, and a pass never works for a guest).");
        details.add(report.withPasskey() + " have a passkey registered and can register security information today.");
        if (report.emergencyAccounts() > 0) {
            details.add(report.emergencyAccounts() + " emergency-access account(s), excluded from the new policy.");
        }
        details.add(report.needPassCount() + " have no passkey: once the policy is on they need a one-time Temporary"
                + " Access Pass, or a compliant device (which this report cannot show).");
        if (report.adminsNeedingPass() > 0) {
            details.add(report.adminsNeedingPass() + " of them are admins: only a Privileged Authentication"
                    + " Administrator or Global Administrator may issue them a pass.");
        }
        if (report.withPassInReport() > 0) {
            details.add(report.withPassInReport() + " of them already show a pass in the report: they are left off the "
                    + "hand-out, as a new pass would replace one that may be in their hands (whether it is one-time and"
                    + " still valid, only their methods can tell; issue one in the users workspace if it is not).");
        }
        if (report.truncated()) {
            details.add("Only the first " + report.needPass().size() + " are listed.");
        }
        details.add(report.freshness());
        boolean stale = report.stale(facts.now());
        if (stale) {
            details.add("The report is older than " + RegistrationReadiness.STALE_AFTER.toHours() + " hours (or"
                    + " undated): methods registered since are missing from it.");
        }
        if (report.needPassCount() == 0 && !stale) {
            return check(id, title, Verdict.PASS, details, null);
        }
        return check(id, title, Verdict.WARN, details, report.needPassCount() > 0
                ? "Issue them one-time passes in the next step (Bulk TAP) before turning the policy on."
                : "Read the report again before turning the policy on.");
    }

    /**
     * A method configuration: UNKNOWN when the methods policy is unreadable, FAIL when absent or off, WARN when on
     * for some users only (they are the ones who may need it), PASS when on for All users.
     */
    private static PreflightCheck method(PreflightFacts facts, String configurationId, String id, String title,
                                         String label, String consequence, List<String> more, String narrowRemedy) {
        if (facts.methodsPolicy().isEmpty()) {
            return check(id, title, Verdict.UNKNOWN, List.of("The authentication methods policy could not be read."),
                    "Sign in with a role that may read it (Authentication Policy Administrator, Security Reader or"
                            + " Global Reader) and run the pre-flight again.");
        }
        Optional<MethodConfiguration> method = facts.methodsPolicy().get().configuration(configurationId);
        if (method.isEmpty() || !method.get().enabled()) {
            return check(id, title, Verdict.FAIL, List.of("The " + label + " method is " + (method.isEmpty()
                    ? "not in the tenant's authentication methods policy" : "off") + ": " + consequence + "."),
                    "Turn it on in " + METHODS_BLADE + label + ".");
        }
        List<String> details = new ArrayList<>(targets(method.get()));
        details.addAll(more);
        boolean everyone = method.get().includeTargets().stream().anyMatch(PolicyTarget::isAllUsers);
        return everyone ? check(id, title, Verdict.PASS, details, null)
                : check(id, title, Verdict.WARN, details, narrowRemedy);
    }

    private static List<String> targets(MethodConfiguration method) {
        List<String> lines = new ArrayList<>();
        lines.add("On for: " + method.includeTargets().stream().map(PolicyTarget::label)
                .collect(Collectors.joining(", ")) + ".");
        if (!method.excludeTargets().isEmpty()) {
            lines.add("Excluded: " + method.excludeTargets().stream().map(PolicyTarget::label)
                    .collect(Collectors.joining(", ")) + ".");
        }
        return lines;
    }

    /** The group is excluded, or each of its members is by id. */
    private static boolean excludes(ConditionalAccessPolicy policy, EmergencyGroup group, PreflightFacts facts) {
        return PolicyWords.has(policy.users().excludeGroups(), group.id())
                || facts.emergencyMemberIds().stream().allMatch(m -> PolicyWords.has(policy.users().excludeUsers(), m));
    }

    private static PreflightCheck check(String id, String title, Verdict verdict, List<String> details,
                                        String remedy) {
        return new PreflightCheck(id, title, verdict, details, Optional.ofNullable(remedy));
    }
}
