package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.Category;
import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier;
import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier.LineMatch;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.logs.BadLine;
import io.tlsdoctor.core.logs.Certificate;
import io.tlsdoctor.core.logs.FailureExample;
import io.tlsdoctor.core.logs.LogAnalysis;
import io.tlsdoctor.core.logs.LogAnalyzer;
import io.tlsdoctor.core.logs.LogInputs;
import io.tlsdoctor.core.logs.LogKind;
import io.tlsdoctor.core.logs.LogProgress;
import io.tlsdoctor.core.logs.LogSource;
import io.tlsdoctor.core.logs.ProtocolLogGenerator;
import io.tlsdoctor.core.logs.ProtocolLogGenerator.Outcome;
import io.tlsdoctor.core.logs.RemoteSummary;
import io.tlsdoctor.core.logs.RemoteTable;
import io.tlsdoctor.core.logs.Session;
import io.tlsdoctor.core.logs.SkipReason;
import io.tlsdoctor.core.logs.SkippedFile;
import io.tlsdoctor.core.logs.TlsProtocol;
import io.tlsdoctor.core.text.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LogsJson} writes the report token by token, without Jackson's data binding and with the remotes straight
 * from the counters. Its output must be what the former write through the ObjectMapper gave, byte for byte: that
 * write is kept here, as it was, as the reference.
 */
class LogsJsonTest {

    private static final Messages EN = Messages.forLocale(Locale.ENGLISH);

