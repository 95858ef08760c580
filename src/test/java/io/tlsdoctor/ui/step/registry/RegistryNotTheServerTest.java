package io.tlsdoctor.ui.step.registry;

import static io.tlsdoctor.ui.FxReads.onFx;
import static io.tlsdoctor.ui.FxReads.screenshot;
import static io.tlsdoctor.ui.FxReads.styleClasses;
import static io.tlsdoctor.ui.FxReads.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.core.diagnosis.Cases;
import io.tlsdoctor.core.registry.RegistryKey;
import io.tlsdoctor.core.registry.RegistryPaths;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistrySource;
import io.tlsdoctor.core.registry.RegistrySources;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.registry.SnapshotOrigin;
import io.tlsdoctor.platform.registry.RegFileSource;
import io.tlsdoctor.ui.RecordingDialogService;
import io.tlsdoctor.ui.common.DirectTaskRunner;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.step.registry.RegistryStepViewModel.VerdictKind;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * On Windows the step reads the live registry as soon as it opens. On a helpdesk desktop that is the desktop's own
 * registry, whose SChannel settings say nothing about the Exchange server: the step must say so instead of judging
 * "this server".
 */
@ExtendWith(ApplicationExtension.class)
class RegistryNotTheServerTest {

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage; // the ViewModel's tasks report on the FX thread; the stage shows the step once
    }

    @Test
    void aLiveRegistryWithoutExchangeIsNotJudgedAsTheServer(FxRobot robot) throws Exception {
        RegistryStepViewModel step = step(live(false), Locale.ENGLISH);
        robot.interact(step::onEnter);

        assertThat(onFx(() -> step.verdictKindProperty().get())).isEqualTo(VerdictKind.NOT_THE_SERVER);
        assertThat(onFx(() -> step.verdictTextProperty().get()))
                .startsWith("HELPDESK-07 has no Exchange server installed")
                .contains("Run TLS Doctor on the Exchange server")
                .doesNotContain("This server cannot");
        assertThat(onFx(() -> List.copyOf(step.findings())))
                .as("the desktop's own findings are still shown")
                .isNotEmpty();

        robot.interact(() -> {
            Scene scene = new Scene(
                    new RegistryStepView(step, new I18n(Locale.ENGLISH), new RecordingDialogService()), 900, 640);
            scene.getStylesheets().add(WizardWindow.stylesheet());
            stage.setScene(scene);
            stage.show();
        });
        assertThat(text(robot, "#registryVerdict")).startsWith("HELPDESK-07 has no Exchange");
        assertThat(styleClasses(robot, "#registryVerdict")).contains("verdict-not-the-server");
        screenshot(stage, "13-registry-step-not-the-server");
    }

    @Test
    void theSameSettingsReadOnTheExchangeServerAreJudged(FxRobot robot) throws Exception {
        RegistryStepViewModel step = step(live(true), Locale.ENGLISH);
        robot.interact(step::onEnter);

        assertThat(onFx(() -> step.verdictKindProperty().get())).isEqualTo(VerdictKind.NOT_READY);
        assertThat(onFx(() -> step.verdictTextProperty().get())).startsWith("This server cannot send and receive");
    }

    @Test
    void saidInSwedishToo(FxRobot robot) throws Exception {
        RegistryStepViewModel step = step(live(false), Locale.forLanguageTag("sv"));
        robot.interact(step::onEnter);

        assertThat(onFx(() -> step.verdictTextProperty().get()))
                .startsWith("Exchange Server är inte installerat på HELPDESK-07");
    }

    private RegistryStepViewModel step(RegistrySource live, Locale locale) {
        RegistrySources sources = new RegistrySources() {
            @Override
            public Optional<RegistrySource> live() {
                return Optional.of(live);
            }

            @Override
            public RegistrySource fromFiles(List<Path> files) {
                return new RegFileSource(files);
            }
        };
        // TLS 1.2 Client off; no symptom picked, so both directions count
        return new RegistryStepViewModel(
                sources, DirectTaskRunner.immediate(), new I18n(locale), new DiagnosisSession());
    }

    /** What the live reader gives on a computer with or without Exchange: it always reads the ExchangeServer key. */
    private RegistrySource live(boolean exchangeInstalled) throws Exception {
        RegistrySnapshot files = new RegFileSource(List.of(Cases.regFile(dir, false, true))).collect();
        List<RegistryKey> keys = new ArrayList<>(files.keys());
        if (exchangeInstalled) {
            keys.add(new RegistryKey(
                    RegistryPaths.EXCHANGE_SETUP,
                    Instant.parse("2026-11-20T06:00:00Z"),
                    Map.of(
                            "MsiProductMajor",
                            RegistryValue.dword(15),
                            "MsiProductMinor",
                            RegistryValue.dword(2),
                            "MsiBuildMajor",
                            RegistryValue.dword(1544),
                            "MsiBuildMinor",
                            RegistryValue.dword(4))));
        }
        List<String> covered = new ArrayList<>(files.coveredKeys());
        covered.add("HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ExchangeServer");
        RegistrySnapshot snapshot = RegistrySnapshot.of(
                SnapshotOrigin.LIVE,
                List.of("HELPDESK-07"),
                files.collectedAt(),
                Instant.parse("2026-11-20T06:00:00Z"),
                covered,
                keys);
        return () -> snapshot;
    }
}
