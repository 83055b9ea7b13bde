package dev.gatehouse.domain.procedure;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A multi-step change to a tenant as an ordered list of stages, each proposing a plan that is explained, confirmed,
 * run and journaled like any other. Runs are resumable: {@link ProcedureDesk} keeps the answers and what is done.
 *
 * @param id    stable across versions: saved progress and run locks are keyed by it ("compromised-account")
 * @param title what the admin calls it ("Compromised account")
 */
public record Procedure<R, P extends StageProposal>(String id, String title, List<Stage<R, P>> stages) {

    public Procedure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("A procedure needs at least one stage");
        }
        Set<String> ids = new HashSet<>();
        for (Stage<R, P> stage : stages) {
            if (!ids.add(stage.id())) {
                throw new IllegalArgumentException("Duplicate stage id '" + stage.id() + "' in procedure '" + id + "'");
            }
        }
    }

    public Optional<Stage<R, P>> stage(String stageId) {
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
    }

    public int indexOf(String stageId) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).id().equals(stageId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Procedure '" + id + "' has no stage '" + stageId + "'");
    }

    /** The stages that must be done before {@code stageId} and are not, in order; empty when it may run. */
    public List<Stage<R, P>> missingBefore(String stageId, Optional<ProcedureProgress> progress) {
        int index = indexOf(stageId);
        if (!stages.get(index).needsEarlierStages()) {
            return List.of();
        }
        return stages.subList(0, index).stream().filter(s -> !s.optional())
                .filter(s -> progress.map(p -> !p.stageDone(s.id())).orElse(true)).toList();
    }

    /** The first stage not done yet, optional ones aside; empty when every other stage is done (the run is over). */
    public Optional<Stage<R, P>> nextStage(Optional<ProcedureProgress> progress) {
        return stages.stream().filter(s -> !s.optional())
                .filter(s -> progress.map(p -> !p.stageDone(s.id())).orElse(true)).findFirst();
    }
}
