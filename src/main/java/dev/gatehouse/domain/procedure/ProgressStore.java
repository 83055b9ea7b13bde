package dev.gatehouse.domain.procedure;

import java.util.Optional;

/** Where unfinished procedure runs are kept between sessions, one per {@link RunKey}. Touches the disk. */
public interface ProgressStore {

    Optional<ProcedureProgress> find(RunKey key);

    void save(ProcedureProgress progress);

    void remove(RunKey key);
}
