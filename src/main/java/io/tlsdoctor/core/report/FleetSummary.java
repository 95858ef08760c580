package io.tlsdoctor.core.report;

import io.tlsdoctor.core.fleet.FleetReport;
import io.tlsdoctor.core.text.Messages;
import java.time.Clock;
import java.util.List;

/**
 * The comparison of many servers worded in one language, ready to render (HTML, Markdown, text) or to save as JSON:
 * every text a reader sees is a string here, so redaction ({@link #redact()}) reaches each of them, the outlier
 * sentences and the fix plans included. The one-server {@link DiagnosisSummary} stays as it is.
 *
 * @param columns     the table's headings: server, the two directions, then one per check
 * @param differences what differs between the servers, in words, most important check first
 * @param agreed      the checks on which every server agrees, in one sentence (empty when there is no such check)
 * @param fixes       the fix plan of each server that needs one, in server order
 * @param problems    the files that were not compared, each with the way out
 */
public record FleetSummary(
        String schema,
        String language,
        String title,
        String createdAt,
        String toolVersion,
        boolean redacted,
        int servers,
        int brokenServers,
        List<String> columns,
        List<Row> rows,
        List<String> differences,
        String agreed,
        List<Fix> fixes,
        List<Problem> problems) {

    public static final String SCHEMA = "tlsdoctor.fleet-summary/1";

    /** How a cell reads at a glance; the words carry the meaning, the tone only colours it. */
    public enum Tone {
        GOOD,
        WARN,
        BAD,
        UNKNOWN
    }

    /** One server's line: the directions' verdicts, then one cell per check, each with its tone. */
    public record Row(String server, String source, String collectedAt, List<String> cells, List<Tone> tones) {
        public Row {
            cells = List.copyOf(cells);
            tones = List.copyOf(tones);
        }
    }

    /** What to change on one server, from the fix planner: each change as one line, or what must come first. */
    public record Fix(String server, List<String> changes, List<String> blockers, List<String> notes) {
        public Fix {
            changes = List.copyOf(changes);
            blockers = List.copyOf(blockers);
            notes = List.copyOf(notes);
        }
    }

    /** A file or folder not compared, and the way out. */
    public record Problem(String file, String message) {}

    public FleetSummary {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        differences = List.copyOf(differences);
        fixes = List.copyOf(fixes);
        problems = List.copyOf(problems);
    }

    /** The comparison in the user's language. */
    public static FleetSummary of(FleetReport report, Messages messages, Clock clock) {
        return FleetSummaryBuilder.build(report, messages, clock);
    }

    /**
     * The same summary with every server name, host, domain, address and user replaced by a placeholder, the same
     * one wherever the name appears (table, sentences, fix plans, file names).
     */
    public FleetSummary redact() {
        return Redactor.redact(this);
    }

    FleetSummary markedRedacted() {
        return new FleetSummary(
                schema,
                language,
                title,
                createdAt,
                toolVersion,
                true,
                servers,
                brokenServers,
                columns,
                rows,
                differences,
                agreed,
                fixes,
                problems);
    }

    /** The bottom line in words: none, some or all of the servers broken ("the others" only where there are others). */
    public String bottomLine(Messages m) {
        if (brokenServers == 0) {
            return m.get("fleet.bottomLine.none", servers);
        }
        return brokenServers >= servers
                ? m.get("fleet.bottomLine.all", servers)
                : m.get("fleet.bottomLine.some", brokenServers, servers);
    }
}
