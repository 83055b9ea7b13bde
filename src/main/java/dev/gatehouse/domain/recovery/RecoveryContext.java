package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.emergency.EmergencyAccountCheck;
import dev.gatehouse.domain.plan.PlanForecast;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.method.RegistrationEvent;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.signin.SignInSimulator;
import dev.gatehouse.domain.signin.UserSnapshot;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.SignedInAdmin;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.user.UserProfile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything read from the tenant before a recovery plan is offered: who acts, on whom, and the policies that
 * decide what the plan can do and what the user will then experience. Parts the admin may not read are empty,
 * with the reason in {@link #unreadable()}, so planning can still explain instead of failing.
 *
 * @param groups            every group the target belongs to (transitively)
 * @param registrations     the target's method registrations from the directory audit log, covering
 *                          {@link #auditLookBack(Duration)} before {@code now}; empty when unreadable
 * @param recentWindow      methods registered within this window before {@code now} are flagged as recent
 * @param unreadable        what could not be read ("methods policy", "Conditional Access policies") and why
 * @param emergencyAccess   the tenant's emergency-access group as this session knows it (chosen or not)
 * @param issuedHere        the pass and password the acting admin issued to the target from Gatehouse on this
 *                          computer: never "recently added" by an attacker
 */
public record RecoveryContext(SignedInAdmin actor, UserDetail target, List<GroupRef> groups,
                             Optional<MethodsPolicy> methodsPolicy, List<ConditionalAccessPolicy> conditionalAccess,
                             List<RegistrationEvent> registrations, Map<String, String> unreadable, Instant now,
                             Duration recentWindow, EmergencyAccess emergencyAccess, IssuedHere issuedHere) {

    public static final String METHODS_POLICY = "authentication methods policy";
    public static final String CONDITIONAL_ACCESS = "Conditional Access policies";
    public static final String GROUPS = "group memberships";
    public static final String REGISTRATIONS = "method registrations in the directory audit log";
    /** How far back registrations are read when the recent window is shorter: a month shows the attack's run-up. */
    static final Duration AUDIT_LOOK_BACK = Duration.ofDays(30);

    public RecoveryContext {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(target, "target");
        groups = List.copyOf(groups);
        methodsPolicy = methodsPolicy == null ? Optional.empty() : methodsPolicy;
        conditionalAccess = List.copyOf(conditionalAccess);
        registrations = List.copyOf(registrations);
        unreadable = Map.copyOf(unreadable);
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(recentWindow, "recentWindow");
        Objects.requireNonNull(emergencyAccess, "emergencyAccess");
        Objects.requireNonNull(issuedHere, "issuedHere");
    }

    /** A context before the journal was asked what the acting admin issued to the target. */
    public RecoveryContext(SignedInAdmin actor, UserDetail target, List<GroupRef> groups,
                           Optional<MethodsPolicy> methodsPolicy, List<ConditionalAccessPolicy> conditionalAccess,
                           List<RegistrationEvent> registrations, Map<String, String> unreadable, Instant now,
                           Duration recentWindow, EmergencyAccess emergencyAccess) {
        this(actor, target, groups, methodsPolicy, conditionalAccess, registrations, unreadable, now, recentWindow,
                emergencyAccess, IssuedHere.NONE);
    }

    /** This context, knowing what the acting admin issued to the target from Gatehouse. */
    public RecoveryContext withIssuedHere(IssuedHere issued) {
        return new RecoveryContext(actor, target, groups, methodsPolicy, conditionalAccess, registrations, unreadable,
                now, recentWindow, emergencyAccess, issued);
    }

    /** A context in a tenant where no emergency-access group has been chosen. */
    public RecoveryContext(SignedInAdmin actor, UserDetail target, List<GroupRef> groups,
                           Optional<MethodsPolicy> methodsPolicy, List<ConditionalAccessPolicy> conditionalAccess,
                           List<RegistrationEvent> registrations, Map<String, String> unreadable, Instant now,
                           Duration recentWindow) {
        this(actor, target, groups, methodsPolicy, conditionalAccess, registrations, unreadable, now, recentWindow,
                EmergencyAccess.notChosen());
    }

    /**
     * Reads the acting admin, the target and the tenant's policies. Blocks on the network: call it on a worker.
     * The target not existing is {@link TenantException.Kind#NOT_FOUND}; policies and audit entries the admin
     * cannot read (no role, no licence, throttled) are recorded as unreadable rather than failing the whole read.
     */
    public static RecoveryContext read(TenantDirectory directory, String idOrUserPrincipalName, Clock clock,
                                       Duration recentWindow) {
        return read(directory, idOrUserPrincipalName, clock, recentWindow, EmergencyAccess.notChosen());
    }

    /** @param emergencyAccess which group holds the tenant's emergency-access accounts, if one has been chosen */
    public static RecoveryContext read(TenantDirectory directory, String idOrUserPrincipalName, Clock clock,
                                       Duration recentWindow, EmergencyAccess emergencyAccess) {
        Instant now = clock.instant();
        SignedInAdmin actor = directory.signedInAdmin();
        UserDetail target = directory.findUser(idOrUserPrincipalName).orElseThrow(() -> new TenantException(
                TenantException.Kind.NOT_FOUND, "No user '" + idOrUserPrincipalName + "' in this tenant."));
        Map<String, String> unreadable = new LinkedHashMap<>();
        List<GroupRef> groups = readOr(unreadable, GROUPS, () -> directory.groupMemberships(target.profile().id()),
                target.roleAssignableGroups());
        Optional<MethodsPolicy> methods = Optional.ofNullable(
                readOr(unreadable, METHODS_POLICY, directory::methodsPolicy, null));
        List<ConditionalAccessPolicy> policies = readOr(unreadable, CONDITIONAL_ACCESS,
                directory::conditionalAccessPolicies, List.of());
        List<RegistrationEvent> registrations = readOr(unreadable, REGISTRATIONS, () -> directory.registrationEvents(
                target.profile().id(), now.minus(auditLookBack(recentWindow))), List.of());
        return new RecoveryContext(actor, target, groups, methods, policies, registrations, unreadable, now,
                recentWindow, emergencyAccess);
    }

    /** The audit log is read for a month, or for the whole recent window when that is longer. */
    public static Duration auditLookBack(Duration recentWindow) {
        return recentWindow.compareTo(AUDIT_LOOK_BACK) > 0 ? recentWindow : AUDIT_LOOK_BACK;
    }

    private static <T> T readOr(Map<String, String> unreadable, String part, java.util.function.Supplier<T> read,
                                T fallback) {
        try {
            return read.get();
        } catch (TenantException e) {
            if (e.kind() == TenantException.Kind.CANCELLED || e.kind() == TenantException.Kind.NOT_SIGNED_IN
                    || e.kind() == TenantException.Kind.UNAVAILABLE) {
                throw e;
            }
            unreadable.put(part, e.getMessage());
            return fallback;
        }
    }

    public UserProfile profile() {
        return target.profile();
    }

    public String targetId() {
        return target.profile().id();
    }

    /** "Alex Wilber (alex.wilber@contoso.com)". */
    public String targetLabel() {
        UserProfile p = target.profile();
        String name = p.displayName() == null || p.displayName().isBlank() ? p.userPrincipalName() : p.displayName();
        return p.userPrincipalName() == null || name.equals(p.userPrincipalName())
                ? name : name + " (" + p.userPrincipalName() + ")";
    }

    public String targetName() {
        UserProfile p = target.profile();
        return p.displayName() == null || p.displayName().isBlank() ? p.userPrincipalName() : p.displayName();
    }

    public boolean actingOnSelf() {
        return actor.profile().id().equalsIgnoreCase(targetId());
    }

    public List<AuthMethod> methods() {
        return target.methods();
    }

    public boolean methodsKnown() {
        return target.readable(UserDetail.Part.METHODS);
    }

    public Optional<AuthMethod> method(String id) {
        return methods().stream().filter(m -> m.id().equalsIgnoreCase(id)).findFirst();
    }

    /**
     * Registered within the recent window, by Graph's date or, for undated types, the audit log's; and not issued by
     * the acting admin from Gatehouse.
     */
    public boolean recent(AuthMethod method) {
        return issuedHere.of(method).isEmpty()
                && registeredAt(method).map(at -> AuthMethod.registeredWithin(at, recentWindow, now)).orElse(false);
    }

    /**
     * Methods added within the recent window that an attacker who got in could have registered: not the password
     * (a new password is no new method) nor a Temporary Access Pass (only an admin issues one).
     */
    public List<AuthMethod> suspectMethods() {
        return methods().stream().filter(m -> m.type() != MethodType.PASSWORD
                && m.type() != MethodType.TEMPORARY_ACCESS_PASS && recent(m)).toList();
    }

    /**
     * When the method was registered: its own {@code createdDateTime}, else the latest audit-log registration that
     * can only be this method. Empty when neither says, or when the log fits several undated methods.
     */
    public Optional<Instant> registeredAt(AuthMethod method) {
        return registration(method).date();
    }

    /** {@link #registeredAt} with where the date comes from, in words for an explanation. */
    public RegistrationDate registration(AuthMethod method) {
        return dates().of(method);
    }

    /** How the user's methods are dated: the same rule the methods table and {@code user show} use. */
    public MethodDates dates() {
        return new MethodDates(methods(), registrations, Optional.ofNullable(unreadable.get(REGISTRATIONS)),
                auditLookBack(recentWindow));
    }

    public boolean has(MethodType type) {
        return methods().stream().anyMatch(m -> m.type() == type);
    }

    /** The portal's "View authentication methods policy" for the target; empty when the policy was unreadable. */
    public Optional<EffectiveMethodsPolicy> effectiveMethodsPolicy() {
        return methodsPolicy.map(policy -> EffectiveMethodsPolicy.compute(policy, targetId(), groups));
    }

    /**
     * Signs in without a password today: has a passkey, Windows Hello or platform credential and no phone,
     * Authenticator or OATH method to pair with a password.
     */
    public boolean signsInWithoutPassword() {
        return methods().stream().anyMatch(m -> m.type().phishingResistant())
                && methods().stream().noneMatch(m -> m.type() == MethodType.PHONE
                || m.type() == MethodType.MICROSOFT_AUTHENTICATOR || m.type() == MethodType.SOFTWARE_OATH);
    }

    /** The simulator over this tenant's CA and methods policies, as read with the context. */
    public SignInSimulator simulator() {
        return new SignInSimulator(conditionalAccess, methodsPolicy, now);
    }

    /** Today's and the after-plan forecast of a proposal, with what the forecast could not see. */
    public PlanForecast forecast(Proposal proposal) {
        SignInSimulator simulator = simulator();
        return new PlanForecast(simulator.forecast(proposal.before()), simulator.forecast(proposal.after()),
                simulationAssumptions());
    }

    /**
     * What the sign-in simulator cannot see in this context and assumes instead ("Assumes: Conditional Access
     * policies could not be read, so none are taken into account."); empty when everything was read.
     */
    public String simulationAssumptions() {
        List<String> unknown = new java.util.ArrayList<>();
        if (unreadable.containsKey(CONDITIONAL_ACCESS)) {
            unknown.add("Conditional Access policies could not be read, so none are taken into account");
        }
        if (unreadable.containsKey(METHODS_POLICY)) {
            unknown.add("the authentication methods policy could not be read, so every method counts as enabled");
        }
        if (unreadable.containsKey(GROUPS)) {
            unknown.add("the user's group memberships could not be read, so policies that target groups count only"
                    + " the role-assignable groups shown with the user");
        }
        if (!methodsKnown()) {
            unknown.add("the user's methods could not be read");
        }
        return unknown.isEmpty() ? "" : "Assumes: " + String.join("; ", unknown) + ".";
    }

    /** The target as the sign-in simulator sees them now. */
    public UserSnapshot snapshot() {
        return UserSnapshot.of(target, groups);
    }

    public List<String> actorRoleIds() {
        return actor.roles().stream().filter(RoleAssignment::tenantWide).map(RoleAssignment::roleDefinitionId).toList();
    }

    public List<String> targetRoleIds() {
        return target.roles().stream().map(RoleAssignment::roleDefinitionId).toList();
    }

    /** Member or owner of a role-assignable group, or roles unknown: treated as beyond an Authentication Administrator. */
    public boolean targetInRoleAssignableGroup() {
        return !target.roleAssignableGroups().isEmpty() || groups.stream().anyMatch(GroupRef::roleAssignable);
    }

    /** Whether the target is one of the tenant's emergency-access accounts: a fact, a hint from the name, or no. */
    public EmergencyAccountCheck emergencyAccount() {
        return emergencyAccess.check(target.profile(), groups, Optional.ofNullable(unreadable.get(GROUPS)));
    }
}
