package dev.gatehouse.cli;

import dev.gatehouse.domain.plan.Cancellation;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.PlanForecast;
import dev.gatehouse.domain.recovery.Proposal;
import dev.gatehouse.domain.recovery.RecoveryAction;
import dev.gatehouse.domain.recovery.RecoveryContext;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a recovery command does with the planner's answer: a ready plan goes through {@link PlanRun}; a refusal,
 * "nothing to do" or "no Graph API" is explained, with the command to run instead, and nothing is sent.
 */
final class ProposalRun {

    /** Runs the proposal's plan (the one handed in, whose actions the CLI watches) through the recovery desk. */
    @FunctionalInterface
    interface Execution {
        ExecutionReport execute(Proposal proposal, Cancellation cancellation, ExecutionListener listener);
    }

    record Explanation(String action, String status, String target, String message, List<String> warnings,
                       String alternative, List<String> next) {
    }

    private final CliContext context;
    private final WriteOptions options;
    private final boolean json;
    private final String who;

    /** @param who the user as the admin typed it, for the commands suggested next */
    ProposalRun(CliContext context, WriteOptions options, boolean json, String who) {
        this.context = context;
        this.options = options;
        this.json = json;
        this.who = who;
    }

    /** @param notFound the refusal is about something the admin named that does not exist (a method id) */
    int run(RecoveryContext target, Proposal proposal, boolean notFound, Execution execution) {
        return run(target, proposal, notFound, List.of(), execution);
    }

    /**
     * @param handOversByOthers a password or pass another admin may be handing over right now: the plan shows it, a
     *                          terminal asks as usual, and --yes alone is not enough to override it
     */
    int run(RecoveryContext target, Proposal proposal, boolean notFound, List<String> handOversByOthers,
            Execution execution) {
        if (!proposal.ready()) {
            return explain(target, proposal, notFound);
        }
        boolean conflicting = proposal.warnings().stream().anyMatch(handOversByOthers::contains);
        if (conflicting && options.yes() && !options.despiteRecentChanges()) {
            handOversByOthers.forEach(warning -> context.err().println("gatehouse: " + flat(warning)));
            context.err().println("gatehouse: nothing was sent: --yes does not answer this; check with the other "
                    + "admin, then add --despite-recent-changes to go on.");
            return ExitCodes.BUSY;
        }
        PlanForecast signIns = target.forecast(proposal);
        PlanPreview preview = new PlanPreview(proposal.plan().orElseThrow(), intro(proposal), forecast(signIns),
                Optional.of(signIns));
        return new PlanRun(context, options, json).run(preview, proposal.secretInTwoParts(),
                (plan, cancellation, listener) -> execution.execute(withPlan(proposal, plan), cancellation, listener));
    }

    private String intro(Proposal proposal) {
        if (proposal.alternative().orElse(null) == RecoveryAction.RECOVER) {
            return proposal.message() + " To run the compromised-account playbook instead: gatehouse user recover "
                    + who;
        }
        if (proposal.offersTap() && proposal.action() == RecoveryAction.REQUIRE_REREGISTER) {
            return proposal.message() + " Add --issue-tap to also issue a one-time Temporary Access Pass, so they "
                    + "are sent to register.";
        }
        return proposal.message();
    }

    private static List<String> forecast(PlanForecast forecast) {
        List<String> lines = new ArrayList<>();
        lines.add("Sign-in today: " + forecast.before().summary());
        lines.add("After this plan: " + forecast.after().summary());
        if (!forecast.assumptions().isBlank()) {
            lines.add(forecast.assumptions());
        }
        return lines;
    }

    private int explain(RecoveryContext target, Proposal proposal, boolean notFound) {
        List<String> next = next(proposal);
        String status = switch (proposal.status()) {
            case REFUSED -> "not possible";
            case NOTHING_TO_DO -> "nothing to do";
            case NO_API -> "no Graph API";
            case READY -> "ready";
        };
        PrintWriter out = context.out();
        if (json) {
            Json.print(out, new Explanation(proposal.action().cliName(), Json.camelCase(proposal.status()),
                    target.targetLabel(), proposal.message(), proposal.warnings(),
                    proposal.alternative().map(RecoveryAction::cliName).orElse(null), next));
        } else {
            out.println(proposal.action().label() + " for " + target.targetLabel() + ": " + status);
            if (proposal.status() != Proposal.Status.REFUSED) { // a refusal's reason is the error line's
                out.println();
                Wrap.print(out, "", "", proposal.message());
            }
            for (String warning : proposal.warnings()) {
                Wrap.print(out, "!! WARNING: ", "   ", warning);
            }
            if (!next.isEmpty()) {
                out.println();
                next.forEach(out::println);
            }
        }
        return switch (proposal.status()) {
            case REFUSED -> Refusal.report(context, proposal.message(),
                    notFound ? ExitCodes.NOT_FOUND : ExitCodes.NOT_ALLOWED);
            case NO_API -> {
                context.err().println("gatehouse: nothing was sent: Microsoft Graph has no API for \""
                        + proposal.action().label() + "\".");
                yield ExitCodes.NO_API;
            }
            case NOTHING_TO_DO, READY -> ExitCodes.OK;
        };
    }

    private List<String> next(Proposal proposal) {
        List<String> next = new ArrayList<>();
        Optional<RecoveryAction> alternative = proposal.alternative();
        if (alternative.isPresent() && alternative.get() == proposal.action()) {
            next.add("To run it again anyway: gatehouse user " + proposal.action().cliName() + " " + who
                    + " --start-over");
        } else {
            alternative.ifPresent(other -> next.add("Nearest alternative (a different action): gatehouse user "
                    + other.cliName() + " " + who));
        }
        if (proposal.offersTap()) {
            next.add("To send them to register anyway: gatehouse user " + (proposal.action()
                    == RecoveryAction.REQUIRE_REREGISTER ? "require-reregister " + who + " --issue-tap"
                    : "issue-tap " + who));
        }
        return next;
    }

    private static String flat(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static Proposal withPlan(Proposal proposal, Plan plan) {
        return new Proposal(proposal.action(), proposal.status(), proposal.message(), Optional.of(plan),
                proposal.warnings(), proposal.alternative(), proposal.offersTap(), proposal.before(),
                proposal.after(), proposal.secretInTwoParts());
    }
}
