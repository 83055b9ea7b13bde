package dev.gatehouse.domain.tenant;

/**
 * One of the organisation's {@code verifiedDomains}.
 *
 * @param initial   the {@code *.onmicrosoft.com} domain Entra created with the tenant
 * @param isDefault the domain new accounts get unless told otherwise
 * @param type      "Managed" or "Federated", as Graph gives it; a federated domain signs in elsewhere, so an
 *                  emergency-access account must not live on one
 */
public record VerifiedDomain(String name, boolean initial, boolean isDefault, String type) {
}
