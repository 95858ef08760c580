package io.tlsdoctor.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier.LineMatch;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.logs.BadLine;
import io.tlsdoctor.core.logs.Certificate;
import io.tlsdoctor.core.logs.FailureExample;
import io.tlsdoctor.core.logs.LogAnalysis;
import io.tlsdoctor.core.logs.RemoteSummary;
import io.tlsdoctor.core.logs.RemoteTable;
import io.tlsdoctor.core.logs.Session;
import io.tlsdoctor.core.logs.SkippedFile;
import io.tlsdoctor.core.logs.TlsProtocol;
import io.tlsdoctor.core.text.Messages;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code logs --json}, written token by token with Jackson's streaming generator only: no data binding, no records
 * to introspect, and the remotes written straight from the analysis's counters. Binding the report's records (the
 * ObjectMapper's serializers) cost about 0.3 CPU-s of every run whatever its size, and making a summary object per
 * remote (two maps, two Instants, their texts) cost about 2 KB of garbage each, 150 MB for 66,000 remotes. The output
 * is the same, byte for byte, as the former write through the ObjectMapper (key order, nulls, Jackson's default
 * pretty printer, ASCII with escapes): {@code LogsJsonTest} holds it to that.
 */
final class LogsJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final List<TlsProtocol> PROTOCOLS =
            List.of(TlsProtocol.TLS1_0, TlsProtocol.TLS1_1, TlsProtocol.TLS1_2, TlsProtocol.TLS1_3, TlsProtocol.NONE);
    private static final SymptomCode[] CODES = SymptomCode.values();

    private final JsonGenerator g;
    private final char[] stamp = new char[IsoInstant.MAX_LENGTH];
    private final long[] failures = new long[CODES.length];

    private LogsJson(JsonGenerator g) {
        this.g = g;
    }

    static void write(LogAnalysis a, Messages m, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, a, m);
        }
    }

    /**
     * The same text as {@link #write(LogAnalysis, Messages, Writer)}, as bytes, for the process's standard output
     * itself: every byte is printable ASCII or a line break, so neither {@link VisibleWriter} nor a console encoder
     * has anything to do, and without them writing 66,000 remotes takes about a quarter less of the run's last,
     * single-threaded part. Buffered here and flushed, never closed.
     */
    static void write(LogAnalysis a, Messages m, OutputStream out) throws IOException {
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        try (JsonGenerator g = FACTORY.createGenerator(buffered, JsonEncoding.UTF8)) {
            write(g, a, m);
        }
        buffered.flush();
    }

    private static void write(JsonGenerator g, LogAnalysis a, Messages m) throws IOException {
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        // ASCII with escapes: a console or file in a Windows ANSI code page cannot garble it, and with DEL escaped
        // too (Jackson escapes the other controls itself) nothing in it is for VisibleWriter to change
        g.enable(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
        g.setCharacterEscapes(VISIBLE_ASCII);
        new LogsJson(g).report(a, m);
    }

    /** JSON's own escapes, and DEL's. */
    private static final CharacterEscapes VISIBLE_ASCII = new CharacterEscapes() {
        private final int[] escapes = standardAsciiEscapesForJSON();

        {
            escapes[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    };

    private void report(LogAnalysis a, Messages m) throws IOException {
        g.writeStartObject();
        g.writeStringField("schema", LogsCommand.JSON_SCHEMA);
        g.writeNumberField("files", a.files());
        g.writeArrayFieldStart("skippedFiles");
        for (SkippedFile s : a.skippedFiles()) {
            skipped(s, m);
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
        if (a.remotes() instanceof RemoteTable table) {
            for (int i = 0; i < table.size(); i++) {
                remote(table, i);
            }
        } else {
            for (RemoteSummary r : a.remotes()) {
                remote(r);
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("examples");
        for (FailureExample e : a.examples()) {
            example(e);
        }
        g.writeEndArray();
        g.writeNumberField("bytes", a.bytes());
        g.writeArrayFieldStart("badLineSamples");
        for (BadLine line : a.badSamples()) {
            g.writeStartObject();
            g.writeStringField("path", line.path());
            g.writeNumberField("lineNumber", line.lineNumber());
            g.writeStringField("text", line.text());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("legacyTlsPartners");
        if (a.remotes() instanceof RemoteTable table) {
            for (int k = 0; k < table.legacyCount(); k++) {
                g.writeString(table.legacyRemote(k) + " " + table.legacyKind(k));
            }
        } else {
            for (RemoteSummary r : a.legacyPartners()) {
                g.writeString(r.remote() + " " + r.kind());
            }
        }
        g.writeEndArray();
        g.writeObjectFieldStart("failuresPerHour");
        for (Map.Entry<Instant, Long> e : a.failuresPerHour().entrySet()) {
            g.writeNumberField(e.getKey().toString(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** As the former {@code @JsonInclude(NON_NULL)} record: a null part is left out. */
    private void skipped(SkippedFile s, Messages m) throws IOException {
        g.writeStartObject();
        stringIfPresent("path", s.path());
        stringIfPresent("reason", s.reason() == null ? null : s.reason().name());
        stringIfPresent("message", s.reason() == null ? null : m.get("logs.skip." + s.reason()));
        stringIfPresent("detail", s.detail());
        g.writeEndObject();
    }

    private void stringIfPresent(String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    /** One entry of {@code remotes}: remote, direction, connector, sessions, tls, failures (by code), first, last. */
    private void remote(RemoteTable t, int i) throws IOException {
        g.writeStartObject();
        g.writeStringField("remote", t.remote(i));
        g.writeStringField("direction", t.kind(i).name());
        g.writeStringField("connector", t.connector(i));
        g.writeNumberField("sessions", t.sessions(i));
        g.writeObjectFieldStart("tls");
        for (TlsProtocol protocol : PROTOCOLS) {
            g.writeNumberField(protocol.name(), t.tls(i, protocol));
        }
        long ssl3 = t.tls(i, TlsProtocol.SSL3);
        if (ssl3 > 0) {
            g.writeNumberField(TlsProtocol.SSL3.name(), ssl3);
        }
        g.writeEndObject();
        g.writeObjectFieldStart("failures");
        t.failures(i, failures);
        for (int code = 0; code < failures.length; code++) {
            if (failures[code] > 0) {
                g.writeNumberField(CODES[code].name(), failures[code]);
            }
        }
        g.writeEndObject();
        instant("first", t.firstMillis(i));
        instant("last", t.lastMillis(i));
        g.writeEndObject();
    }

    /** The same entry from a summary (an analysis not made by the analyzer, as in tests and the wizard's saves). */
    private void remote(RemoteSummary r) throws IOException {
        g.writeStartObject();
        g.writeStringField("remote", r.remote());
        g.writeStringField("direction", r.kind().name());
        g.writeStringField("connector", r.connector());
        g.writeNumberField("sessions", r.sessions());
        g.writeObjectFieldStart("tls");
        for (TlsProtocol protocol : PROTOCOLS) {
            g.writeNumberField(protocol.name(), r.tls().get(protocol));
        }
        if (r.tls().get(TlsProtocol.SSL3) > 0) {
            g.writeNumberField(TlsProtocol.SSL3.name(), r.tls().get(TlsProtocol.SSL3));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("failures");
        for (SymptomCode code : CODES) {
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

    private void instant(String name, long millis) throws IOException {
        g.writeFieldName(name);
        int length = IsoInstant.format(millis, stamp);
        if (length > 0) {
            g.writeString(stamp, 0, length);
        } else {
            g.writeString(Instant.ofEpochMilli(millis).toString());
        }
    }

    private void example(FailureExample e) throws IOException {
        Session s = e.session();
        g.writeStartObject();
        g.writeStringField("reason", e.reason().name());
        g.writeStringField("remote", s.remoteAddress());
        g.writeStringField("direction", s.kind().name());
        g.writeStringField("connector", s.connector());
        g.writeStringField("sessionId", s.sessionId());
        g.writeStringField("file", s.source().displayName());
        g.writeStringField("start", s.start().toString());
        g.writeStringField("end", s.end().toString());
        g.writeStringField("localEndpoint", s.localEndpoint());
        g.writeStringField("remoteEndpoint", s.remoteEndpoint());
        g.writeBooleanField("starttlsOffered", s.starttlsOffered());
        g.writeBooleanField("starttlsUsed", s.starttlsUsed());
        g.writeStringField("protocol", s.protocol().name());
        g.writeArrayFieldStart("certificates");
        for (Certificate c : s.certificates()) {
            g.writeStartObject();
            g.writeStringField("role", c.role() == null ? null : c.role().name());
            g.writeStringField("subject", c.subject());
            g.writeStringField("issuer", c.issuer());
            g.writeStringField("serialNumber", c.serialNumber());
            g.writeStringField("thumbprint", c.thumbprint());
            g.writeStringField("notBefore", c.notBefore());
            g.writeStringField("notAfter", c.notAfter());
            g.writeStringField("alternateNames", c.alternateNames());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeBooleanField("disconnected", s.disconnected());
        g.writeStringField("disconnectReason", s.disconnectReason());
        g.writeArrayFieldStart("symptoms");
        for (LineMatch x : s.matches()) {
            g.writeStartObject();
            g.writeStringField("code", x.code().name());
            g.writeStringField("category", x.category().name());
            g.writeStringField("direction", x.direction().name());
            g.writeStringField("text", x.matchedText());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("transcript");
        for (String line : e.transcript()) {
            g.writeString(line);
        }
        g.writeEndArray();
        g.writeBooleanField("transcriptCut", e.transcriptCut());
        g.writeEndObject();
    }
}
