package dev.gatehouse.domain.procedure;

import dev.gatehouse.domain.procedure.TwoStageProcedure.Proposal;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A stage some runs do not need (a hand-out of passes) never holds back the others, nor keeps a run open. */
class OptionalStageTest {

    private static final Instant NOW = Instant.parse("2026-12-06T06:00:00Z");

    private static Stage<String, Proposal> stage(String id, boolean optional) {
        return new Stage<>() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return id;
            }

            @Override
            public Proposal propose(String read, Answers answers, Optional<ProcedureProgress> progress) {
                return new Proposal(Optional.empty(), "nothing", List.of());
            }

            @Override
            public boolean optional() {
                return optional;
            }
        };
    }

    private final Procedure<String, Proposal> procedure = new Procedure<>("p", "P",
            List.of(stage("hand-out", true), stage("save", false), stage("turn-on", false)));
    private final RunKey key = new RunKey("Demo tenant", "p", "tenant");

    @Test
    void anOptionalStageNotDoneNeitherBlocksNorIsNext() {
        Optional<ProcedureProgress> none = Optional.empty();

        assertThat(procedure.missingBefore("save", none)).isEmpty();
        assertThat(procedure.missingBefore("turn-on", none)).extracting(Stage::id).containsExactly("save");
        assertThat(procedure.nextStage(none)).get().extracting(Stage::id).isEqualTo("save");
    }

    @Test
    void theRunIsOverOnceEveryOtherStageIsDone() {
        ProcedureProgress progress = ProcedureProgress.start(key, NOW, Answers.none())
                .withStageDone("save", NOW).withStageDone("turn-on", NOW);

        assertThat(procedure.nextStage(Optional.of(progress))).isEmpty();
        assertThat(procedure.nextStage(Optional.of(ProcedureProgress.start(key, NOW, Answers.none())
                .withStageDone("save", NOW)))).get().extracting(Stage::id).isEqualTo("turn-on");
    }
}
