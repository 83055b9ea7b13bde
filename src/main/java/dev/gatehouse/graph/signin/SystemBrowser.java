package dev.gatehouse.graph.signin;

import com.microsoft.aad.msal4j.OpenBrowserAction;
import dev.gatehouse.domain.tenant.TenantException;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;

/** Opens the sign-in page in the user's default browser (the system browser, never an embedded one). */
final class SystemBrowser implements OpenBrowserAction {

    @Override
    public void openBrowser(URL url) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(url.toURI());
                return;
            }
            if (TokenCacheStore.currentOs() == TokenCacheStore.Os.LINUX) {
                new ProcessBuilder("xdg-open", url.toString()).inheritIO().start();
                return;
            }
        } catch (IOException | URISyntaxException | UnsupportedOperationException e) {
            throw noBrowser(e.getMessage());
        }
        throw noBrowser("no desktop browser integration");
    }

    private static TenantException noBrowser(String reason) {
        return new TenantException(TenantException.Kind.NOT_SIGNED_IN, "Cannot open a web browser for sign-in ("
                + reason + "). Use device code sign-in instead.");
    }
}
