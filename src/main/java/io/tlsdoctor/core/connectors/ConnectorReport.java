package io.tlsdoctor.core.connectors;

import io.tlsdoctor.core.registry.FindingStatus;
import java.util.List;
import java.util.Optional;

/** The judgement of one {@link ConnectorSnapshot}: its findings, worst first within the order a reader follows. */
public record ConnectorReport(
        boolean live, List<String> sources, List<ConnectorFinding> findings, List<ReadNote> notes) {

    public ConnectorReport {
        sources = List.copyOf(sources);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    public List<ConnectorFinding> failures() {
        return findings.stream().filter(f -> f.status() == FindingStatus.FAIL).toList();
    }

    public List<ConnectorFinding> warnings() {
        return findings.stream().filter(f -> f.status() == FindingStatus.WARN).toList();
    }

    /**
     * The area of the problem to fix first: a certificate failure comes first, because a connector naming a missing
     * certificate is fixed by fixing the certificate. Empty when nothing failed.
     */
    public Optional<ConnectorArea> problemArea() {
        if (failures().stream().anyMatch(f -> f.area() == ConnectorArea.CERTIFICATE)) {
            return Optional.of(ConnectorArea.CERTIFICATE);
        }
        return failures().isEmpty() ? Optional.empty() : Optional.of(ConnectorArea.CONNECTOR);
    }

    /** Something was judged pass or fail, not only "not given". */
    public boolean judgedAnything() {
        return findings.stream().anyMatch(f -> f.status() != FindingStatus.INFO);
    }

    public Optional<ConnectorFinding> finding(String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst();
    }
}
