package io.tlsdoctor.cli;

import io.tlsdoctor.core.diagnosis.CaseCollector;
import io.tlsdoctor.core.diagnosis.CaseFile;
import io.tlsdoctor.core.diagnosis.CheckKind;
import io.tlsdoctor.core.diagnosis.CheckPlan;
import io.tlsdoctor.core.diagnosis.Conclusion;
import io.tlsdoctor.core.diagnosis.EvidenceLink;
import io.tlsdoctor.core.diagnosis.PlannedCheck;
import io.tlsdoctor.core.diagnosis.Provenance;
import io.tlsdoctor.core.diagnosis.SkippedCheck;
import io.tlsdoctor.core.diagnosis.Statement;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.text.Messages;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The diagnosis as text on the console: while it runs, each check's sentence before it and what it found after
 * (so a log of the run reads like the wizard); at the end the conclusion with its evidence and next steps.
 */
final class DiagnosisText {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Messages m;
    private final PrintWriter out;
    private final SymptomCatalog catalog;

    DiagnosisText(Messages m, PrintWriter out, SymptomCatalog catalog) {
        this.m = m;
        this.out = out;
        this.catalog = catalog;
    }

    String text(Statement statement) {
        return m.get(statement.key(), Shown.args(statement.argArray()));
    }

    /** Prints the run as it happens. */
    CaseCollector.Listener progress() {
        return new CaseCollector.Listener() {
            private CheckPlan plan;

            @Override
            public void planned(CheckPlan checks) {
                plan = checks;
                if (checks.symptom() == null) {
                    out.println(m.get("cli.diagnose.heading.none"));
                } else {
                    out.println(m.get(
                            "cli.diagnose.heading",
                            catalog.symptom(checks.symptom()).title().in(m.locale()),
                            checks.symptom()));
                }
                out.println(m.get("cli.diagnose.direction", m.get("direction." + checks.direction())));
                out.println();
                out.flush();
            }

            @Override
            public void starting(PlannedCheck check) {
                out.println(step(check) + text(check.announcement()));
                out.flush();
            }

            @Override
            public void finished(CheckKind kind, List<Statement> found) {
                for (Statement statement : found) {
                    out.println("      → " + text(statement));
                }
                out.println();
                out.flush();
            }

            @Override
            public void notRun(PlannedCheck check, Statement why) {
                out.println(step(check) + text(check.announcement()));
                out.println("      " + m.get("cli.diagnose.notRun", text(why)));
                out.println();
                out.flush();
            }

            private String step(PlannedCheck check) {
                String number = String.format(
                        java.util.Locale.ROOT,
                        "[%d/%d] ",
                        plan.checks().indexOf(check) + 1,
                        plan.checks().size());
                // Reading the evidence is where every path starts; the label matters for the checks that follow.
                return check.kind() == CheckKind.SYMPTOM
                        ? number
                        : number + "(" + m.get("cli.diagnose.need." + check.need()) + ") ";
            }
        };
    }

    /** The conclusion, the evidence with a mark per bearing, the next steps, and where the checks ran. */
    void conclusion(CaseFile caseFile, CheckPlan plan, Conclusion conclusion) {
        if (!plan.skipped().isEmpty()) {
            out.println(m.get("cli.diagnose.skipped"));
            for (SkippedCheck skipped : plan.skipped()) {
                out.println("  - " + text(skipped.reason()));
            }
            out.println();
        }
        out.println("== " + m.get("cli.diagnose.conclusion") + " ==");
        out.println(m.get("diagnosis.cause." + conclusion.cause() + ".title"));
        out.println(m.get("cli.diagnose.confidence", m.get("diagnosis.confidence." + conclusion.confidence())));
        out.println();
        out.println(m.get("diagnosis.cause." + conclusion.cause() + ".explanation"));
        out.println();
        out.println(m.get("cli.diagnose.evidence"));
        for (EvidenceLink link : conclusion.chain()) {
            out.println("  " + mark(link.bearing()) + " " + text(link.text()) + "  ("
                    + m.get("cli.diagnose.source." + link.source()) + ")");
        }
        out.println("  " + m.get("cli.diagnose.legend"));
        out.println();
        out.println(m.get("cli.diagnose.next"));
        int n = 1;
        for (Statement step : conclusion.nextSteps()) {
            out.println("  " + n++ + ". " + text(step));
        }
        Provenance provenance = caseFile.provenance();
        if (provenance != null) {
            out.println();
            out.println(m.get(
                    "cli.diagnose.provenance." + provenance.mode(),
                    provenance.computerName(),
                    provenance.userName(),
                    WHEN.format(provenance.when()),
                    provenance.toolVersion()));
        }
    }

    private static String mark(EvidenceLink.Bearing bearing) {
        return switch (bearing) {
            case SUPPORTS -> "[+]";
            case CONTRADICTS -> "[!]";
            case CONTEXT -> "[i]";
        };
    }
}
