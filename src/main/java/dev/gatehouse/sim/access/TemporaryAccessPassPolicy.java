package dev.gatehouse.sim.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.gatehouse.sim.state.SimMethod;
import dev.gatehouse.sim.state.TenantState;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

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

    /** When the pass becomes usable: its startDateTime, else its creation. */
    public static Instant start(SimMethod pass) {
        String start = pass.text("startDateTime");
        return start != null ? OffsetDateTime.parse(start).toInstant() : pass.createdDateTime();
    }

    /** When the pass stops being usable: start plus lifetime. */
    public static Instant end(SimMethod pass) {
        return start(pass).plus(Duration.ofMinutes(pass.properties().path("lifetimeInMinutes").asInt(60)));
    }

    /**
     * {@code methodUsabilityReason}: {@code DisabledByPolicy} while the TAP configuration is off, then
     * {@code NotYetValid}, {@code Expired}, {@code OneTimeUsed} (a one-time pass already signed in with,
     * bookkept as {@code _used}), else {@code EnabledByPolicy}.
     */
    public static String usability(TenantState state, SimMethod pass, Instant now) {
        boolean enabled = state.authenticationMethodConfiguration(CONFIGURATION_ID)
                .map(c -> c.path("state").asText().equals("enabled")).orElse(false);
        if (!enabled) {
            return "DisabledByPolicy";
        }
        Instant start = start(pass);
        if (start != null && now.isBefore(start)) {
            return "NotYetValid";
        }
        if (start != null && now.isAfter(end(pass))) {
            return "Expired";
        }
        if (pass.properties().path("isUsableOnce").asBoolean(false) && pass.properties().path("_used").asBoolean()) {
            return "OneTimeUsed";
        }
        return "EnabledByPolicy";
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
