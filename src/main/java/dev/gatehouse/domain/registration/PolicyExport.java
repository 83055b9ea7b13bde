package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.GraphPolicyJson;
import dev.gatehouse.domain.policy.NewAuthenticationStrength;
import dev.gatehouse.domain.tenant.Cloud;
import dev.gatehouse.domain.text.InertText;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Review step's exports of a registration-policy design: the Graph JSON bodies, byte for byte what Gatehouse
 * sends ({@link GraphPolicyJson}), and a Microsoft Graph PowerShell script in seed 000's style that sends the same
 * bytes. Neither ever holds a secret: the script signs in interactively.
 *
 * <p>The script sends each body with {@code Invoke-MgGraphRequest -Body}: given a string, that cmdlet puts it on the
 * wire as it is (msgraph-sdk-powershell, {@code InvokeMgGraphRequest.FillRequestStream}). The typed cmdlets'
 * {@code -BodyParameter} also takes a JSON string, but parses it into its model and serialises that again, so what
 * reaches Graph would no longer be the exported bytes. {@code Invoke-MgGraphRequest} sets no JSON content type for
 * PATCH on its own, so the script always names it. Relative URIs follow the cloud {@code Connect-MgGraph} chose.
 */
public final class PolicyExport {

    /**
     * Stands for the id of the strength the script creates first, in the policy body of a design whose strength does
     * not exist yet; the script puts the real id in its place. Graph refuses it as it is.
     */
    public static final String NEW_STRENGTH_ID = "<new-strength-id>";
    /** Writing Conditional Access policies and strengths (graph-facts §9, §10.1). */
    public static final String WRITE_CONDITIONAL_ACCESS = "Policy.ReadWrite.ConditionalAccess";
    /** Graph's permission tables for Conditional Access writes name it beside the write permission (§10.1). */
    public static final String READ_POLICIES = "Policy.Read.All";

    private static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final Pattern OBJECT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final String POLICIES = "/v1.0/identity/conditionalAccess/policies";
    private static final String STRENGTHS = "/v1.0/policies/authenticationStrengthPolicies";

    /**
     * The request bodies, in the order they are sent.
     *
     * @param strength the {@code POST /policies/authenticationStrengthPolicies} body when the strength must be
     *                 created first; the policy then names it as {@link #NEW_STRENGTH_ID}
     * @param policy   the {@code POST /identity/conditionalAccess/policies} body (also the PATCH body of an update)
     */
    public record Bodies(Optional<String> strength, String policy) {
    }

    private PolicyExport() {
    }

    /** The Graph scopes the script asks for: creating the strength needs nothing beyond the policy's. */
    public static List<String> scopes() {
        return List.of(WRITE_CONDITIONAL_ACCESS, READ_POLICIES);
    }

    /**
     * The design as the policy it saves, before anything exists: the strength it reuses, or the one it would create
     * under the placeholder id {@link #NEW_STRENGTH_ID} (Graph gives the real one). For showing and forecasting only.
     */
    public static ConditionalAccessPolicy preview(RegistrationPolicyDesign design) {
        return design.toPolicy(design.reusedStrength().orElseGet(() -> design.strengthToCreate()
                .map(PolicyExport::placeholder).orElse(null)));
    }

    /** A strength to create, as a body names it before Graph has given it an id: {@link #NEW_STRENGTH_ID}. */
    static AuthenticationStrength placeholder(NewAuthenticationStrength toCreate) {
        return new AuthenticationStrength(NEW_STRENGTH_ID, toCreate.displayName(),
                Set.copyOf(toCreate.allowedCombinations()));
    }

    /** @throws IllegalArgumentException when the design has {@linkplain RegistrationPolicyDesign#problems problems} */
    public static Bodies json(RegistrationPolicyDesign design) {
        refuseProblems(design);
        Optional<NewAuthenticationStrength> toCreate = design.strengthToCreate();
        AuthenticationStrength named = toCreate.map(PolicyExport::placeholder)
                .orElseGet(() -> design.reusedStrength().orElse(null));
        return new Bodies(toCreate.map(GraphPolicyJson::authenticationStrength),
                GraphPolicyJson.conditionalAccessPolicy(design.toPolicy(named)));
    }

