package dev.gatehouse.domain.procedure;

import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.Reversibility;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.tenant.RequiredAccess;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway procedure for tests of the machinery: "Sign the guest book". Stage 1 ("Write") takes the answer
 * {@code name} and plans two steps that write to a {@link Book}; stage 2 ("Sign") needs stage 1 and plans one step,
 * naming the optional {@code witness}.
 * A step can be held at a {@link #gate} so a test can stop it mid-run.
 */
public final class TwoStageProcedure {

    public static final String ID = "guest-book";
    public static final String WRITE = "write";
    public static final String SIGN = "sign";
    public static final String NAME = "name";
    public static final String WITNESS = "witness";

    /** What the procedure changes: lines in a shared book, standing in for a tenant. */
    public static final class Book {
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        public List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        void write(String line) {
            lines.add(line);
        }
    }

    public record Proposal(Optional<Plan> plan, String message, List<String> warnings) implements StageProposal {
    }

    private final Book book;
    /** Steps take a permit before they write; tests that want to stop a step mid-run drain it first. */
    public final Semaphore gate = new Semaphore(Integer.MAX_VALUE);
    /** Counted down whenever a step is waiting at the gate. */
    public volatile CountDownLatch waiting = new CountDownLatch(1);
    private final Procedure<Book, Proposal> procedure;

    public TwoStageProcedure(Book book) {
        this.book = book;
        this.procedure = new Procedure<>(ID, "Sign the guest book", List.of(
                stage(WRITE, "Write", (answers, progress) -> {
                    String name = answers.get(NAME, String.class).orElse("");
                    if (name.isBlank()) {
                        return new Proposal(Optional.empty(), "Type a name first.", List.of());
                    }
                    List<Step> steps = new ArrayList<>();
                    steps.add(step("greet", "Write the greeting", "hello " + name, "T-" + name));
                    steps.add(step("date", "Write the date", "on 6 Dec 2026", null));
                    return plan("Write in the book", name, steps, progress, WRITE);
                }),
                stage(SIGN, "Sign", (answers, progress) -> plan("Sign the book",
                        answers.get(NAME, String.class).orElse("?"), List.of(step("sign", "Sign",
                                "signed by " + answers.get(NAME, String.class).orElse("?")
                                        + answers.get(WITNESS, String.class).map(w -> ", witnessed by " + w)
                                        .orElse(""), null)), progress, SIGN))));
    }

    public Procedure<Book, Proposal> procedure() {
        return procedure;
    }

    private interface Planner {
        Proposal plan(Answers answers, Optional<ProcedureProgress> progress);
    }

    private static Stage<Book, Proposal> stage(String id, String title, Planner planner) {
        return Stage.of(id, title, (read, answers, progress) -> planner.plan(answers, progress));
    }

    private static Proposal plan(String title, String target, List<Step> steps, Optional<ProcedureProgress> progress,
                                 String stageId) {
        List<Step> todo = steps.stream().filter(s -> progress.map(p -> !p.isDone(stageId, s.id())).orElse(true))
                .toList();
        if (todo.isEmpty()) {
            return new Proposal(Optional.empty(), "Nothing is left to do in this stage.", List.of());
        }
        return new Proposal(Optional.of(new Plan(title, target, "book", todo, List.of())),
                progress.isPresent() ? "Continuing." : "Writes in the guest book.", List.of());
    }

    /** @param ticket a secret the step hands out, shown once ("T-Ada"); null for none */
    private Step step(String id, String title, String line, String ticket) {
        return new Step(id, title, "Writes \u201c" + line + "\u201d.", "Nothing changes for anyone.", List.of(),
                RequiredAccess.of("none"), Reversibility.irreversible("Ink."), Risk.LOW, List.of(), context -> {
            if (!gate.tryAcquire()) {
                waiting.countDown();
                while (!gate.tryAcquire(20, TimeUnit.MILLISECONDS)) {
                    if (context.isCancelled()) {
                        throw new InterruptedException("stopped at the gate");
                    }
                }
            }
            book.write(line);
            StepResult wrote = StepResult.done("Wrote \u201c" + line + "\u201d.");
            return ticket == null ? wrote : wrote.withSecret(Secret.of("Guest ticket", ticket));
        });
    }
}
