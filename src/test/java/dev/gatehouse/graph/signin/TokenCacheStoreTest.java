package dev.gatehouse.graph.signin;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import com.microsoft.aad.msal4jextensions.PersistenceSettings;
import dev.gatehouse.domain.tenant.TenantException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

class TokenCacheStoreTest {

    @TempDir
    Path home;

    private final List<PersistenceSettings> opened = new ArrayList<>();

    private final TokenCacheStore.Opener keyringMissing = settings -> {
        opened.add(settings);
        if (settings.getKeyringSchemaName() != null) {
            throw new UnsatisfiedLinkError("Unable to load library 'libsecret-1'");
        }
        return new NoCache();
    };

    @Test
    void withoutAKeyringAndWithoutOptInSignInIsRefusedWithAClearReason() {
        Path dir = home.resolve("tokens");

        assertThatThrownBy(() -> TokenCacheStore.open(dir, false, TokenCacheStore.Os.LINUX, keyringMissing))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TenantException.Kind.NOT_SIGNED_IN);
                    assertThat(e.getMessage()).contains("no usable keyring").contains("libsecret")
                            .contains("allow an unprotected token cache")
                            .contains("environment variable GATEHOUSE_ALLOW_UNPROTECTED_TOKEN_CACHE=1")
                            .doesNotContain("settings").contains(dir.toString());
                });
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).isOnLinuxUseUnprotectedFileAsCacheStorage()).isFalse();
    }

    @Test
    void withoutAKeyringTheOptInUsesAnOwnerOnlyFile() throws Exception {
        Path dir = home.resolve("tokens");

        TokenCacheStore store = TokenCacheStore.open(dir, true, TokenCacheStore.Os.LINUX, keyringMissing);

        assertThat(store.protection()).isEqualTo(TokenCacheStore.Protection.UNPROTECTED_FILE);
        assertThat(store.protection().description())
                .isEqualTo("in an unprotected file (allowed by GATEHOUSE_ALLOW_UNPROTECTED_TOKEN_CACHE=1)");
        assertThat(opened).hasSize(2);
        assertThat(opened.get(1).isOnLinuxUseUnprotectedFileAsCacheStorage()).isTrue();
        assumeThat(Files.getFileStore(dir).supportsFileAttributeView("posix")).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    @Test
    void aWorkingKeyringIsUsedEvenWhenTheOptInIsSet() {
        TokenCacheStore store = TokenCacheStore.open(home, true, TokenCacheStore.Os.LINUX, settings -> {
            opened.add(settings);
            return new NoCache();
        });

        assertThat(store.protection()).isEqualTo(TokenCacheStore.Protection.LINUX_KEYRING);
        assertThat(opened).singleElement().satisfies(s -> assertThat(s.getKeyringSchemaName()).isNotNull());
    }

    @Test
    void windowsUsesDpapiAndMacTheKeychain() {
        assertThat(TokenCacheStore.open(home, false, TokenCacheStore.Os.WINDOWS, keyringMissing).protection())
                .isEqualTo(TokenCacheStore.Protection.WINDOWS_DPAPI);
        assertThat(TokenCacheStore.open(home, false, TokenCacheStore.Os.MAC, keyringMissing).protection())
                .isEqualTo(TokenCacheStore.Protection.MACOS_KEYCHAIN);
        assertThat(opened.get(1).getKeychainService()).isEqualTo("Gatehouse.MicrosoftGraph");
    }

    @Test
    void theRealExtensionOnThisMachineEitherUsesTheKeyringOrHonoursTheOptIn() {
        assumeThat(TokenCacheStore.currentOs()).isEqualTo(TokenCacheStore.Os.LINUX);

        TokenCacheStore store = TokenCacheStore.open(home.resolve("real"), true);

        assertThat(store.protection()).isIn(TokenCacheStore.Protection.LINUX_KEYRING,
                TokenCacheStore.Protection.UNPROTECTED_FILE);
        assertThat(home.resolve("real").resolve(TokenCacheStore.CACHE_FILE)).exists();
    }

    private static final class NoCache implements ITokenCacheAccessAspect {
        @Override
        public void beforeCacheAccess(ITokenCacheAccessContext context) {
        }

        @Override
        public void afterCacheAccess(ITokenCacheAccessContext context) {
        }
    }
}
