package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.recovery.PasswordGenerator;
import dev.gatehouse.domain.secret.Secret;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan stage's checks: how many accounts, their names and their domain, each refusal saying what to do. */
class SetupChoicesTest {

    private static final String DOMAIN = "contoso.onmicrosoft.com";

    @Test
    void twoToFourAccountsOnly() {
        assertThat(SetupChoices.of(1, "acct-kavo", DOMAIN).problems(DOMAIN)).singleElement()
                .satisfies(p -> assertThat(p).startsWith("Choose 2 to 4 accounts, not 1").contains("at least two"));
        assertThat(SetupChoices.of(5, "acct-kavo", DOMAIN).problems(DOMAIN)).anySatisfy(p -> assertThat(p)
                .startsWith("Choose 2 to 4 accounts, not 5"));
        assertThat(SetupChoices.of(4, "acct-kavo", DOMAIN).problems(DOMAIN)).isEmpty();
    }

    @Test
    void anyDomainButTheInitialOneIsRefusedWithTheReason() {
        SetupChoices custom = new SetupChoices(2, List.of(new AccountName("ea1@contoso.com", "One"),
                new AccountName("ea2@" + DOMAIN, "Two")), null, false, false, Optional.empty(), false, List.of());

        assertThat(custom.problems(DOMAIN)).singleElement().satisfies(p -> assertThat(p)
                .startsWith("ea1@contoso.com: emergency-access accounts must be on the tenant's initial domain " + DOMAIN)
                .contains("federat").contains("*.onmicrosoft.com"));
        assertThat(AccountNames.prefixProblems("ea@contoso.com", DOMAIN)).singleElement()
                .satisfies(p -> assertThat(p).contains("not contoso.com").contains("--prefix ea"));
    }

    @Test
    void malformedNamesAreRefusedWithWhatIsAllowed() {
        assertThat(AccountNames.prefixProblems("bad name!", DOMAIN)).singleElement().satisfies(p -> assertThat(p)
                .contains("may hold only letters").contains("badname-01"));
        assertThat(AccountNames.prefixProblems("", DOMAIN)).singleElement().satisfies(p -> assertThat(p)
                .contains("empty"));
        assertThat(AccountNames.prefixProblems("x".repeat(41), DOMAIN)).singleElement().satisfies(p -> assertThat(p)
                .contains("at most 40"));
        assertThat(SetupChoices.of(2, "-dash", DOMAIN).problems(DOMAIN)).isNotEmpty();
    }

    @Test
    void suggestionsDoNotSayWhatTheAccountsAreAndAdviceNamesAWordThatDoes() {
        String prefix = AccountNames.suggestPrefix(new Random(7));
        List<AccountName> names = AccountNames.fromPrefix(prefix, 2, DOMAIN);

        assertThat(prefix).matches("acct-[a-z]{4}");
        assertThat(names).extracting(AccountName::userPrincipalName).containsExactly(prefix + "-01@" + DOMAIN,
                prefix + "-02@" + DOMAIN);
        assertThat(AccountNames.advice(names)).isEmpty();
        assertThat(AccountNames.advice(AccountNames.fromPrefix("breakglass-admin", 2, DOMAIN))).hasSize(2)
                .allSatisfy(a -> assertThat(a).contains("Microsoft advises").contains("Kept as you chose"));
    }

    @Test
    void theLongPasswordMeetsEveryEntraRule() {
        Secret password = new PasswordGenerator().next("p", AccountsStage.PASSWORD_LENGTH);
        String value = password.reveal();

        assertThat(value).hasSize(64);
        assertThat(value).matches(".*[A-Z].*").matches(".*[a-z].*").matches(".*[0-9].*").matches(".*[^A-Za-z0-9].*");
    }
}
