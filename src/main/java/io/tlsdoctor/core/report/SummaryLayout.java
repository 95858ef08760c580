package io.tlsdoctor.core.report;

import io.tlsdoctor.core.diagnosis.EvidenceLink;
import io.tlsdoctor.core.probe.Severity;
import io.tlsdoctor.core.registry.FindingStatus;
import io.tlsdoctor.core.report.DiagnosisSummary.Certificate;
import io.tlsdoctor.core.report.DiagnosisSummary.CertificateEntry;
import io.tlsdoctor.core.report.DiagnosisSummary.Change;
import io.tlsdoctor.core.report.DiagnosisSummary.CheckLine;
import io.tlsdoctor.core.report.DiagnosisSummary.Context;
import io.tlsdoctor.core.report.DiagnosisSummary.Diagnosis;
import io.tlsdoctor.core.report.DiagnosisSummary.EvidenceLine;
import io.tlsdoctor.core.report.DiagnosisSummary.Example;
import io.tlsdoctor.core.report.DiagnosisSummary.Excerpt;
import io.tlsdoctor.core.report.DiagnosisSummary.Handshake;
import io.tlsdoctor.core.report.DiagnosisSummary.LogsCheck;
import io.tlsdoctor.core.report.DiagnosisSummary.RawValue;
import io.tlsdoctor.core.report.DiagnosisSummary.RegistryCheck;
import io.tlsdoctor.core.report.DiagnosisSummary.RegistryFinding;
import io.tlsdoctor.core.report.DiagnosisSummary.Remote;
import io.tlsdoctor.core.report.DiagnosisSummary.Restart;
import io.tlsdoctor.core.report.DiagnosisSummary.Symptom;
import io.tlsdoctor.core.report.DocumentSink.Field;
import io.tlsdoctor.core.report.DocumentSink.Item;
import io.tlsdoctor.core.report.DocumentSink.Tag;
import io.tlsdoctor.core.report.DocumentSink.Tone;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a rendered summary says and in which order: when/where/who, the conclusion first (what a reader of a ticket
 * wants), then the symptom, each check with its raw data, the changes, the restart and the next steps. Headings and
 * labels come from {@code summary.*} in the summary's own language, not the reader's.
 */
final class SummaryLayout {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final DiagnosisSummary summary;
    private final Messages m;
    private final DocumentSink out;

    private SummaryLayout(DiagnosisSummary summary, DocumentSink out) {
        this.summary = summary;
        this.m = Messages.forLocale(Languages.parse(summary.language() == null ? "en" : summary.language()));
        this.out = out;
    }

    static String render(DiagnosisSummary summary, DocumentSink sink) {
        return new SummaryLayout(summary, sink).render();
    }

    private String render() {
        Context context = summary.context();
        out.begin(m.locale().getLanguage(), m.get("summary.title"));
        if (summary.redacted()) {
            out.notice(m.get("summary.redactedNotice"));
        }
        context();
        conclusion();
        symptom();
        checks();
        registry();
        connectors();
        handshakes();
        logs();
        changes();
        rehearsals();
        restart();
        nextSteps();
        String version = context == null || context.toolVersion() == null ? "" : context.toolVersion();
        return out.finish(m.get("summary.footer", version, DiagnosisSummary.SCHEMA));
    }

    // == Sections ==

