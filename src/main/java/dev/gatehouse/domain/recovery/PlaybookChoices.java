package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.tenant.TenantWriter.TapRequest;

import java.util.Set;

/**
 * What the admin decided for one run of the compromised-account playbook. Kept with the run's progress so a
 * resumed run does exactly what was confirmed, not what today's defaults would pick.
 *
 * @param deleteMethodIds the methods the admin marked as not the user's (recent ones are preselected)
 * @param resetPassword   false for users who sign in without a password
 * @param tap             the pass to issue for the out-of-band hand-over
 * @param reenable        enable the account again at the end, so the user can sign in with the pass
 */
public record PlaybookChoices(Set<String> deleteMethodIds, boolean resetPassword, TapRequest tap, boolean reenable) {

    public PlaybookChoices {
        deleteMethodIds = Set.copyOf(deleteMethodIds);
    }

    public PlaybookChoices withDeleted(Set<String> ids) {
        return new PlaybookChoices(ids, resetPassword, tap, reenable);
    }
}
