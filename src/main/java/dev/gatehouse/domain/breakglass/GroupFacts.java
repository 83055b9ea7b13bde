package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.tenant.AuditRecord;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.GroupRef;

import java.util.List;
import java.util.Objects;

/** What the health view read about the group that holds the emergency-access accounts. */
public record GroupFacts(GroupRef group, Fact<List<DirectoryPrincipal>> members, Fact<List<DirectoryPrincipal>> owners,
                         Fact<List<AuditRecord>> recentChanges) {

    public GroupFacts {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(owners, "owners");
        Objects.requireNonNull(recentChanges, "recentChanges");
    }
}
