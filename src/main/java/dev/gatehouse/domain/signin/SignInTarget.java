package dev.gatehouse.domain.signin;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;

import java.util.Objects;

/**
 * What the sign-in is for: an application (by the id or group name a CA policy's {@code includeApplications}
 * names) or a user action ({@code urn:user:registersecurityinfo}).
 */
public record SignInTarget(Kind kind, String id, String label) {

    public enum Kind { APPLICATION, USER_ACTION }

    /** CA's {@code Office365} application group (Exchange Online, SharePoint Online, Teams…). */
    public static final SignInTarget OFFICE_365 = new SignInTarget(Kind.APPLICATION, "Office365", "Office 365");
    /** An app no policy names: only policies on "All" resources reach it. */
    public static final SignInTarget OTHER_CLOUD_APP =
            new SignInTarget(Kind.APPLICATION, "00000000-0000-0000-0000-00000000a001", "another cloud app");
    /**
     * The Azure portal (application id {@code c44b4083-3bb0-49c1-b47d-974e53cbdf3c}), where an emergency-access account
     * signs in to repair the tenant; Conditional Access's {@code MicrosoftAdminPortals} group covers it.
     */
    public static final SignInTarget AZURE_PORTAL = new SignInTarget(Kind.APPLICATION,
            "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "the Azure portal");
    /**
     * Windows Azure Service Management API ({@code 797f4846-ba00-4fd7-ba43-dac1f8f63013}), which the Azure portal calls
     * to manage anything: Microsoft's "Require MFA for Azure management" policies target it.
     */
    public static final SignInTarget AZURE_MANAGEMENT = new SignInTarget(Kind.APPLICATION,
            "797f4846-ba00-4fd7-ba43-dac1f8f63013", "the Azure management API");
    public static final SignInTarget REGISTER_SECURITY_INFO = new SignInTarget(Kind.USER_ACTION,
            ConditionalAccessPolicy.REGISTER_SECURITY_INFO, "Register security information");

    public SignInTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        label = label == null ? id : label;
    }

    public boolean isUserAction() {
        return kind == Kind.USER_ACTION;
    }
}
