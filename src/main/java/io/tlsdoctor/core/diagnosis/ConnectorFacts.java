package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.connectors.ConnectorArea;
import io.tlsdoctor.core.connectors.ConnectorFinding;
import io.tlsdoctor.core.connectors.ConnectorReport;
import io.tlsdoctor.core.connectors.FieldEvidence;
import io.tlsdoctor.core.registry.FindingStatus;
import java.util.ArrayList;
import java.util.List;

/** What the connectors check says, as statements with the exact field and value each finding rests on. */
final class ConnectorFacts {

    private final ConnectorReport report;

    ConnectorFacts(ConnectorReport report) {
        this.report = report;
    }

    /** The lookalike the configuration shows: a certificate or a connector; null when nothing failed. */
    Cause cause() {
        return report.problemArea()
                .map(area -> area == ConnectorArea.CERTIFICATE ? Cause.CERTIFICATE : Cause.CONNECTOR)
                .orElse(null);
    }

    /** Something was judged pass or fail (not only "this output was not given"). */
    boolean judged() {
        return report.judgedAnything();
    }

    /** Nothing failed in what was judged. */
    boolean healthy() {
        return judged() && report.failures().isEmpty();
    }

    /** Every failure, worded with its field: "Get-SendConnector 'X' has TlsCertificateName "<I>…<S>…" (send.certificate)". */
    List<Statement> failures() {
        List<Statement> statements = new ArrayList<>();
        for (ConnectorFinding f : report.failures()) {
            statements.add(statement(f));
        }
        return statements;
    }

    /** "N checks of the connectors and certificates passed": what speaks against a certificate or connector cause. */
    Statement passed() {
        long passed = report.findings().stream()
                .filter(f -> f.status() == FindingStatus.PASS)
                .count();
        return Statement.of("diagnosis.connectors.passed", passed);
    }

    Statement source() {
        return Statement.of(
                report.live() ? "diagnosis.connectors.source.live" : "diagnosis.connectors.source.files",
                String.join(
                        ", ",
                        report.sources().stream().map(ConnectorFacts::fileName).toList()));
    }

    private static String fileName(String source) {
        java.nio.file.Path name = java.nio.file.Path.of(source).getFileName();
        return name == null ? source : name.toString();
    }

    private static Statement statement(ConnectorFinding f) {
        if (f.evidence().isEmpty()) {
            return Statement.of("diagnosis.connectors.failed.plain", f.subject(), f.id() + "/" + f.variant());
        }
        FieldEvidence e = f.evidence().get(0);
        return Statement.of(
                "diagnosis.connectors.failed", e.object(), e.field(), e.value(), f.id() + "/" + f.variant());
    }
}
