package dev.gatehouse.domain.user;

/** Graph's {@code userType}: a tenant member or an invited (B2B) guest. */
public enum UserType {
    MEMBER, GUEST;

    /** Graph returns "Member"/"Guest"; a missing value is treated as a member, as the portal does. */
    public static UserType fromGraph(String value) {
        return "guest".equalsIgnoreCase(value) ? GUEST : MEMBER;
    }
}
