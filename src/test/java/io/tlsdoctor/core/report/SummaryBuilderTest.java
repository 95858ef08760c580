package io.tlsdoctor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.diagnosis.CaseFile;
import io.tlsdoctor.core.diagnosis.Cause;
import io.tlsdoctor.core.diagnosis.CheckKind;
import io.tlsdoctor.core.diagnosis.CheckMode;
import io.tlsdoctor.core.diagnosis.Conclusion;
import io.tlsdoctor.core.diagnosis.Confidence;
import io.tlsdoctor.core.diagnosis.EvidenceLink;
import io.tlsdoctor.core.diagnosis.Provenance;
import io.tlsdoctor.core.diagnosis.RestartState;
import io.tlsdoctor.core.diagnosis.Statement;
import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.Category;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.fix.ChangeResult;
import io.tlsdoctor.core.logs.LogKind;
import io.tlsdoctor.core.probe.Severity;
import io.tlsdoctor.core.probe.StepName;
import io.tlsdoctor.core.probe.StepStatus;
import io.tlsdoctor.core.probe.VersionOutcome;
import io.tlsdoctor.core.registry.FindingStatus;
import io.tlsdoctor.core.registry.SchannelState;
import io.tlsdoctor.core.registry.SnapshotOrigin;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What the summary says about a diagnosis: only what was observed, in the language it was made in. */
class SummaryBuilderTest {

    private static final Messages ENGLISH = Messages.forLocale(Languages.ENGLISH);
    private static final Messages SWEDISH = Messages.forLocale(Languages.SWEDISH);

    @Test
    void aCheckThatDidNotRunSaysSoAndNothingIsFilledIn() {
        CaseFile nothing = CaseFile.builder(new Provenance(
                        Instant.parse("2026-11-27T10:00:00Z"), "DESKTOP-7", "anna", "0.9.0", CheckMode.OFFLINE))
                .build();
        Conclusion undetermined = new Conclusion(Cause.UNDETERMINED, Confidence.LOW, List.of(), List.of(), false);

        DiagnosisSummary summary = new SummaryBuilder().build(nothing, undetermined, ENGLISH);

        assertThat(summary.checks())
                .extracting(DiagnosisSummary.CheckLine::kind)
                .containsExactly(CheckKind.REGISTRY, CheckKind.PROBE_OUTBOUND, CheckKind.PROBE_INBOUND, CheckKind.LOGS);
        assertThat(summary.checks()).allSatisfy(check -> {
            assertThat(check.ran()).isFalse();
            assertThat(check.result()).isEqualTo("Did not run in this diagnosis.");
        });
        assertThat(summary.registry().ran()).isFalse();
        assertThat(summary.registry().findings()).isEmpty();
        assertThat(summary.registry().tls12Client()).isNull();
        assertThat(summary.handshakes()).isEmpty();
        assertThat(summary.logs().ran()).isFalse();
        assertThat(summary.symptom()).isNull();
        assertThat(summary.changes()).isEmpty();
        assertThat(summary.restart()).isNull();
        assertThat(summary.context().osName()).isNull();
        assertThat(summary.context().exchangeBuild()).isNull();

        String text = SummaryFormat.MARKDOWN.render(summary);
        assertThat(text)
                .contains(
                        "not known (the registry check did not run)",
                        "No symptom was picked and no evidence was given.",
                        "TLS Doctor changed nothing in this diagnosis.",
                        "The restart state was not checked.",
                        "The checks could not reach a diagnosis",
                        "from files copied from the server");
        // each check section says it did not run, rather than showing an empty result
        assertThat(text.split("Did not run in this diagnosis\\.", -1)).hasSize(1 + 4 + 3);
        assertThat(text).doesNotContain("TLS 1.2 for sending (SChannel Client):**");
    }

