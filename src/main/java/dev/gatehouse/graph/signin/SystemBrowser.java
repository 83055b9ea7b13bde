package dev.gatehouse.graph.signin;

import com.microsoft.aad.msal4j.OpenBrowserAction;
import dev.gatehouse.domain.tenant.TenantException;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Locale;
import java.util.Map;

/**
 * Opens the sign-in page in the user's default browser (the system browser, never an embedded one).
 * <p>
 * On Linux it starts {@code xdg-open} itself, with Gatehouse's own environment variables removed: a browser
 * started from here would otherwise inherit {@code GATEHOUSE_ACCESS_TOKEN}, and AWT's {@link Desktop#browse}
 * launches it through GTK with the whole environment of this process.
 */
final class SystemBrowser implements OpenBrowserAction {

    /** Prefix of every variable Gatehouse reads ({@code GATEHOUSE_ACCESS_TOKEN}, the token cache opt-in, …). */
    static final String GATEHOUSE_VARIABLES = "GATEHOUSE_";

    @Override
    public void openBrowser(URL url) {
        try {
            if (TokenCacheStore.currentOs() == TokenCacheStore.Os.LINUX && startXdgOpen(url)) {
                return;
            }
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(url.toURI());
                return;
            }
        } catch (IOException | URISyntaxException | UnsupportedOperationException e) {
            throw noBrowser(e.getMessage());
        }
        throw noBrowser("no desktop browser integration");
    }

    /** False when xdg-open cannot be started (not installed), so the desktop integration gets its chance. */
    private static boolean startXdgOpen(URL url) {
        try {
            xdgOpen(url).start();
            return true;
        } catch (IOException notInstalled) {
            return false;
        }
    }

    static ProcessBuilder xdgOpen(URL url) {
        ProcessBuilder process = new ProcessBuilder("xdg-open", url.toString()).inheritIO();
        withoutGatehouseVariables(process.environment());
        return process;
    }

    /** Removes the variables Gatehouse reads (tokens among them) from a child process's environment. */
    static void withoutGatehouseVariables(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.toUpperCase(Locale.ROOT).startsWith(GATEHOUSE_VARIABLES));
    }

    private static TenantException noBrowser(String reason) {
        return new TenantException(TenantException.Kind.NOT_SIGNED_IN, "Cannot open a web browser for sign-in ("
                + reason + "). Use device code sign-in instead.");
    }
}
