package dev.gatehouse.ui.plan;

import dev.gatehouse.domain.plan.PlanExecutor;
import dev.gatehouse.domain.tenant.SignedInAdmin;
import dev.gatehouse.domain.tenant.TenantWriter;

/**
 * What a workspace needs to change the open tenant: the writer plan steps call, who is acting (for the role
 * guardrails), and the executor that runs confirmed plans and journals them in that admin's name. The shell
 * builds one per connection once it knows the signed-in admin; until then nothing can be changed.
 */
public record TenantChanges(TenantWriter writer, SignedInAdmin actor, PlanExecutor executor) {
}
