package dev.gatehouse.domain.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.domain.secret.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonLinesJournalTest {

    @TempDir
    Path dir;

    private static JournalEntry entry(String step, Map<String, Object> after) {
        return new JournalEntry(Instant.parse("2026-11-22T10:00:00Z"), "Demo tenant", "admin@contoso.com", "Plan",
                "Ada", "u1", step, "Title " + step, "DONE", "ok", List.of("DELETE /users/u1/x"), Map.of(), after,
                List.of());
    }

    @Test
    void appendsOneJsonObjectPerLineAndReadsThemBack() throws Exception {
        JsonLinesJournal journal = new JsonLinesJournal(dir.resolve("sub/journal.jsonl"));
        journal.append(entry("a", Map.of("accountEnabled", false)), List.of());
        journal.append(entry("b", Map.of()), List.of());

        List<String> lines = Files.readAllLines(journal.file());
        assertThat(lines).hasSize(2);
        ObjectMapper plain = new ObjectMapper();
        assertThat(plain.readTree(lines.get(0)).get("at").asText()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(journal.readAll()).extracting(JournalEntry::step).containsExactly("a", "b");
        assertThat(journal.readAll().get(0).after()).containsEntry("accountEnabled", false);
    }

    @Test
    void refusesAnEntryThatContainsALiveSecret() {
        JsonLinesJournal journal = new JsonLinesJournal(dir.resolve("journal.jsonl"));
        Secret tap = Secret.of("Temporary Access Pass", "Qw3rty!9");
        assertThatThrownBy(() -> journal.append(entry("a", Map.of("note", "code Qw3rty!9")), List.of(tap)))
                .hasMessageContaining("Temporary Access Pass")
                .hasMessageNotContaining("Qw3rty!9");
        assertThat(Files.exists(journal.file())).isFalse();
    }

    @Test
    void aSecretObjectSerialisesAsWithheld() throws Exception {
        JsonLinesJournal journal = new JsonLinesJournal(dir.resolve("journal.jsonl"));
        Secret tap = Secret.of("Temporary Access Pass", "Qw3rty!9");
        journal.append(entry("a", Map.of("tap", tap)), List.of(tap));
        assertThat(Files.readString(journal.file())).contains("[Temporary Access Pass withheld]").doesNotContain("Qw3rty!9");
    }

    @Test
    void concurrentWritersNeverInterleaveLines() throws Exception {
        JsonLinesJournal journal = new JsonLinesJournal(dir.resolve("journal.jsonl"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            writes.add(pool.submit(() -> journal.append(entry("s" + n, Map.of("padding", "x".repeat(500))), List.of())));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        for (Future<?> write : writes) {
            write.get();
        }
        assertThat(journal.readAll()).hasSize(200);
    }

    /**
     * Ctrl+C interrupts the run thread at any moment, also while it journals a step that just finished: the entry is
     * still written, whole, and the interrupt is still there for the run to see. Here the append waits for the file
     * behind another writer when the interrupt lands, so the interrupt comes after the append began.
     */
    @Test
    void anInterruptThatArrivesWhileAnEntryIsBeingWrittenDoesNotLoseIt() throws Exception {
        JsonLinesJournal journal = new JsonLinesJournal(dir.resolve("journal.jsonl"));
        journal.append(entry("before", Map.of()), List.of());
        AtomicReference<Throwable> failed = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread run = new Thread(() -> {
            try {
                journal.append(entry("deleted", Map.of("deleted", List.of("Phone '+44 7700900461'"))), List.of());
            } catch (Throwable e) {
                failed.set(e);
            }
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        synchronized (JsonLinesJournal.inProcessLock(journal.file())) {
            run.start();
            while (run.getState() == Thread.State.NEW || run.getState() == Thread.State.RUNNABLE) {
                Thread.onSpinWait();
            }
            run.interrupt();
        }
        run.join(10_000);

        assertThat(failed.get()).isNull();
        assertThat(stillInterrupted).isTrue();
        assertThat(journal.readAll()).extracting(JournalEntry::step).containsExactly("before", "deleted");
        assertThat(journal.readAll().get(1).after()).containsKey("deleted");
    }
}
