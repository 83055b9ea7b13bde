package dev.gatehouse.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.odata.EntityShape;
import dev.gatehouse.sim.odata.QueryCapabilities;
import dev.gatehouse.sim.odata.QueryCapabilities.Level;
import dev.gatehouse.sim.odata.TableShape;
import dev.gatehouse.sim.state.SimGroup;
import dev.gatehouse.sim.state.SimLicenceAssignment;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.Wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.gatehouse.sim.wire.Wire.bool;
import static dev.gatehouse.sim.wire.Wire.dateTime;
import static dev.gatehouse.sim.wire.Wire.strings;
import static dev.gatehouse.sim.wire.Wire.text;

/**
 * Wire shapes of directory objects: user, group, directoryRole and the mixed directoryObject collections
 * (memberOf, members). Default property sets and filter support follow the Graph v1.0 user and group
 * pages and the advanced-query tables.
 */
public final class DirectoryShapes {

    public static final String USER = "microsoft.graph.user";
    public static final String GROUP = "microsoft.graph.group";
    public static final String DIRECTORY_ROLE = "microsoft.graph.directoryRole";
    public static final String DIRECTORY_OBJECT = "microsoft.graph.directoryObject";

    private DirectoryShapes() {
    }

    /** Users of the tenant; the initial domain is the issuer of their sign-in identities. */
    public static TableShape<SimUser> user(TenantState state) {
        String tenantDomain = DirectoryApi.initialDomain(state);
        return TableShape.<SimUser>builder(USER)
                .property("businessPhones", u -> strings(u.businessPhones()))
                .property("displayName", u -> text(u.displayName()))
                .property("givenName", u -> text(u.givenName()))
                .property("jobTitle", u -> text(u.jobTitle()))
                .property("mail", u -> text(u.mail()))
                .property("mobilePhone", u -> text(u.mobilePhone()))
                .property("officeLocation", u -> text(u.officeLocation()))
                .property("preferredLanguage", u -> text(u.preferredLanguage()))
                .property("surname", u -> text(u.surname()))
                .property("userPrincipalName", u -> text(u.userPrincipalName()))
                .property("id", u -> text(u.id()))
                .selectable("accountEnabled", u -> bool(u.accountEnabled()))
                .selectable("assignedLicenses", u -> assignedLicenses(state.heldSkuIds(u)))
                .selectable("city", u -> text(u.city()))
                .selectable("companyName", u -> text(u.companyName()))
                .selectable("country", u -> text(u.country()))
                .selectable("createdDateTime", u -> dateTime(u.createdDateTime()))
                .selectable("creationType", u -> text(u.creationType()))
                .selectable("deletedDateTime", u -> NullNode.instance)
                .selectable("department", u -> text(u.department()))
                .selectable("employeeId", u -> text(u.employeeId()))
                .selectable("externalUserState", u -> text(u.externalUserState()))
                .selectable("identities", u -> identities(u, tenantDomain))
                .selectable("lastPasswordChangeDateTime", u -> dateTime(u.lastPasswordChangeDateTime()))
                .selectable("licenseAssignmentStates", u -> licenseAssignmentStates(state.licenceAssignmentsOf(u)))
                .selectable("mailNickname", u -> text(u.mailNickname()))
                .selectable("onPremisesImmutableId", u -> text(u.onPremisesImmutableId()))
                .selectable("onPremisesLastSyncDateTime", u -> dateTime(u.onPremisesLastSyncDateTime()))
                .selectable("onPremisesSyncEnabled", u -> bool(u.onPremisesSyncEnabled()))
                .selectable("otherMails", u -> strings(u.otherMails()))
                .selectable("passwordPolicies", u -> text(u.passwordPolicies()))
                .selectable("passwordProfile", u -> NullNode.instance)
                .selectable("proxyAddresses", u -> strings(u.proxyAddresses()))
                .selectable("signInSessionsValidFromDateTime", u -> dateTime(u.signInSessionsValidFromDateTime()))
                .selectable("usageLocation", u -> text(u.usageLocation()))
                .selectable("userType", u -> text(u.userType()))
                .unmodelled("aboutMe", "ageGroup", "assignedPlans", "authorizationInfo", "birthday",
                        "consentProvidedForMinor", "customSecurityAttributes", "employeeHireDate",
                        "employeeLeaveDateTime", "employeeOrgData", "employeeType", "externalUserStateChangeDateTime",
                        "faxNumber", "hireDate", "identityParentId", "imAddresses", "interests", "isManagementRestricted",
                        "isResourceAccount", "legalAgeGroupClassification", "mailboxSettings",
                        "mySite", "onPremisesDistinguishedName", "onPremisesDomainName", "onPremisesExtensionAttributes",
                        "onPremisesProvisioningErrors", "onPremisesSamAccountName", "onPremisesSecurityIdentifier",
                        "onPremisesSyncBehavior", "onPremisesUserPrincipalName", "pastProjects", "postalCode",
                        "preferredDataLocation", "preferredName", "provisionedPlans", "responsibilities", "schools",
                        "securityIdentifier", "serviceProvisioningErrors", "showInAddressList", "signInActivity",
                        "skills", "state", "streetAddress")
                .capabilities(new QueryCapabilities("User", true, USER_FILTERS, USER_ORDER, Set.of("displayName")))
                .build();
    }