    @Test
    void theReportOfRealLogsIsWhatTheObjectMapperWrote(@TempDir Path dir) throws Exception {
        Map<Outcome, Integer> send = new EnumMap<>(Outcome.class);
        send.put(Outcome.TLS1_2, 60);
        send.put(Outcome.TLS1_0, 5);
        send.put(Outcome.TLS_SOCKET_ERROR, 3);
        send.put(Outcome.TLS_UNKNOWN_CREDENTIALS, 2);
        send.put(Outcome.STARTTLS_451, 2);
        Map<Outcome, Integer> receive = new EnumMap<>(Outcome.class);
        receive.put(Outcome.TLS1_2, 80);
        receive.put(Outcome.TLS1_1, 6);
        receive.put(Outcome.PLAIN, 4);
        receive.put(Outcome.TLS_SOCKET_ERROR, 2);
        // connector names with commas and non-ASCII letters, IPv6 remotes, texts that differ per partner
        ProtocolLogGenerator.Variety busy = new ProtocolLogGenerator.Variety(
                "EX01",
                "10.0.0.5",
                List.of("Исходящий соединитель, EXO", "Utgående anslutning, EXO"),
                List.of("EX01\\Internet, inbound (anonymous)", "EX01\\Default EX01"),
                40,
                true);
        List<Path> files = new ProtocolLogGenerator(new ProtocolLogGenerator.Plan(
                        send, receive, 20, 0.3, 1 << 20, 3, Instant.parse("2026-11-20T10:00:00Z"), busy))
                .write(dir);
        Path first = files.get(0);
        Files.writeString(first, Files.readString(first) + "this line is no row, ä\r\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("notes.txt"), "not a log");
        Path noFields = dir.resolve("SmtpSend").resolve("SEND2026112011-9.LOG");
        Files.writeString(noFields, "#Software: Microsoft Exchange Server\r\n#Fields: nothing,useful\r\n");

        LogAnalysis analysis = new LogAnalyzer(new ProtocolLogLineClassifier(SymptomCatalog.load()))
                .analyze(LogInputs.collect(List.of(dir)), LogAnalyzer.Options.defaults(), new LogProgress(), s -> {});
        assertThat(analysis.remotes()).isInstanceOf(RemoteTable.class);
        assertThat(analysis.remotes().size()).isGreaterThan(40);
        assertThat(analysis.remotes()).anyMatch(r -> r.remote().contains(":"));
        assertThat(analysis.remotes()).anyMatch(r -> r.connector().contains("Исходящий"));
        assertThat(analysis.badSamples()).isNotEmpty();
        assertThat(analysis.skippedFiles()).anyMatch(s -> s.detail() != null).anyMatch(s -> s.detail() == null);
        assertThat(analysis.examples())
                .hasSizeGreaterThanOrEqualTo(2)
                .anyMatch(e -> !e.session().certificates().isEmpty());
        assertThat(analysis.legacyPartners()).isNotEmpty();

        String written = written(analysis);
        assertThat(written).isEqualTo(reference(analysis));
        assertThat(written).contains("\\u0418\\u0441\\u0445\\u043E\\u0434\\u044F\\u0449\\u0438\\u0439");
    }

    /** Parts real logs seldom have: SSL 3, several failure reasons for one remote, a whole second, nulls. */
    @Test
    void rareValuesAreWrittenAsTheObjectMapperWroteThem(@TempDir Path dir) throws Exception {
        Map<TlsProtocol, Long> tls = new EnumMap<>(TlsProtocol.class);
        for (TlsProtocol protocol : TlsProtocol.values()) {
            tls.put(protocol, (long) protocol.ordinal());
        }
        Map<SymptomCode, Long> failures = new EnumMap<>(SymptomCode.class);
        failures.put(SymptomCode.PROTOCOL_LOG_TLS_NEGOTIATION_FAILED, 3L);
        failures.put(SymptomCode.PROTOCOL_LOG_451_STARTTLS_REQUIRED, 1L);
        RemoteSummary odd = new RemoteSummary(
                "2001:db8::5",
                LogKind.RECEIVE,
                "Anslutning \"x\", å",
                7,
                tls,
                failures,
                Instant.parse("1969-12-31T23:59:59.001Z"),
                Instant.parse("2026-11-20T10:00:00Z"));
        Path file = dir.resolve("SEND2026112010-1.LOG");
        Files.writeString(file, "x");
        Session session = new Session(
                new LogSource.OnDisk(file, 1),
                LogKind.SEND,
                "08DAF3B1C2D40001",
                null,
                "10.0.0.5:53000",
                "[2001:db8::25]:25",
                "2001:db8::25",
                Instant.parse("2026-11-20T10:00:00Z"),
                Instant.parse("2026-11-20T10:00:01.5Z"),
                3,
                false,
                true,
                TlsProtocol.NONE,
                List.of(new Certificate(Certificate.Role.RECEIVED, "CN=ä", null, null, "AB", "2026", null, null)),
                false,
                null,
                List.of(new LineMatch(
                        SymptomCode.CERTIFICATE,
                        Category.TLS_FAMILY,
                        Direction.ONPREM_TO_EXO,
                        "text with \"quotes\"\tand a tab")),
                SymptomCode.CERTIFICATE,
                0,
                1);
        Map<SymptomCode, Long> symptoms = new EnumMap<>(SymptomCode.class);
        symptoms.put(SymptomCode.CERTIFICATE, 1L);
        TreeMap<Instant, Long> perHour = new TreeMap<>();
        perHour.put(Instant.parse("2026-11-20T10:00:00Z"), 1L);
        LogAnalysis analysis = new LogAnalysis(
                1,
                10,
                List.of(new SkippedFile("a.LOG", SkipReason.EMPTY, null)),
                5,
                1,
                List.of(new BadLine("a.LOG", 4, "bad\u0001")),
                1,
                symptoms,
                List.of(odd),
                perHour,
                List.of(new FailureExample(SymptomCode.CERTIFICATE, session, List.of("row 1", "row ö"), true)));

        assertThat(written(analysis)).isEqualTo(reference(analysis));
    }

    @Test
    void anEmptyReportIsWhatTheObjectMapperWrote() throws Exception {
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
        assertThat(written(empty)).isEqualTo(reference(empty));
    }

    /** The report as the tests' writers get it, after checking that the bytes for standard output say the same. */
    private static String written(LogAnalysis a) throws IOException {
        StringWriter out = new StringWriter();
        LogsCommand.writeJson(a, EN, out);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LogsCommand.writeJson(a, EN, bytes);
        assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo(out.toString());
        return out.toString();
    }

    /**
     * What {@code tlsdoctor logs DIR --json} prints when Main hands the command the bytes under its standard output:
     * the same, byte for byte, as through the writer alone, the line break after the JSON included and in its place.
     */
    @Test
    void theCommandPrintsTheSameThroughTheBytesAsThroughTheWriter(@TempDir Path dir) throws IOException {
        Map<Outcome, Integer> send = new EnumMap<>(Outcome.class);
        send.put(Outcome.TLS1_2, 30);
        send.put(Outcome.TLS_SOCKET_ERROR, 3);
        Map<Outcome, Integer> receive = new EnumMap<>(Outcome.class);
        receive.put(Outcome.TLS1_0, 5);
        receive.put(Outcome.STARTTLS_451, 2);
        new ProtocolLogGenerator(new ProtocolLogGenerator.Plan(
                        send,
                        receive,
                        10,
                        0.3,
                        1 << 20,
                        2,
                        Instant.parse("2026-11-20T10:00:00Z"),
                        new ProtocolLogGenerator.Variety(
                                "EX01",
                                "10.0.0.5",
                                List.of("Исходящий соединитель, EXO"),
                                List.of("EX01\\Internet, inbound (anonymous)"),
                                20,
                                true)))
                .write(dir);
        String[] args = {"logs", dir.toString(), "--json"};

        ByteArrayOutputStream throughWriter = new ByteArrayOutputStream();
        int writerCode = TlsDoctorCommand.run(
                args, InputStream.nullInputStream(), printer(throughWriter), printer(new ByteArrayOutputStream()));
        ByteArrayOutputStream throughBytes = new ByteArrayOutputStream();
        int bytesCode = TlsDoctorCommand.run(
                args,
                InputStream.nullInputStream(),
                throughBytes,
                printer(throughBytes),
                printer(new ByteArrayOutputStream()));

        assertThat(bytesCode).isZero().isEqualTo(writerCode);
        String printed = throughBytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).isEqualTo(throughWriter.toString(StandardCharsets.UTF_8));
        assertThat(printed).startsWith("{").endsWith("}" + System.lineSeparator());
        assertThat(Json.mapper().readTree(printed).path("remotes").size()).isGreaterThan(10);
    }

