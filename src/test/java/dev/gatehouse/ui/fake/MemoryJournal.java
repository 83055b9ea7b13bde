package dev.gatehouse.ui.fake;

import dev.gatehouse.domain.journal.ActionJournal;
import dev.gatehouse.domain.journal.JournalEntry;
import dev.gatehouse.domain.secret.Secret;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** An action journal in memory that, like the real one, refuses an entry holding a live secret's value. */
public final class MemoryJournal implements ActionJournal {

    private final List<JournalEntry> entries = new ArrayList<>();

    @Override
    public synchronized void append(JournalEntry entry, Collection<Secret> secretsInPlay) {
        for (Secret secret : secretsInPlay) {
            if (!secret.isWiped() && entry.toString().contains(secret.reveal())) {
                throw new IllegalStateException("entry holds the value of a " + secret.label());
            }
        }
        entries.add(entry);
    }

    @Override
    public synchronized List<JournalEntry> readAll() {
        return List.copyOf(entries);
    }
}
