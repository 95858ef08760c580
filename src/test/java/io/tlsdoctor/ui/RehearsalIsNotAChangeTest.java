package io.tlsdoctor.ui;

import static io.tlsdoctor.ui.FxReads.allText;
import static io.tlsdoctor.ui.FxReads.clickWhenEnabled;
import static io.tlsdoctor.ui.FxReads.nextUntil;
import static io.tlsdoctor.ui.FxReads.onFx;
import static io.tlsdoctor.ui.FxReads.text;
import static io.tlsdoctor.ui.FxReads.waitForText;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.core.fix.RegFileText;
import io.tlsdoctor.ui.common.I18n;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * On a helpdesk desktop the fix can only be rehearsed on a copy of the server's export. A user who reads "restart
 * pending" or "changed 8 values" after that would restart a production server that was never changed: the rehearsal
 * must be shown and summarised as a rehearsal, and checking again must not replace the server's evidence.
 */
@ExtendWith(ApplicationExtension.class)
class RehearsalIsNotAChangeTest {

    private static final String PROTOCOLS =
            "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols";

    private Path dir;
    private ExecutorService executor;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        dir = Files.createTempDirectory("tlsdoctor-rehearsal");
        executor = TlsDoctorApp.newWorkerPool();
        WizardWindow.show(
                stage,
                new I18n(Locale.ENGLISH),
                executor,
                dialogs,
                PlatformServices.withBackupsIn(dir.resolve("backups")),
                () -> {});
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

    @Test
    void rehearseThenCheckAgainThenSummaryNeverClaimsTheServerChanged(FxRobot robot) throws Exception {
        List<Path> exports = serverExports(dir);
        robot.clickOn("#card-QUEUE_421_SOCKET_ERROR");
        nextUntil(robot, "Check this server's TLS settings");
        dialogs.regFilesToChoose = exports;
        robot.clickOn("#loadExportsButton");
        waitForText(robot, "#registryVerdict", t -> t.startsWith("This server cannot"), "the verdict on the exports");
        String sourceBefore = text(robot, "#registrySource");
        assertThat(sourceBefore).contains("Windows Server 2019");

        nextUntil(robot, "What is wrong, and how sure that is");
        String causeBefore = waitForText(robot, "#diagnosisCause", t -> !t.isBlank(), "a conclusion");
        assertThat(causeBefore).startsWith("This server cannot send with TLS 1.2");
        assertThat(text(robot, "#diagnosisDocs"))
                .as("how to fix it, in Microsoft's words")
                .contains("https://aka.ms/HC-TLSConfigDocs");

        nextUntil(robot, "Fix: enable TLS 1.2");
        int planRows = onFx(() ->
                robot.lookup("#planTable").queryAs(TableView.class).getItems().size());
        dialogs.answer = true;
        clickWhenEnabled(robot, "#rehearseButton");
        assertThat(dialogs.titles).last().isEqualTo("Rehearse on a copy?");
        String outcome = waitForText(robot, "#fixOutcome", t -> !t.isBlank(), "the rehearsal's result");
        assertThat(outcome)
                .startsWith("Rehearsed on a copy")
                .contains("Nothing on the server changed")
                .contains("reg import")
                .doesNotContain("Done");
        FxReads.screenshot(stage, "24-fix-step-rehearsed-not-a-change");

        nextUntil(robot, "Restart the server");
        assertThat(text(robot, "#restartNeed")).contains("nothing on the server changed");
        clickWhenEnabled(robot, "#checkAgainButton");
        String verified = waitForText(robot, "#beforeAfter", t -> !t.isBlank(), "the rehearsal's verification");
        assertThat(verified)
                .isEqualTo(
                        "The server's export (unchanged): Client off, Server on. The rehearsed copy: Client on, "
                                + "Server on. Nothing on the server changed: import the fix there as an administrator, then restart it.");
        FxReads.screenshot(stage, "25-restart-step-rehearsal-verified");

        // the server's evidence is still the case's: the same Windows version, the same conclusion, the same plan
        backUntil(robot, "Check this server's TLS settings");
        assertThat(text(robot, "#registrySource")).isEqualTo(sourceBefore);
        nextUntil(robot, "What is wrong, and how sure that is");
        assertThat(waitForText(robot, "#diagnosisCause", t -> !t.isBlank(), "a conclusion"))
                .isEqualTo(causeBefore);
        String diagnosis = allText(robot, "#diagnosisCard")
                + allText(robot, "#diagnosisChain")
                + allText(robot, "#diagnosisNextSteps");
        assertThat(diagnosis)
                .doesNotContain("has not restarted")
                .doesNotContain("TLS Doctor changed")
                .contains("rehearsed on a copy of the export")
                .contains("nothing on the server changed");
        FxReads.screenshot(stage, "26-diagnosis-after-rehearsal");
        nextUntil(robot, "Fix: enable TLS 1.2");
        assertThat(onFx(() -> robot.lookup("#planTable")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()))
                .isEqualTo(planRows);

        nextUntil(robot, "The summary for the ticket");
        String summary = waitForText(robot, "#summaryPreview", t -> t.contains("Restart"), "the summary");
        assertThat(summary)
                .contains("This server cannot send with TLS 1.2")
                .contains("TLS Doctor changed nothing on the server")
                .contains("Rehearsals on a copy (the server was not changed)")
                .contains("not yet: the fix was only rehearsed on a copy")
                .doesNotContain("no restart needed")
                .doesNotContain("has not restarted since")
                .doesNotContain("SchUseStrongCrypto absent")
                .contains("Windows Server 2019");
        // ready for a ticket: readable text, human names, which server, and a closing question
        assertThat(summary)
                .doesNotContain("## ")
                .doesNotContain("**")
                .doesNotContain("TLS12_CLIENT_DISABLED")
                .doesNotContain("NDR_421_SOCKET_ERROR")
                .contains("Made on (this computer, not the server)")
                .contains("Server: ");
        FxReads.screenshot(stage, "27-summary-after-rehearsal");
        clickWhenEnabled(robot, "#fixedNoButton");
        assertThat(text(robot, "#fixedFollowUp")).startsWith("What next:").contains("Remote Connectivity Analyzer");
        dialogs.saveFileToChoose = dir.resolve("ticket.md");
        clickWhenEnabled(robot, "#saveMarkdownButton");
        waitForText(robot, "#summaryStatus", t -> t.startsWith("Saved"), "the save");
        assertThat(text(robot, "#summaryStatus")).contains(dir.toString());
        clickWhenEnabled(robot, "#redactSwitch .thumb-area");
        assertThat(text(robot, "#summaryStatus"))
                .as("no folder with a user name once names are hidden")
                .doesNotContain(dir.toString());
        FxReads.screenshot(stage, "28-summary-closing-question");
    }

