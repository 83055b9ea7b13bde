package dev.gatehouse.domain.procedure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonProgressStoreTest {

    @TempDir
    Path data;

    private static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");
    private final RunKey key = new RunKey("Demo tenant · baseline", "test-procedure", "Alex-ID");

    @Test
    void savesAnswersAndDoneStepsPerStageAndReadsThemBack() {
        JsonProgressStore store = new JsonProgressStore(data);
        ProcedureProgress progress = ProcedureProgress.start(key, T0, Answers.none().with("count", 2))
                .withStepDone("accounts", "create-1", T0.plusSeconds(5))
                .withStepDone("accounts", "create-2", T0.plusSeconds(9))
                .withStageDone("accounts", T0.plusSeconds(9))
                .withStepDone("group", "create-group", T0.plusSeconds(12))
                .withProblem("Add members: Graph is unavailable.");

        store.save(progress);
        ProcedureProgress read = new JsonProgressStore(data).find(key).orElseThrow();

        assertThat(read).isEqualTo(progress);
        assertThat(read.stepsDone("accounts").keySet()).containsExactly("create-1", "create-2");
        assertThat(read.stageDone("accounts")).isTrue();
        assertThat(read.stageDone("group")).isFalse();
        assertThat(read.anythingDone()).isTrue();
    }

    @Test
    void keysDifferInTenantProcedureAndSubjectAndTheSubjectIgnoresCase() {
        JsonProgressStore store = new JsonProgressStore(data);
        store.save(ProcedureProgress.start(key, T0, Answers.none()));

        assertThat(store.find(new RunKey(key.tenant(), key.procedure(), "alex-id"))).isPresent();
        assertThat(store.find(new RunKey("contoso.onmicrosoft.com", key.procedure(), key.subject()))).isEmpty();
        assertThat(store.find(new RunKey(key.tenant(), "other", key.subject()))).isEmpty();
    }

    @Test
    void savingAgainReplacesTheRecordAndLeavesNoTemporaryFiles() throws Exception {
        JsonProgressStore store = new JsonProgressStore(data);
        store.save(ProcedureProgress.start(key, T0, Answers.none()));
        ProcedureProgress ended = ProcedureProgress.start(key, T0, Answers.none()).withStepDone("s", "x", T0)
                .finishedAt(T0.plusSeconds(30), null);

        store.save(ended);

        assertThat(store.find(key)).contains(ended);
        try (Stream<Path> files = Files.list(data.resolve(JsonProgressStore.FOLDER))) {
            assertThat(files).containsExactly(store.file(key));
        }
    }

    @Test
    void aTornFileIsReportedWithItsPathAndHowToStartOver() throws Exception {
        JsonProgressStore store = new JsonProgressStore(data);
        store.save(ProcedureProgress.start(key, T0, Answers.none()));
        Path file = store.file(key);
        Files.writeString(file, "{\"key\": {\"tenant\": ");

        assertThatThrownBy(() -> store.find(key)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("Delete the file to start over");
    }
}
