package dev.gatehouse.ui.shell;

import java.util.List;

/** The demo tenant's scenarios a trainer can switch between; the sim defines what each contains. */
public final class DemoScenarios {

    public static final String DEFAULT = "baseline";

    public static final List<String> ALL = List.of("baseline", "baseline-free", "compromised", "new-hires", "breakglass-gaps",
            "registration-report-only", "registration-conflict", "large:100000");

    private DemoScenarios() {
    }

    public static String label(String scenario) {
        return "Demo tenant \u00b7 " + scenario;
    }
}
