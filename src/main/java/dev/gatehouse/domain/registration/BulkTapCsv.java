package dev.gatehouse.domain.registration;

import java.util.function.Function;
import java.util.Optional;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.StepOutcome;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.storage.PrivateFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * The optional hand-out file of a bulk Temporary Access Pass run: one row per pass issued — UPN, display name, code,
 * expiry (from what Graph returned) — written as each step finishes, so a run that stops still leaves the codes it
 * issued. The file is created owner-only ({@link PrivateFiles}) and never replaces an existing one. It holds live
 * secrets: say {@link #WARNING} wherever it is offered. Follows the run as a listener in front of the front end's:
 * {@code csv.then(screen)}.
 */
public final class BulkTapCsv implements ExecutionListener, AutoCloseable {

    public static final String WARNING = "This file holds live Temporary Access Passes: anyone who can read it can "
            + "sign in as these users until each pass is used or expires. Keep it only until the passes are handed "
            + "out, then delete it.";
    static final String HEADER = "userPrincipalName,displayName,temporaryAccessPass,expires";

    private final Path file;
    private final FileChannel channel;
    /** Step id → the user it issues a pass to. */
    private final Function<String, Optional<BulkTapUser>> users;
    private int rows;

    private BulkTapCsv(Path file, FileChannel channel, Function<String, Optional<BulkTapUser>> users) {
        this.file = file;
        this.channel = channel;
        this.users = users;
    }

    /**
     * Creates {@code file} owner-only with its header line.
     *
     * @throws IOException with the reason in the admin's words, when the file exists already or cannot be written
     */
    public static BulkTapCsv create(Path file, BulkTapProposal proposal) throws IOException {
        return create(file, proposal::userOf);
    }

    /**
     * As {@link #create(Path, BulkTapProposal)}, for a front end that holds the users by themselves.
     *
     * @param users step id ({@link BulkTapStage#STEP_PREFIX} + user id) → the user it issues a pass to
     */
    public static BulkTapCsv create(Path file, Function<String, Optional<BulkTapUser>> users) throws IOException {
        FileChannel channel;
        try {
            channel = PrivateFiles.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        } catch (FileAlreadyExistsException e) {
            throw new IOException(file + " exists already. Gatehouse does not overwrite a file (it may hold passes "
                    + "not handed out yet): choose another name, or delete that file first.", e);
        }
        BulkTapCsv csv = new BulkTapCsv(file, channel, users);
        try {
            csv.line(HEADER);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return csv;
    }

    public Path file() {
        return file;
    }

    /** Rows written so far. */
    public int rows() {
        return rows;
    }

    /** Writes the row before the front end shows (and wipes) the code; a write that fails stops the run. */
    @Override
    public void stepFinished(int index, StepOutcome outcome) {
        var user = users.apply(outcome.step().id());
        var secret = outcome.result().flatMap(StepResult::secret);
        if (user.isPresent() && secret.isPresent()) {
            try {
                line(String.join(",", cell(user.get().userPrincipalName(), true), cell(user.get().displayName(), true),
                        code(secret.get()), outcome.result().flatMap(StepResult::secretExpires)
                                .map(Object::toString).orElse("")));
                rows++;
            } catch (IOException e) {
                throw new UncheckedIOException("The pass for " + user.get().label() + " could not be written "
                        + "to " + file + ": " + e.getMessage() + ". It is shown on screen only.", e);
            }
        }
    }

    private static String code(Secret secret) {
        return cell(secret.reveal(), false);
    }

    /**
     * RFC 4180 quoting; text from the tenant that a spreadsheet would run as a formula (= + - @ first) is prefixed
     * with an apostrophe. The code is written exactly as Graph returned it.
     */
    static String cell(String value, boolean fromTenant) {
        String text = value;
        if (fromTenant && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private void line(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
