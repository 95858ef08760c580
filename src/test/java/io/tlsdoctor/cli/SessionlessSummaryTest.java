package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.logs.LogAnalysis;
import io.tlsdoctor.core.logs.LogAnalyzer;
import io.tlsdoctor.core.logs.LogInputs;
import io.tlsdoctor.core.logs.LogProgress;
import io.tlsdoctor.core.logs.ProtocolLogGenerator;
import io.tlsdoctor.core.logs.ProtocolLogGenerator.Outcome;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Without a consumer of sessions, the analysis counts each finished session from its builder and builds a
 * {@code Session} only for a failed one. The report must be exactly the one folded from a {@code Session} per session
 * (the way it was counted before, and still is when a consumer asks for every session): the whole JSON, byte for
 * byte, on classic and busy-shaped logs, with and without {@code --since}, with one worker and with several.
 */
class SessionlessSummaryTest {

    private static final ProtocolLogLineClassifier CLASSIFIER = new ProtocolLogLineClassifier(SymptomCatalog.load());

    @ParameterizedTest
    @CsvSource({
        "false, '', 0",
        "false, 2026-11-20T10:00:00Z, 1",
        "true, '', 0",
        "true, '', 1",
        "true, 2026-11-20T10:00:00Z, 2"
    })
    void theReportIsTheSameAsFromASessionPerSession(boolean busy, String since, int threads, @TempDir Path dir)
            throws Exception {
        Map<Outcome, Integer> send = new EnumMap<>(Outcome.class);
        send.put(Outcome.TLS1_2, 90);
        send.put(Outcome.TLS1_0, 7);
        send.put(Outcome.TLS_SOCKET_ERROR, 4);
        send.put(Outcome.TLS_UNKNOWN_CREDENTIALS, 3);
        send.put(Outcome.STARTTLS_451, 2);
        Map<Outcome, Integer> receive = new EnumMap<>(Outcome.class);
        receive.put(Outcome.TLS1_2, 120);
        receive.put(Outcome.TLS1_1, 9);
        receive.put(Outcome.TLS1_3, 5);
        receive.put(Outcome.PLAIN, 6);
        receive.put(Outcome.TLS_SOCKET_ERROR, 3);
        ProtocolLogGenerator.Variety variety = busy
                ? new ProtocolLogGenerator.Variety(
                        "EX01",
                        "10.0.0.5",
                        List.of("Исходящий соединитель, EXO", "Utgående anslutning, EXO"),
                        List.of("EX01\\Internet, inbound (anonymous)", "EX01\\Default EX01"),
                        60,
                        true)
                : ProtocolLogGenerator.Variety.CLASSIC;
        List<Path> files = new ProtocolLogGenerator(new ProtocolLogGenerator.Plan(
                        send,
                        receive,
                        busy ? 40 : 8,
                        0.3,
                        64 * 1024,
                        5,
                        Instant.parse("2026-11-20T09:59:30Z"),
                        variety))
                .write(dir);
        // a log cut off in the middle of its sessions: they are handed on as not disconnected
        Path first = files.get(0);
        String text = Files.readString(first, StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve(first.getFileName().toString().replace(".LOG", "9.LOG")),
                text.substring(0, text.length() / 2));
        LogAnalyzer.Options options = new LogAnalyzer.Options(since.isEmpty() ? null : Instant.parse(since), threads);

        LogAnalysis withoutSessions =
                new LogAnalyzer(CLASSIFIER).analyze(LogInputs.collect(List.of(dir)), options, new LogProgress());
        AtomicLong handedOn = new AtomicLong();
        LogAnalysis fromSessions = new LogAnalyzer(CLASSIFIER)
                .analyze(LogInputs.collect(List.of(dir)), options, new LogProgress(), s -> handedOn.incrementAndGet());

        assertThat(withoutSessions.sessions()).isGreaterThan(50);
        if (since.isEmpty()) { // after --since, the few failures may all be left out
            assertThat(withoutSessions.failedSessions()).isGreaterThan(0);
            assertThat(withoutSessions.examples()).hasSizeGreaterThanOrEqualTo(2);
        }
        assertThat(handedOn.get()).isEqualTo(fromSessions.sessions());
        assertThat(json(withoutSessions)).isEqualTo(json(fromSessions));
    }

    private static String json(LogAnalysis analysis) throws Exception {
        StringWriter out = new StringWriter();
        LogsCommand.writeJson(analysis, io.tlsdoctor.core.text.Messages.forLocale(Locale.ENGLISH), out);
        return out.toString();
    }
}
