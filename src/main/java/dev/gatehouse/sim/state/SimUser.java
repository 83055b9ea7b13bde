package dev.gatehouse.sim.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user object of the demo tenant, holding the user properties Graph returns under the same names.
 * Mutable so that later endpoints (disable, reset password, revoke sessions) can change it; every
 * change happens under {@link TenantState}'s write lock.
 */
public final class SimUser {

    private final String id;
    private String userPrincipalName;
    private String displayName;
    private String givenName;
    private String surname;
    private String mail;
    private String mailNickname;
    private String jobTitle;
    private String department;
    private String officeLocation;
    private String mobilePhone;
    private List<String> businessPhones = List.of();
    private List<String> otherMails = List.of();
    private String preferredLanguage;
    private String usageLocation;
    private String companyName;
    private String city;
    private String country;
    private String employeeId;
    private boolean accountEnabled = true;
    private String userType = "Member";
    private String creationType;
    private String externalUserState;
    private Instant createdDateTime;
    private Boolean onPremisesSyncEnabled;
    private String onPremisesImmutableId;
    private Instant onPremisesLastSyncDateTime;
    private Instant signInSessionsValidFromDateTime;
    private Instant lastPasswordChangeDateTime;
    private String passwordPolicies;
    private List<String> directSkuIds = List.of();
    private PasswordHash password;
    private boolean forceChangePasswordNextSignIn;
    private boolean forceChangePasswordNextSignInWithMfa;
    private int failedPasswordSignIns;
    private Instant lastRevocationWithoutEffect;

