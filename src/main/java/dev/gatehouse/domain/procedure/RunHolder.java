package dev.gatehouse.domain.procedure;

import dev.gatehouse.domain.text.Moments;

import java.time.Instant;
import java.util.Objects;

/**
 * Who holds a run: enough for another admin, window or terminal to know whom to ask, and for a later process to tell
 * a live holder from one that died holding it.
 *
 * @param frontEnd  "the Gatehouse window", "the gatehouse command line"
 * @param actor     the signed-in admin's UPN (or object id)
 * @param processId the holding process
 * @param host      the computer it runs on, as it names itself
 * @param since     when it took the run; null when unknown
 */
public record RunHolder(String frontEnd, String actor, long processId, String host, Instant since) {

    public static final String WINDOW = "the Gatehouse window";
    public static final String COMMAND_LINE = "the gatehouse command line";

    public RunHolder {
        Objects.requireNonNull(frontEnd, "frontEnd");
    }

    /** Someone who holds the run but has not (yet) said who they are, or whose record cannot be read. */
    static RunHolder unknown(String who) {
        return new RunHolder(who, null, -1, null, null);
    }

    /** This process, acting for {@code actor} through {@code frontEnd}. */
    public static RunHolder thisProcess(String frontEnd, String actor, Instant now) {
        return new RunHolder(frontEnd, actor, ProcessHandle.current().pid(), hostName(), now);
    }

    /** "admin@contoso.com in the gatehouse command line (process 4242 on WS-17), since 6 Dec 2026, 09:14 UTC". */
    public String describe() {
        if (processId < 0) {
            return frontEnd;
        }
        return (actor == null || actor.isBlank() ? "an unknown admin" : actor) + " in " + frontEnd + " (process "
                + processId + (host == null || host.isBlank() ? "" : " on " + host) + ")"
                + (since == null ? "" : ", since " + Moments.of(since));
    }

    /**
     * From the environment rather than a name lookup: resolving the local host can wait on DNS for seconds, and the
     * name is only there to help a person find the other window.
     */
    private static String hostName() {
        String name = System.getenv("COMPUTERNAME"); // Windows
        if (name == null || name.isBlank()) {
            name = System.getenv("HOSTNAME"); // set by some shells, rarely exported
        }
        if (name == null || name.isBlank()) {
            try {
                name = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip();
            } catch (java.io.IOException | RuntimeException e) {
                name = null; // not Linux
            }
        }
        return name == null || name.isBlank() ? "this computer" : name;
    }
}
