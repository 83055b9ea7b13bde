package dev.gatehouse.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.gatehouse.domain.method.PhoneType;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * --json output: pretty, ISO-8601 dates, Optional unwrapped, and every enum value in camelCase as Graph writes its
 * own ({@code HIGH} → {@code high}, {@code MFA_REQUIRED} → {@code mfaRequired}): a Java constant's spelling is no part
 * of the contract. The schemas in docs/cli-json list the values, so a renamed constant fails their test.
 */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .registerModule(new SimpleModule("camelCaseEnums").addSerializer(Enum.class, new CamelCaseEnum()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** A status in words, as the text output says it ("nothing to do"), as --json gives it: {@code nothingToDo}. */
    static String camelCase(String words) {
        String[] parts = words.strip().toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
        StringBuilder name = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
        }
        return name.toString();
    }

    /** {@code MICROSOFT_AUTHENTICATOR} → {@code microsoftAuthenticator}. */
    static String camelCase(Enum<?> value) {
        return camelCase(value.name().replace('_', ' '));
    }

    @SuppressWarnings("rawtypes")
    private static final class CamelCaseEnum extends StdSerializer<Enum> {
        CamelCaseEnum() {
            super(Enum.class);
        }

        /** Values Graph has its own name for are written as Graph writes them. */
        @Override
        public void serialize(Enum value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value instanceof ConditionalAccessPolicy.State state ? state.graphValue()
                    : value instanceof PhoneType phone ? phone.graphValue() : camelCase(value));
        }
    }

    static void print(PrintWriter out, Object value) {
        try {
            InertWriter.of(out).json(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON output: " + e.getOriginalMessage(), e);
        }
    }
}
