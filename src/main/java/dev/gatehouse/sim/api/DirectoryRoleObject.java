package dev.gatehouse.sim.api;

/**
 * An activated built-in role as a directory object ({@code microsoft.graph.directoryRole}), which is how
 * directly assigned roles appear in a user's memberOf.
 */
public record DirectoryRoleObject(String id, String roleTemplateId, String displayName, String description) {
}