    private static void backUntil(FxRobot robot, String heading) {
        for (int i = 0; i < 10 && !heading.equals(text(robot, "#stepHeading")); i++) {
            clickWhenEnabled(robot, "#backButton");
        }
        assertThat(text(robot, "#stepHeading")).isEqualTo(heading);
    }

    /** What the registry step's export commands produce on a Windows Server 2019 with Exchange 2019 whose TLS 1.2 Client side is off. */
    static List<Path> serverExports(Path dir) throws IOException {
        String header = RegFileText.HEADER + "\r\n";
        String schannel = header + "\r\n[" + PROTOCOLS + "]\r\n"
                + "\r\n[" + PROTOCOLS + "\\TLS 1.2]\r\n"
                + "\r\n[" + PROTOCOLS
                + "\\TLS 1.2\\Client]\r\n\"Enabled\"=dword:00000000\r\n\"DisabledByDefault\"=dword:00000001\r\n"
                + "\r\n[" + PROTOCOLS
                + "\\TLS 1.2\\Server]\r\n\"Enabled\"=dword:00000001\r\n\"DisabledByDefault\"=dword:00000000\r\n\r\n";
        String dotnet = header;
        for (String node : List.of(
                "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319",
                "HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319")) {
            dotnet += "\r\n[" + node
                    + "]\r\n\"SystemDefaultTlsVersions\"=dword:00000001\r\n\"SchUseStrongCrypto\"=dword:00000001\r\n";
        }
        String os = header + "\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]\r\n"
                + "\"ProductName\"=\"Windows Server 2019 Standard\"\r\n\"CurrentBuild\"=\"17763\"\r\n\"InstallationType\"=\"Server\"\r\n\r\n";
        String exchange = header + "\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Setup]\r\n"
                + "\"MsiProductMajor\"=dword:0000000f\r\n\"MsiProductMinor\"=dword:00000002\r\n"
                + "\"MsiBuildMajor\"=dword:00000608\r\n\"MsiBuildMinor\"=dword:00000004\r\n\r\n";
        return List.of(
                Files.write(dir.resolve("schannel.reg"), RegFileText.bytes(schannel)),
                Files.write(dir.resolve("dotnet.reg"), RegFileText.bytes(dotnet + "\r\n")),
                Files.write(dir.resolve("os.reg"), RegFileText.bytes(os)),
                Files.write(dir.resolve("exchange.reg"), RegFileText.bytes(exchange)));
    }
}
