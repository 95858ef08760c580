package io.tlsdoctor.ui.step.logs;

import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.logs.FailureExample;
import io.tlsdoctor.core.logs.LogAnalyzer;
import io.tlsdoctor.core.logs.ProtocolLogGenerator;
import io.tlsdoctor.core.logs.ProtocolLogGenerator.Outcome;
import io.tlsdoctor.core.logs.ProtocolLogLocations;
import io.tlsdoctor.core.logs.RemoteSummary;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.ui.RecordingDialogService;
import io.tlsdoctor.ui.Screenshots;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import javafx.scene.Scene;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The protocol-log step as a user drives it, on logs the generator wrote into an Exchange-like install folder. */
@ExtendWith(ApplicationExtension.class)
class LogsStepTest {

    private static final Path INSTALL = createInstallFolder();

    private ExecutorService pool;
    private I18n i18n;
    private LogsStepViewModel viewModel;
    private DiagnosisSession session;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final CountDownLatch release = new CountDownLatch(1);
    private Stage stage;

    /** Logs where Exchange 2019 keeps them: FrontEnd\ProtocolLog\SmtpReceive and Hub\ProtocolLog\SmtpSend. */
    private static Path createInstallFolder() {
        try {
            Path install = Files.createTempDirectory("exchange-install");
            Map<Outcome, Integer> send = new EnumMap<>(Outcome.class);
            send.put(Outcome.TLS1_2, 120);
            send.put(Outcome.TLS_SOCKET_ERROR, 9);
            send.put(Outcome.STARTTLS_451, 4);
            send.put(Outcome.TLS_UNKNOWN_CREDENTIALS, 2);
            send.put(Outcome.TLS1_0, 12);
            Map<Outcome, Integer> receive = new EnumMap<>(Outcome.class);
            receive.put(Outcome.TLS1_2, 80);
            receive.put(Outcome.TLS1_1, 6);
            Path hub = install.resolve("TransportRoles/Logs/Hub/ProtocolLog");
            new ProtocolLogGenerator(new ProtocolLogGenerator.Plan(send, Map.of(), 5, 0.2, 64 * 1024, 3,
                    Instant.parse("2026-11-20T08:00:00Z"))).write(hub);
            Path frontEnd = install.resolve("TransportRoles/Logs/FrontEnd/ProtocolLog");
            new ProtocolLogGenerator(new ProtocolLogGenerator.Plan(Map.of(), receive, 5, 0.2, 64 * 1024, 4,
                    Instant.parse("2026-11-20T09:00:00Z"))).write(frontEnd);
            return install;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        pool = TlsDoctorApp.newWorkerPool();
        i18n = new I18n(Locale.ENGLISH);
        session = new DiagnosisSession();
        // Work starts only when the test says so, so that "Stop" can be pressed while it is pending.
        Executor gated = command -> pool.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            command.run();
        });
        SymptomCatalog catalog = SymptomCatalog.load();
        viewModel = new LogsStepViewModel(new LogAnalyzer(new ProtocolLogLineClassifier(catalog)), catalog, gated, i18n,
                session, ProtocolLogLocations.under(INSTALL.toString()));
        Scene scene = new Scene(new LogsStepView(viewModel, i18n, dialogs), 1100, 900);
        scene.getStylesheets().add(WizardWindow.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void prefilledFromTheInstallPathAnalysedShownAndFedIntoTheDiagnosis(FxRobot robot) throws Exception {
        String paths = robot.lookup("#logPathField").queryAs(TextField.class).getText();
        assertThat(paths).contains("FrontEnd").contains("Hub").contains(LogsStepViewModel.SEPARATOR.strip());
        screenshot(robot, "logs-01-prefilled");

        release.countDown();
        robot.clickOn("#analyseButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> viewModel.stateProperty().get() == LogsStepViewModel.State.DONE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#logStatus")).contains("233 sessions, 15 of them failed").contains("Every line was readable");
        assertThat(text(robot, "#logVerdict")).contains("9 × TLS negotiation failed with error SocketError")
                .contains("4 × 451 5.7.3").contains("partners still negotiate TLS 1.0/1.1");
        assertThat(robot.lookup("#logProgressText").queryAs(Label.class).getText()).matches("\\d+ of \\d+ files, \\d+ MB/s");
        assertThat(session.logAnalysisProperty().get()).as("the diagnosis gets what the logs showed").isNotNull();

        StackedBarChart<?, ?> chart = robot.lookup("#protocolChart").queryAs(StackedBarChart.class);
        assertThat(chart.getData()).extracting(XYChart.Series::getName)
                .containsExactly("TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3", "No TLS");
        assertThat(chart.getData().get(0).getData()).isNotEmpty();

        @SuppressWarnings("unchecked")
        TableView<RemoteSummary> table = robot.lookup("#remoteTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(viewModel.remotes().size()).isNotEmpty();
        TableColumn<RemoteSummary, ?> sessions = table.getColumns().stream()
                .filter(c -> "col-sessions".equals(c.getId())).findFirst().orElseThrow();
        robot.interact(() -> {
            sessions.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(sessions));
        });
        long top = table.getItems().get(0).sessions();
        assertThat(table.getItems()).allMatch(r -> r.sessions() <= top);
        screenshot(robot, "logs-02-results");

        @SuppressWarnings("unchecked")
        ListView<FailureExample> examples = robot.lookup("#exampleList").queryAs(ListView.class);
        assertThat(examples.getItems()).hasSize(3);
        robot.interact(() -> ((javafx.scene.control.ScrollPane) stage.getScene().getRoot()).setVvalue(1.0));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#exampleList .list-cell").nth(2).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        FailureExample chosen = examples.getItems().get(2);
        String transcript = robot.lookup("#transcriptArea").queryAs(TextArea.class).getText();
        assertThat(transcript).contains(chosen.session().sessionId()).contains("TLS negotiation failed with error")
                .doesNotContain(examples.getItems().get(0).session().sessionId());
        screenshot(robot, "logs-03-transcript");

        robot.interact(() -> i18n.setLocale(Languages.SWEDISH));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stepHeading")).isEqualTo("Titta i protokolloggarna");
        assertThat(text(robot, "#logStatus")).contains("233 sessioner, varav 15 misslyckades");
        assertThat(chart.getData().get(4).getName()).isEqualTo("Ingen TLS");
        screenshot(robot, "logs-04-swedish");
    }

