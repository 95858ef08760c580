package io.tlsdoctor.ui.step.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.probe.Detail;
import io.tlsdoctor.core.probe.ProbeTarget;
import io.tlsdoctor.core.probe.StepName;
import io.tlsdoctor.core.probe.StepResult;
import io.tlsdoctor.core.probe.StepStatus;
import io.tlsdoctor.core.probe.TlsVersion;
import io.tlsdoctor.core.probe.VersionOutcome;
import io.tlsdoctor.core.probe.VersionResult;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.ui.common.I18n;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A target's card as text the view binds to, without the toolkit: marks, styles and words follow the probe's events. */
class ProbeCardViewModelTest {

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final ProbeCardViewModel card = new ProbeCardViewModel(
            new TargetProgress(ProbeTarget.direct("mx.contoso.com", 25), Direction.ONPREM_TO_EXO), i18n);

    @Test
    void aStepNotFinishedYetIsPendingThenMarkedAsItEnds() {
        card.refresh();
        ProbeCardViewModel.StepRow connect = row(StepName.CONNECT);
        assertThat(connect.markProperty().get()).isEqualTo("…");
        assertThat(connect.markStyleProperty().get()).isEqualTo("probe-pending");
        assertThat(connect.detailProperty().get()).isEqualTo("waiting…");
        assertThat(card.titleProperty().get()).isEqualTo("mx.contoso.com:25");
        assertThat(card.badgeProperty().get()).isEqualTo("Outbound");

        card.progress()
                .stepFinished(new StepResult(
                        StepName.CONNECT, StepStatus.OK, 12, Detail.of("probe.detail.connect.ok", "192.0.2.7", 25)));
        card.progress()
                .stepFinished(
                        new StepResult(StepName.HANDSHAKE, StepStatus.FAILED, 40, Detail.of("probe.detail.cancelled")));
        card.progress().stepFinished(StepResult.skipped(StepName.QUIT, Detail.of("probe.detail.cancelled")));
        card.refresh();

        assertThat(connect.markProperty().get()).isEqualTo("✔");
        assertThat(connect.markStyleProperty().get()).isEqualTo("probe-ok");
        assertThat(connect.millisProperty().get()).isEqualTo("12 ms");
        assertThat(connect.detailProperty().get()).isEqualTo("Connected to 192.0.2.7 port 25.");
        assertThat(row(StepName.HANDSHAKE).markProperty().get()).isEqualTo("✖");
        assertThat(row(StepName.HANDSHAKE).markStyleProperty().get()).isEqualTo("probe-failed");
        assertThat(row(StepName.QUIT).markProperty().get()).isEqualTo("–");
        assertThat(row(StepName.QUIT).millisProperty().get())
                .as("a skipped step took no time")
                .isEmpty();
        assertThat(card.finishedProperty().get()).as("no report yet").isFalse();
    }

    @Test
    void theMatrixSaysEachVersionsOutcomeAndFollowsTheLanguage() {
        card.progress()
                .versionFinished(new VersionResult(
                        TlsVersion.TLS_1_2, VersionOutcome.NOT_TESTED, null, Detail.of("probe.detail.cancelled")));
        card.refresh();
        ProbeCardViewModel.VersionRow tls12 = card.versions().stream()
                .filter(row -> row.id().equals("TLS_1_2"))
                .findFirst()
                .orElseThrow();
        assertThat(tls12.outcomeProperty().get()).isEqualTo("not tested");
        assertThat(tls12.outcomeStyleProperty().get()).isEqualTo("probe-outcome-not-tested");

        i18n.setLocale(Languages.SWEDISH);
        card.refresh();
        assertThat(tls12.outcomeProperty().get()).isNotEqualTo("not tested").isNotBlank();
        assertThat(card.badgeProperty().get()).isNotEqualTo("Outbound");
    }

    private ProbeCardViewModel.StepRow row(StepName name) {
        return card.steps().stream()
                .filter(row -> row.id().equals(name.id()))
                .findFirst()
                .orElseThrow();
    }
}
