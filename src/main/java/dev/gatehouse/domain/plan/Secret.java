package dev.gatehouse.domain.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.io.IOException;
import java.util.Arrays;

/**
 * A value shown to the admin once and kept nowhere else: a Temporary Access Pass, a temporary password.
 * {@link #toString()} and JSON serialisation never reveal it, so it cannot leak into a log, an exception
 * message or the journal by accident; only {@link #reveal()} does, at the one place that shows it.
 */
@JsonSerialize(using = Secret.Withheld.class)
public final class Secret {

    private final char[] value;
    private final String label;

    public Secret(String label, char[] value) {
        this.label = label;
        this.value = value.clone();
    }

    public static Secret of(String label, String value) {
        return new Secret(label, value.toCharArray());
    }

    /** What the secret is ("Temporary Access Pass"), safe to show and to journal. */
    public String label() {
        return label;
    }

    public String reveal() {
        return new String(value);
    }

    public boolean isWiped() {
        for (char c : value) {
            if (c != 0) {
                return false;
            }
        }
        return true;
    }

    /** Overwrites the value; call once it has been shown. */
    public void wipe() {
        Arrays.fill(value, '\0');
    }

    @Override
    public String toString() {
        return label + " " + GraphRequest.SECRET_MASK;
    }

    /** Serialises any Secret as a placeholder. */
    public static final class Withheld extends JsonSerializer<Secret> {
        @Override
        public void serialize(Secret secret, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString("[" + secret.label() + " withheld]");
        }
    }
}
