package dev.gatehouse.domain.procedure;

import java.util.Optional;

/**
 * Where procedure runs are kept between sessions, one record per {@link RunKey}: the unfinished one, or the last one
 * that ended (kept so that a plan made before it ended cannot run). Touches the disk.
 */
public interface ProgressStore {

    Optional<ProcedureProgress> find(RunKey key);

    void save(ProcedureProgress progress);
}
