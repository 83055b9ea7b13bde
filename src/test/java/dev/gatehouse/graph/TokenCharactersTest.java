package dev.gatehouse.graph;

import dev.gatehouse.domain.tenant.TenantException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tokens that could not be sent are refused by kind and position, and never quoted. */
class TokenCharactersTest {

    private static final String SECRET = "eyJ0eXAiOiJKV1Qi.secret-part.signature";

    @Test
    void aTokenOfVisibleAsciiPasses() {
        assertThat(TokenCharacters.problem(SECRET)).isEmpty();
        assertThat(TokenCharacters.problem("sim-user:megan.bowen@tailspintoys.com")).isEmpty();
    }

    @Test
    void eachKindOfCharacterAHeaderCannotCarryIsNamed() {
        assertThat(TokenCharacters.problem("abc\r\ndef")).hasValueSatisfying(p -> assertThat(p)
                .startsWith("contains a line break (CR or LF) at position 4"));
        assertThat(TokenCharacters.problem("abc\u0000def")).hasValueSatisfying(p -> assertThat(p)
                .startsWith("contains a control character at position 4"));
        assertThat(TokenCharacters.problem("abc def")).hasValueSatisfying(p -> assertThat(p)
                .startsWith("contains a space at position 4"));
        assertThat(TokenCharacters.problem("abcé")).hasValueSatisfying(p -> assertThat(p)
                .startsWith("contains a non-ASCII character at position 4"));
        assertThat(TokenCharacters.problem("Bearer " + SECRET)).hasValueSatisfying(p -> assertThat(p)
                .contains("starts with 'Bearer '"));
    }

    @Test
    void theEnvironmentTokenIsRefusedAsNotSignedInWithoutQuotingIt() {
        TokenSource source = TokenSource.fromEnvironment("GATEHOUSE_ACCESS_TOKEN",
                Map.of("GATEHOUSE_ACCESS_TOKEN", SECRET + "\nX-Injected: yes")::get);

        assertThatThrownBy(() -> source.accessToken(Set.of("User.Read")))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TenantException.Kind.NOT_SIGNED_IN);
                    assertThat(e.getMessage()).startsWith("The environment variable GATEHOUSE_ACCESS_TOKEN contains a "
                            + "line break").doesNotContain("secret-part").doesNotContain("X-Injected");
                });
    }

    @Test
    void surroundingWhitespaceIsStillForgiven() {
        TokenSource source = TokenSource.fromEnvironment("T", Map.of("T", "  " + SECRET + "\r\n")::get);

        assertThat(source.accessToken(Set.of())).isEqualTo(SECRET);
    }
}
