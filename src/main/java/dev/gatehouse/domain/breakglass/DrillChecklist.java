package dev.gatehouse.domain.breakglass;

import java.util.ArrayList;
import java.util.List;

/**
 * What a drill of the emergency-access accounts asks of the admin, from Microsoft's guidance ("Manage emergency access
 * admin accounts in Microsoft Entra ID", section "Validate accounts regularly"): warn the monitoring team, sign in
 * with each account's own key and use the role, see the alert fire, then review methods, who is authorised and the
 * written process. Gatehouse cannot sign in as the accounts, so the admin ticks each item; only the date is kept.
 */
public final class DrillChecklist {

    /** Where the admin signs in with the key to prove the role works. */
    public static final String SIGN_IN_AT = "https://entra.microsoft.com";

    private DrillChecklist() {
    }

    /** @param accounts "Emergency Access 01 (bg-admin-01@contoso.onmicrosoft.com)", one per account */
    public static List<String> items(List<String> accounts) {
        List<String> items = new ArrayList<>();
        items.add("Tell the team that watches sign-ins that a drill is about to start, so the alert is expected.");
        for (String account : accounts) {
            items.add("Sign in as " + account + " in a private browser window at " + SIGN_IN_AT + " with its own "
                    + "FIDO2 key, and open Roles & admins to confirm Global Administrator works.");
        }
        items.add("Confirm the sign-in alert fired for each account (Azure Monitor, Microsoft Sentinel or the tool "
                + "that watches them).");
        items.add("Confirm no phone, Authenticator app or other method tied to a person was added (the health view's "
                + "methods check).");
        items.add("Review who may use the accounts and where each key and password part is kept; change the safe "
                + "combinations if people left.");
        items.add("Check the written emergency procedure is current and the people on it know it.");
        return items;
    }
}