    @Test
    void stopCancelsAPendingAnalysis(FxRobot robot) {
        robot.clickOn("#analyseButton");
        assertThat(robot.lookup("#cancelAnalysisButton").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#chooseFolderButton").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#cancelAnalysisButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.stateProperty().get()).isEqualTo(LogsStepViewModel.State.CANCELLED);
        assertThat(text(robot, "#logStatus")).startsWith("Stopped.");
        assertThat(robot.lookup("#analyseButton").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(session.logAnalysisProperty().get()).isNull();
    }

    @Test
    void aChosenFolderWithoutLogsSaysWhatToChooseInstead(FxRobot robot, @TempDir Path elsewhere) throws Exception {
        release.countDown();
        Files.writeString(elsewhere.resolve("RECV20261120-1.LOG"), "hello, this is not a log\r\n");
        dialogs.folderToChoose = elsewhere;
        robot.clickOn("#chooseFolderButton");
        assertThat(robot.lookup("#logPathField").queryAs(TextField.class).getText()).isEqualTo(elsewhere.toString());
        robot.clickOn("#analyseButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewModel.stateProperty().get() == LogsStepViewModel.State.PROBLEM);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#logStatus")).contains("None of these files is a readable SMTP protocol log")
                .contains("#Fields header").contains("SmtpSend or SmtpReceive folder");
        screenshot(robot, "logs-05-not-logs");

        robot.interact(() -> viewModel.pathTextProperty().set(elsewhere.resolve("missing").toString()));
        robot.clickOn("#analyseButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#logStatus").startsWith("There is no file or folder"));
    }

    @AfterAll
    static void deleteInstallFolder() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(INSTALL)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void screenshot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), name));
    }
}
