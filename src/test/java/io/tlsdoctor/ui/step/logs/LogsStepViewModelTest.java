package io.tlsdoctor.ui.step.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.logs.LogAnalyzer;
import io.tlsdoctor.core.logs.ProtocolLogGenerator;
import io.tlsdoctor.core.logs.ProtocolLogGenerator.Outcome;
import io.tlsdoctor.core.logs.ProtocolLogLocations;
import io.tlsdoctor.ui.common.DirectTaskRunner;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol-log step without the toolkit: analysed, stopped, and a stopped analysis never reports late. */
class LogsStepViewModelTest {

    private static final SymptomCatalog CATALOG = SymptomCatalog.load();

    @TempDir
    Path dir;

    private final DirectTaskRunner runner = DirectTaskRunner.held();
    private final DiagnosisSession session = new DiagnosisSession();
    private final LogsStepViewModel step = new LogsStepViewModel(
            new LogAnalyzer(new ProtocolLogLineClassifier(CATALOG)),
            CATALOG,
            runner,
            new I18n(Locale.ENGLISH),
            session,
            ProtocolLogLocations.under(null));

    @Test
    void analysedLogsAreShownAndHandedToTheDiagnosis() throws Exception {
        new ProtocolLogGenerator(new ProtocolLogGenerator.Plan(
                        Map.of(Outcome.TLS1_2, 20, Outcome.TLS_SOCKET_ERROR, 3),
                        Map.of(),
                        5,
                        0.2,
                        64 * 1024,
                        1,
                        Instant.parse("2026-11-20T08:00:00Z")))
                .write(dir);
        step.pathTextProperty().set(dir.toString());
        step.analyse();
        assertThat(step.stateProperty().get()).isEqualTo(LogsStepViewModel.State.RUNNING);
        assertThat(step.busyProperty().get()).isTrue();

        runner.runAll();

        assertThat(step.stateProperty().get()).isEqualTo(LogsStepViewModel.State.DONE);
        assertThat(step.statusProperty().get()).contains("23 sessions, 3 of them failed");
        assertThat(session.logAnalysisProperty().get()).isNotNull();
        assertThat(step.busyProperty().get()).isFalse();
    }

    @Test
    void aStoppedAnalysisNeverReportsAndTheNextOneDoes() {
        step.pathTextProperty().set(dir.resolve("first-missing").toString());
        step.analyse();
        step.cancel();
        assertThat(step.stateProperty().get()).isEqualTo(LogsStepViewModel.State.CANCELLED);
        assertThat(step.statusProperty().get()).startsWith("Stopped.");

        step.pathTextProperty().set(dir.resolve("second-missing").toString());
        step.analyse();
        runner.runAll();

        assertThat(step.stateProperty().get()).isEqualTo(LogsStepViewModel.State.PROBLEM);
        assertThat(step.statusProperty().get()).contains("second-missing").doesNotContain("first-missing");
        assertThat(session.logAnalysisProperty().get()).isNull();
    }
}
