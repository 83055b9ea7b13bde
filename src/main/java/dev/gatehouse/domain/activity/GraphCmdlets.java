package dev.gatehouse.domain.activity;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Microsoft Graph PowerShell (v1.0 modules) cmdlet for the requests Gatehouse sends that have one, with the
 * parameters taken from the path. An explicit table, each row checked against the cmdlet's reference page on
 * learn.microsoft.com (powershell/module/microsoft.graph.users, .users.actions, .identity.signins); a request not in
 * it has no cmdlet here, and {@code Invoke-MgGraphRequest} is the way to send it. Query options are not translated:
 * the cmdlet returns the whole object.
 */
final class GraphCmdlets {

    private static final String ID = "([^/?]+)";
    private static final String METHODS = "/users/" + ID + "/authentication/";

    private record Row(String method, Pattern path, String cmdlet, List<String> parameters, boolean body) {
        Row(String method, String path, String cmdlet, boolean body, String... parameters) {
            this(method, Pattern.compile(path + "(\\?.*)?"), cmdlet, List.of(parameters), body);
        }
    }

    private static final List<Row> TABLE = List.of(
            new Row("GET", "/users/" + ID, "Get-MgUser", false, "UserId"),
            new Row("PATCH", "/users/" + ID, "Update-MgUser", true, "UserId"),
            new Row("POST", "/users/" + ID + "/revokeSignInSessions", "Revoke-MgUserSignInSession", false, "UserId"),
            new Row("GET", METHODS + "methods", "Get-MgUserAuthenticationMethod", false, "UserId"),
            new Row("POST", METHODS + "methods/" + ID + "/resetPassword", "Reset-MgUserAuthenticationMethodPassword",
                    true, "UserId", "AuthenticationMethodId"),
            new Row("POST", METHODS + "temporaryAccessPassMethods",
                    "New-MgUserAuthenticationTemporaryAccessPassMethod", true, "UserId"),
            new Row("DELETE", METHODS + "temporaryAccessPassMethods/" + ID,
                    "Remove-MgUserAuthenticationTemporaryAccessPassMethod", false,
                    "UserId", "TemporaryAccessPassAuthenticationMethodId"),
            new Row("DELETE", METHODS + "fido2Methods/" + ID, "Remove-MgUserAuthenticationFido2Method", false,
                    "UserId", "Fido2AuthenticationMethodId"),
            new Row("DELETE", METHODS + "microsoftAuthenticatorMethods/" + ID,
                    "Remove-MgUserAuthenticationMicrosoftAuthenticatorMethod", false,
                    "UserId", "MicrosoftAuthenticatorAuthenticationMethodId"),
            new Row("DELETE", METHODS + "phoneMethods/" + ID, "Remove-MgUserAuthenticationPhoneMethod", false,
                    "UserId", "PhoneAuthenticationMethodId"),
            new Row("GET", "/identity/conditionalAccess/policies", "Get-MgIdentityConditionalAccessPolicy", false),
            new Row("GET", "/identity/conditionalAccess/policies/" + ID, "Get-MgIdentityConditionalAccessPolicy",
                    false, "ConditionalAccessPolicyId"));

    private GraphCmdlets() {
    }

    /** @param path the path below the service root, decoded, with or without its query */
    static Optional<String> cmdlet(String method, String path, String body) {
        for (Row row : TABLE) {
            Matcher match = row.path().matcher(path);
            if (row.method().equals(method) && match.matches()) {
                StringBuilder line = new StringBuilder(row.cmdlet());
                for (int i = 0; i < row.parameters().size(); i++) {
                    line.append(" -").append(row.parameters().get(i)).append(' ')
                            .append(PowerShell.quoted(match.group(i + 1)));
                }
                if (!row.body()) {
                    return Optional.of(line.toString());
                }
                if (body == null) {
                    return Optional.empty(); // the body was not kept: a cmdlet without it would do something else
                }
                return Optional.of("$params = " + hashtable(JsonParser.parseString(body), "") + "\n"
                        + line + " -BodyParameter $params");
            }
        }
        return Optional.empty();
    }

    /** JSON as a PowerShell literal, the way Microsoft's cmdlet examples write {@code -BodyParameter}. */
    static String hashtable(JsonElement json, String indent) {
        if (json.isJsonObject()) {
            String inner = indent + "    ";
            List<String> lines = new ArrayList<>();
            for (Map.Entry<String, JsonElement> property : json.getAsJsonObject().entrySet()) {
                String key = property.getKey().matches("[A-Za-z_][A-Za-z0-9_]*") ? property.getKey()
                        : PowerShell.quoted(property.getKey());
                lines.add(inner + key + " = " + hashtable(property.getValue(), inner));
            }
            return lines.isEmpty() ? "@{}" : "@{\n" + String.join("\n", lines) + "\n" + indent + "}";
        }
        if (json.isJsonArray()) {
            return "@(" + json.getAsJsonArray().asList().stream().map(item -> hashtable(item, indent))
                    .collect(Collectors.joining(", ")) + ")";
        }
        if (json.isJsonNull()) {
            return "$null";
        }
        if (json.getAsJsonPrimitive().isBoolean()) {
            return json.getAsBoolean() ? "$true" : "$false";
        }
        if (json.getAsJsonPrimitive().isNumber()) {
            return json.getAsString();
        }
        return PowerShell.quoted(json.getAsString());
    }
}
