package io.tlsdoctor.core.report;

import io.tlsdoctor.core.fix.FixPlan;
import io.tlsdoctor.core.fix.PlannedChange;
import io.tlsdoctor.core.fleet.Cell;
import io.tlsdoctor.core.fleet.Difference;
import io.tlsdoctor.core.fleet.FileProblem;
import io.tlsdoctor.core.fleet.FleetCheck;
import io.tlsdoctor.core.fleet.FleetReport;
import io.tlsdoctor.core.fleet.ServerRow;
import io.tlsdoctor.core.text.LocalizedText;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.core.text.Version;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Words a {@link FleetReport} in one language, from the message bundles' {@code fleet.*} templates. */
final class FleetSummaryBuilder {

    /** Names listed in one sentence before "and N more": the table has them all. */
    static final int NAMES_IN_A_SENTENCE = 8;

    private FleetSummaryBuilder() {}

    static FleetSummary build(FleetReport report, Messages m, Clock clock) {
        List<String> columns = new ArrayList<>(
                List.of(m.get("fleet.column.server"), m.get("fleet.column.outbound"), m.get("fleet.column.inbound")));
        for (FleetCheck check : FleetCheck.values()) {
            columns.add(m.get("fleet.check." + check));
        }
        List<FleetSummary.Row> rows = new ArrayList<>();
        List<FleetSummary.Fix> fixes = new ArrayList<>();
        for (ServerRow row : report.rows()) {
            List<String> cells = new ArrayList<>(List.of(verdict(row.outbound(), m), verdict(row.inbound(), m)));
            List<FleetSummary.Tone> tones = new ArrayList<>(List.of(tone(row.outbound()), tone(row.inbound())));
            for (Cell cell : row.cells()) {
                cells.add(value(cell, m));
                tones.add(FleetSummary.Tone.valueOf(cell.state().name()));
            }
            rows.add(new FleetSummary.Row(
                    row.server(),
                    row.source(),
                    row.collectedAt() == null
                            ? ""
                            : row.collectedAt().truncatedTo(ChronoUnit.SECONDS).toString(),
                    cells,
                    tones));
            if (row.plan() != null) {
                fixes.add(fix(row.server(), row.plan(), m));
            }
        }
        List<String> differences = new ArrayList<>();
        for (Difference difference : report.differences()) {
            differences.addAll(sentences(difference, m));
        }
        String agreed = report.agreed().isEmpty()
                ? ""
                : m.get(
                        "fleet.agreed",
                        String.join(
                                ", ",
                                report.agreed().stream()
                                        .map(check -> m.get("fleet.check." + check))
                                        .toList()));
        List<FleetSummary.Problem> problems = new ArrayList<>();
        for (FileProblem problem : report.problems()) {
            problems.add(new FleetSummary.Problem(
                    problem.file(), m.get(problem.messageKey(), problem.args().toArray())));
        }
        return new FleetSummary(
                FleetSummary.SCHEMA,
                m.locale().getLanguage(),
                m.get("fleet.title", report.rows().size()),
                clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(),
                Version.current(),
                false,
                report.rows().size(),
                (int) report.brokenServers(),
                columns,
                rows,
                differences,
                agreed,
                fixes,
                problems);
    }

    static String value(Cell cell, Messages m) {
        return m.get(cell.valueKey(), cell.args().toArray());
    }

    private static String verdict(Boolean ready, Messages m) {
        return m.get(ready == null ? "fleet.verdict.unknown" : ready ? "fleet.verdict.ready" : "fleet.verdict.broken");
    }

    private static FleetSummary.Tone tone(Boolean ready) {
        return ready == null ? FleetSummary.Tone.UNKNOWN : ready ? FleetSummary.Tone.GOOD : FleetSummary.Tone.BAD;
    }

    /**
     * An outlier: one sentence per odd group, naming its servers, with what it means when the odd value is the bad
     * one. A split: one sentence with every group, and no culprit.
     */
    static List<String> sentences(Difference difference, Messages m) {
        FleetCheck check = difference.check();
        List<String> out = new ArrayList<>();
        if (difference.kind() == Difference.Kind.SPLIT) {
            List<String> groups = new ArrayList<>();
            for (Difference.Group group : difference.groups()) {
                groups.add(m.get("fleet.split.group", value(group.value(), m), names(group.servers(), m)));
            }
            out.add(m.get("fleet.split", m.get("fleet.check." + check), String.join("; ", groups)));
            return out;
        }
        Difference.Group majority = difference.majority();
        for (Difference.Group odd : difference.minorities()) {
            boolean one = odd.servers().size() == 1;
            String whose = m.get("fleet.whose." + check, value(odd.value(), m));
            String consequenceKey = "fleet.consequence." + check + (one ? ".one" : ".many");
            boolean worse =
                    odd.value().state().ordinal() > majority.value().state().ordinal()
                            && odd.value().state() != Cell.State.UNKNOWN;
            if (worse && m.has(consequenceKey)) {
                out.add(m.get(
                        one ? "fleet.outlier.one.because" : "fleet.outlier.some.because",
                        names(odd.servers(), m),
                        whose,
                        m.get(consequenceKey)));
            } else {
                out.add(m.get(
                        one ? "fleet.outlier.one" : "fleet.outlier.some",
                        names(odd.servers(), m),
                        whose,
                        majority.servers().size(),
                        value(majority.value(), m)));
            }
        }
        return out;
    }

    /** {@code EX01}, {@code EX01 and EX02}, {@code EX01, EX02 and EX03}, {@code EX01, …, EX08 and 12 more}. */
    static String names(List<String> servers, Messages m) {
        if (servers.size() == 1) {
            return servers.get(0);
        }
        if (servers.size() > NAMES_IN_A_SENTENCE) {
            return m.get(
                    "fleet.names.more",
                    String.join(", ", servers.subList(0, NAMES_IN_A_SENTENCE)),
                    servers.size() - NAMES_IN_A_SENTENCE);
        }
        return m.get(
                "fleet.names.and",
                String.join(", ", servers.subList(0, servers.size() - 1)),
                servers.get(servers.size() - 1));
    }

    private static FleetSummary.Fix fix(String server, FixPlan plan, Messages m) {
        Locale locale = m.locale();
        List<String> changes = new ArrayList<>();
        for (PlannedChange change : plan.changes()) {
            String before = change.current() != null
                    ? change.current().display()
                    : m.get(change.currentKnown() ? "fleet.fix.absent" : "fleet.fix.notExported");
            changes.add(m.get(
                    "fleet.fix.change",
                    change.location().toString(),
                    before,
                    change.target().display(),
                    change.why().in(locale)));
        }
        List<String> blockers =
                plan.blockers().stream().map(text -> text.in(locale)).toList();
        List<String> notes = plan.notes().stream()
                .map((LocalizedText text) -> text.in(locale))
                .toList();
        return new FleetSummary.Fix(server, changes, blockers, notes);
    }
}
