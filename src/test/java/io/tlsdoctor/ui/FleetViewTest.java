package io.tlsdoctor.ui;

import static io.tlsdoctor.ui.FxReads.allText;
import static io.tlsdoctor.ui.FxReads.clickWhenEnabled;
import static io.tlsdoctor.ui.FxReads.exists;
import static io.tlsdoctor.ui.FxReads.nextUntil;
import static io.tlsdoctor.ui.FxReads.onFx;
import static io.tlsdoctor.ui.FxReads.screenshot;
import static io.tlsdoctor.ui.FxReads.text;
import static io.tlsdoctor.ui.FxReads.visible;
import static io.tlsdoctor.ui.FxReads.waitForText;
import static io.tlsdoctor.ui.FxReads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.fleet.FleetServers;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.fleet.FleetRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An organisation with 240 Exchange servers: the helpdesk user goes from the wizard to the fleet view, opens the share
 * with the servers' snapshots, and sees which servers are wrong and what to change on each, in one screen.
 */
@ExtendWith(ApplicationExtension.class)
class FleetViewTest {

    private static final int SERVERS = 240;

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

    private Path share() throws Exception {
        Path share = Files.createDirectories(dir.resolve("share"));
        Instant at = Instant.parse("2026-12-03T10:00:00Z");
        for (int i = 1; i <= SERVERS; i++) {
            String name = String.format("EX%03d", i);
            FleetServers.Spec spec = FleetServers.healthy(name);
            if (i == 117) {
                spec = spec.clientOff();
            }
            if (i % 40 == 7) {
                spec = spec.legacy();
            }
            FleetServers.writeSnapshot(share, spec, at);
        }
        Files.writeString(share.resolve("EX999_20261203-100000Z.tlsdoctor.json"), "{ cut off");
        return share;
    }

    @SuppressWarnings("unchecked")
    private static TableView<FleetRow> table(FxRobot robot) {
        return onFx(() -> (TableView<FleetRow>) robot.lookup("#fleetTable").query());
    }

    @Test
    void fromTheRegistryStepToTwoHundredServersSideBySide(FxRobot robot) throws Exception {
        dialogs.folderToChoose = share();
        robot.clickOn("#card-QUEUE_421_SOCKET_ERROR");
        nextUntil(robot, "Check this server's TLS settings");
        assertThat(text(robot, "#compareServersLink")).startsWith("Several Exchange servers?");
        assertThat(visible(robot, "#fleetButton")).isTrue();

        robot.clickOn("#compareServersLink");
        waitUntil("the fleet window", () -> exists(robot, "#fleetView"));
        assertThat(text(robot, "#fleetIntro")).contains("tlsdoctor collect");
        clickWhenEnabled(robot, "#fleetOpenFolder");
        waitForText(robot, "#fleetStatus", t -> t.startsWith(SERVERS + " servers compared"), "the comparison");

        assertThat(text(robot, "#fleetStatus"))
                .isEqualTo(SERVERS + " servers compared; 1 could not be (listed below with what to do).");
        assertThat(text(robot, "#fleetBottomLine")).startsWith("1 of " + SERVERS + " servers cannot use TLS 1.2");
        assertThat(allText(robot, "#fleetDifferences"))
                .contains(
                        "EX117 is the only server whose SChannel Client has TLS 1.2 off: it is the one that sends the 421 NDRs")
                .contains(
                        "EX007, EX047, EX087, EX127, EX167 and EX207 are the only servers whose TLS 1.0/1.1 are on; the other 234: off.");
        assertThat(allText(robot, "#fleetProblems"))
                .contains("EX999_20261203-100000Z.tlsdoctor.json is not a snapshot TLS Doctor can compare: it is not"
                        + " valid JSON at line 1, column 3.");
        TableView<FleetRow> table = table(robot);
        assertThat(onFx(() -> table.getItems().size())).isEqualTo(SERVERS);
        assertThat(onFx(() -> table.getColumns().size())).isEqualTo(13);
        Window fleet = onFx(() -> table.getScene().getWindow());
        screenshot(fleet, "fleet-240-servers");

        // the odd server: scrolled to, selected, its fix shown
        robot.interact(() -> {
            int index = 116;
            table.scrollTo(index);
            table.getSelectionModel().select(index);
        });
        assertThat(text(robot, "#fleetFix"))
                .startsWith("What to change on EX117:")
                .contains("TLS 1.2\\Client\\Enabled: REG_DWORD 0x00000000 (0) -> REG_DWORD 0x00000001 (1)");
        assertThat(onFx(() -> table.lookupAll(".table-cell").stream()
                        .filter(node -> node instanceof javafx.scene.control.TableCell<?, ?> cell
                                && "NO TLS 1.2".equals(cell.getText()))
                        .findFirst()
                        .map(node -> java.util.List.copyOf(node.getStyleClass()))
                        .orElse(java.util.List.of())))
                .as("the cell that says NO TLS 1.2 is coloured as bad")
                .contains("fleet-bad");
        screenshot(fleet, "fleet-240-servers-selected");

        robot.clickOn("#fleetOnlyNeeding");
        waitUntil(
                "only the server that needs a change",
                () -> onFx(() -> table.getItems().size()) == 1);
        assertThat(onFx(() -> table.getItems().get(0).server())).isEqualTo("EX117");
        screenshot(fleet, "fleet-only-needing-change");
    }
}
