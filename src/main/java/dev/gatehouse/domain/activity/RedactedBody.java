package dev.gatehouse.domain.activity;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonParseException;

import java.util.Locale;
import java.util.Map;

/**
 * A request body as the call log may keep it: JSON with every secret value replaced by {@link #MARK}. Gatehouse
 * sends secrets in request bodies only as passwords (a new user's {@code passwordProfile.password}, resetPassword's
 * {@code newPassword}); a TAP travels in the response, which is never read. Any property whose name speaks of a
 * password, secret, token or pass code is blanked too, so a body Gatehouse learns to send later stays safe. A body
 * that is not JSON is not kept at all: what cannot be read cannot be checked.
 */
public final class RedactedBody {

    /** What a snippet shows where the secret was; {@link CallSnippets} says to put one's own there. */
    public static final String MARK = "<redacted>";

    /** Bodies longer than this are left out: the log keeps many calls, and a snippet that long teaches nothing. */
    static final int MAX_CHARS = 16_384;

    private RedactedBody() {
    }

    /** @return the JSON with secrets replaced, compact; null when the body is empty, too long or not JSON */
    public static String of(String json) {
        if (json == null || json.isBlank() || json.length() > MAX_CHARS) {
            return null;
        }
        try {
            JsonElement tree = JsonParser.parseString(json);
            if (!tree.isJsonObject() && !tree.isJsonArray()) {
                return null;
            }
            return blankSecrets(tree).toString();
        } catch (JsonParseException e) {
            return null;
        }
    }

    private static JsonElement blankSecrets(JsonElement element) {
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(RedactedBody::blankSecrets);
        } else if (element.isJsonObject()) {
            JsonObject object = element.getAsJsonObject();
            for (Map.Entry<String, JsonElement> property : object.entrySet()) {
                // a flag such as forceChangePasswordNextSignIn says nothing secret and the snippet needs it
                if (isSecretName(property.getKey()) && property.getValue().isJsonPrimitive()
                        && !property.getValue().getAsJsonPrimitive().isBoolean()) {
                    property.setValue(new JsonPrimitive(MARK));
                } else if (isSecretName(property.getKey()) && property.getValue().isJsonArray()) {
                    // "passwords": ["…"]: every value under a secret's name is one
                    property.setValue(blankAll(property.getValue()));
                } else {
                    blankSecrets(property.getValue());
                }
            }
        }
        return element;
    }

    private static JsonElement blankAll(JsonElement element) {
        if (element.isJsonArray()) {
            com.google.gson.JsonArray blanked = new com.google.gson.JsonArray();
            element.getAsJsonArray().forEach(item -> blanked.add(blankAll(item)));
            return blanked;
        }
        if (element.isJsonObject()) {
            element.getAsJsonObject().entrySet().forEach(property -> property.setValue(blankAll(property.getValue())));
            return element;
        }
        return element.isJsonPrimitive() && !element.getAsJsonPrimitive().isBoolean() ? new JsonPrimitive(MARK)
                : element;
    }

    static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || lower.contains("token")
                || lower.equals("temporaryaccesspass") || lower.equals("passcode") || lower.equals("pin");
    }
}
