package dev.gatehouse.cli;

import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.Reversibility;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.tenant.RequiredAccess;

import java.io.PrintWriter;

/** A plan as the terminal shows it before anything is sent: the same facts as the GUI's plan window. */
final class PlanText {

    private static final String LABEL = "     %-13s";
    private static final String HANGING = " ".repeat(18);

    private PlanText() {
    }

    static void print(PrintWriter out, PlanPreview preview) {
        Plan plan = preview.plan();
        int count = plan.steps().size();
        out.println("Plan: " + plan.title());
        Wrap.print(out, "Target: ", "        ", plan.target() + " · " + count + (count == 1 ? " step" : " steps")
                + " · highest risk " + plan.highestRisk());
        if (!preview.intro().isBlank()) {
            out.println();
            Wrap.print(out, "", "", preview.intro());
        }
        if (!plan.warnings().isEmpty()) {
            out.println();
            for (String warning : plan.warnings()) {
                Wrap.print(out, "!! WARNING: ", "   ", warning);
            }
        }
        for (int i = 0; i < count; i++) {
            out.println();
            step(out, i + 1, count, plan.steps().get(i));
        }
        if (!preview.forecast().isEmpty()) {
            out.println();
            for (String line : preview.forecast()) {
                Wrap.print(out, "", "  ", line);
            }
        }
    }

    private static void step(PrintWriter out, int number, int count, Step step) {
        out.println("Step " + number + " of " + count + ": " + step.title() + "   [risk " + step.risk() + "]");
        fact(out, "Effect", step.effect());
        fact(out, "At sign-in", step.userExperience());
        for (int r = 0; r < step.requests().size(); r++) {
            GraphRequest request = step.requests().get(r);
            // one request per line, never wrapped: a path with two object ids is wider than the terminal
            out.println(String.format(LABEL, r == 0 ? "Graph" : "") + request.method() + " " + request.path());
            if (request.body() != null && !request.body().isBlank()) {
                for (String line : request.body().split("\\R")) {
                    out.println((HANGING + "  " + line).stripTrailing());
                }
            }
        }
        RequiredAccess access = step.access();
        if (access != null) {
            fact(out, "Permission", access.permission());
            fact(out, "Admin role", access.rolesSentence());
            fact(out, "Licence", access.licence());
        }
        fact(out, "Undo", reversibility(step.reversibility()));
        for (String warning : step.warnings()) {
            Wrap.print(out, String.format(LABEL, "! Warning"), HANGING, warning);
        }
    }

    private static void fact(PrintWriter out, String label, String value) {
        if (value != null && !value.isBlank()) {
            Wrap.print(out, String.format(LABEL, label), HANGING, value);
        }
    }

    private static String reversibility(Reversibility reversibility) {
        if (reversibility == null) {
            return null;
        }
        String kind = switch (reversibility.kind()) {
            case REVERSIBLE -> "can be undone";
            case PARTLY_REVERSIBLE -> "partly reversible";
            case IRREVERSIBLE -> "CANNOT be undone";
        };
        return reversibility.how() == null || reversibility.how().isBlank() ? kind : kind + ": " + reversibility.how();
    }
}
