package dev.gatehouse.domain.journal;

import dev.gatehouse.domain.secret.Secret;

import java.util.Collection;
import java.util.List;

/** The append-only record of every change Gatehouse made. */
public interface ActionJournal {

    /**
     * Appends one entry. Refuses (and writes nothing) when the serialised entry would contain the value of any
     * of {@code secretsInPlay}: a leak is a bug that must fail loudly, not a line to tidy later.
     */
    void append(JournalEntry entry, Collection<Secret> secretsInPlay);

    /** All entries, oldest first. */
    List<JournalEntry> readAll();
}
