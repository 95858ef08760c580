package io.tlsdoctor.ui.step.logs;

import static io.tlsdoctor.ui.FxReads.clickWhenEnabled;
import static io.tlsdoctor.ui.FxReads.onFx;
import static io.tlsdoctor.ui.FxReads.screenshot;
import static io.tlsdoctor.ui.FxReads.waitForText;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.logs.LogAnalyzer;
import io.tlsdoctor.ui.RecordingDialogService;
import io.tlsdoctor.ui.common.FxTaskRunner;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The remote table with an internet-facing server's 66,000 remote addresses: all of them in the table, and it
 * filters and sorts while staying responsive (issue 15). Reads and waits only through FxReads.
 */
@ExtendWith(ApplicationExtension.class)
class LogsRemoteTableTest {

    private static final int REMOTES = 66_000;
    /** Remote i fails when i % 100 == 1, negotiates TLS 1.0 when i % 10 == 0, and has 1 + i % 7 sessions. */
    private static final int FAILED = REMOTES / 100;

    private ExecutorService pool;
    private LogsStepViewModel viewModel;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        pool = TlsDoctorApp.newWorkerPool();
        SymptomCatalog catalog = SymptomCatalog.load();
        I18n i18n = new I18n(Locale.ENGLISH);
        viewModel = new LogsStepViewModel(
                new LogAnalyzer(new ProtocolLogLineClassifier(catalog)),
                catalog,
                new FxTaskRunner(pool),
                i18n,
                new DiagnosisSession(),
                List.of());
        Scene scene = new Scene(new LogsStepView(viewModel, i18n, new RecordingDialogService()), 1100, 900);
        scene.getStylesheets().add(WizardWindow.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    @SuppressWarnings("unchecked") // the table's rows are RemoteRow; lookups are typed Node
    void sixtySixThousandRemotesAreAllInTheTableWhichFiltersAndSorts(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Path logs = writeLogs(dir);
        onFx(() -> {
            viewModel.pathTextProperty().set(logs.toString());
            return null;
        });
        clickWhenEnabled(robot, "#analyseButton");
        waitForText(robot, "#remoteCount", "66,000 remote addresses"::equals, "every remote address counted");
        assertThat(onFx(() -> ((TableView<RemoteRow>)
                                robot.lookup("#remoteTable").query())
                        .getItems()
                        .size()))
                .isEqualTo(REMOTES);
        assertThat(onFx(() -> ((TableView<RemoteRow>)
                                robot.lookup("#remoteTable").query())
                        .getItems()
                        .get(0)
                        .failed()))
                .as("failing remotes first")
                .isPositive();
        screenshot(stage, "logs-06-66000-remotes");

        reveal(robot, "#remoteTable");
        robot.clickOn("#remoteFilter").write("198.0.1.");
        waitForText(robot, "#remoteCount", "256 of 66,000 remote addresses"::equals, "the addresses 198.0.1.*");
        assertThat(onFx(() -> ((TableView<RemoteRow>)
                                robot.lookup("#remoteTable").query())
                        .getItems().stream().allMatch(r -> r.remote().startsWith("198.0.1."))))
                .isTrue();

        // Filtering all 66,000 rows again answers within moments, on a machine shared by a whole team.
        long started = System.nanoTime();
        int failing = onFx(() -> {
            viewModel.remoteFilterProperty().set("failed");
            return ((TableView<RemoteRow>) robot.lookup("#remoteTable").query())
                    .getItems()
                    .size();
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(failing).isEqualTo(FAILED);
        assertThat(seconds).as("seconds to filter 66,000 rows").isLessThan(3);
        waitForText(robot, "#remoteCount", (FAILED + " of 66,000 remote addresses")::equals, "only the failing ones");

        onFx(() -> {
            viewModel.remoteFilterProperty().set("");
            return null;
        });
        waitForText(robot, "#remoteCount", "66,000 remote addresses"::equals, "the filter cleared");
        reveal(robot, "#remoteTable");
        Node header = onFx(() -> robot.lookup(".column-header").queryAllAs(TableColumnHeader.class).stream()
                .filter(h -> h.getTableColumn() != null
                        && "col-sessions".equals(h.getTableColumn().getId()))
                .findFirst()
                .orElseThrow());
        robot.clickOn(header); // ascending
        robot.clickOn(header); // descending
        assertThat(onFx(() -> ((TableView<RemoteRow>)
                                robot.lookup("#remoteTable").query())
                        .getItems()
                        .get(0)
                        .sessions()))
                .as("the busiest on top")
                .isEqualTo(7);
        assertThat(onFx(() -> ((TableView<RemoteRow>)
                                robot.lookup("#remoteTable").query())
                        .getItems()
                        .get(REMOTES - 1)
                        .sessions()))
                .isEqualTo(1);
        screenshot(stage, "logs-07-66000-remotes-sorted");
    }

    /** Scrolls the step so that the node is on screen, as a user would before clicking it. */
    private void reveal(FxRobot robot, String query) {
        onFx(() -> {
            ScrollPane page = (ScrollPane) stage.getScene().getRoot();
            Node node = robot.lookup(query).query();
            Node content = page.getContent();
            double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()))
                    .getMinY();
            double range = content.getBoundsInLocal().getHeight()
                    - page.getViewportBounds().getHeight();
            page.setVvalue(range <= 0 ? 0 : Math.min(1, Math.max(0, (y - 80) / range)));
            page.layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** One receive log per 33,000 remotes: remote i has 1 + i % 7 sessions of three rows each. */
    private static Path writeLogs(Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("SmtpReceive"));
        long session = 0x08DAF3B1C2D40000L;
        for (int f = 0; f < 2; f++) {
            try (BufferedWriter out = Files.newBufferedWriter(
                    folder.resolve("RECV2026112008-" + (f + 1) + ".LOG"), StandardCharsets.UTF_8)) {
                out.write(
                        "#Software: Microsoft Exchange Server\r\n#Version: 15.02.1258.012\r\n"
                                + "#Log-type: SMTP Receive Protocol Log\r\n#Date: 2026-11-20T08:00:00.000Z\r\n"
                                + "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\r\n");
                for (int i = f * REMOTES / 2; i < (f + 1) * REMOTES / 2; i++) {
                    String remote = "198." + (i >>> 16) + "." + ((i >>> 8) & 255) + "." + (i & 255) + ":50000";
                    for (int s = 0; s <= i % 7; s++) {
                        String head = "2026-11-20T08:00:00.000Z,EX01\\Default Frontend EX01,"
                                + String.format("%016X", session++) + ",";
                        String tls = i % 100 == 1
                                ? "TLS negotiation failed with error SocketError"
                                : "\"TLS protocol SP_PROT_" + (i % 10 == 0 ? "TLS1_0" : "TLS1_2")
                                        + "_SERVER negotiation succeeded using "
                                        + "bulk encryption algorithm CALG_AES_256 with strength 256 bits, MAC hash algorithm CALG_SHA_384 with "
                                        + "strength 384 bits and key exchange algorithm CALG_ECDH_EPHEM with strength 384 bits\"";
                        out.write(head + "0,10.0.0.5:25," + remote + ",+,,\r\n");
                        out.write(head + "1,10.0.0.5:25," + remote + ",*,," + tls + "\r\n");
                        out.write(head + "2,10.0.0.5:25," + remote + ",-,,Local\r\n");
                    }
                }
            }
        }
        return folder;
    }
}