    public static TableShape<SimGroup> group() {
        return TableShape.<SimGroup>builder(GROUP)
                .property("id", g -> text(g.id()))
                .property("deletedDateTime", g -> NullNode.instance)
                .property("classification", g -> NullNode.instance)
                .property("createdDateTime", g -> dateTime(g.createdDateTime()))
                .property("description", g -> text(g.description()))
                .property("displayName", g -> text(g.displayName()))
                .property("expirationDateTime", g -> NullNode.instance)
                .property("groupTypes", g -> strings(g.groupTypes()))
                .property("isAssignableToRole", g -> bool(g.isAssignableToRole()))
                .property("mail", g -> text(g.mail()))
                .property("mailEnabled", g -> bool(g.mailEnabled()))
                .property("mailNickname", g -> text(g.mailNickname()))
                .property("membershipRule", g -> text(g.membershipRule()))
                .property("membershipRuleProcessingState", g -> text(g.membershipRule() == null ? null : "On"))
                .property("onPremisesDomainName", g -> NullNode.instance)
                .property("onPremisesLastSyncDateTime", g -> NullNode.instance)
                .property("onPremisesNetBiosName", g -> NullNode.instance)
                .property("onPremisesSamAccountName", g -> NullNode.instance)
                .property("onPremisesSecurityIdentifier", g -> NullNode.instance)
                .property("onPremisesSyncEnabled", g -> bool(g.onPremisesSyncEnabled()))
                .property("preferredDataLocation", g -> NullNode.instance)
                .property("preferredLanguage", g -> NullNode.instance)
                .property("proxyAddresses", g -> strings(g.mail() == null ? List.of() : List.of("SMTP:" + g.mail())))
                .property("renewedDateTime", g -> dateTime(g.createdDateTime()))
                .property("resourceBehaviorOptions", g -> Wire.array())
                .property("resourceProvisioningOptions", g -> Wire.array())
                .property("securityEnabled", g -> bool(g.securityEnabled()))
                .property("securityIdentifier", g -> text(securityIdentifier(g.id())))
                .property("theme", g -> NullNode.instance)
                .property("uniqueName", g -> NullNode.instance)
                .property("visibility", g -> text(g.visibility()))
                .property("onPremisesProvisioningErrors", g -> Wire.array())
                .property("serviceProvisioningErrors", g -> Wire.array())
                .selectable("assignedLicenses", g -> assignedLicenses(g.licensedSkuIds()))
                .unmodelled("accessType", "allowExternalSenders", "assignedLabels",
                        "autoSubscribeNewMembers", "hasMembersWithLicenseErrors", "hideFromAddressLists",
                        "hideFromOutlookClients", "isArchived", "isManagementRestricted", "isSubscribedByMail",
                        "licenseProcessingState", "onPremisesExtensionAttributes", "onPremisesSyncBehavior",
                        "unseenCount")
                .capabilities(new QueryCapabilities("Group", true, GROUP_FILTERS, Map.of("displayName", Level.DEFAULT),
                        Set.of("displayName", "description")))
                .build();
    }

    public static TableShape<DirectoryRoleObject> directoryRole() {
        return TableShape.<DirectoryRoleObject>builder(DIRECTORY_ROLE)
                .property("id", r -> text(r.id()))
                .property("deletedDateTime", r -> NullNode.instance)
                .property("description", r -> text(r.description()))
                .property("displayName", r -> text(r.displayName()))
                .property("roleTemplateId", r -> text(r.roleTemplateId()))
                .capabilities(new QueryCapabilities("DirectoryRole", true,
                        Map.of("id", Level.DEFAULT, "displayName", Level.DEFAULT, "roleTemplateId", Level.DEFAULT),
                        Map.of(), Set.of("displayName")))
                .build();
    }

    /**
     * A directoryObject collection holding users, groups and directory roles; each item is written with its
     * own type's properties and carries {@code @odata.type}.
     */
    public static EntityShape<Object> directoryObjects(TenantState state) {
        return new MixedShape(user(state), group(), directoryRole());
    }

    private static final Map<String, Level> USER_FILTERS = filters(List.of("createdDateTime"), "id", "userPrincipalName",
            "displayName",
            "givenName", "surname", "mail", "mailNickname", "accountEnabled", "userType", "jobTitle", "department",
            "employeeId", "onPremisesSyncEnabled", "onPremisesImmutableId", "mobilePhone", "officeLocation",
            "companyName", "city", "country", "usageLocation", "preferredLanguage", "creationType",
            "externalUserState", "otherMails", "proxyAddresses", "assignedLicenses", "identities", "businessPhones");

