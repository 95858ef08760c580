package io.tlsdoctor.cli;

import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.logs.BadLine;
import io.tlsdoctor.core.logs.FailureExample;
import io.tlsdoctor.core.logs.LogAnalysis;
import io.tlsdoctor.core.logs.LogAnalyzer;
import io.tlsdoctor.core.logs.LogInputs;
import io.tlsdoctor.core.logs.LogProgress;
import io.tlsdoctor.core.logs.RemoteSummary;
import io.tlsdoctor.core.logs.RemoteTable;
import io.tlsdoctor.core.logs.Session;
import io.tlsdoctor.core.logs.SkippedFile;
import io.tlsdoctor.core.logs.TlsProtocol;
import io.tlsdoctor.core.text.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tlsdoctor logs PATH... [--since ISO-TIME] [--json]}: reads Exchange SMTP protocol logs (files, folders,
 * .zip archives) and tells which sessions failed and why, and which partners still negotiate TLS 1.0/1.1.
 */
@Command(name = "logs", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
public final class LogsCommand implements Callable<Integer> {

    public static final String JSON_SCHEMA = "tlsdoctor.logs/1";
    /** In the text report: remotes with failures (most first), then the busiest of the rest, then a line with how many more. */
    static final int TEXT_FAILING = 25;

    static final int TEXT_BUSIEST = 15;
    static final int TEXT_LEGACY = 50;
    private static final int TEXT_TRANSCRIPT = 40;

    private final CliContext context;

    @Parameters(arity = "1..*", paramLabel = "PATH", descriptionKey = "cli.logs.paths")
    List<String> paths = new ArrayList<>();

    @Option(names = "--since", paramLabel = "ISO-TIME", descriptionKey = "cli.logs.since")
    String since;

    @Option(names = "--json", descriptionKey = "cli.logs.json")
    boolean json;

    public LogsCommand(CliContext context) {
        this.context = context;
    }

    /**
     * The plain forms {@code logs PATH... [--json] [--since ISO-TIME]}, read without picocli: building picocli's model
     * of every command (reflection over seven commands and their options) costs 0.3 to 0.6 s of the start, as much
     * as analysing 300 MB of logs. Null for anything else (help, --lang, a repeated option, anything that starts
     * with {@code -} or {@code @}, which picocli reads as an option or an argument file), which picocli then reads as
     * always, with its own messages. LogsPlainArgumentsTest holds both readings to the same result.
     */
    static LogsCommand plain(String[] args, CliContext context) {
        if (args.length < 2 || !args[0].equals("logs")) {
            return null;
        }
        LogsCommand command = new LogsCommand(context);
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--json")) {
                if (command.json) {
                    return null;
                }
                command.json = true;
            } else if (arg.equals("--since") || arg.startsWith("--since=")) {
                String value = !arg.equals("--since")
                        ? arg.substring("--since=".length())
                        : i + 1 < args.length ? args[++i] : "";
                if (command.since != null || value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
                    return null;
                }
                command.since = value;
            } else if (arg.isEmpty() || arg.startsWith("-") || arg.startsWith("@")) {
                return null;
            } else {
                command.paths.add(arg);
            }
        }
        return command.paths.isEmpty() ? null : command;
    }

    @Override
    public Integer call() {
        Messages m = context.messages();
        Instant from = since == null ? null : parseSince(since, m);
        List<Path> given = new ArrayList<>();
        for (String path : paths) {
            try {
                given.add(Path.of(path));
            } catch (InvalidPathException e) {
                throw new UsageException(m.get("cli.logs.error.missing", Shown.field(path)));
            }
        }
        LogInputs.Collected inputs = LogInputs.collect(given);
        if (!inputs.missing().isEmpty()) {
            throw new UsageException(m.get(
                    "cli.logs.error.missing",
                    inputs.missing().stream().map(Shown::field).collect(Collectors.joining("', '"))));
        }
        ProtocolLogLineClassifier classifier = LogsHeadStart.classifier();
        LogAnalyzer analyzer = new LogAnalyzer(classifier);
        LogAnalysis analysis = analyzer.analyze(inputs, new LogAnalyzer.Options(from, 0), new LogProgress());
        if (analysis.files() == 0) {
            StringBuilder why = new StringBuilder(m.get("cli.logs.error.nothing"));
            analysis.skippedFiles().stream()
                    .limit(10)
                    .forEach(s -> why.append(System.lineSeparator())
                            .append("  ")
                            .append(Shown.field(s.path()))
                            .append(": ")
                            .append(m.get("logs.skip." + s.reason())));
            throw new UsageException(why.toString());
        }
        if (json) {
            try {
                if (context.outBytes() != null) {
                    // straight to the bytes: the JSON is visible ASCII already (LogsJson escapes the rest), and the
                    // guard's scan and the console encoder were a quarter of the end of a busy server's run
                    context.out().flush();
                    writeJson(analysis, m, context.outBytes());
                } else {
                    writeJson(analysis, m, context.out());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.out().println();
        } else {
            printText(analysis, classifier.catalog(), m, context.out());
        }
        return ExitCodes.OK;
    }

    /** {@code 2026-11-20T10:00:00Z}, with an offset, without a zone (UTC, as the logs), or just a date. */
    static Instant parseSince(String text, Messages m) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException ignored) {
            // try the other forms
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the other forms
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the other forms
        }
        try {
            return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new UsageException(m.get("cli.logs.error.since", text));
        }
    }

    // == text ==

    private static void printText(LogAnalysis a, SymptomCatalog catalog, Messages m, PrintWriter out) {
        out.println(m.get(
                "cli.logs.header",
                a.files(),
                a.bytes() / (1024.0 * 1024.0),
                a.lines(),
                a.sessions(),
                a.failedSessions()));
        if (a.badLines() > 0) {
            out.println(m.get("cli.logs.badLines", a.badLines()));
            for (BadLine line :
                    a.badSamples().subList(0, Math.min(3, a.badSamples().size()))) {
                out.println(
                        "    " + Shown.field(line.path()) + ":" + line.lineNumber() + ": " + Shown.field(line.text()));
            }
        }
        if (!a.skippedFiles().isEmpty()) {
            out.println(m.get("cli.logs.skipped", a.skippedFiles().size()));
            for (SkippedFile s :
                    a.skippedFiles().subList(0, Math.min(10, a.skippedFiles().size()))) {
                out.println("    " + Shown.field(s.path()) + ": " + m.get("logs.skip." + s.reason())
                        + (s.detail() == null || !s.reason().showsDetail()
                                ? ""
                                : " (" + Shown.field(s.detail()) + ")"));
            }
        }
        out.println();
        List<Map.Entry<SymptomCode, Long>> found =
                a.symptoms().entrySet().stream().filter(e -> e.getValue() > 0).toList();
        if (found.isEmpty()) {
            out.println(m.get("cli.logs.noSymptoms"));
        } else {
            out.println(m.get("cli.logs.symptoms"));
            for (Map.Entry<SymptomCode, Long> e : found) {
                out.printf(
                        "  %8d  %s (%s)%n",
                        e.getValue(), catalog.symptom(e.getKey()).title().in(m.locale()), e.getKey());
            }
        }
        out.println();
        List<RemoteSummary> legacy = a.legacyPartners();
        if (legacy.isEmpty()) {
            out.println(m.get("cli.logs.noLegacy"));
        } else {
            out.println(m.get("cli.logs.legacy", legacy.size()));
            for (RemoteSummary r : legacy.subList(0, Math.min(TEXT_LEGACY, legacy.size()))) {
                out.println("    "
                        + m.get(
                                "cli.logs.legacyLine",
                                Shown.field(r.remote()),
                                m.get("logs.kind." + r.kind()),
                                Shown.field(r.connector()),
                                r.tls().get(TlsProtocol.TLS1_0),
                                r.tls().get(TlsProtocol.TLS1_1),
                                r.sessions()));
            }
            if (legacy.size() > TEXT_LEGACY) {
                out.println("    " + m.get("cli.logs.moreLegacy", legacy.size() - TEXT_LEGACY));
            }
        }
        out.println();
        printRemotes(a, m, out);
        if (!a.failuresPerHour().isEmpty()) {
            out.println();
            out.println(m.get("cli.logs.perHour"));
            a.failuresPerHour().forEach((hour, n) -> out.printf("  %s  %6d%n", hour, n));
        }
        for (FailureExample example : a.examples()) {
            Session s = example.session();
            out.println();
            out.println(m.get(
                    "cli.logs.example",
                    example.reason(),
                    Shown.field(s.sessionId()),
                    Shown.field(s.source().displayName())));
            List<String> lines = example.transcript();
            lines.subList(0, Math.min(TEXT_TRANSCRIPT, lines.size()))
                    .forEach(line -> out.println("    " + Shown.field(line)));
            if (lines.size() > TEXT_TRANSCRIPT) {
                out.println("    " + m.get("cli.logs.moreLines", lines.size() - TEXT_TRANSCRIPT));
            }
        }
    }

    /**
     * The remotes that matter to someone reading a console: those with failures (most first), then the busiest of
     * the rest, then how many more there are and that {@code --json} lists every one. An internet-facing server has
     * tens of thousands; the JSON has them all, the wizard a table that filters and sorts.
     */
    private static void printRemotes(LogAnalysis a, Messages m, PrintWriter out) {
        List<RemoteSummary> remotes = a.remotes();
        int failing = (int) Math.min(
                remotes.size(),
                remotes instanceof RemoteTable table
                        ? table.failing()
                        : remotes.stream().filter(r -> r.failed() > 0).count());
        out.println(m.get("cli.logs.remotes"));
        out.printf(
                "  %-40s %-8s %8s %7s %7s %7s %7s %7s %7s  %s%n",
                m.get("cli.logs.col.remote"),
                m.get("cli.logs.col.kind"),
                m.get("cli.logs.col.sessions"),
                "TLS1.0",
                "TLS1.1",
                "TLS1.2",
                "TLS1.3",
                m.get("cli.logs.col.none"),
                m.get("cli.logs.col.failed"),
                m.get("cli.logs.col.seen"));
        // The list is in report order: failing ones first (most failures first), then the rest by sessions.
        int failingShown = Math.min(failing, TEXT_FAILING);
        int busiestShown = Math.min(remotes.size() - failing, TEXT_BUSIEST);
        for (RemoteSummary r : remotes.subList(0, failingShown)) {
            printRemote(r, m, out);
        }
        for (RemoteSummary r : remotes.subList(failing, failing + busiestShown)) {
            printRemote(r, m, out);
        }
        int hidden = remotes.size() - failingShown - busiestShown;
        if (hidden > 0) {
            out.println("  " + m.get("cli.logs.moreRemotes", hidden, failing - failingShown));
        }
    }

    private static void printRemote(RemoteSummary r, Messages m, PrintWriter out) {
        out.printf(
                "  %-40s %-8s %8d %7d %7d %7d %7d %7d %7d  %s – %s%n",
                Shown.field(r.remote()),
                m.get("logs.kind." + r.kind()),
                r.sessions(),
                r.tls().get(TlsProtocol.TLS1_0),
                r.tls().get(TlsProtocol.TLS1_1),
                r.tls().get(TlsProtocol.TLS1_2),
                r.tls().get(TlsProtocol.TLS1_3),
                r.tls().get(TlsProtocol.NONE),
                r.failed(),
                r.first(),
                r.last());
    }

    // == JSON ==

    /**
     * Writes the JSON of an empty analysis and drops it, so that the streaming generator's classes are loaded on the
     * second core while the command line is read ({@link LogsHeadStart}). Until {@link LogsJson} this built the
     * ObjectMapper's serializers for every type of the output (about 0.4 s); now it is a few classes.
     */
    static void warmJsonWriter(Messages m) {
        LogAnalysis empty = new LogAnalysis(
                0,
                0,
                List.of(),
                0,
                0,
                List.of(),
                0,
                new EnumMap<>(SymptomCode.class),
                List.of(),
                new TreeMap<>(),
                List.of());
        try {
            writeJson(empty, m, Writer.nullWriter());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The report as JSON, written as it is produced: the remotes (66,000 on an internet-facing server, 19 MB of the
     * text) go out one by one from the analysis's counters, so the report is never held whole, neither as objects nor
     * as one string. {@link LogsJson} writes it.
     */
    static void writeJson(LogAnalysis a, Messages m, Writer out) throws IOException {
        LogsJson.write(a, m, out);
    }

    /** As {@link #writeJson(LogAnalysis, Messages, Writer)}, as bytes (ASCII; the same text). */
    static void writeJson(LogAnalysis a, Messages m, OutputStream out) throws IOException {
        LogsJson.write(a, m, out);
    }
}
