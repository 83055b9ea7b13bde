package dev.gatehouse.sim.state;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A group of the demo tenant; members and owners are object ids (users or groups). */
public final class SimGroup {

    private final String id;
    private String displayName;
    private String description;
    private String mailNickname;
    private String mail;
    private boolean mailEnabled;
    private boolean securityEnabled = true;
    private List<String> groupTypes = List.of();
    private Boolean isAssignableToRole;
    private String visibility;
    private String membershipRule;
    private Instant createdDateTime;
    private Boolean onPremisesSyncEnabled;
    private List<String> licensedSkuIds = List.of();
    private final Set<String> members = new LinkedHashSet<>();
    private final Set<String> owners = new LinkedHashSet<>();

    public SimGroup(String id, String displayName) {
        this.id = Objects.requireNonNull(id, "id");
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public SimGroup displayName(String value) {
        displayName = value;
        return this;
    }

    public String description() {
        return description;
    }

    public SimGroup description(String value) {
        description = value;
        return this;
    }

    public String mailNickname() {
        return mailNickname;
    }

    public SimGroup mailNickname(String value) {
        mailNickname = value;
        return this;
    }

    public String mail() {
        return mail;
    }

    public SimGroup mail(String value) {
        mail = value;
        return this;
    }

    public boolean mailEnabled() {
        return mailEnabled;
    }

    public SimGroup mailEnabled(boolean value) {
        mailEnabled = value;
        return this;
    }

    public boolean securityEnabled() {
        return securityEnabled;
    }

    public SimGroup securityEnabled(boolean value) {
        securityEnabled = value;
        return this;
    }

    public List<String> groupTypes() {
        return groupTypes;
    }

    public SimGroup groupTypes(List<String> value) {
        groupTypes = value == null ? List.of() : List.copyOf(value);
        return this;
    }

    /** Set only at creation on Graph; null when the group was created without it. */
    public Boolean isAssignableToRole() {
        return isAssignableToRole;
    }

    public SimGroup isAssignableToRole(Boolean value) {
        isAssignableToRole = value;
        return this;
    }

    public boolean roleAssignable() {
        return Boolean.TRUE.equals(isAssignableToRole);
    }

    public String visibility() {
        return visibility;
    }

    public SimGroup visibility(String value) {
        visibility = value;
        return this;
    }

    public String membershipRule() {
        return membershipRule;
    }

    public SimGroup membershipRule(String value) {
        membershipRule = value;
        return this;
    }

    public Instant createdDateTime() {
        return createdDateTime;
    }

    public SimGroup createdDateTime(Instant value) {
        createdDateTime = value;
        return this;
    }

    public Boolean onPremisesSyncEnabled() {
        return onPremisesSyncEnabled;
    }

    public SimGroup onPremisesSyncEnabled(Boolean value) {
        onPremisesSyncEnabled = value;
        return this;
    }

    /** skuIds of the group's licences ({@code assignedLicenses}): its direct user members inherit them. */
    public List<String> licensedSkuIds() {
        return licensedSkuIds;
    }

    public SimGroup licensedSkuIds(List<String> value) {
        licensedSkuIds = value == null ? List.of() : List.copyOf(value);
        return this;
    }

    /** Member object ids in the order they were added; mutate only under the state's write lock. */
    public Set<String> members() {
        return members;
    }

    public Set<String> owners() {
        return owners;
    }
}
