package dev.gatehouse.domain.plan;

/** How much a step can hurt if it was the wrong thing to do. */
public enum Risk {
    /** Easily undone, no effect on the user's ability to sign in. */
    LOW,
    /** Changes how the user signs in; can be undone with some effort. */
    MEDIUM,
    /** Can lock the user (or the tenant) out, or cannot be undone. */
    HIGH
}
