package io.tlsdoctor.ui.step.logs;

import static io.tlsdoctor.ui.FxReads.disabled;
import static io.tlsdoctor.ui.FxReads.onFx;
import static io.tlsdoctor.ui.FxReads.screenshot;
import static io.tlsdoctor.ui.FxReads.text;
import static io.tlsdoctor.ui.FxReads.waitForText;
import static io.tlsdoctor.ui.FxReads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.logs.FailureExample;
import io.tlsdoctor.core.logs.LogAnalyzer;
import io.tlsdoctor.core.logs.ProtocolLogGenerator;
import io.tlsdoctor.core.logs.ProtocolLogGenerator.Outcome;
import io.tlsdoctor.core.logs.ProtocolLogLocations;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.ui.OnFxThread;
import io.tlsdoctor.ui.RecordingDialogService;
import io.tlsdoctor.ui.common.FxTaskRunner;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
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
import javafx.scene.Scene;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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
            new ProtocolLogGenerator(new ProtocolLogGenerator.Plan(
                            send, Map.of(), 5, 0.2, 64 * 1024, 3, Instant.parse("2026-11-20T08:00:00Z")))
                    .write(hub);
            Path frontEnd = install.resolve("TransportRoles/Logs/FrontEnd/ProtocolLog");
            new ProtocolLogGenerator(new ProtocolLogGenerator.Plan(
                            Map.of(), receive, 5, 0.2, 64 * 1024, 4, Instant.parse("2026-11-20T09:00:00Z")))
                    .write(frontEnd);
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
        viewModel = new LogsStepViewModel(
                new LogAnalyzer(new ProtocolLogLineClassifier(catalog)),
                catalog,
                new FxTaskRunner(gated),
                i18n,
                session,
                ProtocolLogLocations.under(INSTALL.toString()));
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
        String paths = text(robot, "#logPathField");
        assertThat(paths).contains("FrontEnd").contains("Hub").contains(LogsStepViewModel.SEPARATOR.strip());
        screenshot(stage, "logs-01-prefilled");

        release.countDown();
        robot.clickOn("#analyseButton");
        waitUntil("the analysis done", () -> viewModel.stateProperty().get() == LogsStepViewModel.State.DONE);

        assertThat(text(robot, "#logStatus"))
                .contains("233 sessions, 15 of them failed")
                .contains("Every line was readable");
        assertThat(text(robot, "#logVerdict"))
                .contains("9 × TLS negotiation failed with error SocketError")
                .contains("4 × 451 5.7.3")
                .contains("partners still negotiate TLS 1.0/1.1");
        assertThat(text(robot, "#logProgressText")).matches("\\d+ of \\d+ files, \\d+ MB/s");
        assertThat(onFx(() -> session.logAnalysisProperty().get()))
                .as("the diagnosis gets what the logs showed")
                .isNotNull();

        assertThat(seriesNames(robot)).containsExactly("TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3", "No TLS");
        assertThat(onFx(() -> chart(robot).getData().get(0).getData().size())).isPositive();

        List<Long> sessionsBefore = onFx(() ->
                remoteTable(robot).getItems().stream().map(RemoteRow::sessions).toList());
        assertThat(sessionsBefore)
                .hasSize(onFx(() -> viewModel.remotes().size()))
                .isNotEmpty();
        robot.interact(() -> {
            TableView<RemoteRow> table = remoteTable(robot);
            TableColumn<RemoteRow, ?> sessions = table.getColumns().stream()
                    .filter(c -> "col-sessions".equals(c.getId()))
                    .findFirst()
                    .orElseThrow();
            sessions.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(sessions));
        });
        List<Long> sorted = onFx(() ->
                remoteTable(robot).getItems().stream().map(RemoteRow::sessions).toList());
        long top = sorted.get(0);
        assertThat(sorted).allMatch(sessions -> sessions <= top);
        screenshot(stage, "logs-02-results");

        List<ExampleRow> examples = onFx(() -> List.copyOf(exampleList(robot).getItems()));
        assertThat(examples).hasSize(3);
        robot.interact(() -> ((javafx.scene.control.ScrollPane) stage.getScene().getRoot()).setVvalue(1.0));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node thirdCell =
                onFx(() -> robot.lookup("#exampleList .list-cell").nth(2).query());
        robot.clickOn(thirdCell);
        WaitForAsyncUtils.waitForFxEvents();
        FailureExample chosen = examples.get(2).example();
        String transcript = text(robot, "#transcriptArea");
        assertThat(transcript)
                .contains(chosen.session().sessionId())
                .contains("TLS negotiation failed with error")
                .doesNotContain(examples.get(0).example().session().sessionId());
        screenshot(stage, "logs-03-transcript");

        robot.interact(() -> i18n.setLocale(Languages.SWEDISH));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stepHeading")).isEqualTo("Titta i protokolloggarna");
        assertThat(text(robot, "#logStatus")).contains("233 sessioner, varav 15 misslyckades");
        assertThat(seriesNames(robot).get(4)).isEqualTo("Ingen TLS");
        screenshot(stage, "logs-04-swedish");
    }

    @Test
    void stopCancelsAPendingAnalysis(FxRobot robot) {
        robot.clickOn("#analyseButton");
        assertThat(disabled(robot, "#cancelAnalysisButton")).isFalse();
        assertThat(disabled(robot, "#chooseFolderButton")).isTrue();
        robot.clickOn("#cancelAnalysisButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> viewModel.stateProperty().get())).isEqualTo(LogsStepViewModel.State.CANCELLED);
        assertThat(text(robot, "#logStatus")).startsWith("Stopped.");
        assertThat(disabled(robot, "#analyseButton")).isFalse();
        assertThat(onFx(() -> session.logAnalysisProperty().get())).isNull();
    }

    @Test
    void aChosenFolderWithoutLogsSaysWhatToChooseInstead(FxRobot robot, @TempDir Path elsewhere) throws Exception {
        release.countDown();
        Files.writeString(elsewhere.resolve("RECV20261120-1.LOG"), "hello, this is not a log\r\n");
        dialogs.folderToChoose = elsewhere;
        robot.clickOn("#chooseFolderButton");
        assertThat(text(robot, "#logPathField")).isEqualTo(elsewhere.toString());
        robot.clickOn("#analyseButton");
        waitUntil("the analysis refused", () -> viewModel.stateProperty().get() == LogsStepViewModel.State.PROBLEM);
        assertThat(text(robot, "#logStatus"))
                .contains("None of these files is a readable SMTP protocol log")
                .contains("#Fields header")
                .contains("SmtpSend or SmtpReceive folder");
        screenshot(stage, "logs-05-not-logs");

        robot.interact(() ->
                viewModel.pathTextProperty().set(elsewhere.resolve("missing").toString()));
        robot.clickOn("#analyseButton");
        waitForText(
                robot,
                "#logStatus",
                status -> status.startsWith("There is no file or folder"),
                "the missing path named");
    }

    @AfterAll
    static void deleteInstallFolder() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(INSTALL)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @OnFxThread
    private static StackedBarChart<?, ?> chart(FxRobot robot) {
        return robot.lookup("#protocolChart").queryAs(StackedBarChart.class);
    }

    private static List<String> seriesNames(FxRobot robot) {
        return onFx(() ->
                chart(robot).getData().stream().map(XYChart.Series::getName).toList());
    }

    @OnFxThread
    @SuppressWarnings("unchecked")
    private static TableView<RemoteRow> remoteTable(FxRobot robot) {
        return robot.lookup("#remoteTable").queryAs(TableView.class);
    }

    @OnFxThread
    @SuppressWarnings("unchecked")
    private static ListView<ExampleRow> exampleList(FxRobot robot) {
        return robot.lookup("#exampleList").queryAs(ListView.class);
    }
}
