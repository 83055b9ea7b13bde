package dev.gatehouse.graph.signin;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4jextensions.PersistenceSettings;
import com.microsoft.aad.msal4jextensions.PersistenceTokenCacheAccessAspect;
import dev.gatehouse.domain.tenant.TenantException;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * The MSAL token cache in the operating system's protected store, via msal4j-persistence-extension: a
 * DPAPI-encrypted file on Windows, the Keychain on macOS, the Secret Service keyring (libsecret) on Linux.
 * An unprotected file is used only when the caller explicitly allows it and the protected store is unavailable.
 */
public final class TokenCacheStore {

    /**
     * The explicit opt-in to an unprotected token cache file, read by the app when it starts: set to {@code 1}.
     * There is no setting for it in the app, so that allowing readable tokens is a deliberate act.
     */
    public static final String ALLOW_UNPROTECTED_VARIABLE = "GATEHOUSE_ALLOW_UNPROTECTED_TOKEN_CACHE";

    public enum Protection {
        WINDOWS_DPAPI("encrypted with Windows DPAPI"),
        MACOS_KEYCHAIN("in the macOS Keychain"),
        LINUX_KEYRING("in the Secret Service keyring"),
        UNPROTECTED_FILE("in an unprotected file (allowed by " + ALLOW_UNPROTECTED_VARIABLE + "=1)");

        private final String description;

        Protection(String description) {
            this.description = description;
        }

        /** Completes "Sign-in tokens are kept …". */
        public String description() {
            return description;
        }
    }

    enum Os { WINDOWS, MAC, LINUX, OTHER }

    /** Constructs the persistence aspect; the Linux keyring is verified (written and read) right away. */
    @FunctionalInterface
    interface Opener {
        ITokenCacheAccessAspect open(PersistenceSettings settings) throws IOException;
    }

    static final String CACHE_FILE = "msal-token-cache.bin";

    private final ITokenCacheAccessAspect aspect;
    private final Protection protection;
    private final Path directory;

    private TokenCacheStore(ITokenCacheAccessAspect aspect, Protection protection, Path directory) {
        this.aspect = aspect;
        this.protection = protection;
        this.directory = directory;
    }

    public static TokenCacheStore open(Path directory, boolean allowUnprotected) {
        return open(directory, allowUnprotected, currentOs(), PersistenceTokenCacheAccessAspect::new);
    }

    static TokenCacheStore open(Path directory, boolean allowUnprotected, Os os, Opener opener) {
        createPrivateDirectory(directory);
        switch (os) {
            case WINDOWS:
                return new TokenCacheStore(open(opener, settings(directory).build(), directory),
                        Protection.WINDOWS_DPAPI, directory);
            case MAC:
                return new TokenCacheStore(open(opener, settings(directory)
                        .setMacKeychain("Gatehouse.MicrosoftGraph", "MSALCache").build(), directory),
                        Protection.MACOS_KEYCHAIN, directory);
            case LINUX:
                return linux(directory, allowUnprotected, opener);
            default:
                throw new TenantException(TenantException.Kind.NOT_SIGNED_IN, "Gatehouse keeps sign-in tokens only "
                        + "in the operating system's protected store, and it knows none on "
                        + System.getProperty("os.name") + ". Use the demo tenant or --graph-endpoint with a token.");
        }
    }

    private static TokenCacheStore linux(Path directory, boolean allowUnprotected, Opener opener) {
        PersistenceSettings keyring = settings(directory)
                .setLinuxKeyring(null, "dev.gatehouse.tokencache", "Gatehouse sign-in to Microsoft Graph",
                        "ProductGroup", "Gatehouse", "Product", "MSAL token cache")
                .build();
        try {
            return new TokenCacheStore(opener.open(keyring), Protection.LINUX_KEYRING, directory);
        } catch (IOException | RuntimeException | LinkageError keyringUnavailable) {
            // UnsatisfiedLinkError without libsecret, KeyRingAccessException without a running Secret Service
            if (!allowUnprotected) {
                throw new TenantException(TenantException.Kind.NOT_SIGNED_IN, "Gatehouse keeps sign-in tokens only in "
                        + "the operating system's protected store, and this Linux session has no usable keyring ("
                        + keyringUnavailable.getClass().getSimpleName() + ": " + keyringUnavailable.getMessage()
                        + "). Install libsecret-1-0 and run a Secret Service keyring such as GNOME Keyring, then sign "
                        + "in again. On a machine only you use, you can instead allow an unprotected token cache by "
                        + "starting Gatehouse with the environment variable " + ALLOW_UNPROTECTED_VARIABLE + "=1: "
                        + "tokens are then stored in " + directory.resolve(CACHE_FILE)
                        + ", readable by your user account.");
            }
            PersistenceSettings file = settings(directory).setLinuxUseUnprotectedFileAsCacheStorage(true).build();
            return new TokenCacheStore(open(opener, file, directory), Protection.UNPROTECTED_FILE, directory);
        }
    }

    private static PersistenceSettings.Builder settings(Path directory) {
        return PersistenceSettings.builder(CACHE_FILE, directory).setLockRetry(100, 60);
    }

    private static ITokenCacheAccessAspect open(Opener opener, PersistenceSettings settings, Path directory) {
        try {
            return opener.open(settings);
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new TenantException(TenantException.Kind.NOT_SIGNED_IN, "Cannot open the protected token cache in "
                    + directory + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").", 0, null, null, e);
        }
    }

    /** Owner-only directory on POSIX systems, so even an unprotected cache file is not readable by others. */
    private static void createPrivateDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new TenantException(TenantException.Kind.NOT_SIGNED_IN, "Cannot create the token cache folder "
                    + directory + ": " + e.getMessage(), 0, null, null, e);
        }
    }

    static Os currentOs() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return Os.WINDOWS;
        }
        if (name.startsWith("mac")) {
            return Os.MAC;
        }
        return name.startsWith("linux") ? Os.LINUX : Os.OTHER;
    }

    public Protection protection() {
        return protection;
    }

    public Path directory() {
        return directory;
    }

    ITokenCacheAccessAspect aspect() {
        return aspect;
    }
}
