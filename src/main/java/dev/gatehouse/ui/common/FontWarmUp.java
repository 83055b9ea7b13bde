package dev.gatehouse.ui.common;

import javafx.scene.text.Font;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the fonts of the first frame on a thread of its own, while the FX thread loads the theme: the system font (its
 * first use reads the platform's font configuration) and the icon font (ikonli copies it out of its jar into a file
 * and parses it). The window's first icon used to pay for both on the FX thread, about 65 ms before the first frame;
 * with them loaded aside it takes a few. Fonts and unattached nodes may be made on any thread.
 */
public final class FontWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(FontWarmUp.class);

    private FontWarmUp() {
    }

    /** Starts loading; the thread is a daemon and ends when both fonts are loaded. */
    public static Thread start() {
        Thread thread = new Thread(FontWarmUp::load, "gatehouse-font-warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static void load() {
        try {
            Font.getDefault();
            Icons.of(Material2OutlinedAL.DOMAIN); // one icon loads the font every icon of Icons is drawn with
        } catch (RuntimeException failure) {
            // the first icon on the FX thread loads them as it would have anyway
            LOG.debug("Could not load the fonts ahead: {}", ErrorText.of(failure));
        }
    }
}
