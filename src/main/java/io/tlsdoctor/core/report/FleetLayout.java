package io.tlsdoctor.core.report;

import io.tlsdoctor.core.report.DocumentSink.Item;
import io.tlsdoctor.core.report.DocumentSink.Tag;
import io.tlsdoctor.core.report.DocumentSink.Tone;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * What a fleet summary says and in which order, for every format: the bottom line (how many servers cannot use
 * TLS 1.2), what differs in words, the table of servers by checks, the fix per server, and the files not compared.
 * Headings come from the summary's own language.
 */
final class FleetLayout {

    private FleetLayout() {}

    static String render(FleetSummary summary, DocumentSink out) {
        Messages m = Messages.forLocale(Languages.parse(summary.language()));
        out.begin(summary.language(), summary.title());
        if (summary.redacted()) {
            out.notice(m.get("summary.redactedNotice"));
        }
        out.fields(List.of(
                new DocumentSink.Field(m.get("fleet.field.created"), summary.createdAt()),
                new DocumentSink.Field(m.get("fleet.field.servers"), String.valueOf(summary.servers()))));
        out.heading(2, bottomTag(summary, m), m.get("fleet.heading.bottomLine"));
        out.paragraph(summary.bottomLine(m));
        out.heading(2, null, m.get("fleet.heading.differences"));
        if (summary.differences().isEmpty()) {
            out.paragraph(m.get(summary.servers() > 1 ? "fleet.differences.none" : "fleet.differences.single"));
        } else {
            out.list(summary.differences().stream().map(Item::of).toList());
        }
        if (!summary.agreed().isEmpty()) {
            out.paragraph(summary.agreed());
        }
        out.heading(2, null, m.get("fleet.heading.table"));
        List<List<String>> rows = new ArrayList<>();
        for (FleetSummary.Row row : summary.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(row.server());
            cells.addAll(row.cells());
            rows.add(cells);
        }
        out.table(summary.columns(), rows);
        out.heading(2, null, m.get("fleet.heading.fixes"));
        if (summary.fixes().isEmpty()) {
            out.paragraph(m.get("fleet.fixes.none"));
        }
        for (FleetSummary.Fix fix : summary.fixes()) {
            out.heading(
                    3,
                    new Tag(
                            m.get(fix.blockers().isEmpty() ? "fleet.fix.tag.change" : "fleet.fix.tag.update"),
                            fix.blockers().isEmpty() ? Tone.WARN : Tone.BAD),
                    fix.server());
            out.list(fix.blockers().stream().map(Item::of).toList());
            out.code(fix.changes());
            out.list(fix.notes().stream().map(Item::of).toList());
        }
        if (!summary.problems().isEmpty()) {
            out.heading(
                    2, new Tag(String.valueOf(summary.problems().size()), Tone.WARN), m.get("fleet.heading.problems"));
            out.list(summary.problems().stream().map(p -> Item.of(p.message())).toList());
        }
        return out.finish(m.get(
                "summary.footer", summary.toolVersion() == null ? "" : summary.toolVersion(), FleetSummary.SCHEMA));
    }

    private static Tag bottomTag(FleetSummary summary, Messages m) {
        return summary.brokenServers() == 0
                ? new Tag(m.get("fleet.tag.ok"), Tone.GOOD)
                : new Tag(m.get("fleet.tag.problem"), Tone.BAD);
    }
}
