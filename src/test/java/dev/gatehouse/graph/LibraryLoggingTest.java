package dev.gatehouse.graph;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The libraries' slf4j output (simplelogger.properties) must not add to the CLI's one line on stderr. */
class LibraryLoggingTest {

    @Test
    void librariesLogOnlyErrorsAndMsalNothing() {
        assertThat(LoggerFactory.getLogger("com.azure.core.implementation.ReflectionUtils").isWarnEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("com.azure.core.implementation.ReflectionUtils").isErrorEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("com.microsoft.aad.msal4j.AuthenticationResultSupplier").isErrorEnabled())
                .isFalse();
        assertThat(LoggerFactory.getLogger("com.microsoft.aad.msal4j.DefaultHttpClient").isErrorEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("com.microsoft.aad.msal4jextensions.PersistenceTokenCacheAccessAspect")
                .isErrorEnabled()).isTrue();
    }

    @Test
    void anErrorIsOneShortLineOnStderrWithoutDateOrThread() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LoggerFactory.getLogger("com.example.library.CacheWriter").error("cannot write the cache file");
        } finally {
            System.setErr(stderr);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8))
                .isEqualToNormalizingNewlines("[ERROR] CacheWriter - cannot write the cache file\n");
    }
}
