package io.tlsdoctor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.connectors.ConnectorEvaluator;
import io.tlsdoctor.core.connectors.ConnectorReport;
import io.tlsdoctor.core.connectors.SavedConnectorOutput;
import io.tlsdoctor.core.diagnosis.CaseFile;
import io.tlsdoctor.core.diagnosis.CheckMode;
import io.tlsdoctor.core.diagnosis.DiagnosisEngine;
import io.tlsdoctor.core.diagnosis.Provenance;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connectors check in the summary: its findings with the commands, and nothing of the customer's when redacted. */
class ConnectorSummaryTest {

    private static DiagnosisSummary summary;

    @BeforeAll
    static void build() throws Exception {
        Path swedish = Path.of(ConnectorSummaryTest.class
                .getResource("/io/tlsdoctor/core/connectors/fl-swedish-utf16.txt")
                .toURI());
        ConnectorReport report = new ConnectorEvaluator()
                .evaluate(new SavedConnectorOutput(List.of(swedish)).collect(), Instant.parse("2026-12-03T12:00:00Z"));
        CaseFile caseFile = CaseFile.builder(new Provenance(
                        Instant.parse("2026-12-03T12:00:00Z"), "HD-PC17", "helpdesk", "0.9.0", CheckMode.OFFLINE))
                .pickedSymptom(SymptomCode.CERTIFICATE)
                .connectors(report)
                .build();
        summary = new SummaryBuilder()
                .build(caseFile, new DiagnosisEngine().conclude(caseFile), Messages.forLocale(Languages.ENGLISH));
    }

    @Test
    void theMarkdownShowsWhatToFixWithTheCommandAndTheCheckLine() {
        String md = SummaryFormat.MARKDOWN.render(summary);
        assertThat(md)
                .contains("## Exchange connectors and certificates")
                .contains(
                        "Enable-ExchangeCertificate -Server 'EXSTHLM01.contoso.com' -Thumbprint '5A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D1E2F3A4B' -Services SMTP")
                .contains("Exchange connectors and certificates: 2 to fix, 1 warning, 9 passed.");
        assertThat(summary.conclusion().cause()).hasToString("CERTIFICATE");
    }

    @Test
    void moreThanOneWarningIsCountedInThePluralInBothLanguages() throws Exception {
        // the Swedish server's output with Exchange Online's side: two warnings (both sides named differently)
        ConnectorReport report = new ConnectorEvaluator()
                .evaluate(
                        new SavedConnectorOutput(
                                        List.of(corpus("fl-swedish-utf16.txt"), corpus("exo-connectors-fl.txt")))
                                .collect(),
                        Instant.parse("2026-12-03T12:00:00Z"));
        CaseFile caseFile = CaseFile.builder(new Provenance(
                        Instant.parse("2026-12-03T12:00:00Z"), "HD-PC17", "helpdesk", "0.9.0", CheckMode.OFFLINE))
                .pickedSymptom(SymptomCode.CERTIFICATE)
                .connectors(report)
                .build();
        String english = SummaryFormat.MARKDOWN.render(new SummaryBuilder()
                .build(caseFile, new DiagnosisEngine().conclude(caseFile), Messages.forLocale(Languages.ENGLISH)));
        String swedish = SummaryFormat.MARKDOWN.render(new SummaryBuilder()
                .build(caseFile, new DiagnosisEngine().conclude(caseFile), Messages.forLocale(Languages.SWEDISH)));
        assertThat(english)
                .contains("Exchange connectors and certificates: 4 to fix, 2 warnings, 11 passed.")
                .doesNotContain("(s)");
        assertThat(swedish)
                .contains("Exchange-anslutningar och certifikat: 4 att åtgärda, 2 varningar, 11 godkända.")
                .doesNotContain("(ar)");
    }

    private static Path corpus(String name) throws Exception {
        return Path.of(ConnectorSummaryTest.class
                .getResource("/io/tlsdoctor/core/connectors/" + name)
                .toURI());
    }

    @Test
    void redactedItHidesServersCertificateNamesAndThumbprintsButKeepsTheFix() {
        DiagnosisSummary hidden = summary.redact();
        for (SummaryFormat format : List.of(SummaryFormat.MARKDOWN, SummaryFormat.HTML, SummaryFormat.JSON)) {
            String text = RedactionLeakTest.readable(format.render(hidden));
            assertThat(text)
                    .as(format.toString())
                    .doesNotContain("exsthlm01")
                    .doesNotContain("contoso")
                    .doesNotContain("5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b")
                    .doesNotContain("5a6b7c8d\u2026")
                    .contains("enable-exchangecertificate -server")
                    .contains("-services smtp")
                    .contains("mail.protection.outlook.com:acceptcloudservicesmail")
                    .contains("thumbprint-1");
        }
    }
}