    public SimUser(String id, String userPrincipalName, String displayName) {
        this.id = Objects.requireNonNull(id, "id");
        this.userPrincipalName = Objects.requireNonNull(userPrincipalName, "userPrincipalName");
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String userPrincipalName() {
        return userPrincipalName;
    }

    public SimUser userPrincipalName(String value) {
        userPrincipalName = Objects.requireNonNull(value, "userPrincipalName");
        return this;
    }

    public String displayName() {
        return displayName;
    }

    public SimUser displayName(String value) {
        displayName = value;
        return this;
    }

    public String givenName() {
        return givenName;
    }

    public SimUser givenName(String value) {
        givenName = value;
        return this;
    }

    public String surname() {
        return surname;
    }

    public SimUser surname(String value) {
        surname = value;
        return this;
    }

    public String mail() {
        return mail;
    }

    public SimUser mail(String value) {
        mail = value;
        return this;
    }

    public String mailNickname() {
        return mailNickname;
    }

    public SimUser mailNickname(String value) {
        mailNickname = value;
        return this;
    }

    public String jobTitle() {
        return jobTitle;
    }

    public SimUser jobTitle(String value) {
        jobTitle = value;
        return this;
    }

    public String department() {
        return department;
    }

    public SimUser department(String value) {
        department = value;
        return this;
    }

    public String officeLocation() {
        return officeLocation;
    }

    public SimUser officeLocation(String value) {
        officeLocation = value;
        return this;
    }

    public String mobilePhone() {
        return mobilePhone;
    }

    public SimUser mobilePhone(String value) {
        mobilePhone = value;
        return this;
    }

    public List<String> businessPhones() {
        return businessPhones;
    }

    public SimUser businessPhones(List<String> value) {
        businessPhones = value == null ? List.of() : List.copyOf(value);
        return this;
    }

    public List<String> otherMails() {
        return otherMails;
    }

    public SimUser otherMails(List<String> value) {
        otherMails = value == null ? List.of() : List.copyOf(value);
        return this;
    }

    public String preferredLanguage() {
        return preferredLanguage;
    }

    public SimUser preferredLanguage(String value) {
        preferredLanguage = value;
        return this;
    }

    public String usageLocation() {
        return usageLocation;
    }

    public SimUser usageLocation(String value) {
        usageLocation = value;
        return this;
    }

    public String companyName() {
        return companyName;
    }

    public SimUser companyName(String value) {
        companyName = value;
        return this;
    }

    public String city() {
        return city;
    }

    public SimUser city(String value) {
        city = value;
        return this;
    }

    public String country() {
        return country;
    }

    public SimUser country(String value) {
        country = value;
        return this;
    }

    public String employeeId() {
        return employeeId;
    }

    public SimUser employeeId(String value) {
        employeeId = value;
        return this;
    }

    public boolean accountEnabled() {
        return accountEnabled;
    }

    public SimUser accountEnabled(boolean value) {
        accountEnabled = value;
        return this;
    }

    /** {@code Member} or {@code Guest}, capitalised as Graph returns it. */
    public String userType() {
        return userType;
    }

    public SimUser userType(String value) {
        userType = value;
        return this;
    }

    public boolean guest() {
        return "Guest".equalsIgnoreCase(userType);
    }

    public String creationType() {
        return creationType;
    }

    public SimUser creationType(String value) {
        creationType = value;
        return this;
    }

    public String externalUserState() {
        return externalUserState;
    }

    public SimUser externalUserState(String value) {
        externalUserState = value;
        return this;
    }

    public Instant createdDateTime() {
        return createdDateTime;
    }

    public SimUser createdDateTime(Instant value) {
        createdDateTime = value;
        return this;
    }

    /** true synced, false no longer synced, null never synced (cloud-only). */
    public Boolean onPremisesSyncEnabled() {
        return onPremisesSyncEnabled;
    }

    public SimUser onPremisesSyncEnabled(Boolean value) {
        onPremisesSyncEnabled = value;
        return this;
    }

    public String onPremisesImmutableId() {
        return onPremisesImmutableId;
    }

    public SimUser onPremisesImmutableId(String value) {
        onPremisesImmutableId = value;
        return this;
    }

    public Instant onPremisesLastSyncDateTime() {
        return onPremisesLastSyncDateTime;
    }

    public SimUser onPremisesLastSyncDateTime(Instant value) {
        onPremisesLastSyncDateTime = value;
        return this;
    }

    public Instant signInSessionsValidFromDateTime() {
        return signInSessionsValidFromDateTime;
    }

    public SimUser signInSessionsValidFromDateTime(Instant value) {
        signInSessionsValidFromDateTime = value;
        return this;
    }

    public Instant lastPasswordChangeDateTime() {
        return lastPasswordChangeDateTime;
    }

    public SimUser lastPasswordChangeDateTime(Instant value) {
        lastPasswordChangeDateTime = value;
        return this;
    }

    public String passwordPolicies() {
        return passwordPolicies;
    }

    public SimUser passwordPolicies(String value) {
        passwordPolicies = value;
        return this;
    }

    /** skuIds of the licences assigned directly to the user. */
    public List<String> directSkuIds() {
        return directSkuIds;
    }

    public SimUser directSkuIds(List<String> value) {
        directSkuIds = value == null ? List.of() : List.copyOf(value);
        return this;
    }

    /**
     * The user's own password, set when an admin created the user or changed or reset the password; empty
     * while the user still has the scenario's demo password ({@link TenantState#demoPassword()}).
     */
    public Optional<PasswordHash> password() {
        return Optional.ofNullable(password);
    }

    public SimUser password(PasswordHash value) {
        password = value;
        return this;
    }

    /** passwordProfile.forceChangePasswordNextSignIn: the next sign-in must change the password. */
    public boolean forceChangePasswordNextSignIn() {
        return forceChangePasswordNextSignIn;
    }

    public SimUser forceChangePasswordNextSignIn(boolean value) {
        forceChangePasswordNextSignIn = value;
        return this;
    }

    /** passwordProfile.forceChangePasswordNextSignInWithMfa: the change must follow an MFA. */
    public boolean forceChangePasswordNextSignInWithMfa() {
        return forceChangePasswordNextSignInWithMfa;
    }

    public SimUser forceChangePasswordNextSignInWithMfa(boolean value) {
        forceChangePasswordNextSignInWithMfa = value;
        return this;
    }

    /** Wrong passwords given in demo sign-ins since the last successful one. */
    public int failedPasswordSignIns() {
        return failedPasswordSignIns;
    }

    public SimUser failedPasswordSignIns(int value) {
        failedPasswordSignIns = value;
        return this;
    }

    /**
     * When revokeSignInSessions last answered success for this user without reaching their sessions: a guest
     * signs in through their home tenant, which the resource tenant cannot revoke. Null when never.
     */
    public Instant lastRevocationWithoutEffect() {
        return lastRevocationWithoutEffect;
    }

    public SimUser lastRevocationWithoutEffect(Instant value) {
        lastRevocationWithoutEffect = value;
        return this;
    }

    /** proxyAddresses as Exchange would derive them: the primary SMTP address from mail. */
    public List<String> proxyAddresses() {
        List<String> addresses = new ArrayList<>();
        if (mail != null && !guest()) {
            addresses.add("SMTP:" + mail);
        }
        return addresses;
    }
}
