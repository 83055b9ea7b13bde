package dev.gatehouse.domain.registration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The registration policy's exports on disk and an imported policy read back: files the admin chose, never
 * overwritten, never holding a secret. Blocks on the disk: never on the FX thread.
 */
public final class PolicyFiles {

    public static final String JSON_FILE = "registration-policy.json";
    public static final String POWERSHELL_FILE = "registration-policy.ps1";
    /** A policy is a few kilobytes: anything much larger is not one. */
    static final long MAX_IMPORT_BYTES = 1_000_000;

    private PolicyFiles() {
    }

    /** @return the files written, in order */
    public static List<Path> export(Path folder, String json, String powerShell) throws IOException {
        Path jsonFile = folder.resolve(JSON_FILE);
        Path scriptFile = folder.resolve(POWERSHELL_FILE);
        for (Path file : List.of(jsonFile, scriptFile)) {
            if (Files.exists(file)) {
                throw new IOException(file + " already exists; choose another folder or move it away first.");
            }
        }
        Files.writeString(jsonFile, json, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        Files.writeString(scriptFile, powerShell, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        return List.of(jsonFile, scriptFile);
    }

    public static PolicyImport.Result read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_IMPORT_BYTES) {
            throw new IOException(file + " is " + size + " bytes, larger than a policy can be.");
        }
        return PolicyImport.parse(Files.readString(file, StandardCharsets.UTF_8));
    }
}
