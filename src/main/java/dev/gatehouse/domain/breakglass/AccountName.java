package dev.gatehouse.domain.breakglass;

import java.util.Locale;
import java.util.Objects;

/**
 * One emergency-access account as the set-up names it. Kept in the run's answers, so a run continued later looks
 * for the same accounts rather than inventing new names.
 *
 * @param userPrincipalName on the tenant's initial {@code *.onmicrosoft.com} domain
 */
public record AccountName(String userPrincipalName, String displayName) {

    public AccountName {
        Objects.requireNonNull(userPrincipalName, "userPrincipalName");
        Objects.requireNonNull(displayName, "displayName");
    }

    /** The part before the {@code @}, which Graph also needs as the mail nickname (no mailbox is made). */
    public String localPart() {
        int at = userPrincipalName.indexOf('@');
        return at < 0 ? userPrincipalName : userPrincipalName.substring(0, at);
    }

    /** The part after the {@code @}; empty when there is none. */
    public String domain() {
        int at = userPrincipalName.indexOf('@');
        return at < 0 ? "" : userPrincipalName.substring(at + 1);
    }

    public boolean is(String upn) {
        return upn != null && upn.toLowerCase(Locale.ROOT).equals(userPrincipalName.toLowerCase(Locale.ROOT));
    }

    /** "Cloud account kavo 01 (acct-kavo-01@contoso.onmicrosoft.com)". */
    public String label() {
        return displayName + " (" + userPrincipalName + ")";
    }
}
