package dev.gatehouse.sim.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** large:N is refused up front, with the heap it needs, when the JVM could not hold it. */
class LargeTenantBudgetTest {

    private static final long GB = 1L << 30;

    @Test
    void aTenantThatFitsIsLoadedOneThatDoesNotSaysWhatItNeeds() {
        LargeTenantBudget oneGigabyte = new LargeTenantBudget(GB);

        oneGigabyte.check(ScenarioRef.parse("large:100000"), null);
        oneGigabyte.check(ScenarioRef.parse("large:1000000"), null);
        assertThatThrownBy(() -> new LargeTenantBudget(GB / 2).check(ScenarioRef.parse("large:1000000"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'large:1000000' needs about 783 MB of heap")
                .hasMessageContaining("this Java may use 512 MB")
                .hasMessageContaining("N up to 605843")
                .hasMessageContaining("-Xmx1g");
    }

    @Test
    void theTenantBeingReplacedCountsUntilTheNewOneIsLoaded() {
        LargeTenantBudget oneGigabyte = new LargeTenantBudget(GB);

        assertThatThrownBy(() -> oneGigabyte.check(ScenarioRef.parse("large:1000000"), ScenarioRef.parse("large:1000000")))
                .hasMessageContaining("plus 687 MB while 'large:1000000' is replaced")
                .hasMessageContaining("-Xmx2g");
        oneGigabyte.check(ScenarioRef.parse("large:1000000"), ScenarioRef.parse("baseline"));
    }

    @Test
    void theFigureIsTheMeasuredOne() {
        assertThat(LargeTenantBudget.bytesFor(100_000)).isBetween(65L << 20, 72L << 20);
    }
}