    private void context() {
        Context c = summary.context();
        out.heading(2, null, m.get("summary.section.context"));
        if (c == null) {
            out.paragraph(m.get("summary.notKnown"));
            return;
        }
        String unknown = summary.registry() != null && summary.registry().ran()
                ? m.get("summary.notKnown")
                : m.get("summary.notKnown.registry");
        // Checked from files: the computer and user are the helpdesk's, not the server's; say so, and say which server
        boolean offline = c.mode() == io.tlsdoctor.core.diagnosis.CheckMode.OFFLINE;
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(m.get("summary.context.when"), time(c.when())));
        if (offline) {
            fields.add(new Field(m.get("summary.context.server"), serverOfTheEvidence()));
        }
        fields.add(new Field(
                m.get(offline ? "summary.context.computer.offline" : "summary.context.computer"),
                orUnknown(c.computerName())));
        fields.add(new Field(
                m.get(offline ? "summary.context.user.offline" : "summary.context.user"), orUnknown(c.userName())));
        fields.addAll(List.of(
                new Field(
                        m.get("summary.context.mode"),
                        c.mode() == null
                                ? m.get("summary.notKnown")
                                : m.get("summary.mode." + c.mode().name())),
                new Field(
                        m.get("summary.context.os"),
                        c.osName() == null && c.osBuild() == null
                                ? unknown
                                : join(
                                        c.osName(),
                                        c.osBuild() == null ? null : m.get("summary.context.build", c.osBuild()))),
                new Field(
                        m.get("summary.context.exchange"),
                        c.exchange() == null && c.exchangeBuild() == null
                                ? unknown
                                : join(c.exchange(), c.exchangeBuild() == null ? null : "(" + c.exchangeBuild() + ")")),
                new Field(m.get("summary.context.version"), orUnknown(c.toolVersion()))));
        out.fields(fields);
    }

    /** The server the files came from, as far as the evidence names it: the inbound test's target, else unnamed. */
    private String serverOfTheEvidence() {
        return summary.handshakes().stream()
                .filter(h -> h.direction() == io.tlsdoctor.core.domain.Direction.EXO_TO_ONPREM && h.target() != null)
                .map(h -> m.get("summary.context.server.tested", h.target()))
                .findFirst()
                .orElse(m.get("summary.context.server.unnamed"));
    }

    private void conclusion() {
        Diagnosis d = summary.conclusion();
        out.heading(2, null, m.get("summary.section.conclusion"));
        if (d == null) {
            out.paragraph(m.get("summary.conclusion.none"));
            return;
        }
        out.heading(
                3,
                new Tag(
                        m.get("summary.confidence.tag." + d.confidence().name()),
                        d.cause() == io.tlsdoctor.core.diagnosis.Cause.UNDETERMINED ? Tone.WARN : Tone.NEUTRAL),
                d.title());
        // the cause's title is the heading; its code stays in the JSON, where a machine reads it
        out.fields(List.of(new Field(
                m.get("summary.conclusion.confidence"),
                m.get("summary.confidence." + d.confidence().name()))));
        if (d.explanation() != null) {
            out.paragraph(d.explanation());
        }
        if (!d.chain().isEmpty()) {
            out.heading(4, null, m.get("summary.conclusion.chain"));
            List<Item> items = new ArrayList<>();
            for (DiagnosisSummary.Link link : d.chain()) {
                items.add(new Item(
                        new Tag(m.get("summary.bearing." + link.bearing().name()), tone(link.bearing())),
                        m.get("summary.check." + link.source().name()) + ": " + link.text()));
            }
            out.list(items);
        }
        if (d.registryFix()) {
            out.paragraph(m.get("summary.conclusion.fix"));
        }
    }

    private void symptom() {
        Symptom s = summary.symptom();
        out.heading(2, null, m.get("summary.section.symptom"));
        if (s == null) {
            out.paragraph(m.get("summary.symptom.none"));
            return;
        }
        List<Field> fields = new ArrayList<>();
        if (s.code() == null) {
            out.paragraph(m.get("summary.symptom.unrecognised"));
        } else {
            fields.add(new Field(m.get("summary.symptom.code"), s.title()));
            fields.add(new Field(
                    m.get("summary.symptom.how"),
                    m.get(s.picked() ? "summary.symptom.picked" : "summary.symptom.recognised")));
            if (s.category() != null) {
                fields.add(new Field(
                        m.get("summary.symptom.category"),
                        m.get("category." + s.category().name())));
            }
        }
        if (s.direction() != null) {
            fields.add(new Field(
                    m.get("summary.symptom.direction"),
                    m.get("direction." + s.direction().name())));
        }
        if (s.evidence() != null) {
            fields.add(new Field(m.get("summary.symptom.evidence"), s.evidence()));
        }
        if (s.generator() != null) {
            fields.add(new Field(m.get("summary.symptom.generator"), s.generator()));
        }
        if (s.remote() != null) {
            fields.add(new Field(m.get("summary.symptom.remote"), s.remote()));
        }
        out.fields(fields);
        if (s.explanation() != null) {
            out.paragraph(s.explanation());
        }
        for (Excerpt excerpt : s.excerpts()) {
            out.heading(
                    4,
                    new Tag(
                            m.get("category." + excerpt.category().name()),
                            excerpt.category() == io.tlsdoctor.core.evidence.Category.OTHER_CAUSE
                                    ? Tone.NEUTRAL
                                    : Tone.BAD),
                    m.get(
                            "summary.excerpt.heading",
                            excerpt.title(),
                            excerpt.code().name(),
                            excerpt.occurrences()));
            out.fields(List.of(
                    new Field(
                            m.get("summary.symptom.direction"),
                            m.get("direction." + excerpt.direction().name())),
                    new Field(m.get("summary.excerpt.matched"), excerpt.matched())));
            out.code(excerpt.lines().stream().map(SummaryLayout::numbered).toList());
        }
    }

    private static String numbered(EvidenceLine line) {
        return String.format(Locale.ROOT, "%s%5d | %s", line.matched() ? ">" : " ", line.number(), line.text());
    }

    private void checks() {
        out.heading(2, null, m.get("summary.section.checks"));
        List<Item> items = new ArrayList<>();
        for (CheckLine check : summary.checks()) {
            items.add(new Item(
                    new Tag(
                            m.get(check.ran() ? "summary.check.ran" : "summary.check.didNotRun"),
                            check.ran() ? Tone.NEUTRAL : Tone.WARN),
                    m.get("summary.check." + check.kind().name()) + ": " + check.result()));
        }
        out.list(items);
    }

    private void registry() {
        RegistryCheck r = summary.registry();
        out.heading(2, null, m.get("summary.section.registry"));
        if (r == null || !r.ran()) {
            out.paragraph(m.get("summary.check.notRun"));
            return;
        }
        out.fields(List.of(
                new Field(
                        m.get("summary.registry.source"),
                        r.origin() == null
                                ? m.get("summary.notKnown")
                                : m.get("summary.registry.origin." + r.origin().name())),
                new Field(m.get("summary.registry.client"), yesNo(r.tls12Client())),
                new Field(m.get("summary.registry.server"), yesNo(r.tls12Server()))));
        if (!r.protocols().isEmpty()) {
            out.heading(3, null, m.get("summary.registry.protocols"));
            List<List<String>> rows = new ArrayList<>();
            for (DiagnosisSummary.ProtocolRow row : r.protocols()) {
                rows.add(List.of(
                        row.protocol(),
                        state(row.client()),
                        state(row.server()),
                        row.healthChecker() == null ? "–" : row.healthChecker()));
            }
            out.table(
                    List.of(
                            m.get("summary.registry.col.protocol"),
                            m.get("summary.registry.col.client"),
                            m.get("summary.registry.col.server"),
                            m.get("summary.registry.col.healthChecker")),
                    rows);
        }
        out.heading(3, null, m.get("summary.registry.findings"));
        for (RegistryFinding finding : r.findings()) {
            out.heading(
                    4,
                    new Tag(m.get("summary.status." + finding.status().name()), tone(finding.status())),
                    finding.title());
            if (finding.detail() != null) {
                out.paragraph(finding.detail());
            }
            if (finding.remediation() != null) {
                out.fields(List.of(new Field(m.get("summary.registry.remediation"), finding.remediation())));
            }
            if (!finding.values().isEmpty()) {
                List<String> lines = new ArrayList<>();
                for (RawValue value : finding.values()) {
                    lines.add(value.path() + "\\" + value.name() + " = "
                            + (value.value() == null ? m.get("summary.value.absent") : value.value()));
                }
                out.code(lines);
            }
        }
    }

    /** Only when the check ran: what it found, with the field, the advice and the commands to review. */
    private void connectors() {
        DiagnosisSummary.ConnectorsCheck c = summary.connectors();
        if (c == null) {
            return;
        }
        out.heading(2, null, m.get("summary.connectors.heading"));
        out.fields(List.of(new Field(
                m.get("summary.registry.source"),
                m.get(
                        c.live() ? "diagnosis.connectors.source.live" : "diagnosis.connectors.source.files",
                        String.join(", ", c.sources())))));
        for (DiagnosisSummary.ConnectorItem item : c.findings()) {
            if (item.status() == FindingStatus.PASS) {
                continue; // the check line counts them; the section is for what needs doing
            }
            out.heading(
                    4,
                    new Tag(m.get("summary.status." + item.status().name()), tone(item.status())),
                    item.title() + ": " + item.subject());
            out.paragraph(item.detail());
            if (!item.evidence().isEmpty()) {
                out.fields(List.of(new Field(m.get("summary.connectors.seen"), String.join("; ", item.evidence()))));
            }
            if (item.advice() != null) {
                out.fields(List.of(new Field(m.get("summary.connectors.advice"), item.advice())));
            }
            if (!item.commands().isEmpty()) {
                out.paragraph(m.get("summary.connectors.commands"));
                out.code(item.commands());
            }
        }
    }

    private void handshakes() {
        out.heading(2, null, m.get("summary.section.handshakes"));
        if (summary.handshakes().isEmpty()) {
            out.paragraph(m.get("summary.check.notRun"));
            return;
        }
        for (Handshake h : summary.handshakes()) {
            out.heading(
                    3,
                    null,
                    m.get(
                            "summary.handshake.heading",
                            h.target(),
                            m.get("direction." + h.direction().name())));
            List<Field> fields = new ArrayList<>();
            if (h.mx() != null) {
                fields.add(new Field(m.get("summary.handshake.mx"), h.mx()));
            }
            fields.add(new Field(m.get("summary.handshake.ip"), orUnknown(h.ip())));
            fields.add(new Field(
                    m.get("summary.handshake.negotiated"),
                    h.protocol() == null
                            ? m.get("summary.handshake.noSession")
                            : join(h.protocol(), h.cipher() == null ? null : "(" + h.cipher() + ")")));
            fields.add(new Field(m.get("summary.handshake.starttls"), yesNo(h.starttlsAdvertised())));
            fields.add(new Field(m.get("summary.handshake.time"), m.get("summary.millis", h.millis())));
            out.fields(fields);
            if (!h.findings().isEmpty()) {
                out.heading(4, null, m.get("summary.handshake.findings"));
                out.list(h.findings().stream()
                        .map(note -> new Item(
                                new Tag(
                                        m.get("probe.severity."
                                                + note.severity().name()),
                                        tone(note.severity())),
                                note.text()))
                        .toList());
            }
            out.heading(4, null, m.get("summary.handshake.steps"));
            List<List<String>> steps = new ArrayList<>();
            for (DiagnosisSummary.Step step : h.steps()) {
                steps.add(List.of(
                        m.get("probe.step." + step.step().id()),
                        m.get("probe.status." + step.status().name()),
                        m.get("summary.millis", step.millis()),
                        orDash(step.detail())));
            }
            out.table(
                    List.of(
                            m.get("summary.handshake.col.step"),
                            m.get("summary.handshake.col.result"),
                            m.get("summary.handshake.col.time"),
                            m.get("summary.handshake.col.detail")),
                    steps);
            if (!h.matrix().isEmpty()) {
                out.heading(4, null, m.get("summary.handshake.matrix"));
                List<List<String>> cells = new ArrayList<>();
                for (DiagnosisSummary.MatrixCell cell : h.matrix()) {
                    cells.add(List.of(
                            cell.version(),
                            m.get("probe.outcome." + cell.outcome().name()),
                            orDash(cell.cipher()),
                            orDash(cell.detail())));
                }
                out.table(
                        List.of(
                                m.get("summary.handshake.col.version"),
                                m.get("summary.handshake.col.result"),
                                m.get("summary.handshake.col.cipher"),
                                m.get("summary.handshake.col.detail")),
                        cells);
            }
            certificate(h.certificate());
            if (!h.ehlo().isEmpty()) {
                out.heading(4, null, m.get("summary.handshake.ehlo"));
                out.code(h.ehlo());
            }
            out.heading(4, null, m.get("summary.handshake.transcript"));
            if (h.transcript().isEmpty()) {
                out.paragraph(m.get("summary.handshake.noTranscript"));
            } else {
                out.code(h.transcript());
            }
        }
    }

    private void certificate(Certificate certificate) {
        out.heading(4, null, m.get("summary.cert.heading"));
        if (certificate == null || certificate.chain().isEmpty()) {
            out.paragraph(m.get("summary.cert.none"));
            return;
        }
        CertificateEntry leaf = certificate.chain().get(0);
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(m.get("summary.cert.subject"), orDash(leaf.subject())));
        fields.add(new Field(
                m.get("summary.cert.sans"),
                leaf.alternativeNames().isEmpty() ? "–" : String.join(", ", leaf.alternativeNames())));
        fields.add(new Field(m.get("summary.cert.issuer"), orDash(leaf.issuer())));
        fields.add(new Field(
                m.get("summary.cert.validity"),
                m.get("summary.cert.fromTo", time(leaf.notBefore()), time(leaf.notAfter()))));
        fields.add(new Field(m.get("summary.cert.signature"), orDash(leaf.signatureAlgorithm())));
        fields.add(new Field(
                m.get("summary.cert.trusted"),
                certificate.trusted()
                        ? m.get("summary.yes")
                        : join(
                                m.get("summary.no"),
                                certificate.trustProblem() == null ? null : "(" + certificate.trustProblem() + ")")));
        fields.add(new Field(m.get("summary.cert.nameMatches"), yesNo(certificate.nameMatches())));
        List<String> problems = new ArrayList<>();
        if (certificate.expired()) {
            problems.add(m.get("summary.cert.expired"));
        }
        if (certificate.notYetValid()) {
            problems.add(m.get("summary.cert.notYetValid"));
        }
        if (certificate.sha1Signed()) {
            problems.add(m.get("summary.cert.sha1"));
        }
        if (!problems.isEmpty()) {
            fields.add(new Field(m.get("summary.cert.problems"), String.join("; ", problems)));
        }
        out.fields(fields);
        List<String> chain = new ArrayList<>();
        for (int i = 0; i < certificate.chain().size(); i++) {
            CertificateEntry entry = certificate.chain().get(i);
            chain.add("[" + i + "] " + m.get("summary.cert.subject") + ": " + orDash(entry.subject()));
            chain.add("    " + m.get("summary.cert.issuer") + ": " + orDash(entry.issuer()));
            chain.add("    SHA-256: " + orDash(entry.sha256()));
        }
        out.code(chain);
    }

    private void logs() {
        LogsCheck l = summary.logs();
        out.heading(2, null, m.get("summary.section.logs"));
        if (l == null || !l.ran()) {
            out.paragraph(m.get("summary.check.notRun"));
            return;
        }
        out.paragraph(m.get(
                "summary.logs.read", l.files(), l.bytes() / 1_048_576.0, l.lines(), l.sessions(), l.failedSessions()));
        if (!l.skipped().isEmpty()) {
            out.heading(4, null, m.get("summary.logs.skipped"));
            out.list(l.skipped().stream()
                    .map(f -> Item.of(f.path() + ": " + f.reason()))
                    .toList());
        }
        if (l.badLines() > 0) {
            out.paragraph(m.get("summary.logs.badLines", l.badLines()));
            out.code(l.badSamples());
        }
        out.heading(3, null, m.get("summary.logs.reasons"));
        if (l.failuresByReason().isEmpty()) {
            out.paragraph(m.get("summary.logs.noFailures"));
        } else {
            out.list(l.failuresByReason().stream()
                    .map(r -> Item.of(
                            m.get("summary.logs.reason", r.title(), r.code().name(), r.sessions())))
                    .toList());
        }
        out.heading(3, null, m.get("summary.logs.legacy"));
        if (l.legacyPartners().isEmpty()) {
            out.paragraph(m.get("summary.logs.noLegacy"));
        } else {
            remotes(l.legacyPartners());
            if (l.legacyPartnersLeftOut() > 0) {
                out.paragraph(m.get("summary.logs.more", l.legacyPartnersLeftOut()));
            }
        }
        out.heading(3, null, m.get("summary.logs.remotes"));
        if (l.remotes().isEmpty()) {
            out.paragraph(m.get("summary.logs.noRemotes"));
        } else {
            remotes(l.remotes());
            if (l.remotesLeftOut() > 0) {
                out.paragraph(m.get("summary.logs.more", l.remotesLeftOut()));
            }
        }
        Example e = l.example();
        if (e != null) {
            out.heading(
                    3, null, m.get("summary.logs.example", e.title(), e.reason().name()));
            out.fields(List.of(
                    new Field(m.get("summary.logs.example.file"), e.file()),
                    new Field(m.get("summary.logs.example.session"), e.sessionId()),
                    new Field(m.get("summary.logs.example.remote"), orDash(e.remote())),
                    new Field(m.get("summary.logs.example.start"), time(e.start()))));
            out.code(e.transcript());
            if (e.cut()) {
                out.paragraph(m.get("summary.logs.example.cut"));
            }
        }
    }

    private void remotes(List<Remote> remotes) {
        List<List<String>> rows = new ArrayList<>();
        for (Remote r : remotes) {
            String tls = r.tls().isEmpty()
                    ? "–"
                    : r.tls().stream()
                            .map(c -> protocolName(c.protocol()) + ": " + c.sessions())
                            .collect(Collectors.joining(", "));
            rows.add(List.of(
                    r.remote(),
                    m.get("logs.kind." + r.kind().name()),
                    orDash(r.connector()),
                    String.valueOf(r.sessions()),
                    tls,
                    String.valueOf(r.failed()),
                    time(r.first()) + " – " + time(r.last())));
        }
        out.table(
                List.of(
                        m.get("summary.logs.col.remote"),
                        m.get("summary.logs.col.log"),
                        m.get("summary.logs.col.connector"),
                        m.get("summary.logs.col.sessions"),
                        m.get("summary.logs.col.protocols"),
                        m.get("summary.logs.col.failed"),
                        m.get("summary.logs.col.seen")),
                rows);
    }

    private String protocolName(io.tlsdoctor.core.logs.TlsProtocol protocol) {
        return switch (protocol) {
            case SSL3 -> "SSL 3.0";
            case TLS1_0 -> "TLS 1.0";
            case TLS1_1 -> "TLS 1.1";
            case TLS1_2 -> "TLS 1.2";
            case TLS1_3 -> "TLS 1.3";
            case NONE -> m.get("summary.logs.noTls");
        };
    }

    private void changes() {
        out.heading(2, null, m.get("summary.section.changes"));
        if (summary.changes().isEmpty()) {
            out.paragraph(m.get(
                    summary.rehearsals().isEmpty() ? "summary.changes.none" : "summary.changes.noneButRehearsed"));
            return;
        }
        for (Change change : summary.changes()) {
            out.heading(
                    3,
                    new Tag(m.get("summary.outcome." + change.outcome().name()), tone(change.outcome())),
                    orUnknown(change.store()));
            List<Field> fields = new ArrayList<>();
            if (change.backupFolder() != null) {
                fields.add(new Field(m.get("summary.changes.backup"), change.backupFolder()));
            }
            if (change.restoreFile() != null) {
                fields.add(new Field(m.get("summary.changes.restore"), change.restoreFile()));
            }
            if (change.problem() != null) {
                fields.add(new Field(m.get("summary.changes.problem"), change.problem()));
            }
            out.fields(fields);
            List<String> lines = new ArrayList<>();
            for (DiagnosisSummary.ValueChange value : change.values()) {
                lines.add(value.location());
                lines.add("    " + valueText(value.before()) + "  →  " + valueText(value.after()) + "   ["
                        + m.get("summary.valueState." + value.state().name()) + "]");
            }
            if (!lines.isEmpty()) {
                out.code(lines);
            }
        }
    }

    /** Listed apart from the changes, so that nobody reads a rehearsal on a copy as a change to the server. */
    private void rehearsals() {
        if (summary.rehearsals().isEmpty()) {
            return;
        }
        out.heading(2, null, m.get("summary.section.rehearsals"));
        out.paragraph(m.get("summary.rehearsals.intro"));
        for (DiagnosisSummary.Rehearsal rehearsal : summary.rehearsals()) {
            out.heading(3, new Tag(m.get("summary.rehearsals.tag"), Tone.NEUTRAL), orUnknown(rehearsal.copy()));
            List<Field> fields = new ArrayList<>();
            fields.add(new Field(
                    m.get("summary.rehearsals.outcome"),
                    m.get("summary.outcome." + rehearsal.outcome().name())));
            if (rehearsal.problem() != null) {
                fields.add(new Field(m.get("summary.changes.problem"), rehearsal.problem()));
            }
            if (rehearsal.clientAfter() != null || rehearsal.serverAfter() != null) {
                fields.add(new Field(
                        m.get("summary.rehearsals.verified"),
                        m.get(
                                "summary.restart.sides",
                                yesNo(rehearsal.clientAfter()),
                                yesNo(rehearsal.serverAfter()))));
            }
            out.fields(fields);
            List<String> lines = new ArrayList<>();
            for (DiagnosisSummary.ValueChange value : rehearsal.values()) {
                lines.add(value.location());
                lines.add("    " + valueText(value.before()) + "  →  " + valueText(value.after()) + "   ["
                        + m.get("summary.valueState." + value.state().name()) + "]");
            }
            if (!lines.isEmpty()) {
                out.code(lines);
            }
        }
    }

    private String valueText(String value) {
        return value == null ? m.get("summary.value.absent") : value;
    }

    private void restart() {
        Restart r = summary.restart();
        out.heading(2, null, m.get("summary.section.restart"));
        if (r == null) {
            out.paragraph(m.get("summary.restart.notChecked"));
            return;
        }
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(
                m.get("summary.restart.status"),
                m.get("summary.restart." + r.status().name())));
        if (r.scheduledFor() != null) {
            fields.add(new Field(m.get("summary.restart.scheduledFor"), time(r.scheduledFor())));
        }
        if (r.clientBefore() != null || r.serverBefore() != null) {
            fields.add(new Field(
                    m.get("summary.restart.before"),
                    m.get("summary.restart.sides", yesNo(r.clientBefore()), yesNo(r.serverBefore()))));
        }
        if (r.clientAfter() != null || r.serverAfter() != null) {
            fields.add(new Field(
                    m.get("summary.restart.after"),
                    m.get("summary.restart.sides", yesNo(r.clientAfter()), yesNo(r.serverAfter()))));
        }
        out.fields(fields);
    }

    private void nextSteps() {
        out.heading(2, null, m.get("summary.section.nextSteps"));
        if (summary.nextSteps().isEmpty()) {
            out.paragraph(m.get("summary.nextSteps.none"));
        } else {
            out.list(summary.nextSteps().stream().map(Item::of).toList());
        }
    }

    // == Words ==

    private String time(String iso) {
        if (iso == null) {
            return m.get("summary.notKnown");
        }
        try {
            return m.get("summary.time", TIME.format(Instant.parse(iso)));
        } catch (DateTimeParseException e) {
            return iso; // a hand-edited file: show what it says
        }
    }

    private String yesNo(Boolean value) {
        return m.get(value == null ? "summary.unknown" : value ? "summary.yes" : "summary.no");
    }

    private String state(io.tlsdoctor.core.registry.SchannelState state) {
        return state == null ? m.get("summary.registry.notExported") : m.get("summary.schannel." + state.name());
    }

    private String orUnknown(String value) {
        return value == null || value.isBlank() ? m.get("summary.notKnown") : value;
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "–" : value;
    }

    private static String join(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + " " + second;
    }

    private static Tone tone(EvidenceLink.Bearing bearing) {
        return switch (bearing) {
            case SUPPORTS -> Tone.GOOD;
            case CONTRADICTS -> Tone.BAD;
            case CONTEXT -> Tone.NEUTRAL;
        };
    }

    private static Tone tone(FindingStatus status) {
        return switch (status) {
            case PASS -> Tone.GOOD;
            case WARN -> Tone.WARN;
            case FAIL -> Tone.BAD;
            case INFO -> Tone.NEUTRAL;
        };
    }

    private static Tone tone(Severity severity) {
        return switch (severity) {
            case OK -> Tone.GOOD;
            case WARN -> Tone.WARN;
            case FAIL -> Tone.BAD;
            case INFO -> Tone.NEUTRAL;
        };
    }

    private static Tone tone(io.tlsdoctor.core.fix.ApplyResult.Outcome outcome) {
        return switch (outcome) {
            case APPLIED, NOTHING_TO_DO -> Tone.GOOD;
            case BLOCKED, NOT_STARTED, ROLLED_BACK -> Tone.WARN;
            case ROLLBACK_INCOMPLETE -> Tone.BAD;
        };
    }
}
