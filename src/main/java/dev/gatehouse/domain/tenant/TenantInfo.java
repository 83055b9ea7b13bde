package dev.gatehouse.domain.tenant;

/**
 * The organisation behind a connection.
 *
 * @param initialDomain the {@code *.onmicrosoft.com} domain, where break-glass accounts belong
 */
public record TenantInfo(String id, String displayName, String initialDomain, String defaultDomain) {
}
