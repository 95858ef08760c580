package io.tlsdoctor.ui;

import static io.tlsdoctor.ui.FxReads.nextUntil;
import static io.tlsdoctor.ui.FxReads.onFx;
import static io.tlsdoctor.ui.FxReads.waitForText;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.ui.common.I18n;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A 1024×768 screen (its taskbar leaves 1024×728): the window fits it, Cancel and the language switch are on it,
 * and the header is not cut to "TLS Doc…", in both languages.
 */
@ExtendWith(ApplicationExtension.class)
class SmallScreenTest {

    /** Made on the FX thread (a JavaFX type); read only there. */
    private Rectangle2D smallScreen;

    private Path dir;
    private ExecutorService executor;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private Stage stage;
    private I18n i18n;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        dir = Files.createTempDirectory("tlsdoctor-small");
        executor = TlsDoctorApp.newWorkerPool();
        i18n = new I18n(Locale.ENGLISH);
        WizardWindow.show(
                stage, i18n, executor, dialogs, PlatformServices.withBackupsIn(dir.resolve("backups")), () -> {});
        smallScreen = new Rectangle2D(0, 0, 1024, 728);
        WizardWindow.fitToScreen(stage, smallScreen);
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "sv"})
    void theWizardFitsA1024By768ScreenAndIsUsable(String language, FxRobot robot) throws Exception {
        robot.clickOn("#language-" + language);
        onFx(() -> {
            WizardWindow.fitToScreen(stage, smallScreen);
            return null;
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        String window =
                onFx(() -> stage.getX() + "," + stage.getY() + " " + stage.getWidth() + "x" + stage.getHeight());
        assertThat(onFx(() -> smallScreen.contains(
                        new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()))))
                .as("the window %s is on the 1024x728 screen", window)
                .isTrue();
        assertFullyShown(
                robot,
                "#cancelButton",
                "#nextButton",
                "#backButton",
                "#languageChoice",
                "#language-en",
                "#language-sv");
        assertNotCut(
                robot, ".app-title", "#language-en", "#language-sv", "#reviewButton", "#nextButton", "#cancelButton");
        FxReads.screenshot(stage, "40-small-screen-symptom-" + language);

        // walk to the Fix step and the summary at this size: the buttons stay on screen, the plan readable
        List<Path> exports = RehearsalIsNotAChangeTest.serverExports(dir);
        robot.clickOn("#card-QUEUE_421_SOCKET_ERROR");
        dialogs.regFilesToChoose = exports;
        nextUntil(robot, i18n.get("step.registry.heading").replace("''", "'"));
        robot.clickOn("#loadExportsButton");
        waitForText(
                robot,
                "#registryVerdict",
                t -> !t.isBlank() && !t.equals(i18n.get("step.registry.verdict.notRun")),
                "a verdict");
        FxReads.screenshot(stage, "41-small-screen-registry-" + language);
        nextUntil(robot, i18n.get("step.fix.heading"));
        assertFullyShown(robot, "#cancelButton", "#nextButton", "#saveRegButton", "#rehearseButton");
        FxReads.screenshot(stage, "42-small-screen-fix-" + language);
        nextUntil(robot, i18n.get("step.summary.heading"));
        assertFullyShown(robot, "#cancelButton", "#saveHtmlButton", "#copySummaryButton");
        FxReads.screenshot(stage, "43-small-screen-summary-" + language);
    }

    /** Every node lies inside the window's scene (nothing off to the right or below). */
    private void assertFullyShown(FxRobot robot, String... queries) {
        for (String query : queries) {
            String where = onFx(() -> {
                Node node = robot.lookup(query).query();
                Bounds bounds = node.localToScene(node.getLayoutBounds());
                return bounds.getMinX() + ".." + bounds.getMaxX() + " x " + bounds.getMaxY() + " in "
                        + stage.getScene().getWidth() + "x" + stage.getScene().getHeight();
            });
            boolean inside = onFx(() -> {
                Node node = robot.lookup(query).query();
                Bounds bounds = node.localToScene(node.getLayoutBounds());
                return bounds.getMinX() >= 0
                        && bounds.getMaxX() <= stage.getScene().getWidth() + 0.5
                        && bounds.getMaxY() <= stage.getScene().getHeight() + 0.5;
            });
            assertThat(inside)
                    .as("%s lies inside the window (%s)", query, where)
                    .isTrue();
        }
    }

    /** A label or button as wide as its text needs: not cut with "…". */
    private void assertNotCut(FxRobot robot, String... queries) {
        for (String query : queries) {
            boolean whole = onFx(() -> {
                Labeled labeled = robot.lookup(query).queryAs(Labeled.class);
                return labeled.getWidth() + 0.5 >= labeled.prefWidth(-1);
            });
            assertThat(whole).as("%s shows its whole text", query).isTrue();
        }
    }
}
