package dev.gatehouse.domain.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Owner-only folders and files, on POSIX systems (the Windows ACL path is not exercised on this machine). */
class PrivateFilesTest {

    @TempDir
    Path root;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aFolderAndTheFilesWrittenInItAreTheOwnersAlone() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path folder = root.resolve("gatehouse");

        PrivateFiles.folder(folder);
        AtomicFiles.replace(folder.resolve("settings.properties"), "a=1\n");
        try (FileChannel ignored = PrivateFiles.open(folder.resolve("journal.jsonl"),
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND))) {
            // created
        }

        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(folder.resolve("settings.properties"))).isEqualTo("rw-------");
        assertThat(mode(folder.resolve("journal.jsonl"))).isEqualTo("rw-------");
    }

    @Test
    void aFileAnOlderVersionLeftReadableIsTightenedWhenItIsNextWritten() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path data = Files.createDirectory(root.resolve("gatehouse"));
        Path journal = data.resolve("journal.jsonl");
        Files.writeString(journal, "{}\n");
        Files.setPosixFilePermissions(journal, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));

        PrivateFiles.folder(data);
        PrivateFiles.open(journal, Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND)).close();

        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(journal)).isEqualTo("rw-------");
    }

    @Test
    void aFolderTheAdminNamedThatExistedKeepsItsPermissionsButTheFilesInItAreStillPrivate() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path home = Files.createDirectory(root.resolve("home-of-adele"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));

        PrivateFiles.folder(home);
        AtomicFiles.replace(home.resolve("settings.properties"), "a=1\n");

        assertThat(mode(home)).as("GATEHOUSE_DATA_DIR=$HOME must not lock the admin out of sharing it").isEqualTo(
                "rwxr-xr-x");
        assertThat(mode(home.resolve("settings.properties"))).isEqualTo("rw-------");
    }
}
