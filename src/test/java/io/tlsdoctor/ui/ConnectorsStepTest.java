package io.tlsdoctor.ui;

import static io.tlsdoctor.ui.FxReads.exists;
import static io.tlsdoctor.ui.FxReads.nextUntil;
import static io.tlsdoctor.ui.FxReads.screenshot;
import static io.tlsdoctor.ui.FxReads.text;
import static io.tlsdoctor.ui.FxReads.texts;
import static io.tlsdoctor.ui.FxReads.visible;
import static io.tlsdoctor.ui.FxReads.waitForText;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.ui.common.I18n;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The lookalike path (issue 22): a send log that fails for want of a certificate leads to the connectors step, whose
 * saved output shows the renewed certificate the connector does not name; the diagnosis is the certificate, with the
 * connectors' evidence in its chain, no way into the registry fix, and the commands in the summary.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectorsStepTest {

    private static final String CONNECTORS = "Exchange's connectors and certificates";
    private static final String DIAGNOSIS = "What is wrong, and how sure that is";
    private static final String SUMMARY = "The summary for the ticket";

    private Path dir;
    private ExecutorService executor;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private Stage stage;

    @Start
    void start(Stage stage) throws java.io.IOException {
        this.stage = stage;
        dir = Files.createTempDirectory("tlsdoctor-connectors");
        executor = TlsDoctorApp.newWorkerPool();
        WizardWindow.show(
                stage, i18n, executor, dialogs, PlatformServices.withBackupsIn(dir.resolve("backups")), () -> {});
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    private static Path corpus(String name) throws URISyntaxException {
        return Path.of(ConnectorsStepTest.class
                .getResource("/io/tlsdoctor/core/connectors/" + name)
                .toURI());
    }

    @Test
    void aCertificateSymptomRunsTheConnectorsCheckAndReachesTheCertificateDiagnosis(FxRobot robot) throws Exception {
        String sendLog = new String(
                getClass()
                        .getResourceAsStream("/io/tlsdoctor/core/evidence/corpus/052-sendlog-unknowncredentials.txt")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        robot.interact(
                () -> robot.lookup("#evidenceArea").queryAs(TextArea.class).setText(sendLog));
        waitForText(robot, "#recognitionStatus", status -> status.startsWith("Recognised:"), "the send log recognised");

        nextUntil(robot, CONNECTORS);
        assertThat(text(robot, "#stepIntroduction"))
                .as("the guided path says why this check runs")
                .contains("Get-SendConnector")
                .contains("Get-ExchangeCertificate");
        assertThat(text(robot, "#connectorsVerdict")).startsWith("Not checked yet");
        assertThat(visible(robot, "#connectorsLiveRow"))
                .as("live reading only on Windows")
                .isFalse();
        assertThat(text(robot, "#connectorExportCommands"))
                .contains("Get-SendConnector | Export-Clixml send-connectors.xml");

        dialogs.connectorFilesToChoose = List.of(corpus("fl-renewed-new-ca-console80.txt"));
        robot.clickOn("#loadConnectorFilesButton");
        waitForText(
                robot,
                "#connectorsVerdict",
                verdict -> verdict.startsWith("A certificate problem"),
                "the connectors verdict");
        assertThat(text(robot, "#connectorsSource")).isEqualTo("Read from: fl-renewed-new-ca-console80.txt");
        assertThat(text(robot, "#connectorsNotes")).contains("SourceTransportServers was cut off");
        assertThat(exists(robot, "#connector-finding-send-certificate")).isTrue();
        assertThat(text(robot, "#commands-send-certificate"))
                .startsWith(
                        "Set-SendConnector -Identity 'Outbound to Office 365 - 2b5c9f4e-7d21-4a4b-9c3e-5e8f1a2b3c4d' -TlsCertificateName "
                                + "'<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1");
        screenshot(stage, "40-connectors-certificate-not-found");

        nextUntil(robot, DIAGNOSIS);
        waitForText(robot, "#diagnosisCause", cause -> !cause.isEmpty(), "a cause");
        assertThat(text(robot, "#diagnosisCause")).isEqualTo(i18n.get("diagnosis.cause.CERTIFICATE.title"));
        assertThat(texts(robot, "#diagnosisChain .label"))
                .as("the connectors' field in the evidence chain")
                .anySatisfy(line -> assertThat(line)
                        .contains("Exchange's configuration: Get-SendConnector")
                        .contains("TlsCertificateName"));
        assertThat(visible(robot, "#openFixButton"))
                .as("a certificate problem is not sent to the registry fix")
                .isFalse();
        assertThat(texts(robot, "#diagnosisNextSteps .label"))
                .anySatisfy(step -> assertThat(step).contains("Do not change the SChannel registry for this."));
        screenshot(stage, "41-diagnosis-certificate-from-connectors");

        nextUntil(robot, SUMMARY);
        waitForText(
                robot,
                "#summaryPreview",
                preview -> preview.contains("Exchange connectors and certificates"),
                "the connectors section in the preview");
        assertThat(text(robot, "#summaryPreview")).contains("Set-SendConnector -Identity");
        screenshot(stage, "42-summary-connectors");
    }
}
