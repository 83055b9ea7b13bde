package dev.gatehouse.domain.secret;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A value shown to the admin once and kept nowhere else: a Temporary Access Pass, a temporary password.
 * {@link #toString()} and JSON serialisation never reveal it, so it cannot leak into a log, an exception
 * message or the journal by accident; only {@link #reveal()} does, at the one place that shows it.
 */
@JsonSerialize(using = Secret.Withheld.class)
public final class Secret {

    /** What stands in for a secret wherever it is described rather than shown: plans, logs, JSON. */
    public static final String MASK = "\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022";

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

    /**
     * The value in two halves, for a hand-over where no one person sees all of it (ISM-1594): the first person
     * receives part 1, the second part 2, and the user types them one after the other.
     */
    public List<Secret> halves() {
        int middle = (value.length + 1) / 2;
        return List.of(new Secret(label + ", part 1 of 2", Arrays.copyOfRange(value, 0, middle)),
                new Secret(label + ", part 2 of 2", Arrays.copyOfRange(value, middle, value.length)));
    }

    /** Overwrites the value; call once it has been shown. */
    public void wipe() {
        Arrays.fill(value, '\0');
    }

    @Override
    public String toString() {
        return label + " " + MASK;
    }

    /** Serialises any Secret as a placeholder. */
    public static final class Withheld extends JsonSerializer<Secret> {
        @Override
        public void serialize(Secret secret, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString("[" + secret.label() + " withheld]");
        }
    }
}
