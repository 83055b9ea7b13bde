package dev.gatehouse.domain.role;

import java.util.Arrays;
import java.util.Optional;

/**
 * Built-in Entra roles Gatehouse reasons about. Template ids are the same in every tenant.
 * {@code privileged} follows Entra's "who can perform sensitive actions" table: an Authentication
 * Administrator may act on holders of the non-privileged roles listed there, and on nobody else with a role.
 */
public enum DirectoryRole {
    GLOBAL_ADMINISTRATOR("Global Administrator", "62e90394-69f5-4237-9190-012177145e10", true),
    PRIVILEGED_AUTHENTICATION_ADMINISTRATOR("Privileged Authentication Administrator",
            "7be44c8a-adaf-4e2a-84d6-ab2649e08a13", true),
    PRIVILEGED_ROLE_ADMINISTRATOR("Privileged Role Administrator", "e8611ab8-c189-46e8-94e1-60213ab1f814", true),
    AUTHENTICATION_ADMINISTRATOR("Authentication Administrator", "c4e39bd9-1100-46d3-8c65-fb160da0071f", false),
    AUTHENTICATION_POLICY_ADMINISTRATOR("Authentication Policy Administrator",
            "0526716b-113d-4c15-b2c8-68e3c22b9f80", true),
    CONDITIONAL_ACCESS_ADMINISTRATOR("Conditional Access Administrator", "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9", true),
    SECURITY_ADMINISTRATOR("Security Administrator", "194ae4cb-b126-40b2-bd5b-6091b380977d", true),
    USER_ADMINISTRATOR("User Administrator", "fe930be7-5e62-47db-91af-98c3a49a38b1", true),
    HELPDESK_ADMINISTRATOR("Helpdesk Administrator", "729827e3-9c14-49f7-bb1b-9608f156bbb8", true),
    PASSWORD_ADMINISTRATOR("Password Administrator", "966707d0-3269-4727-9be2-8c3a10f19b9d", false),
    APPLICATION_ADMINISTRATOR("Application Administrator", "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", true),
    GROUPS_ADMINISTRATOR("Groups Administrator", "fdd7a751-b60b-444a-984c-02652fe8fa1c", true),
    GLOBAL_READER("Global Reader", "f2ef992c-3afb-46b9-b7cf-a126ee74c451", true),
    SECURITY_READER("Security Reader", "5d6b6bb7-850f-4623-aff3-2c4d52ea1a3c", true),
    REPORTS_READER("Reports Reader", "4a5d8f65-41da-4de4-8968-e035b65339cf", false),
    DIRECTORY_READERS("Directory Readers", "88d8e3e3-8f55-4a1e-953a-9b9898b8876b", false),
    GUEST_INVITER("Guest Inviter", "95e79109-95c0-4d8e-aee3-d01accf2d47b", false),
    MESSAGE_CENTER_READER("Message Center Reader", "790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b", false);

    private final String displayName;
    private final String templateId;
    private final boolean privileged;

    DirectoryRole(String displayName, String templateId, boolean privileged) {
        this.displayName = displayName;
        this.templateId = templateId;
        this.privileged = privileged;
    }

    public String displayName() {
        return displayName;
    }

    public String templateId() {
        return templateId;
    }

    /**
     * Whether holding this role puts a user beyond an Authentication Administrator's reach.
     * Unknown and custom roles count as privileged, as Entra treats "all other roles".
     */
    public boolean privileged() {
        return privileged;
    }

    public static Optional<DirectoryRole> byTemplateId(String templateId) {
        return Arrays.stream(values()).filter(r -> r.templateId.equalsIgnoreCase(templateId)).findFirst();
    }
}
