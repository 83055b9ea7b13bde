package dev.gatehouse.ui.common;

import javafx.scene.text.Font;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.material2.Material2OutlinedMZIkonHandler;
import org.testfx.api.FxToolkit;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The first frame's fonts are loaded on a thread of their own, and an icon made afterwards uses them. */
class FontWarmUpTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void loadsTheIconFontOnADaemonThreadThatEnds() throws Exception {
        Thread warmUp = FontWarmUp.start();

        assertThat(warmUp).isNotSameAs(Thread.currentThread());
        assertThat(warmUp.isDaemon()).as("never keeps the app from exiting").isTrue();
        warmUp.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(warmUp.isAlive()).isFalse();

        String iconFamily = new Material2OutlinedMZIkonHandler().getFontFamily();
        assertThat(Font.getFamilies()).as("the icon font is loaded").contains(iconFamily);
    }
}
