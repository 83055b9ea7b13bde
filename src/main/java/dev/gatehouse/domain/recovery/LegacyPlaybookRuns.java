package dev.gatehouse.domain.recovery;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.procedure.ProgressStore;
import dev.gatehouse.domain.procedure.RunKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Unfinished compromised-account runs saved before procedures existed ({@code <data folder>/playbooks/<hash>.json},
 * one per tenant and user) still resume: a run not found in the procedure store is looked for there and read as the
 * playbook's one stage. The old file is removed once the run is saved anew or forgotten, so it is never read twice.
 */
public final class LegacyPlaybookRuns implements ProgressStore {

    static final String FOLDER = "playbooks";

    private final ProgressStore current;
    private final Path folder;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public LegacyPlaybookRuns(ProgressStore current, Path dataFolder) {
        this.current = current;
        this.folder = dataFolder.resolve(FOLDER);
    }

    /** The file layout of the version before procedures: its fields, as it wrote them. */
    private record SavedRun(String tenant, String userId, Instant started, PlaybookChoices choices,
                            Map<String, Instant> done, String lastProblem) {
    }

    @Override
    public Optional<ProcedureProgress> find(RunKey key) {
        Optional<ProcedureProgress> found = current.find(key);
        if (found.isPresent() || !isPlaybook(key)) {
            return found;
        }
        Path file = file(key);
        try {
            SavedRun saved = json.readValue(Files.readString(file, StandardCharsets.UTF_8), SavedRun.class);
            ProcedureProgress progress = new ProcedureProgress(key, saved.started(),
                    CompromisedAccountPlaybook.answers(saved.choices()),
                    Map.of(CompromisedAccountPlaybook.STAGE, saved.done() == null ? Map.of()
                            : new LinkedHashMap<>(saved.done())), Map.of(), saved.lastProblem());
            return Optional.of(progress);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("The saved playbook run " + file + " cannot be read (" + e.getMessage()
                    + "). Delete the file to start over.", e);
        }
    }

    @Override
    public void save(ProcedureProgress progress) {
        current.save(progress);
        removeLegacy(progress.key());
    }

    private void removeLegacy(RunKey key) {
        if (isPlaybook(key)) {
            try {
                Files.deleteIfExists(file(key));
            } catch (IOException e) {
                throw new UncheckedIOException("The old saved playbook run " + file(key) + " cannot be removed: "
                        + e.getMessage(), e);
            }
        }
    }

    private static boolean isPlaybook(RunKey key) {
        return key.procedure().equals(CompromisedAccountPlaybook.PROCEDURE_ID);
    }

    /** The old store's name: a hash of tenant and lower-cased user id. */
    private Path file(RunKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((key.tenant() + "\n"
                    + key.subject().toLowerCase(java.util.Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(digest, 0, 16) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
