package dev.gatehouse.domain.tenant;

/** A group a user belongs to, with the one property recovery cares about. */
public record GroupRef(String id, String displayName, boolean roleAssignable) {
}
