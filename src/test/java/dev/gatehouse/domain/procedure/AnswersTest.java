package dev.gatehouse.domain.procedure;

import dev.gatehouse.domain.secret.Secret;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswersTest {

    record Accounts(int count, List<String> names) {
    }

    @Test
    void keepsRecordsAndValuesByNameAndReadsThemBackTyped() {
        Answers answers = Answers.none().with("accounts", new Accounts(2, List.of("ea-1", "ea-2")))
                .with("pilotGroup", "Pilot users");

        assertThat(answers.get("accounts", Accounts.class)).contains(new Accounts(2, List.of("ea-1", "ea-2")));
        assertThat(answers.get("pilotGroup", String.class)).contains("Pilot users");
        assertThat(answers.get("missing", String.class)).isEmpty();
        assertThat(answers.names()).containsExactly("accounts", "pilotGroup");
        assertThat(answers.without("pilotGroup").names()).containsExactly("accounts");
        assertThat(answers.names()).as("immutable").hasSize(2);
    }

    @Test
    void aSecretPutHereByMistakeIsKeptOnlyAsWithheld() {
        Answers answers = Answers.none().with("password", Secret.of("Temporary password", "Tr7#kd9Q-zz"));

        assertThat(answers.toString()).doesNotContain("Tr7#kd9Q").contains("withheld");
        assertThat(answers.get("password", String.class)).contains("[Temporary password withheld]");
    }

    @Test
    void anAnswerThatNoLongerReadsAsItsTypeSaysWhichOne() {
        Answers answers = Answers.none().with("accounts", "two");

        assertThatThrownBy(() -> answers.get("accounts", Accounts.class))
                .hasMessageStartingWith("The saved answer 'accounts' cannot be read as Accounts");
    }

    @Test
    void mergeLaysLaterAnswersOverEarlierOnes() {
        Answers merged = Answers.none().with("a", 1).with("b", 2).merge(Answers.none().with("b", 3));

        assertThat(merged.get("a", Integer.class)).contains(1);
        assertThat(merged.get("b", Integer.class)).contains(3);
        assertThat(merged).isEqualTo(Answers.none().with("a", 1).with("b", 3));
    }
}
