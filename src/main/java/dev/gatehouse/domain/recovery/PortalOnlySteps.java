package dev.gatehouse.domain.recovery;

/**
 * What a recovery leaves for the admin to do in the Entra admin center, worded once: the playbook warns with these
 * texts, and the incident record lists them under "left to do".
 */
public final class PortalOnlySteps {

    /** Graph v1.0 neither lists nor deactivates hardware OATH tokens (graph-facts §6.1, §7). */
    public static final String HARDWARE_OATH = "Hardware OATH tokens: the portal button deactivates them, but "
            + "Graph v1.0 neither lists nor deactivates them (only the beta API does), so Gatehouse cannot touch a "
            + "hardware token. Check Authentication methods in the Entra admin center if the user has one.";

    /**
     * Gatehouse does not send {@code POST /identityProtection/riskyUsers/confirmCompromised}: it needs Microsoft Entra
     * ID P2, the IdentityRiskyUser.ReadWrite.All permission and at least the Security Administrator role
     * (<a href="https://learn.microsoft.com/graph/api/riskyuser-confirmcompromised">riskyUser: confirmCompromised</a>),
     * none of which a help desk recovering methods should need.
     */
    public static final String CONFIRM_COMPROMISED = "Confirm user compromised: with Microsoft Entra ID P2, mark the "
            + "user as compromised in Entra ID Protection (Risky users > Confirm user compromised). It sets the user's "
            + "risk to high, so risk-based Conditional Access policies act on it, and teaches Microsoft's detection. "
            + "Gatehouse does not do this: it needs the Security Administrator role.";

    private PortalOnlySteps() {
    }
}
