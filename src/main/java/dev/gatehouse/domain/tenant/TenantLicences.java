package dev.gatehouse.domain.tenant;

import java.util.List;
import java.util.Set;

/**
 * What the tenant's subscriptions include, from {@code GET /subscribedSkus}: the service plans of every SKU whose
 * {@code capabilityStatus} is {@code Enabled} or {@code Warning} (a lapsing subscription still serves), by
 * {@code servicePlanId}. Conditional Access, authentication strengths, role-assignable groups and the usage reports
 * need Entra ID P1 (graph-facts §11).
 *
 * @param skuPartNumbers the SKUs in force, for saying what the tenant has ({@code SPB}, {@code AAD_PREMIUM}, …)
 */
public record TenantLicences(Set<String> servicePlanIds, List<String> skuPartNumbers) {

    /** Entra ID P1 ({@code AAD_PREMIUM}). */
    public static final String ENTRA_ID_P1_PLAN = "41781fb2-bc02-4b7c-bd55-b576c07bb09d";
    /** Entra ID P2 ({@code AAD_PREMIUM_P2}); it includes everything P1 gives. */
    public static final String ENTRA_ID_P2_PLAN = "eec0eb4f-6444-4f95-aba0-50c24d67f998";

    public TenantLicences {
        servicePlanIds = Set.copyOf(servicePlanIds.stream().map(id -> id.toLowerCase(java.util.Locale.ROOT))
                .toList());
        skuPartNumbers = List.copyOf(skuPartNumbers);
    }

    public boolean entraIdP1() {
        return servicePlanIds.contains(ENTRA_ID_P1_PLAN) || entraIdP2();
    }

    public boolean entraIdP2() {
        return servicePlanIds.contains(ENTRA_ID_P2_PLAN);
    }
}
