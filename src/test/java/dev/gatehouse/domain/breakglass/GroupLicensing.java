package dev.gatehouse.domain.breakglass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A test-only demo scenario: breakglass-gaps where both emergency-access accounts are also members of a group that
 * licenses its members (group-based licensing), so 01 inherits Microsoft 365 Business Premium and 02 holds it both
 * directly and through the group. The bundled scenarios stay as they are: the end-to-end set-up must end green there.
 */
final class GroupLicensing {

    static final String GROUP = "Licensed staff";
    /** Microsoft 365 Business Premium (SPB), the demo tenant's subscription. */
    static final String SPB = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";

    private GroupLicensing() {
    }

    /** Writes the scenario below {@code dir} and answers its path, as {@code --scenario} takes it. */
    static String scenario(Path dir) {
        try {
            Path folder = Files.createDirectories(dir.resolve("scenarios"));
            return Files.writeString(folder.resolve("group-licensing.json"), """
                    {"extends": "breakglass-gaps", "name": "group-licensing",
                     "groups": [{"displayName": "%s", "licenses": ["SPB"],
                                 "members": ["bg-admin-01@tailspintoys.onmicrosoft.com",
                                             "bg-admin-02@tailspintoys.onmicrosoft.com"]}]}
                    """.formatted(GROUP)).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