    /** A writer over {@code bytes} as Main makes one over standard output. */
    private static PrintWriter printer(OutputStream bytes) {
        return new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);
    }

    /**
     * Written as bytes to standard output, the JSON no longer passes VisibleWriter's guard: it must hold nothing the
     * guard would change. Controls (C0, DEL, C1), bidi overrides and non-ASCII letters in a log's text come out as
     * escapes, and every byte is printable ASCII or a line break.
     */
    @Test
    void theJsonHoldsNothingATerminalWouldActOn() throws IOException {
        String hostile = "bad\u0001 \u001b]0;title\u0007 del\u007f c1\u0085\u009b bidi\u202e ä";
        LogAnalysis a = new LogAnalysis(
                1,
                1,
                List.of(new SkippedFile(hostile, SkipReason.EMPTY, hostile)),
                1,
                1,
                List.of(new BadLine(hostile, 1, hostile)),
                0,
                new EnumMap<>(SymptomCode.class),
                List.of(),
                new TreeMap<>(),
                List.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LogsCommand.writeJson(a, EN, bytes);
        byte[] json = bytes.toByteArray();
        for (byte b : json) {
            assertThat(b >= 0x20 && b < 0x7F || b == '\n' || b == '\r')
                    .as("byte 0x%02x", b)
                    .isTrue();
        }
        String text = new String(json, StandardCharsets.US_ASCII);
        assertThat(text).contains("bad\\u0001 \\u001B]0;title\\u0007 del\\u007F c1\\u0085\\u009B bidi\\u202E \\u00E4");
        // and it is still the JSON of those texts
        assertThat(Json.mapper()
                        .readTree(json)
                        .path("badLineSamples")
                        .get(0)
                        .path("text")
                        .asText())
                .isEqualTo(hostile);
    }

    // == the former write, through the ObjectMapper and records, as it was before LogsJson ==

    private static final List<TlsProtocol> JSON_PROTOCOLS =
            List.of(TlsProtocol.TLS1_0, TlsProtocol.TLS1_1, TlsProtocol.TLS1_2, TlsProtocol.TLS1_3, TlsProtocol.NONE);

    private static String reference(LogAnalysis a) throws IOException {
        StringWriter out = new StringWriter();
        writeReference(a, EN, out);
        return out.toString();
    }

    static void writeReference(LogAnalysis a, Messages m, Writer out) throws IOException {
        try (JsonGenerator g = Json.mapper().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.enable(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
            g.writeStartObject();
            g.writeStringField("schema", LogsCommand.JSON_SCHEMA);
            g.writeNumberField("files", a.files());
            g.writeArrayFieldStart("skippedFiles");
            for (SkippedFile s : a.skippedFiles()) {
                g.writeObject(
                        new SkippedJson(s.path(), s.reason().name(), m.get("logs.skip." + s.reason()), s.detail()));
            }
            g.writeEndArray();
            g.writeNumberField("lines", a.lines());
            g.writeNumberField("badLines", a.badLines());
            g.writeNumberField("sessions", a.sessions());
            g.writeObjectFieldStart("symptoms");
            for (Map.Entry<SymptomCode, Long> e : a.symptoms().entrySet()) {
                g.writeNumberField(e.getKey().name(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("remotes");
            for (RemoteSummary r : a.remotes()) {
                writeRemote(g, r);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("examples");
            for (FailureExample e : a.examples()) {
                g.writeObject(example(e));
            }
            g.writeEndArray();
            g.writeNumberField("bytes", a.bytes());
            g.writeFieldName("badLineSamples");
            g.writeObject(a.badSamples());
            g.writeArrayFieldStart("legacyTlsPartners");
            for (RemoteSummary r : a.legacyPartners()) {
                g.writeString(r.remote() + " " + r.kind());
            }
            g.writeEndArray();
            g.writeObjectFieldStart("failuresPerHour");
            for (Map.Entry<Instant, Long> e : a.failuresPerHour().entrySet()) {
                g.writeNumberField(e.getKey().toString(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static void writeRemote(JsonGenerator g, RemoteSummary r) throws IOException {
        g.writeStartObject();
        g.writeStringField("remote", r.remote());
        g.writeStringField("direction", r.kind().name());
        g.writeStringField("connector", r.connector());
        g.writeNumberField("sessions", r.sessions());
        g.writeObjectFieldStart("tls");
        for (TlsProtocol protocol : JSON_PROTOCOLS) {
            g.writeNumberField(protocol.name(), r.tls().get(protocol));
        }
        if (r.tls().get(TlsProtocol.SSL3) > 0) {
            g.writeNumberField(TlsProtocol.SSL3.name(), r.tls().get(TlsProtocol.SSL3));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("failures");
        for (SymptomCode code : SymptomCode.values()) {
            Long n = r.failures().get(code);
            if (n != null) {
                g.writeNumberField(code.name(), n);
            }
        }
        g.writeEndObject();
        g.writeStringField("first", r.first().toString());
        g.writeStringField("last", r.last().toString());
        g.writeEndObject();
    }

    private static ExampleJson example(FailureExample e) {
        Session s = e.session();
        List<MatchJson> matches = s.matches().stream()
                .map(x -> new MatchJson(
                        x.code().name(), x.category().name(), x.direction().name(), x.matchedText()))
                .toList();
        return new ExampleJson(
                e.reason().name(),
                s.remoteAddress(),
                s.kind().name(),
                s.connector(),
                s.sessionId(),
                s.source().displayName(),
                s.start().toString(),
                s.end().toString(),
                s.localEndpoint(),
                s.remoteEndpoint(),
                s.starttlsOffered(),
                s.starttlsUsed(),
                s.protocol().name(),
                s.certificates(),
                s.disconnected(),
                s.disconnectReason(),
                matches,
                e.transcript(),
                e.transcriptCut());
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"path", "reason", "message", "detail"})
    record SkippedJson(String path, String reason, String message, String detail) {}

    @JsonPropertyOrder({
        "reason",
        "remote",
        "direction",
        "connector",
        "sessionId",
        "file",
        "start",
        "end",
        "localEndpoint",
        "remoteEndpoint",
        "starttlsOffered",
        "starttlsUsed",
        "protocol",
        "certificates",
        "disconnected",
        "disconnectReason",
        "symptoms",
        "transcript",
        "transcriptCut"
    })
    record ExampleJson(
            String reason,
            String remote,
            String direction,
            String connector,
            String sessionId,
            String file,
            String start,
            String end,
            String localEndpoint,
            String remoteEndpoint,
            boolean starttlsOffered,
            boolean starttlsUsed,
            String protocol,
            List<Certificate> certificates,
            boolean disconnected,
            String disconnectReason,
            List<MatchJson> symptoms,
            List<String> transcript,
            boolean transcriptCut) {}

    @JsonPropertyOrder({"code", "category", "direction", "text"})
    record MatchJson(String code, String category, String direction, String text) {}
}
