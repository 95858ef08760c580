package io.tlsdoctor.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tlsdoctor.core.evidence.Detection;
import io.tlsdoctor.core.evidence.EvidenceFiles;
import io.tlsdoctor.core.evidence.EvidenceInputException;
import io.tlsdoctor.core.evidence.EvidenceRecognizer;
import io.tlsdoctor.core.evidence.EvidenceText;
import io.tlsdoctor.core.evidence.MailRoute;
import io.tlsdoctor.core.evidence.Recognition;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.text.Messages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tlsdoctor classify [FILE|-] [--json]}: what is this error, and what do I check next? */
@Command(name = "classify", sortOptions = false, mixinStandardHelpOptions = true)
final class ClassifyCommand implements Callable<Integer> {

    static final String SCHEMA = "tlsdoctor.classify/1";

    private final CliContext context;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", descriptionKey = "cli.classify.file")
    String file;

    @Option(names = "--json", descriptionKey = "cli.classify.json")
    boolean json;

    ClassifyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Messages messages = context.messages();
        EvidenceText evidence;
        String name;
        try {
            if (file == null || file.equals("-")) {
                if (file == null && context.stdin() == System.in && System.console() != null) {
                    throw new UsageException(messages.get("cli.classify.noInput"));
                }
                evidence = EvidenceFiles.read(context.stdin());
                name = messages.get("cli.classify.stdin");
            } else {
                evidence = EvidenceFiles.read(Path.of(file));
                name = Shown.field(file);
            }
        } catch (EvidenceInputException e) {
            throw new UsageException(messages.get(e.messageKey(), Shown.args(e.args())));
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException(messages.get("evidence.error.missing", Shown.field(file)));
        }
        EvidenceRecognizer recognizer = new EvidenceRecognizer(SymptomCatalog.load());
        Recognition recognition = recognizer.recognize(evidence);
        if (json) {
            context.out().println(Json.prettyAscii(toJson(recognition, recognizer.catalog(), messages.locale())));
        } else {
            printText(name, recognition, recognizer.catalog(), messages, context.out());
        }
        return ExitCodes.OK;
    }

    // == text ==

    private static void printText(
            String name, Recognition recognition, SymptomCatalog catalog, Messages m, PrintWriter out) {
        Locale locale = m.locale();
        out.println(m.get(
                "cli.classify.header",
                name,
                recognition.lineCount(),
                recognition.source().encoding()));
        if (recognition.source().email()) {
            out.println(m.get("cli.classify.header.email"));
        }
        out.println();
        if (recognition.isEmpty()) {
            out.println(m.get("cli.classify.nothing"));
            return;
        }
        MailRoute route = recognition.route();
        if (route.generatingServer() != null) {
            out.println(m.get("cli.classify.generator") + " " + route.generatingServer() + " ("
                    + m.get("route.party." + route.generatedBy()) + ")");
        }
        if (route.remoteHost() != null) {
            out.println(m.get("cli.classify.remote") + " " + route.remoteHost() + " ("
                    + m.get("route.party." + route.remote()) + ")");
        }
        if (route.notYourServer()) {
            out.println(m.get("diagnosis.notYourServer.route", route.remoteHost(), route.generatingServer()));
        }
        if (route.known()) {
            out.println();
        }
        out.println(m.get("cli.classify.count", recognition.detections().size()));
        for (Detection d : recognition.detections()) {
            SymptomCatalog.Symptom symptom = catalog.symptom(d.code());
            out.println();
            out.printf(
                    "* [%s] %s (%s)%n",
                    m.get("category." + d.category()), symptom.title().in(locale), d.code());
            row(
                    out,
                    m.get("cli.classify.direction"),
                    m.get("direction." + d.direction()) + ". " + m.get("direction.detail." + d.direction()));
            row(out, m.get("cli.classify.confidence"), Math.round(d.confidence() * 100) + " %");
            String lines = d.lines().stream().limit(20).map(String::valueOf).collect(Collectors.joining(", "))
                    + (d.lines().size() > 20 ? ", …" : "")
                    + (d.occurrences() > 1 ? " " + m.get("cli.classify.occurrences", d.occurrences()) : "");
            row(out, m.get("cli.classify.lines"), lines);
            row(out, m.get("cli.classify.evidence"), Shown.field(d.excerpt()));
            row(out, m.get("cli.classify.meaning"), symptom.explanation(d.direction(), locale));
        }
        out.println();
        out.println(m.get("cli.classify.next"));
        int n = 1;
        for (String check : recognition.nextChecks(catalog)) {
            out.printf("  %d. %s%n", n++, catalog.checkText(check, locale));
        }
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("    %-12s %s%n", label, value);
    }

    // == JSON ==

    static ClassifyJson toJson(Recognition recognition, SymptomCatalog catalog, Locale locale) {
        List<DetectionJson> detections = new ArrayList<>();
        for (Detection d : recognition.detections()) {
            SymptomCatalog.Symptom symptom = catalog.symptom(d.code());
            detections.add(new DetectionJson(
                    d.code().name(),
                    d.category().name(),
                    d.direction().name(),
                    Math.round(d.confidence() * 100) / 100.0,
                    d.lines(),
                    d.occurrences(),
                    d.excerpt(),
                    symptom.title().in(locale),
                    symptom.explanation(d.direction(), locale),
                    catalog.nextChecks(d.code(), d.direction())));
        }
        MailRoute route = recognition.route();
        RouteJson routeJson = route.known()
                ? new RouteJson(
                        route.generatingServer(),
                        route.generatedBy().name(),
                        route.remoteHost(),
                        route.remote().name(),
                        route.notYourServer())
                : null;
        return new ClassifyJson(SCHEMA, routeJson, detections);
    }

    /** Null {@code route}: the evidence is not a report that names who wrote it or who refused. */
    @JsonPropertyOrder({"schema", "route", "detections"})
    record ClassifyJson(String schema, RouteJson route, List<DetectionJson> detections) {}

    /** Who wrote the report and who refused; {@code notYourServer}: Exchange Online could not reach another organisation. */
    @JsonPropertyOrder({"generatingServer", "generatedBy", "remoteHost", "remote", "notYourServer"})
    record RouteJson(
            String generatingServer, String generatedBy, String remoteHost, String remote, boolean notYourServer) {}

    @JsonPropertyOrder({
        "code",
        "category",
        "direction",
        "confidence",
        "lines",
        "occurrences",
        "excerpt",
        "title",
        "explanation",
        "nextChecks"
    })
    record DetectionJson(
            String code,
            String category,
            String direction,
            double confidence,
            List<Integer> lines,
            int occurrences,
            String excerpt,
            String title,
            String explanation,
            List<String> nextChecks) {}
}
