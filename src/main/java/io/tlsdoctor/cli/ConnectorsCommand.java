package io.tlsdoctor.cli;

import io.tlsdoctor.core.connectors.ConnectorEvaluator;
import io.tlsdoctor.core.connectors.ConnectorFinding;
import io.tlsdoctor.core.connectors.ConnectorInputException;
import io.tlsdoctor.core.connectors.ConnectorReport;
import io.tlsdoctor.core.connectors.ConnectorRules;
import io.tlsdoctor.core.connectors.ConnectorSnapshot;
import io.tlsdoctor.core.connectors.ConnectorSource;
import io.tlsdoctor.core.connectors.ConnectorSources;
import io.tlsdoctor.core.connectors.FieldEvidence;
import io.tlsdoctor.core.connectors.ReadNote;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.registry.FindingStatus;
import io.tlsdoctor.core.text.IoProblem;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.platform.exchange.PlatformConnectorSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tlsdoctor connectors}: reads Exchange's connectors and certificates (saved cmdlet output anywhere, or live
 * through the Exchange Management Shell on Windows) and says which connector carries mail to and from Exchange Online,
 * the certificate it presents and whether Exchange Online will accept it, with the commands that would fix it.
 */
@Command(name = "connectors", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
public final class ConnectorsCommand implements Callable<Integer> {

    private static final java.util.logging.Logger LOG = io.tlsdoctor.core.text.EventLog.of(ConnectorsCommand.class);

    public static final String JSON_SCHEMA = "tlsdoctor.connectors/1";

    private final CliContext context;

    @Parameters(paramLabel = "FILE", arity = "0..*", descriptionKey = "cli.connectors.files")
    List<Path> files = new ArrayList<>();

    @Option(names = "--server", paramLabel = "SERVER", descriptionKey = "cli.connectors.option.server")
    String server;

    @Option(names = "--json", descriptionKey = "cli.connectors.option.json")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE.txt|.json", descriptionKey = "cli.connectors.option.out")
    Path out;

    @Option(names = "--force", descriptionKey = "cli.option.force")
    boolean force;

    public ConnectorsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Messages m = context.messages();
        ConnectorSource source;
        try {
            source = new PlatformConnectorSources()
                    .choose(files, server)
                    .orElseThrow(() -> new UsageException(howToExport(m)));
        } catch (ConnectorSources.BothGiven e) {
            throw new UsageException(m.get("cli.connectors.error.filesAndServer"));
        }
        if (out != null) {
            OutputFile.check(m, out, "--out", force, files, List.of(json ? ".json" : ".txt"));
        }
        ConnectorSnapshot snapshot;
        try {
            snapshot = source.collect();
        } catch (ConnectorInputException e) {
            if (server != null) {
                // live reading that could not be done here: not a verdict on the connectors
                context.err().println(m.get(e.messageKey(), Shown.args(e.args())));
                context.err().println(howToExport(m));
                return ExitCodes.INCONCLUSIVE;
            }
            throw new UsageException(m.get(e.messageKey(), Shown.args(e.args())));
        }
        ConnectorReport report = new ConnectorEvaluator().evaluate(snapshot, Instant.now());
        String rendered;
        if (json) {
            rendered = Json.prettyAscii(toJson(report, m));
        } else {
            StringWriter text = new StringWriter();
            PrintWriter writer = new PrintWriter(text);
            printText(report, m, writer);
            writer.flush();
            rendered = text.toString();
        }
        if (out == null) {
            context.out().print(rendered.endsWith("\n") ? rendered : rendered + System.lineSeparator());
        } else {
            try {
                Files.writeString(out, rendered, StandardCharsets.UTF_8);
            } catch (IOException e) {
                LOG.log(java.util.logging.Level.WARNING, e, () -> "could not write " + out);
                throw new UsageException(m.get(
                        "cli.connectors.error.write",
                        Shown.args(IoProblem.argsFor(out, e).toArray())));
            }
            context.out().println(m.get("cli.connectors.written", Shown.field(out.toAbsolutePath())));
        }
        context.out().flush();
        return report.judgedAnything() ? ExitCodes.OK : ExitCodes.INCONCLUSIVE;
    }

    /** With nothing to read: the commands that save what this check reads, and how to check the files here. */
    static String howToExport(Messages m) {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder(m.get("cli.connectors.noInput.intro")).append(nl);
        ConnectorRules.get()
                .onPremisesExports()
                .forEach(command -> text.append("  ").append(command).append(nl));
        text.append(m.get("cli.connectors.noInput.exo")).append(nl);
        ConnectorRules.get()
                .exchangeOnlineExports()
                .forEach(command -> text.append("  ").append(command).append(nl));
        text.append(m.get("cli.connectors.noInput.then"))
                .append(nl)
                .append(
                        "  tlsdoctor connectors send-connectors.xml "
                                + "receive-connectors.xml certificates.json hybrid-configuration.xml exo-inbound-connectors.xml exo-outbound-connectors.xml");
        text.append(nl).append(m.get("cli.connectors.noInput.live"));
        return text.toString();
    }

    // --- text ------------------------------------------------------------------------------------------------------

    static void printText(ConnectorReport report, Messages m, PrintWriter out) {
        Locale locale = m.locale();
        String from =
                String.join(", ", report.sources().stream().map(Shown::field).toList());
        out.println(m.get(report.live() ? "cli.connectors.heading.live" : "cli.connectors.heading.files", from));
        out.println(bottomLine(report, m));
        for (ReadNote note : report.notes()) {
            out.println("  "
                    + m.get(
                            "cli.connectors.note",
                            m.get(note.key(), Shown.args(note.args().toArray()))));
        }
        out.println();
        for (ConnectorFinding f : report.findings()) {
            String status = m.get("cli.connectors.status." + f.status());
            out.println(String.format(
                    Locale.ROOT,
                    "  %-8s %s: %s  (%s)",
                    "[" + status + "]",
                    f.title().in(locale),
                    Shown.field(f.subject()),
                    f.id()));
            if (f.status() == FindingStatus.PASS) {
                continue;
            }
            out.println("           " + Shown.field(f.detail().in(locale)));
            for (FieldEvidence e : f.evidence()) {
                out.println("           "
                        + m.get(
                                "cli.connectors.evidence",
                                Shown.field(e.object()),
                                Shown.field(e.field()),
                                Shown.field(e.value())));
            }
            if (f.advice() != null) {
                out.println("           "
                        + m.get("cli.connectors.advice", Shown.field(f.advice().in(locale))));
            }
            if (!f.commands().isEmpty()) {
                out.println("           " + m.get("cli.connectors.commands"));
                f.commands().forEach(command -> out.println("             " + Shown.field(command)));
            }
        }
    }

    static String bottomLine(ConnectorReport report, Messages m) {
        int failures = report.failures().size();
        if (report.problemArea().isPresent()) {
            return m.get(
                    "cli.connectors.bottom." + report.problemArea().get(),
                    failures,
                    report.warnings().size());
        }
        if (!report.judgedAnything()) {
            return m.get("cli.connectors.bottom.nothing");
        }
        return m.get(
                report.warnings().isEmpty() ? "cli.connectors.bottom.healthy" : "cli.connectors.bottom.warnings",
                report.warnings().size());
    }

    // --- JSON ------------------------------------------------------------------------------------------------------

    static Map<String, Object> toJson(ConnectorReport report, Messages m) {
        Locale locale = m.locale();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", JSON_SCHEMA);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("origin", report.live() ? "live" : "files");
        source.put("from", report.sources());
        root.put("source", source);
        Map<String, Object> bottom = new LinkedHashMap<>();
        bottom.put("problem", report.problemArea().map(Enum::name).orElse(null));
        bottom.put("failures", report.failures().size());
        bottom.put("warnings", report.warnings().size());
        bottom.put("text", bottomLine(report, m));
        root.put("bottomLine", bottom);
        List<Object> notes = new ArrayList<>();
        for (ReadNote note : report.notes()) {
            notes.add(Map.of(
                    "key", note.key(), "text", m.get(note.key(), note.args().toArray())));
        }
        root.put("notes", notes);
        List<Object> findings = new ArrayList<>();
        for (ConnectorFinding f : report.findings()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", f.id());
            item.put("variant", f.variant());
            item.put("status", f.status().name());
            item.put("area", f.area().name());
            item.put("subject", f.subject());
            item.put("title", f.title().in(locale));
            item.put("detail", f.detail().in(locale));
            List<Object> evidence = new ArrayList<>();
            for (FieldEvidence e : f.evidence()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("object", e.object());
                entry.put("field", e.field());
                entry.put("value", e.value());
                evidence.add(entry);
            }
            item.put("evidence", evidence);
            item.put("advice", f.advice() == null ? null : f.advice().in(locale));
            item.put("commands", f.commands());
            findings.add(item);
        }
        root.put("findings", findings);
        return root;
    }
}
