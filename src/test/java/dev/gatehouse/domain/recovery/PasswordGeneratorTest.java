package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.secret.Secret;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordGeneratorTest {

    @Test
    void everyPasswordMeetsEntraComplexityAndAvoidsLookAlikes() {
        PasswordGenerator generator = new PasswordGenerator();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String password = generator.next("Temporary password").reveal();
            assertThat(password).hasSize(PasswordGenerator.LENGTH)
                    .containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]")
                    .containsPattern("[^A-Za-z0-9]").doesNotContainPattern("[0O1lI]");
            seen.add(password);
        }
        assertThat(seen).hasSize(2000);
    }

    @Test
    void splitsInTwoHalvesThatTogetherAreThePassword() {
        Secret secret = Secret.of("Temporary password", "Abcdefgh12345678");
        List<Secret> halves = secret.halves();

        assertThat(halves).extracting(Secret::reveal).containsExactly("Abcdefgh", "12345678");
        assertThat(halves).extracting(Secret::label).containsExactly("Temporary password, part 1 of 2",
                "Temporary password, part 2 of 2");
    }
}
