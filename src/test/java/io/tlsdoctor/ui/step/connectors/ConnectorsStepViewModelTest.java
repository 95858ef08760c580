package io.tlsdoctor.ui.step.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.connectors.ConnectorInputException;
import io.tlsdoctor.core.connectors.ConnectorReport;
import io.tlsdoctor.core.connectors.ConnectorSource;
import io.tlsdoctor.core.connectors.ConnectorSources;
import io.tlsdoctor.ui.common.DirectTaskRunner;
import io.tlsdoctor.ui.common.I18n;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connectors step without the toolkit: what the user reads after loading saved output, and what the diagnosis gets. */
class ConnectorsStepViewModelTest {

    @TempDir
    Path dir;

    private final DirectTaskRunner runner = DirectTaskRunner.held();
    private final List<ConnectorReport> recorded = new ArrayList<>();
    private final List<String> liveServers = new ArrayList<>();
    private final ConnectorsStepViewModel step = new ConnectorsStepViewModel(
            new ConnectorSources() {
                @Override
                public boolean liveAvailable() {
                    return false;
                }

                @Override
                public ConnectorSource live(String server) {
                    liveServers.add(server);
                    return () -> {
                        throw new ConnectorInputException("connectors.live.notWindows", "Linux");
                    };
                }
            },
            runner,
            new I18n(Locale.ENGLISH),
            recorded::add,
            Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC));

    static Path corpus(String name) {
        try {
            return Path.of(ConnectorsStepViewModelTest.class
                    .getResource("/io/tlsdoctor/core/connectors/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void savedOutputShowsTheCertificateProblemFirstWithItsCommandAndRecordsIt() {
        assertThat(step.verdictTextProperty().get()).startsWith("Not checked yet");
        step.loadFiles(List.of(corpus("fl-swedish-utf16.txt")));
        assertThat(step.busyProperty().get())
                .as("the wizard waits while it reads")
                .isTrue();
        runner.runAll();

        assertThat(step.verdictKindProperty().get()).isEqualTo(ConnectorsStepViewModel.VerdictKind.CERTIFICATE);
        assertThat(step.verdictTextProperty().get())
                .isEqualTo("A certificate problem: 2 things to fix below. "
                        + "This is not the TLS 1.0/1.1 problem; changing the registry will not help.");
        assertThat(step.sourceTextProperty().get()).isEqualTo("Read from: fl-swedish-utf16.txt");
        ConnectorRow first = step.findings().get(0);
        assertThat(first.status()).isEqualTo("fail");
        assertThat(first.title()).isEqualTo("Certificate enabled for SMTP");
        assertThat(first.evidence())
                .containsExactly("Seen: Get-ExchangeCertificate -Server 'EXSTHLM01.contoso.com' "
                        + "5A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D1E2F3A4B \u2192 Services: IIS");
        assertThat(first.commands())
                .containsExactly("Enable-ExchangeCertificate -Server 'EXSTHLM01.contoso.com' "
                        + "-Thumbprint '5A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D1E2F3A4B' -Services SMTP");
        assertThat(step.findings().get(step.findings().size() - 1).status())
                .as("what passed comes last")
                .isEqualTo("pass");
        assertThat(recorded).singleElement().isSameAs(step.reportProperty().get());
    }

    @Test
    void theLatestFilesAreShownEvenWhenTheOlderReadEndsLast() {
        DirectTaskRunner late = DirectTaskRunner.heldPastCancel();
        List<ConnectorReport> kept = new ArrayList<>();
        ConnectorsStepViewModel step = new ConnectorsStepViewModel(
                new ConnectorSources() {
                    @Override
                    public boolean liveAvailable() {
                        return false;
                    }

                    @Override
                    public ConnectorSource live(String server) {
                        throw new AssertionError("not asked");
                    }
                },
                late,
                new I18n(Locale.ENGLISH),
                kept::add,
                Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC));
        step.loadFiles(List.of(corpus("fl-swedish-utf16.txt")));
        step.loadFiles(List.of(corpus("fl-healthy-ex2019-ems120.txt")));
        assertThat(step.busyProperty().get()).isTrue();

        late.runLast();
        late.runAll();

        assertThat(step.busyProperty().get()).isFalse();
        assertThat(step.verdictKindProperty().get())
                .as("the healthy files were loaded last")
                .isEqualTo(ConnectorsStepViewModel.VerdictKind.HEALTHY);
        assertThat(step.sourceTextProperty().get()).isEqualTo("Read from: fl-healthy-ex2019-ems120.txt");
        assertThat(kept)
                .as("the diagnosis gets only the latest")
                .singleElement()
                .isSameAs(step.reportProperty().get());
    }

    @Test
    void aFileThatIsNoCmdletOutputIsNamedAndNothingIsRecorded() throws Exception {
        Path mail = Files.writeString(dir.resolve("mail.txt"), "Hi, mail to Office 365 is stuck, please help\n");
        step.loadFiles(List.of(mail));
        runner.runAll();

        assertThat(step.problemProperty().get()).contains("mail.txt holds no connector or certificate output");
        assertThat(step.runningProperty().get()).isFalse();
        assertThat(recorded).isEmpty();
        assertThat(step.verdictKindProperty().get()).isEqualTo(ConnectorsStepViewModel.VerdictKind.NOT_RUN);
    }

    @Test
    void liveWithoutAServerNameAsksForOneAndReadsNothing() {
        step.checkLive();
        assertThat(step.problemProperty().get()).startsWith("Type the name of an Exchange server first");
        assertThat(liveServers).isEmpty();
        step.serverProperty().set(" ex01.contoso.com ");
        step.checkLive();
        runner.runAll();
        assertThat(liveServers).containsExactly("ex01.contoso.com");
        assertThat(step.problemProperty().get()).startsWith("Reading Exchange live needs Windows");
    }

    @Test
    void theExportCommandsCoverBothSides() {
        assertThat(step.exportCommands())
                .contains("Get-SendConnector | Export-Clixml send-connectors.xml")
                .contains("Get-OutboundConnector | Export-Clixml exo-outbound-connectors.xml");
    }
}