    @Test
    void theRealisticCaseCarriesEveryPartWithItsRawData() {
        SampleCase sample = SampleCase.realistic();
        DiagnosisSummary summary = new SummaryBuilder().build(sample.caseFile(), sample.conclusion(), ENGLISH);

        assertThat(summary.schema()).isEqualTo("tlsdoctor.summary/1");
        assertThat(summary.language()).isEqualTo("en");
        assertThat(summary.context())
                .isEqualTo(new DiagnosisSummary.Context(
                        "2026-11-27T09:12:05Z",
                        "EX01",
                        "CONTOSO\\jdoe",
                        CheckMode.LIVE,
                        "Windows Server 2019",
                        "17763.6893",
                        "Exchange Server 2019",
                        "15.2.1544.4",
                        "0.9.0"));

        assertThat(summary.symptom().code()).isEqualTo(SymptomCode.NDR_421_SOCKET_ERROR);
        assertThat(summary.symptom().picked()).isFalse();
        assertThat(summary.symptom().category()).isEqualTo(Category.SEED_SYMPTOM);
        assertThat(summary.symptom().direction()).isEqualTo(Direction.ONPREM_TO_EXO);
        DiagnosisSummary.Excerpt excerpt = summary.symptom().excerpts().get(0);
        // the line it was found on, and the lines around it: whose mail it was, which server sent it
        assertThat(excerpt.lines())
                .extracting(DiagnosisSummary.EvidenceLine::number, DiagnosisSummary.EvidenceLine::matched)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(11, false),
                        org.assertj.core.groups.Tuple.tuple(12, true),
                        org.assertj.core.groups.Tuple.tuple(13, false));
        assertThat(excerpt.lines().get(0).text()).isEqualTo("alex.wilber@fabrikam.com");
        assertThat(excerpt.lines().get(1).text())
                .startsWith("Remote Server at contoso-com.mail.protection.outlook.com (104.47.22.138)");

