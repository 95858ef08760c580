package io.tlsdoctor.core.logs;

import io.tlsdoctor.core.evidence.SymptomCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The result of reading a set of protocol logs.
 *
 * @param files           log files analysed
 * @param skippedFiles    files looked at and not analysed (not logs, unreadable), with the reason
 * @param lines           lines read in the analysed files (headers and blank lines included)
 * @param badLines        lines that are not readable rows; {@code badSamples} shows the first few
 * @param symptoms        rows matched per recogniser code (every code present, zeros included)
 * @param failuresPerHour failed sessions per UTC hour (start of the hour → count)
 * @param remotes         every remote address and direction, most failures first, then most sessions, then by address
 *                        (from the analyzer a {@link RemoteTable}, which makes each entry when it is read)
 * @param examples        one example session per failure reason
 */
public record LogAnalysis(
        int files,
        long bytes,
        List<SkippedFile> skippedFiles,
        long lines,
        long badLines,
        List<BadLine> badSamples,
        long sessions,
        Map<SymptomCode, Long> symptoms,
        List<RemoteSummary> remotes,
        SortedMap<Instant, Long> failuresPerHour,
        List<FailureExample> examples) {

    public LogAnalysis {
        skippedFiles = List.copyOf(skippedFiles);
        badSamples = List.copyOf(badSamples);
        // The analyzer's table is read-only and makes each summary when asked: copying it would make them all.
        remotes = remotes instanceof RemoteTable ? remotes : List.copyOf(remotes);
        examples = List.copyOf(examples);
    }

    /**
     * The rows that show the TLS 1.0/1.1 symptom itself. The one list the logs step and the diagnosis both use, so
     * the step can never call "another cause" what the diagnosis counts as the symptom.
     */
    public static final Set<SymptomCode> TLS_FAILURES = Set.of(
            SymptomCode.PROTOCOL_LOG_TLS_NEGOTIATION_FAILED,
            SymptomCode.PROTOCOL_LOG_451_STARTTLS_REQUIRED,
            SymptomCode.EXO_TO_ONPREM_TLS_FAILURE);

    /** Rows showing the TLS 1.0/1.1 symptom, of every kind in {@link #TLS_FAILURES}. */
    public long tlsFailureRows() {
        return TLS_FAILURES.stream()
                .mapToLong(code -> symptoms.getOrDefault(code, 0L))
                .sum();
    }

    /** Partners still on TLS 1.0/1.1: who to talk to before those versions are switched off. */
    public List<RemoteSummary> legacyPartners() {
        if (remotes instanceof RemoteTable table) {
            return table.legacyPartners();
        }
        return remotes.stream().filter(RemoteSummary::usesLegacyTls).toList();
    }

    public long failedSessions() {
        return failuresPerHour.values().stream().mapToLong(Long::longValue).sum();
    }
}
