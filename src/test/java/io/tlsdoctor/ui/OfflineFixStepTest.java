package io.tlsdoctor.ui;

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
import io.tlsdoctor.core.diagnosis.Cases;
import io.tlsdoctor.ui.common.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 19, item 7: on a helpdesk desktop the Fix step cannot change the server, and says so. It names the way the
 * fix gets there (save the .reg, copy it to the server, import it as an administrator, restart), promises no "yes"
 * that would change anything, titles the rehearsal's question as a rehearsal, shows the whole plan without scrolling
 * inside the table, wraps registry paths only between keys, and marks each value as the article's fix or hardening.
 */
@ExtendWith(ApplicationExtension.class)
class OfflineFixStepTest {

    private static final String FIX = "Fix: enable TLS 1.2";

    private Path dir;
    private ExecutorService executor;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private Stage stage;

    @Start
    void start(Stage stage) throws java.io.IOException {
        this.stage = stage;
        dir = Files.createTempDirectory("tlsdoctor-offlinefix");
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
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void offTheServerTheFixStepSaysHowTheFixReachesTheServer(FxRobot robot) throws Exception {
        Path export = Cases.regFile(dir, false, true);
        robot.clickOn("#card-QUEUE_421_SOCKET_ERROR");
        nextUntil(robot, "Check this server's TLS settings");
        dialogs.regFilesToChoose = List.of(export);
        robot.clickOn("#loadExportsButton");
        waitForText(
                robot, "#registryVerdict", verdict -> verdict.startsWith("This server cannot"), "the registry verdict");
        nextUntil(robot, FIX);
        WaitForAsyncUtils.waitForFxEvents();
        screenshot(stage, "44-fix-step-offline");

        assertThat(visible(robot, "#applyButton"))
                .as("nothing here can change the server")
                .isFalse();
        assertThat(text(robot, "#fixSummary"))
                .as("no promise of a yes that would change the server")
                .doesNotContain("until you say yes")
                .contains("on the server");
        assertThat(visible(robot, "#offlineFixSteps")).isTrue();
        assertThat(text(robot, "#offlineFixSteps"))
                .contains(
                        "Save as .reg",
                        "Copy the file to the Exchange server",
                        "as an administrator",
                        "reg import",
                        "Restart the server");

        TableView<?> table = onFx(() -> robot.lookup("#planTable").queryAs(TableView.class));
        int planned = onFx(() -> table.getItems().size());
        assertThat(planned).as("SChannel and .NET values").isGreaterThanOrEqualTo(6);
        assertThat(onFx(() -> rowsShownWhole(table)))
                .as("every planned value in view without scrolling the table")
                .isEqualTo(planned);
        List<List<String>> pathPieces = onFx(() -> pathPieces(table));
        assertThat(pathPieces).hasSize(planned).allSatisfy(pieces -> {
            assertThat(pieces).as("a path in pieces, one per key").hasSizeGreaterThan(3);
            assertThat(pieces.subList(0, pieces.size() - 1))
                    .allSatisfy(piece -> assertThat(piece).endsWith("\\"));
            assertThat(pieces.subList(0, pieces.size() - 1))
                    .allSatisfy(piece -> assertThat(piece.indexOf('\\')).isEqualTo(piece.length() - 1));
        });
        List<String> parts = onFx(() -> table.getItems().stream()
                .map(row -> ((io.tlsdoctor.ui.step.fix.PlanRow) row))
                .map(row -> row.part() + " " + row.value())
                .toList());
        assertThat(parts)
                .anySatisfy(row -> assertThat(row).startsWith("Fix ").contains("SCHANNEL\\Protocols\\TLS 1.2"));
        assertThat(parts)
                .anySatisfy(row -> assertThat(row).startsWith("Hardening ").contains(".NETFramework"));
        assertThat(parts).allSatisfy(row -> assertThat(row.startsWith("Fix ")).isEqualTo(row.contains("SCHANNEL")));
        assertThat(parts.get(0)).as("the article's fix first").startsWith("Fix ");

        dialogs.answer = false;
        robot.clickOn("#rehearseButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.titles).last().asString().isEqualTo("Rehearse on a copy?");
        assertThat(dialogs.questions).last().asString().contains("nothing on the server changes");
    }

    /** Rows whose cell lies wholly inside the table's own viewport (below the header, above its bottom). */
    @OnFxThread
    private static int rowsShownWhole(TableView<?> table) {
        Node header = table.lookup(".column-header-background");
        Bounds tableBounds = table.localToScene(table.getLayoutBounds());
        double top = header.localToScene(header.getLayoutBounds()).getMaxY();
        int whole = 0;
        for (Node node : table.lookupAll(".table-row-cell")) {
            IndexedCell<?> row = (IndexedCell<?>) node;
            if (row.isEmpty()
                    || !row.isVisible()
                    || row.getIndex() < 0
                    || row.getIndex() >= table.getItems().size()) {
                continue;
            }
            Bounds bounds = row.localToScene(row.getLayoutBounds());
            if (bounds.getMinY() >= top - 0.5 && bounds.getMaxY() <= tableBounds.getMaxY() + 0.5) {
                whole++;
            }
        }
        return whole;
    }

    /** The pieces each shown registry path is laid out in (the Value column's text nodes, row by row). */
    @OnFxThread
    private static List<List<String>> pathPieces(TableView<?> table) {
        List<List<String>> all = new ArrayList<>();
        for (Node node : table.lookupAll(".table-row-cell")) {
            IndexedCell<?> row = (IndexedCell<?>) node;
            if (row.isEmpty()
                    || row.getIndex() < 0
                    || row.getIndex() >= table.getItems().size()) {
                continue;
            }
            List<Node> cells = new ArrayList<>(row.lookupAll(".table-cell"));
            cells.sort(java.util.Comparator.comparingDouble(Node::getLayoutX));
            List<String> pieces = new ArrayList<>();
            for (Node text : cells.get(1).lookupAll(".table-text")) {
                pieces.add(((Text) text).getText());
            }
            all.add(pieces);
        }
        return all;
    }
}
