package io.tlsdoctor.ui;

import static io.tlsdoctor.ui.FxReads.exists;
import static io.tlsdoctor.ui.FxReads.nextUntil;
import static io.tlsdoctor.ui.FxReads.onFx;
import static io.tlsdoctor.ui.FxReads.screenshot;
import static io.tlsdoctor.ui.FxReads.text;
import static io.tlsdoctor.ui.FxReads.visible;
import static io.tlsdoctor.ui.FxReads.waitForText;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.core.fix.RegFileText;
import io.tlsdoctor.core.registry.WindowsServer;
import io.tlsdoctor.ui.common.I18n;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The registry step as a helpdesk user meets it off the server: exports loaded, verdict for the symptom's direction. */
@ExtendWith(ApplicationExtension.class)
class RegistryStepTest {

    private static final String HKLM = "HKEY_LOCAL_MACHINE";
    private static final String PROTOCOLS =
            HKLM + "\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols";

    @TempDir
    Path dir;

    private ExecutorService executor;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        executor = TlsDoctorApp.newWorkerPool();
        WizardWindow.show(
                stage, new I18n(Locale.ENGLISH), executor, dialogs, PlatformServices.forThisMachine(), () -> {});
    }

    @AfterEach
    void stopExecutor() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void exportsWithTls12OffOnTheClientSideExplainTheQueueSymptom(FxRobot robot) throws Exception {
        Path schannel = regExport(
                "schannel.reg",
                String.join(
                        "\r\n",
                        "[" + PROTOCOLS + "]",
                        "",
                        "[" + PROTOCOLS + "\\TLS 1.2]",
                        "",
                        "[" + PROTOCOLS + "\\TLS 1.2\\Client]",
                        "\"DisabledByDefault\"=dword:00000001",
                        "\"Enabled\"=dword:00000000",
                        "",
                        "[" + PROTOCOLS + "\\TLS 1.2\\Server]",
                        "\"DisabledByDefault\"=dword:00000000",
                        "\"Enabled\"=dword:00000001"));
        Path os = regExport(
                "os.reg",
                String.join(
                        "\r\n",
                        "[" + HKLM + "\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]",
                        "\"ProductName\"=\"Windows Server 2019 Standard\"",
                        "\"CurrentBuild\"=\"17763\"",
                        "\"UBR\"=dword:000019e5",
                        "\"InstallationType\"=\"Server\""));
        goToRegistryStep(robot, "#card-QUEUE_421_SOCKET_ERROR");
        assertThat(visible(robot, "#checkLiveButton"))
                .as("no live registry off Windows")
                .isFalse();
        assertThat(onFx(() ->
                        robot.lookup("#exportHelp").queryAs(TitledPane.class).isExpanded()))
                .isTrue();
        screenshot(stage, "10-registry-step-before");

        dialogs.regFilesToChoose = List.of(schannel, os);
        robot.clickOn("#loadExportsButton");
        waitForText(robot, "#registryVerdict", verdict -> verdict.startsWith("This server cannot"), "the verdict");
        assertThat(text(robot, "#registryVerdict")).contains("send to Exchange Online (SChannel client side)");
        assertThat(text(robot, "#registrySource"))
                .contains("schannel.reg, os.reg")
                .contains("Windows Server 2019");
        assertThat(onFx(() -> robot.lookup("#finding-tls12-client")
                        .queryAs(TitledPane.class)
                        .isExpanded()))
                .isTrue();
        assertThat(exists(robot, "#findings .finding-pane")).isFalse(); // panes live in the step, not in step 2
        assertThat(onFx(() -> robot.from(robot.lookup("#finding-tls12-client").<javafx.scene.Node>query())
                        .lookup(".finding-status-fail")
                        .tryQuery()
                        .isPresent()))
                .isTrue();
        assertThat(onFx(() -> robot
                        .from(robot.lookup("#finding-tls12-client").<javafx.scene.Node>query())
                        .lookup(".exact-text")
                        .queryAllAs(Label.class)
                        .stream()
                        .map(Label::getText)
                        .toList()))
                .anySatisfy(line -> assertThat(line).contains("TLS 1.2\\Client\\Enabled = 0 (REG_DWORD)"));
        screenshot(stage, "11-registry-step-client-off");
    }

    @Test
    void whenTheExportsDoNotNameTheOsTheUserIsAskedAndTheVerdictFollows(FxRobot robot) throws Exception {
        Path schannel = regExport(
                "schannel.reg",
                String.join(
                        "\r\n",
                        "[" + HKLM + "\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL]",
                        "",
                        "[" + PROTOCOLS + "]"));
        goToRegistryStep(robot, "#card-PROTOCOL_LOG_TLS_NEGOTIATION_FAILED");
        dialogs.regFilesToChoose = List.of(schannel);
        robot.clickOn("#loadExportsButton");
        waitForText(
                robot,
                "#registryVerdict",
                verdict -> verdict.startsWith("The registry alone does not settle"),
                "the question");
        assertThat(visible(robot, "#osChoice")).isTrue();

        chooseOs(robot, WindowsServer.WS2008R2);
        waitForText(
                robot, "#registryVerdict", verdict -> verdict.startsWith("This server cannot"), "the 2008 R2 verdict");
        chooseOs(robot, WindowsServer.WS2019);
        waitForText(
                robot,
                "#registryVerdict",
                verdict -> verdict.startsWith("As far as the registry says, this server can"),
                "the 2019 verdict");
        screenshot(stage, "12-registry-step-os-chosen");
    }

    @Test
    void aBrokenExportIsNamedWithItsLineAndChangesNothing(FxRobot robot) throws Exception {
        Path broken = regExport("broken.reg", "[" + PROTOCOLS + "\\TLS 1.2\\Client]\r\n\"Enabled\"=dword:zz");
        goToRegistryStep(robot, "#card-QUEUE_421_SOCKET_ERROR");
        dialogs.regFilesToChoose = List.of(broken);
        robot.clickOn("#loadExportsButton");
        waitForText(robot, "#registryProblem", problem -> !problem.isEmpty(), "the problem named");
        assertThat(text(robot, "#registryProblem")).contains("broken.reg").contains("4");
        assertThat(text(robot, "#registryVerdict")).isEqualTo("Not checked yet.");
    }

    private void goToRegistryStep(FxRobot robot, String card) {
        robot.clickOn(card);
        nextUntil(robot, "Check this server's TLS settings");
    }

    /** A .reg file as {@code reg export} writes it: UTF-16LE with BOM, CRLF. */
    private Path regExport(String name, String body) throws IOException {
        String text = "Windows Registry Editor Version 5.00\r\n\r\n" + body + "\r\n\r\n";
        return Files.write(dir.resolve(name), RegFileText.bytes(text));
    }

    /** Picks the chooser's entry for {@code server}, as a user picking it from the list. */
    @SuppressWarnings("unchecked") // the chooser's items are OsOption; lookups are typed Node
    private static void chooseOs(FxRobot robot, WindowsServer server) {
        robot.interact(() -> {
            ComboBox<io.tlsdoctor.ui.step.registry.OsOption> choice =
                    robot.lookup("#osChoice").queryAs(ComboBox.class);
            choice.getSelectionModel()
                    .select(choice.getItems().stream()
                            .filter(option -> option.server() == server)
                            .findFirst()
                            .orElseThrow());
        });
    }
}
