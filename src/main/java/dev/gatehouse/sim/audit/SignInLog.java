package dev.gatehouse.sim.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.Wire;

import java.util.UUID;

/**
 * Appends interactive {@code signIn} records for the demo's end-user sign-ins, in the shape the scenarios'
 * records and Graph's signIn resource use. Entra ID keeps sign-ins for Graph only with P1 or P2, so a tenant
 * without it records none (the API would refuse to show them anyway). The app is "My Signins", where users
 * register their security info.
 */
public final class SignInLog {

    /** AADSTS50126: the documented text for a wrong user name or password. */
    public static final int INVALID_CREDENTIALS = 50126;
    /** AADSTS50057: the account is disabled. */
    public static final int ACCOUNT_DISABLED = 50057;

    private static final String MY_SIGNINS = "19db86c3-b2b9-44cc-b339-36da233a3be2";

    private final TenantState state;

    public SignInLog(TenantState state) {
        this.state = state;
    }

    /** @param errorCode 0 for success, else the AADSTS code; {@code failureReason} and {@code details} as Entra words them */
    public void record(SimUser user, int errorCode, String failureReason, String details) {
        if (!state.hasEntraIdPremium()) {
            return;
        }
        ObjectNode signIn = Wire.object();
        String correlation = UUID.randomUUID().toString();
        signIn.put("id", UUID.randomUUID().toString());
        signIn.put("createdDateTime", Wire.formatDateTime(state.now()));
        signIn.put("userDisplayName", user.displayName());
        signIn.put("userPrincipalName", user.userPrincipalName());
        signIn.put("userId", user.id());
        signIn.put("appId", MY_SIGNINS);
        signIn.put("appDisplayName", "My Signins");
        signIn.put("ipAddress", "127.0.0.1");
        signIn.put("clientAppUsed", "Browser");
        signIn.put("correlationId", correlation);
        signIn.put("conditionalAccessStatus", "notApplied");
        signIn.put("isInteractive", true);
        signIn.put("riskDetail", "none");
        signIn.put("riskLevelAggregated", "none");
        signIn.put("riskLevelDuringSignIn", "none");
        signIn.put("riskState", "none");
        signIn.putArray("riskEventTypes");
        signIn.putArray("riskEventTypes_v2");
        signIn.put("resourceDisplayName", "Windows Azure Active Directory");
        signIn.put("resourceId", "00000002-0000-0000-c000-000000000000");
        ObjectNode status = signIn.putObject("status");
        status.put("errorCode", errorCode);
        status.put("failureReason", failureReason);
        status.put("additionalDetails", details);
        ObjectNode device = signIn.putObject("deviceDetail");
        device.put("deviceId", "");
        device.put("displayName", "");
        device.put("operatingSystem", "Windows10");
        device.put("browser", "Edge 128.0.0");
        device.put("isCompliant", false);
        device.put("isManaged", false);
        device.put("trustType", "");
        signIn.putObject("location").put("countryOrRegion", "");
        signIn.putArray("appliedConditionalAccessPolicies");
        state.signIns().add(signIn);
    }
}
