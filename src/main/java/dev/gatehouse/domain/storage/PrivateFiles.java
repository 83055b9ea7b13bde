package dev.gatehouse.domain.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The data folder's files are the admin's alone: the journal says who was changed how, saved runs say what an incident
 * response did, settings name the emergency-access group. Folders are 0700 and files 0600 on POSIX systems; on Windows
 * the ACL grants the owner alone full control (inherited by what a folder will hold). A file an older version left
 * readable by others is tightened when it is next written.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final boolean ACL = FileSystems.getDefault().supportedFileAttributeViews().contains("acl");
    /** Folders that are Gatehouse's by name, whoever created them (an older version, with looser permissions). */
    private static final Set<String> OWN_NAMES = Set.of("gatehouse", "Gatehouse", "procedures", "playbooks", "tokens");

    private PrivateFiles() {
    }

    /**
     * Creates {@code folder} (and any missing parent) and makes {@code folder} itself owner-only — when Gatehouse
     * created it now, or when it is one of Gatehouse's own by name (the platform data folder, {@code procedures},
     * {@code playbooks}, {@code tokens}). A folder the admin named that existed before ({@code GATEHOUSE_DATA_DIR=$HOME})
     * keeps its permissions; the files Gatehouse writes into it are still owner-only.
     */
    public static Path folder(Path folder) throws IOException {
        boolean existed = Files.isDirectory(folder);
        Files.createDirectories(folder);
        if (existed && !OWN_NAMES.contains(String.valueOf(folder.getFileName()))) {
            return folder;
        }
        if (POSIX) {
            if (!Files.getPosixFilePermissions(folder).equals(OWNER_FOLDER)) {
                Files.setPosixFilePermissions(folder, OWNER_FOLDER);
            }
        } else if (ACL) {
            ownerOnly(folder, true);
        }
        return folder;
    }

    /** Makes an existing file owner-only. */
    public static void restrict(Path file) throws IOException {
        if (POSIX) {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_FILE)) {
                Files.setPosixFilePermissions(file, OWNER_FILE);
            }
        } else if (ACL) {
            ownerOnly(file, false);
        }
    }

    /** Opens {@code file}, creating it owner-only if it is new, and tightening it if it was not. */
    public static FileChannel open(Path file, Set<? extends OpenOption> options) throws IOException {
        FileChannel channel = POSIX
                ? FileChannel.open(file, options, new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(OWNER_FILE)})
                : FileChannel.open(file, options);
        try {
            restrict(file);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    private static void ownerOnly(Path path, boolean folder) throws IOException {
        AclFileAttributeView view = Files.getFileAttributeView(path, AclFileAttributeView.class);
        UserPrincipal owner = Files.getOwner(path);
        AclEntry.Builder entry = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class));
        if (folder) {
            entry.setFlags(EnumSet.of(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT));
        }
        List<AclEntry> only = List.of(entry.build());
        if (!view.getAcl().equals(only)) {
            view.setAcl(only);
        }
    }
}
