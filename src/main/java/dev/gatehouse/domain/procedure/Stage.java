package dev.gatehouse.domain.procedure;

import java.util.Optional;
import java.util.function.Function;

/**
 * One stage of a {@link Procedure}: it reads nothing itself, but is handed a fresh read of the tenant ({@code R}) and
 * the answers given so far, and proposes a plan — without the steps an unfinished run already did.
 *
 * @param <R> what the procedure reads from the tenant before each stage
 * @param <P> the feature's proposal type
 */
public interface Stage<R, P extends StageProposal> {

    /** Stable across versions: saved progress refers to it. */
    String id();

    String title();

    /**
     * @param progress the unfinished run, when continuing one; empty for a new run. A stage leaves out the steps
     *                 {@link ProcedureProgress#isDone(String, String) done} in it.
     */
    P propose(R read, Answers answers, Optional<ProcedureProgress> progress);

    /** Whether every earlier stage must be done before this one runs (the usual case). */
    default boolean needsEarlierStages() {
        return true;
    }

    /**
     * An optional stage (a hand-out some tenants do not need) never holds back the stages after it, and a run whose
     * other stages are done is finished without it.
     */
    default boolean optional() {
        return false;
    }

    /**
     * This stage with its proposals turned into another type ({@code wrap}): same id, title, order and optionality, for
     * a procedure whose stages share one proposal type, or a front end that shows a proposal its own way.
     */
    default <Q extends StageProposal> Stage<R, Q> map(Function<? super P, ? extends Q> wrap) {
        Stage<R, P> stage = this;
        return new Stage<>() {
            @Override
            public String id() {
                return stage.id();
            }

            @Override
            public String title() {
                return stage.title();
            }

            @Override
            public Q propose(R read, Answers answers, Optional<ProcedureProgress> progress) {
                return wrap.apply(stage.propose(read, answers, progress));
            }

            @Override
            public boolean needsEarlierStages() {
                return stage.needsEarlierStages();
            }

            @Override
            public boolean optional() {
                return stage.optional();
            }
        };
    }

    /** How a stage plans, for {@link #of}. */
    @FunctionalInterface
    interface Planner<R, P extends StageProposal> {
        P propose(R read, Answers answers, Optional<ProcedureProgress> progress);
    }

    /** A stage that needs every earlier one, planned by {@code planner}. */
    static <R, P extends StageProposal> Stage<R, P> of(String id, String title, Planner<R, P> planner) {
        return new Stage<>() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return title;
            }

            @Override
            public P propose(R read, Answers answers, Optional<ProcedureProgress> progress) {
                return planner.propose(read, answers, progress);
            }
        };
    }
}
