package dev.gatehouse.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version in the pom and the git commit it was built from, both written into {@code version.properties} by
 * Maven's resource filtering (the commit read by the build, so an installed copy without {@code .git} knows it).
 */
final class GatehouseVersion implements IVersionProvider {

    private static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return new String[]{line()};
    }

    static String line() {
        Properties built = new Properties();
        try (InputStream in = GatehouseVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "Gatehouse development build (not built by Maven)";
            }
            built.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "Gatehouse " + built.getProperty("version") + " (commit " + known(built.getProperty("commit")) + ")";
    }

    /** A build without git, or from a source tree without {@code .git}, leaves the placeholder or nothing. */
    private static String known(String commit) {
        return commit == null || commit.isBlank() || commit.startsWith("${") ? "unknown" : commit.strip();
    }
}
