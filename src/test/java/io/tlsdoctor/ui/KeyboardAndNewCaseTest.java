package io.tlsdoctor.ui;

import static io.tlsdoctor.ui.FxReads.onFx;
import static io.tlsdoctor.ui.FxReads.text;
import static io.tlsdoctor.ui.FxReads.waitUntil;
import static javafx.scene.input.KeyCode.ENTER;
import static javafx.scene.input.KeyCode.ESCAPE;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.ui.common.FxDialogService;
import io.tlsdoctor.ui.common.I18n;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Enter pressed by habit must move the case on, never throw it away; Clear and New case must leave nothing of the
 * last case behind. These run with the real dialogs, because the default button of the real dialog is the point.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardAndNewCaseTest {

    private static final String CARD = "#card-QUEUE_421_SOCKET_ERROR";
    /** Made on the FX thread (a JavaFX call); read only there. */
    private PseudoClass SELECTED;

    private Path dir;
    private ExecutorService executor;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        SELECTED = PseudoClass.getPseudoClass("selected");
        dir = Files.createTempDirectory("tlsdoctor-keyboard");
        executor = TlsDoctorApp.newWorkerPool();
        I18n i18n = new I18n(Locale.ENGLISH);
        WizardWindow.show(
                stage,
                i18n,
                executor,
                new FxDialogService(() -> stage, i18n),
                PlatformServices.withBackupsIn(dir.resolve("backups")),
                () -> stage.close());
    }

    @AfterEach
    void stop() throws Exception {
        for (Window window : onFx(() -> List.copyOf(Window.getWindows()))) {
            if (window != stage) {
                onFx(() -> {
                    ((Stage) window).close();
                    return null;
                });
            }
        }
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void enterPressedTwiceMovesOnAndTheCloseQuestionKeepsWorkingByDefault(FxRobot robot) {
        robot.clickOn("#card-QUEUE_421_SOCKET_ERROR");
        robot.clickOn("#nextButton");
        waitUntil(
                "the second step",
                () -> "What it means"
                        .equals(robot.lookup("#stepHeading")
                                .queryAs(javafx.scene.control.Label.class)
                                .getText()));
        assertThat(focusOwnerId())
                .as("after Next the keyboard is not on Cancel or Back")
                .isNotIn("cancelButton", "backButton");

        robot.type(ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(openWindows()).as("Enter never opens the close question").isEqualTo(1);
        assertThat(text(robot, "#stepHeading"))
                .isNotEqualTo("What it means")
                .isNotEqualTo("Which of these do you see?");
        assertThat(focusOwnerId()).isNotIn("cancelButton", "backButton");
        FxReads.screenshot(stage, "30-focus-after-enter-twice");

        // Esc asks to close; the question's default is to keep working, so Enter by habit keeps the case
        robot.type(ESCAPE);
        waitUntil("the close question", () -> Window.getWindows().size() == 2);
        Window dialog = onFx(() ->
                Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow());
        assertThat(onFx(() -> ((Button) dialog.getScene().lookup("#confirmNoButton")).isDefaultButton()))
                .isTrue();
        assertThat(onFx(() -> ((Button) dialog.getScene().lookup("#confirmYesButton")).isDefaultButton()))
                .isFalse();
        assertThat(text(dialog, "#confirmNoButton")).isEqualTo("Keep working");
        FxReads.screenshot(dialog, "31-close-question-keep-working");
        robot.type(ENTER);
        waitUntil("the close question answered", () -> Window.getWindows().size() == 1);
        assertThat(onFx(stage::isShowing)).as("Enter kept the case open").isTrue();
    }

    @Test
    void clearForgetsTheCardAndNewCaseStartsOverAfterAsking(FxRobot robot) {
        robot.clickOn("#card-QUEUE_421_SOCKET_ERROR");
        robot.clickOn("#evidenceArea").write("450 4.4.317 Cannot connect to remote server");
        waitUntil(
                "the card picked",
                () -> stage.getScene().lookup(CARD).getPseudoClassStates().contains(SELECTED));
        robot.clickOn("#clearButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#evidenceArea")).isEmpty();
        assertThat(onFx(() ->
                        stage.getScene().lookup(CARD).getPseudoClassStates().contains(SELECTED)))
                .as("Clear forgets the card too")
                .isFalse();

        robot.clickOn("#card-QUEUE_421_SOCKET_ERROR");
        robot.clickOn("#nextButton");
        waitUntil(
                "the second step",
                () -> !"Which of these do you see?"
                        .equals(robot.lookup("#stepHeading")
                                .queryAs(javafx.scene.control.Label.class)
                                .getText()));
        robot.clickOn("#newCaseButton");
        waitUntil("the new-case question", () -> Window.getWindows().size() == 2);
        Window dialog = onFx(() ->
                Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow());
        assertThat(onFx(() -> ((Button) dialog.getScene().lookup("#confirmNoButton")).isDefaultButton()))
                .isTrue();
        robot.type(ENTER); // by habit: keeps the case
        waitUntil("the question answered", () -> Window.getWindows().size() == 1);
        assertThat(text(robot, "#stepHeading")).isEqualTo("What it means");

        robot.clickOn("#newCaseButton");
        waitUntil("the new-case question", () -> Window.getWindows().size() == 2);
        Window again = onFx(() ->
                Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow());
        robot.clickOn(onFx(() -> again.getScene().lookup("#confirmYesButton")));
        waitUntil(
                "a fresh case",
                () -> Window.getWindows().size() == 1
                        && "Which of these do you see?"
                                .equals(((javafx.scene.control.Label)
                                                stage.getScene().lookup("#stepHeading"))
                                        .getText()));
        assertThat(onFx(() ->
                        stage.getScene().lookup(CARD).getPseudoClassStates().contains(SELECTED)))
                .as("the new case has no card picked")
                .isFalse();
        assertThat(text(robot, "#evidenceArea")).isEmpty();
        FxReads.screenshot(stage, "32-new-case");
    }

    private String focusOwnerId() {
        return onFx(() -> stage.getScene().getFocusOwner() == null
                ? ""
                : String.valueOf(stage.getScene().getFocusOwner().getId()));
    }

    private int openWindows() {
        return onFx(() ->
                (int) Window.getWindows().stream().filter(Window::isShowing).count());
    }
}
