package dev.gatehouse.app;

import dev.gatehouse.sim.scenario.ScenarioRef;
import dev.gatehouse.ui.shell.DemoScenarios;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;

/** The tenant switcher offers only scenarios the demo tenant knows. */
class DemoScenarioNamesTest {

    @Test
    void everyScenarioTheSwitcherOffersExists() {
        for (String name : DemoScenarios.ALL) {
            assertThatCode(() -> ScenarioRef.parse(name)).as(name).doesNotThrowAnyException();
        }
    }
}
