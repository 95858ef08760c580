package io.tlsdoctor.ui;

import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.ui.common.I18n;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Locale;
import java.util.concurrent.ExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/** The title bar, the taskbar and Alt+Tab show the TLS Doctor icon, not the generic Java cup. */
@ExtendWith(ApplicationExtension.class)
class WindowIconTest {

    private ExecutorService executor;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        executor = TlsDoctorApp.newWorkerPool();
        WizardWindow.show(stage, new I18n(Locale.ENGLISH), executor, new RecordingDialogService(), PlatformServices.forThisMachine(),
                stage::close);
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void theWindowCarriesTheAppIconInEverySizeWindowsAsksFor() {
        assertThat(stage.getIcons()).extracting(Image::getWidth)
                .containsExactly(16.0, 24.0, 32.0, 48.0, 64.0, 128.0, 256.0);
        for (Image icon : stage.getIcons()) {
            assertThat(icon.isError()).as("icon %s loaded", icon.getUrl()).isFalse();
            assertThat(icon.getHeight()).isEqualTo(icon.getWidth());
            // the envelope's blue at the upper left, so a blank or wrong image fails
            int argb = icon.getPixelReader().getArgb((int) (icon.getWidth() * 0.2), (int) (icon.getHeight() * 0.4));
            assertThat(argb & 0xff).as("blue channel").isGreaterThan(0xb0);
            assertThat((argb >> 16) & 0xff).as("red channel").isLessThan(0x60);
        }
    }
}