    /**
     * A script for PowerShell 7 with the Microsoft Graph PowerShell SDK that creates the strength when needed, then
     * creates the policy, or changes {@code existingPolicyId} to the design.
     *
     * @param existingPolicyId the policy to change (PATCH); empty to create one (POST)
     * @param cloud            picks {@code Connect-MgGraph -Environment}
     * @throws IllegalArgumentException when the design has problems, or the policy id is not an object id
     */
    public static String powerShell(RegistrationPolicyDesign design, Optional<String> existingPolicyId, Cloud cloud) {
        Bodies bodies = json(design);
        existingPolicyId.filter(id -> !OBJECT_ID.matcher(id).matches()).ifPresent(id -> {
            throw new IllegalArgumentException("'" + InertText.escape(id) + "' is not a policy id");
        });
        StringBuilder script = new StringBuilder();
        line(script, "# " + inert(design.displayName()));
        line(script, "# Protects \"Register security information\" (urn:user:registersecurityinfo). Exported by "
                + "Gatehouse.");
        line(script, "# Paste into PowerShell 7 with the Microsoft Graph PowerShell SDK installed "
                + "(Install-Module Microsoft.Graph -Scope CurrentUser).");
        line(script, "# It holds no secret: you sign in below as a Conditional Access Administrator or Security "
                + "Administrator.");
        line(script, "# Each body is the JSON Gatehouse exports, sent unchanged with Invoke-MgGraphRequest.");
        line(script, "");
        line(script, "Import-Module Microsoft.Graph.Authentication");
        line(script, "");
        line(script, "Connect-MgGraph" + environment(cloud) + " -Scopes " + scopes().stream()
                .map(scope -> "\"" + scope + "\"").collect(Collectors.joining(", ")));
        line(script, "");
        int step = 1;
        if (bodies.strength().isPresent()) {
            StrengthChoice strength = design.strength().orElseThrow();
            line(script, "# " + step++ + ". The authentication strength \"" + inert(strength.displayName())
                    + "\" (" + inert(String.join(" or ", design.strengthToCreate().orElseThrow().allowedCombinations()))
                    + "); the cmdlet equivalent is New-MgPolicyAuthenticationStrengthPolicy.");
            hereString(script, "$strengthBody", bodies.strength().get());
            line(script, "$strength = Invoke-MgGraphRequest -Method POST -Uri \"" + STRENGTHS + "\" -Body "
                    + "$strengthBody -ContentType \"" + CONTENT_TYPE + "\"");
            line(script, "");
        }
        line(script, "# " + step + ". The Conditional Access policy, " + stateSaying(design.state()));
        hereString(script, "$policyBody", bodies.policy());
        if (bodies.strength().isPresent()) {
            line(script, "$policyBody = $policyBody.Replace('" + NEW_STRENGTH_ID + "', $strength.id)");
        }
        if (existingPolicyId.isPresent()) {
            line(script, "# Changes the existing policy; the cmdlet equivalent is "
                    + "Update-MgIdentityConditionalAccessPolicy -ConditionalAccessPolicyId.");
            line(script, "$policyId = '" + existingPolicyId.get() + "'");
            line(script, "Invoke-MgGraphRequest -Method PATCH -Uri \"" + POLICIES + "/$policyId\" -Body $policyBody "
                    + "-ContentType \"" + CONTENT_TYPE + "\"");
            line(script, "Write-Output \"Updated policy $policyId.\"");
        } else {
            line(script, "$policy = Invoke-MgGraphRequest -Method POST -Uri \"" + POLICIES + "\" -Body $policyBody "
                    + "-ContentType \"" + CONTENT_TYPE + "\"");
            line(script, "Write-Output \"Created policy $($policy.id) in state $($policy.state).\"");
        }
        return script.toString();
    }

    private static void refuseProblems(RegistrationPolicyDesign design) {
        List<DesignProblem> problems = design.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The design cannot be exported until these are fixed: "
                    + problems.stream().map(DesignProblem::toString).collect(Collectors.joining(" ")));
        }
    }

    /** {@code Connect-MgGraph}'s built-in environment names (Get-MgEnvironment); Global is the default. */
    static String environment(Cloud cloud) {
        return switch (cloud) {
            case GLOBAL -> "";
            case US_GOV -> " -Environment USGov";
            case US_GOV_DOD -> " -Environment USGovDoD";
            case CHINA -> " -Environment China";
        };
    }

    private static String stateSaying(State state) {
        return switch (state) {
            case REPORT_ONLY -> "in report-only mode. Entra does not evaluate user-action policies in report-only "
                    + "mode: try it with What If before turning it on.";
            case ENABLED -> "turned ON at once: everyone in scope must meet it from now on.";
            case DISABLED -> "saved but off.";
        };
    }

    /**
     * A single-quoted here-string: PowerShell takes everything up to a line that starts with {@code '@} as it is,
     * with no escaping. JSON never starts a line that way (strings keep their line breaks escaped), which is checked.
     */
    private static void hereString(StringBuilder script, String variable, String json) {
        if (json.lines().anyMatch(line -> line.startsWith("'@"))) {
            throw new IllegalStateException("a JSON line starts with '@ and would end the here-string");
        }
        line(script, variable + " = @'");
        line(script, json);
        line(script, "'@");
    }

    /** Names and ids in comments on one line, with nothing hidden: a line break would turn the rest into code. */
    private static String inert(String text) {
        return InertText.escape(text);
    }

    private static void line(StringBuilder script, String line) {
        script.append(line).append('\n');
    }
}