    private static final Map<String, Level> USER_ORDER = Map.of("displayName", Level.DEFAULT,
            "userPrincipalName", Level.DEFAULT, "createdDateTime", Level.ADVANCED);

    private static final Map<String, Level> GROUP_FILTERS = filters(List.of("createdDateTime"), "id", "displayName",
            "description",
            "mail", "mailEnabled", "mailNickname", "securityEnabled", "isAssignableToRole", "groupTypes",
            "onPremisesSyncEnabled", "proxyAddresses", "membershipRuleProcessingState");

    /** Properties filterable by default, plus those that need advanced query parameters. */
    private static Map<String, Level> filters(List<String> advanced, String... names) {
        Map<String, Level> map = new HashMap<>();
        for (String name : names) {
            map.put(name, Level.DEFAULT);
        }
        advanced.forEach(name -> map.put(name, Level.ADVANCED));
        return Map.copyOf(map);
    }

    /** assignedLicense objects; the demo tenant disables no service plan. */
    private static JsonNode assignedLicenses(List<String> skuIds) {
        ArrayNode licenses = Wire.array();
        for (String skuId : skuIds) {
            ObjectNode license = licenses.addObject();
            license.putArray("disabledPlans");
            license.put("skuId", skuId);
        }
        return licenses;
    }

    /**
     * licenseAssignmentState objects (v1.0 resource page; {@code "error": "None"} as the Entra group-licensing
     * examples show it). The demo tenant neither fails an assignment nor keeps when it was made, so every state is
     * {@code Active} and {@code lastUpdatedDateTime} is null.
     */
    private static JsonNode licenseAssignmentStates(List<SimLicenceAssignment> assignments) {
        ArrayNode states = Wire.array();
        for (SimLicenceAssignment assignment : assignments) {
            ObjectNode state = states.addObject();
            state.put("assignedByGroup", assignment.groupId());
            state.putArray("disabledPlans");
            state.put("error", "None");
            state.putNull("lastUpdatedDateTime");
            state.put("skuId", assignment.skuId());
            state.put("state", "Active");
        }
        return states;
    }

    private static JsonNode identities(SimUser user, String tenantDomain) {
        ArrayNode identities = Wire.array();
        ObjectNode identity = identities.addObject();
        identity.put("signInType", "userPrincipalName");
        identity.put("issuer", tenantDomain);
        identity.put("issuerAssignedId", user.userPrincipalName());
        return identities;
    }

    /** A cloud group's SID: S-1-12-1- followed by the object id read as four little-endian 32-bit numbers. */
    static String securityIdentifier(String objectId) {
        UUID id = UUID.fromString(objectId);
        ByteBuffer bytes = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
        long high = id.getMostSignificantBits();
        bytes.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (high >>> 32)).putShort((short) (high >>> 16))
                .putShort((short) high);
        bytes.order(ByteOrder.BIG_ENDIAN).putLong(id.getLeastSignificantBits());
        bytes.flip().order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder sid = new StringBuilder("S-1-12-1");
        for (int i = 0; i < 4; i++) {
            sid.append('-').append(Integer.toUnsignedString(bytes.getInt()));
        }
        return sid.toString();
    }

    private static final class MixedShape implements EntityShape<Object> {
        private final TableShape<SimUser> users;
        private final TableShape<SimGroup> groups;
        private final TableShape<DirectoryRoleObject> roles;
        private final QueryCapabilities capabilities;

        MixedShape(TableShape<SimUser> users, TableShape<SimGroup> groups, TableShape<DirectoryRoleObject> roles) {
            this.users = users;
            this.groups = groups;
            this.roles = roles;
            Map<String, Level> filters = new HashMap<>(USER_FILTERS);
            filters.putAll(GROUP_FILTERS);
            this.capabilities = new QueryCapabilities("DirectoryObject", true, filters,
                    Map.of("displayName", Level.DEFAULT), Set.of("displayName", "description"));
        }

        @Override
        public String typeName() {
            return DIRECTORY_OBJECT;
        }

        @Override
        public boolean declares(String property) {
            return users.declares(property) || groups.declares(property) || roles.declares(property);
        }

        @Override
        public JsonNode value(Object entity, String property) {
            if (entity instanceof SimUser user) {
                return users.value(user, property);
            }
            if (entity instanceof SimGroup group) {
                return groups.value(group, property);
            }
            if (entity instanceof DirectoryRoleObject role) {
                return roles.value(role, property);
            }
            return MissingNode.getInstance();
        }

        @Override
        public List<String> defaultProperties(Object entity) {
            if (entity instanceof SimUser user) {
                return users.defaultProperties(user);
            }
            if (entity instanceof SimGroup group) {
                return groups.defaultProperties(group);
            }
            return roles.defaultProperties((DirectoryRoleObject) entity);
        }

        @Override
        public String concreteType(Object entity) {
            if (entity instanceof SimUser) {
                return USER;
            }
            return entity instanceof SimGroup ? GROUP : DIRECTORY_ROLE;
        }

        @Override
        public QueryCapabilities capabilities() {
            return capabilities;
        }
    }
}