        assertThat(summary.registry().origin()).isEqualTo(SnapshotOrigin.LIVE);
        assertThat(summary.registry().tls12Client()).isFalse();
        assertThat(summary.registry().tls12Server()).isTrue();
        DiagnosisSummary.RegistryFinding client = summary.registry().findings().get(0);
        assertThat(client.id()).isEqualTo("tls12.client");
        assertThat(client.status()).isEqualTo(FindingStatus.FAIL);
        assertThat(client.values())
                .extracting(DiagnosisSummary.RawValue::name, DiagnosisSummary.RawValue::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Enabled", "REG_DWORD 0x00000000 (0)"),
                        org.assertj.core.groups.Tuple.tuple("DisabledByDefault", "REG_DWORD 0x00000001 (1)"));
        assertThat(summary.registry().protocols())
                .filteredOn(row -> row.protocol().equals("TLS 1.2"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.client()).isEqualTo(SchannelState.DISABLED);
                    assertThat(row.server()).isEqualTo(SchannelState.ENABLED);
                });

        DiagnosisSummary.Handshake outbound = summary.handshakes().get(0);
        assertThat(outbound.target()).isEqualTo("contoso-com.mail.protection.outlook.com:25");
        assertThat(outbound.protocol()).isEqualTo("TLSv1.2");
        assertThat(outbound.steps()).extracting(DiagnosisSummary.Step::step).containsExactly(StepName.values());
        assertThat(outbound.steps()).extracting(DiagnosisSummary.Step::status).containsOnly(StepStatus.OK);
        assertThat(outbound.matrix())
                .extracting(DiagnosisSummary.MatrixCell::version, DiagnosisSummary.MatrixCell::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("TLS 1.0", VersionOutcome.REFUSED),
                        org.assertj.core.groups.Tuple.tuple("TLS 1.1", VersionOutcome.REFUSED),
                        org.assertj.core.groups.Tuple.tuple("TLS 1.2", VersionOutcome.ACCEPTED),
                        org.assertj.core.groups.Tuple.tuple("TLS 1.3", VersionOutcome.REFUSED));
        // the SChannel handshake is what Exchange itself does: it is kept beside Java's
        assertThat(outbound.findings())
                .extracting(DiagnosisSummary.Note::severity)
                .containsExactly(Severity.OK, Severity.FAIL);
        assertThat(outbound.findings().get(1).text()).contains("agreed only on TLS 1.0");
        assertThat(outbound.transcript()).contains("C: STARTTLS");
        assertThat(outbound.banner())
                .containsExactly(
                        "220 AM4PEPF00027A5F.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready at Fri, 27 Nov 2026 09:12:04 +0000");
        DiagnosisSummary.Handshake inbound = summary.handshakes().get(1);
        assertThat(inbound.certificate().nameMatches()).isFalse();
        assertThat(inbound.certificate().chain().get(0).alternativeNames())
                .containsExactly("mail.contoso.com", "autodiscover.contoso.com");

        DiagnosisSummary.LogsCheck logs = summary.logs();
        assertThat(logs.files()).isEqualTo(2);
        assertThat(logs.sessions()).isEqualTo(4);
        assertThat(logs.failedSessions()).isEqualTo(3);
        assertThat(logs.failuresByReason()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(SymptomCode.PROTOCOL_LOG_TLS_NEGOTIATION_FAILED);
            assertThat(reason.sessions()).isEqualTo(3);
        });
        assertThat(logs.remotes().get(0).remote()).isEqualTo("104.47.22.138");
        assertThat(logs.legacyPartners()).singleElement().satisfies(partner -> {
            assertThat(partner.remote()).isEqualTo("2001:db8:5::25");
            assertThat(partner.kind()).isEqualTo(LogKind.RECEIVE);
            assertThat(partner.legacy()).isTrue();
        });
        assertThat(logs.example().transcript()).hasSize(8).last().asString().endsWith("-,,Remote(SocketError)");

        assertThat(summary.conclusion().cause()).isEqualTo(Cause.TLS12_CLIENT_DISABLED);
        assertThat(summary.conclusion().title()).isEqualTo(ENGLISH.get("diagnosis.cause.TLS12_CLIENT_DISABLED.title"));
        assertThat(summary.conclusion().chain())
                .extracting(DiagnosisSummary.Link::bearing)
                .containsExactlyElementsOf(sample.conclusion().chain().stream()
                        .map(EvidenceLink::bearing)
                        .toList())
                .contains(EvidenceLink.Bearing.SUPPORTS, EvidenceLink.Bearing.CONTEXT);

        DiagnosisSummary.Change change = summary.changes().get(0);
        assertThat(change.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(change.restoreFile()).endsWith("20261127-091500-000-apply" + java.io.File.separator + "restore.reg");
        assertThat(change.values())
                .extracting(
                        DiagnosisSummary.ValueChange::before,
                        DiagnosisSummary.ValueChange::after,
                        DiagnosisSummary.ValueChange::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "REG_DWORD 0x00000000 (0)", "REG_DWORD 0x00000001 (1)", ChangeResult.State.WRITTEN),
                        org.assertj.core.groups.Tuple.tuple(
                                "REG_DWORD 0x00000001 (1)", "REG_DWORD 0x00000000 (0)", ChangeResult.State.WRITTEN));
        assertThat(summary.restart().status()).isEqualTo(RestartState.Status.NEEDED);
        assertThat(summary.restart().clientBefore()).isFalse();
        assertThat(summary.restart().clientAfter()).isNull();
        assertThat(summary.nextSteps())
                .hasSameSizeAs(sample.conclusion().nextSteps())
                .first()
                .asString()
                .startsWith("Enable TLS 1.2 for the SChannel Client side");
    }

    @Test
    void aPickedSymptomIsTheSymptomAndTheRecognisedEvidenceStaysBesideIt() {
        SampleCase sample = SampleCase.realistic();
        CaseFile given = sample.caseFile();
        CaseFile picked = CaseFile.builder(given.provenance())
                .pickedSymptom(SymptomCode.QUEUE_421_SOCKET_ERROR)
                .recognition(given.recognition())
                .evidenceText(given.evidenceText())
                .direction(given.direction())
                .build();

        DiagnosisSummary summary = new SummaryBuilder().build(picked, sample.conclusion(), ENGLISH);

        assertThat(summary.symptom().code()).isEqualTo(SymptomCode.QUEUE_421_SOCKET_ERROR);
        assertThat(summary.symptom().picked()).isTrue();
        assertThat(summary.symptom().excerpts())
                .extracting(DiagnosisSummary.Excerpt::code)
                .contains(SymptomCode.NDR_421_SOCKET_ERROR);
        assertThat(SummaryFormat.MARKDOWN.render(summary)).contains("picked by the user");
    }

    @Test
    void evidenceThatWasNotRecognisedIsCountedNotInterpreted() {
        CaseFile pasted = CaseFile.builder(SampleCase.realistic().provenance())
                .evidenceText("first line\nsecond line\n")
                .build();

        DiagnosisSummary summary = new SummaryBuilder().build(pasted, null, ENGLISH);

        assertThat(summary.symptom().code()).isNull();
        assertThat(summary.symptom().evidence()).isEqualTo("2 lines");
        assertThat(summary.symptom().excerpts()).isEmpty();
        assertThat(summary.conclusion()).isNull();
        assertThat(SummaryFormat.MARKDOWN.render(summary))
                .contains("No known symptom was recognised in the evidence.", "No conclusion was drawn yet.");
    }

    @Test
    void theSummaryIsWordedInTheLanguageItWasMadeIn() {
        SampleCase sample = SampleCase.realistic();
        DiagnosisSummary swedish = new SummaryBuilder().build(sample.caseFile(), sample.conclusion(), SWEDISH);

        assertThat(swedish.language()).isEqualTo("sv");
        assertThat(swedish.registry().findings().get(0).title())
                .isEqualTo("TLS 1.2 för att skicka till Exchange Online (SChannel Client)");
        assertThat(swedish.conclusion().title()).isEqualTo(SWEDISH.get("diagnosis.cause.TLS12_CLIENT_DISABLED.title"));
        io.tlsdoctor.core.diagnosis.Statement first =
                sample.conclusion().nextSteps().get(0);
        assertThat(swedish.nextSteps().get(0)).isEqualTo(SWEDISH.get(first.key(), first.argArray()));
        // headings follow the summary's language, whatever language the program that renders it runs in
        String html = SummaryFormat.HTML.render(swedish);
        assertThat(html).contains("<html lang=\"sv\">", "<h2>Slutsats</h2>", "<h2>Nästa steg</h2>");
        assertThat(html).doesNotContain("<h2>Conclusion</h2>");
    }

    @Test
    void aStatementWhosePatternCountsGetsItsNumberEvenThoughStatementsCarryText() {
        SampleCase sample = SampleCase.realistic();
        Conclusion counting = new Conclusion(
                Cause.TLS12_CLIENT_DISABLED,
                Confidence.MEDIUM,
                List.of(new EvidenceLink(
                        CheckKind.LOGS,
                        EvidenceLink.Bearing.SUPPORTS,
                        Statement.of("summary.logs.reason", "TLS failed", "CODE", 214))),
                List.of(Statement.of("summary.check.logs.result", 1, 2, 1, 0)),
                false);

        DiagnosisSummary summary = new SummaryBuilder().build(sample.caseFile(), counting, ENGLISH);

        assertThat(summary.conclusion().chain().get(0).text())
                .isEqualTo("TLS failed: 214 sessions"); // the code stays in the JSON, not in the words
        assertThat(summary.nextSteps())
                .containsExactly("1 file, 2 sessions, 1 of them failed; no partner still on TLS 1.0/1.1.");
    }

    @Test
    void theCauseIsExplainedOnlyWhereTheBundlesExplainIt() {
        SampleCase sample = SampleCase.realistic();
        DiagnosisSummary summary = new SummaryBuilder().build(sample.caseFile(), sample.conclusion(), ENGLISH);

        boolean explained = ENGLISH.has("diagnosis.cause.TLS12_CLIENT_DISABLED.explanation");
        if (explained) {
            assertThat(summary.conclusion().explanation())
                    .isEqualTo(ENGLISH.get("diagnosis.cause.TLS12_CLIENT_DISABLED.explanation"));
        } else {
            assertThat(summary.conclusion().explanation()).isNull();
        }
    }

    @Test
    void everyWordTheRenderersLookUpExistsInBothLanguages() {
        List<String> keys = new ArrayList<>();
        for (CheckMode mode : CheckMode.values()) {
            keys.add("summary.mode." + mode.name());
        }
        for (Confidence confidence : Confidence.values()) {
            keys.add("summary.confidence." + confidence.name());
            keys.add("summary.confidence.tag." + confidence.name());
        }
        for (EvidenceLink.Bearing bearing : EvidenceLink.Bearing.values()) {
            keys.add("summary.bearing." + bearing.name());
        }
        for (CheckKind kind : CheckKind.values()) {
            keys.add("summary.check." + kind.name());
        }
        for (FindingStatus status : FindingStatus.values()) {
            keys.add("summary.status." + status.name());
        }
        for (SnapshotOrigin origin : SnapshotOrigin.values()) {
            keys.add("summary.registry.origin." + origin.name());
        }
        for (SchannelState state : SchannelState.values()) {
            keys.add("summary.schannel." + state.name());
        }
        for (ApplyResult.Outcome outcome : ApplyResult.Outcome.values()) {
            keys.add("summary.outcome." + outcome.name());
        }
        for (ChangeResult.State state : ChangeResult.State.values()) {
            keys.add("summary.valueState." + state.name());
        }
        for (RestartState.Status status : RestartState.Status.values()) {
            keys.add("summary.restart." + status.name());
        }
        for (Cause cause : Cause.values()) {
            keys.add("diagnosis.cause." + cause.name() + ".title");
        }
        for (StepName step : StepName.values()) {
            keys.add("probe.step." + step.id());
        }
        for (StepStatus status : StepStatus.values()) {
            keys.add("probe.status." + status.name());
        }
        for (VersionOutcome outcome : VersionOutcome.values()) {
            keys.add("probe.outcome." + outcome.name());
        }
        for (Severity severity : Severity.values()) {
            keys.add("probe.severity." + severity.name());
        }
        for (LogKind kind : LogKind.values()) {
            keys.add("logs.kind." + kind.name());
        }
        for (Messages messages : List.of(ENGLISH, SWEDISH)) {
            assertThat(keys)
                    .as("missing in %s", messages.locale())
                    .allSatisfy(key -> assertThat(messages.has(key)).as(key).isTrue());
        }
        assertThat(SWEDISH.locale()).isEqualTo(Locale.forLanguageTag("sv"));
    }

    @Test
    void aReportsRouteIsInTheSummaryWithWhoseEachHostIs() {
        io.tlsdoctor.core.evidence.Recognition recognition = new io.tlsdoctor.core.evidence.EvidenceRecognizer(
                        io.tlsdoctor.core.evidence.SymptomCatalog.load())
                .recognize(io.tlsdoctor.core.evidence.EvidenceText.pasted("""
                Generating server: DB9PR04MB8123.eurprd04.prod.outlook.com
                jonas@gmail.com
                Remote server returned '421 4.4.2 Connection dropped due to SocketError'
                From: Maria <maria@contoso.com>
                """));
        CaseFile pasted = CaseFile.builder(SampleCase.realistic().provenance())
                .recognition(recognition)
                .direction(io.tlsdoctor.core.domain.Direction.EXO_TO_EXTERNAL)
                .build();

        DiagnosisSummary summary = new SummaryBuilder().build(pasted, null, ENGLISH);

        assertThat(summary.symptom().generator())
                .isEqualTo("DB9PR04MB8123.eurprd04.prod.outlook.com (Exchange Online)");
        assertThat(summary.symptom().remote()).isEqualTo("gmail.com (another organisation)");
        assertThat(SummaryFormat.MARKDOWN.render(summary))
                .contains("Report written by", "Refused by", "Exchange Online → another organisation's server");
    }
}
