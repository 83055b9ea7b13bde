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

    /** {@code MICROSOFT_AUTHENTICATOR} → {@code microsoftAuthenticator}. */
    static String camelCase(Enum<?> value) {
        String[] words = value.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            if (!words[i].isEmpty()) {
                name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
        }
        return name.toString();
    }

    @SuppressWarnings("rawtypes")
    private static final class CamelCaseEnum extends StdSerializer<Enum> {
        CamelCaseEnum() {
            super(Enum.class);
        }

        @Override
        public void serialize(Enum value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(camelCase(value));
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
