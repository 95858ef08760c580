package io.tlsdoctor.ui;

import static io.tlsdoctor.ui.FxReads.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.ui.common.I18n;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The title bar, the taskbar and Alt+Tab show the TLS Doctor icon, not the generic Java cup. */
@ExtendWith(ApplicationExtension.class)
class WindowIconTest {

    private ExecutorService executor;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        executor = TlsDoctorApp.newWorkerPool();
        WizardWindow.show(
                stage,
                new I18n(Locale.ENGLISH),
                executor,
                new RecordingDialogService(),
                PlatformServices.forThisMachine(),
                stage::close);
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void theWindowCarriesTheAppIconInEverySizeWindowsAsksFor() {
        List<Icon> icons = onFx(() -> stage.getIcons().stream().map(Icon::of).toList());
        assertThat(icons).extracting(Icon::width).containsExactly(16.0, 24.0, 32.0, 48.0, 64.0, 128.0, 256.0);
        for (Icon icon : icons) {
            assertThat(icon.error()).as("icon %s loaded", icon.url()).isFalse();
            assertThat(icon.height()).isEqualTo(icon.width());
            // the envelope's blue at the upper left, so a blank or wrong image fails
            assertThat(icon.argb() & 0xff).as("blue channel").isGreaterThan(0xb0);
            assertThat((icon.argb() >> 16) & 0xff).as("red channel").isLessThan(0x60);
        }
    }

    /** What the test needs of one icon image, read on the FX thread. */
    private record Icon(double width, double height, boolean error, String url, int argb) {
        @OnFxThread
        static Icon of(Image image) {
            return new Icon(
                    image.getWidth(),
                    image.getHeight(),
                    image.isError(),
                    image.getUrl(),
                    image.getPixelReader().getArgb((int) (image.getWidth() * 0.2), (int) (image.getHeight() * 0.4)));
        }
    }
}
