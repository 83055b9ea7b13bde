package dev.gatehouse.domain.registration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registration policy's exports on disk and an imported policy read back: files the admin chose, never
 * overwritten, never holding a secret. Blocks on the disk: never on the FX thread.
 */
public final class PolicyFiles {

    public static final String JSON_FILE = "registration-policy.json";
    /** The strength to create first, when the tenant has none that fits: a Graph body of its own. */
    public static final String STRENGTH_FILE = "registration-strength.json";
    public static final String POWERSHELL_FILE = "registration-policy.ps1";
    /** A policy is a few kilobytes: anything much larger is not one. */
    static final long MAX_IMPORT_BYTES = 1_000_000;

    private PolicyFiles() {
    }

    /**
     * Each body a JSON file of its own (valid JSON, pasteable as it is), and the script.
     *
     * @return the files written, in order
     */
    public static List<Path> export(Path folder, Optional<String> strengthJson, String json, String powerShell)
            throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        strengthJson.ifPresent(body -> files.put(folder.resolve(STRENGTH_FILE), body));
        files.put(folder.resolve(JSON_FILE), json);
        files.put(folder.resolve(POWERSHELL_FILE), powerShell);
        for (Path file : files.keySet()) {
            if (Files.exists(file)) {
                throw new IOException(file + " already exists; choose another folder or move it away first.");
            }
        }
        for (Map.Entry<Path, String> file : files.entrySet()) {
            Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        }
        return List.copyOf(files.keySet());
    }

    public static PolicyImport.Result read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_IMPORT_BYTES) {
            throw new IOException(file + " is " + size + " bytes, larger than a policy can be.");
        }
        return PolicyImport.parse(Files.readString(file, StandardCharsets.UTF_8));
    }
}
