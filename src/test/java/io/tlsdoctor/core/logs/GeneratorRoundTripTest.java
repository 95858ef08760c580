package io.tlsdoctor.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.logs.ProtocolLogGenerator.Outcome;
import io.tlsdoctor.core.logs.ProtocolLogGenerator.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator writes what it was asked for, and the analysis counts exactly that back. */
class GeneratorRoundTripTest {

    static final LogAnalyzer ANALYZER = new LogAnalyzer(new ProtocolLogLineClassifier(SymptomCatalog.load()));

    static Plan plan(long seed, long maxFileBytes) {
        Map<Outcome, Integer> send = new EnumMap<>(Outcome.class);
        send.put(Outcome.TLS1_2, 300);
        send.put(Outcome.TLS1_3, 20);
        send.put(Outcome.TLS1_0, 17);
        send.put(Outcome.TLS1_1, 5);
        send.put(Outcome.PLAIN, 11);
        send.put(Outcome.TLS_SOCKET_ERROR, 9);
        send.put(Outcome.STARTTLS_451, 7);
        send.put(Outcome.TLS_UNKNOWN_CREDENTIALS, 3);
        Map<Outcome, Integer> receive = new EnumMap<>(Outcome.class);
        receive.put(Outcome.TLS1_2, 200);
        receive.put(Outcome.TLS1_0, 13);
        receive.put(Outcome.PLAIN, 4);
        receive.put(Outcome.TLS_SOCKET_ERROR, 6);
        receive.put(Outcome.STARTTLS_451, 2);
        return new Plan(send, receive, 6, 0.2, maxFileBytes, seed, Instant.parse("2026-11-20T10:00:00Z"));
    }

    @Test
    void analysisCountsWhatTheGeneratorWasAskedFor(@TempDir Path dir) throws Exception {
        Plan plan = plan(7, 64 * 1024);
        List<Path> files = new ProtocolLogGenerator(plan).write(dir);
        assertThat(files.size()).as("small files force rotation").isGreaterThan(4);
        byte[] head = Files.readAllBytes(files.get(0));
        assertThat(head[0] & 0xff).isEqualTo(0xEF);
        assertThat(new String(head, 3, 40, java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("#Software: Microsoft Exchange Server\r\n");

        LogAnalysis analysis = ANALYZER.analyze(List.of(dir), LogAnalyzer.Options.defaults(), new LogProgress());

        assertThat(analysis.files()).isEqualTo(files.size());
        assertThat(analysis.badLines()).isZero();
        assertThat(analysis.sessions()).isEqualTo(plan.sessions());
        assertProtocols(analysis, LogKind.SEND, plan.send());
        assertProtocols(analysis, LogKind.RECEIVE, plan.receive());
        assertThat(failures(analysis, LogKind.SEND, SymptomCode.PROTOCOL_LOG_TLS_NEGOTIATION_FAILED))
                .isEqualTo(9);
        assertThat(failures(analysis, LogKind.SEND, SymptomCode.PROTOCOL_LOG_451_STARTTLS_REQUIRED))
                .isEqualTo(7);
        assertThat(failures(analysis, LogKind.SEND, SymptomCode.CERTIFICATE)).isEqualTo(3);
        assertThat(failures(analysis, LogKind.RECEIVE, SymptomCode.PROTOCOL_LOG_TLS_NEGOTIATION_FAILED))
                .isEqualTo(6);
        assertThat(failures(analysis, LogKind.RECEIVE, SymptomCode.PROTOCOL_LOG_451_STARTTLS_REQUIRED))
                .isEqualTo(2);
        assertThat(analysis.symptoms().get(SymptomCode.PROTOCOL_LOG_TLS_NEGOTIATION_FAILED))
                .isEqualTo(15);
        assertThat(analysis.symptoms().get(SymptomCode.LEGACY_TLS_NEGOTIATED)).isEqualTo(17 + 5 + 13);
        assertThat(analysis.failedSessions()).isEqualTo(9 + 7 + 3 + 6 + 2);
        assertThat(analysis.examples())
                .extracting(FailureExample::reason)
                .containsExactlyInAnyOrder(
                        SymptomCode.PROTOCOL_LOG_TLS_NEGOTIATION_FAILED,
                        SymptomCode.PROTOCOL_LOG_451_STARTTLS_REQUIRED,
                        SymptomCode.CERTIFICATE);
        for (FailureExample example : analysis.examples()) {
            assertThat(example.transcript()).hasSize(example.session().rows());
            assertThat(example.transcript())
                    .allMatch(line -> line.contains(example.session().sessionId()));
        }
    }

    private static void assertProtocols(LogAnalysis analysis, LogKind kind, Map<Outcome, Integer> asked) {
        Map<TlsProtocol, Long> expected = new EnumMap<>(TlsProtocol.class);
        for (TlsProtocol protocol : TlsProtocol.values()) {
            expected.put(protocol, 0L);
        }
        asked.forEach((outcome, n) -> {
            TlsProtocol protocol = switch (outcome) {
                case TLS1_0 -> TlsProtocol.TLS1_0;
                case TLS1_1 -> TlsProtocol.TLS1_1;
                case TLS1_2 -> TlsProtocol.TLS1_2;
                case TLS1_3 -> TlsProtocol.TLS1_3;
                default -> TlsProtocol.NONE;
            };
            expected.merge(protocol, (long) n, Long::sum);
        });
        Map<TlsProtocol, Long> actual = new EnumMap<>(TlsProtocol.class);
        analysis.remotes().stream()
                .filter(r -> r.kind() == kind)
                .forEach(r -> r.tls().forEach((p, n) -> actual.merge(p, n, Long::sum)));
        assertThat(actual).as(kind + " protocols").isEqualTo(expected);
    }

    static long failures(LogAnalysis analysis, LogKind kind, SymptomCode reason) {
        return analysis.remotes().stream()
                .filter(r -> r.kind() == kind)
                .mapToLong(r -> r.failures().getOrDefault(reason, 0L))
                .sum();
    }
}
