package dev.gatehouse.domain.recovery;

import java.util.Optional;

/** Where unfinished playbook runs are kept between sessions, one per tenant and user. */
public interface PlaybookStore {

    Optional<PlaybookProgress> find(String tenant, String userId);

    void save(PlaybookProgress progress);

    void remove(String tenant, String userId);
}
