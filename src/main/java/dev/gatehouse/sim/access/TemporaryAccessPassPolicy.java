package dev.gatehouse.sim.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.security.SecureRandom;

/**
 * The Temporary Access Pass method configuration's settings with Graph's defaults (resource page
 * "temporaryAccessPassAuthenticationMethodConfiguration": default lifetime 60, minimum 60, maximum 480 minutes,
 * multi-use allowed, length 8), and the passes it issues. The character set is inferred from the documented
 * examples ({@code +drkzqAD}, {@code nc+&G=xwDKCz}): letters and the symbols + &amp; =.
 */
public final class TemporaryAccessPassPolicy {

    public static final String CONFIGURATION_ID = "TemporaryAccessPass";
    private static final String CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+&=";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JsonNode configuration;

    public TemporaryAccessPassPolicy(JsonNode configuration) {
        this.configuration = configuration == null ? MissingNode.getInstance() : configuration;
    }

    public int defaultLifetimeInMinutes() {
        return configuration.path("defaultLifetimeInMinutes").asInt(60);
    }

    public int minimumLifetimeInMinutes() {
        return configuration.path("minimumLifetimeInMinutes").asInt(60);
    }

    public int maximumLifetimeInMinutes() {
        return configuration.path("maximumLifetimeInMinutes").asInt(480);
    }

    /** True: every pass of the tenant is one-time. */
    public boolean isUsableOnce() {
        return configuration.path("isUsableOnce").asBoolean(false);
    }

    public int defaultLength() {
        return configuration.path("defaultLength").asInt(8);
    }

    /** A new pass of the configured length; returned once to the admin and then kept only as a hash. */
    public String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < defaultLength(); i++) {
            code.append(CHARACTERS.charAt(RANDOM.nextInt(CHARACTERS.length())));
        }
        return code.toString();
    }
}
