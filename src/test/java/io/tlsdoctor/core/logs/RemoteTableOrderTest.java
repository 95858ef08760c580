package io.tlsdoctor.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.Category;
import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier.LineMatch;
import io.tlsdoctor.core.evidence.SymptomCode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link RemoteTable} sorts plain entry indexes with its own merge sort: the order must be the report order the
 * comparator chain gave (most failures, then most sessions, then address, then direction), and the by-position
 * accessors the JSON report reads must say what each entry's summary says.
 */
class RemoteTableOrderTest {

    private static final LogSource SOURCE = new LogSource.OnDisk(Path.of("RECV2026112010-1.LOG"), 1);

    @Test
    void theOrderIsTheReportOrderWithManyTies() {
        Random random = new Random(15);
        RemoteCounters counters = new RemoteCounters();
        for (int i = 0; i < 20_000; i++) {
            // few addresses and few failures: many entries share their failures and sessions, so the address decides
            String address = random.nextInt(7) == 0
                    ? "2001:db8::" + Integer.toHexString(random.nextInt(300))
                    : "198.51." + random.nextInt(10) + "." + random.nextInt(300);
            LogKind kind = random.nextBoolean() ? LogKind.SEND : LogKind.RECEIVE;
            SymptomCode failure = random.nextInt(20) == 0
                    ? SymptomCode.PROTOCOL_LOG_TLS_NEGOTIATION_FAILED
                    : random.nextInt(60) == 0 ? SymptomCode.CERTIFICATE : null;
            List<LineMatch> matches = failure == null
                    ? List.of()
                    : List.of(new LineMatch(failure, Category.SEED_SYMPTOM, Direction.ONPREM_TO_EXO, "x"));
            Instant start = Instant.ofEpochMilli(1_790_000_000_000L + random.nextInt(1_000_000));
            counters.add(new Session(
                    SOURCE,
                    kind,
                    "08DAF3B1C2D4" + i,
                    "Default",
                    "10.0.0.5:25",
                    address + ":25",
                    address,
                    start,
                    start.plusMillis(random.nextInt(5000)),
                    3,
                    true,
                    true,
                    TlsProtocol.values()[random.nextInt(TlsProtocol.values().length)],
                    List.of(),
                    true,
                    "Local",
                    matches,
                    failure,
                    0,
                    1));
        }
        RemoteTable table = new RemoteTable(counters);
        List<RemoteSummary> expected = new ArrayList<>(table);
        expected.sort(Comparator.comparingLong(RemoteSummary::failed)
                .reversed()
                .thenComparing(Comparator.comparingLong(RemoteSummary::sessions).reversed())
                .thenComparing(RemoteSummary::remote)
                .thenComparing(RemoteSummary::kind));
        assertThat(table).containsExactlyElementsOf(expected);
        assertThat(table.size()).isGreaterThan(3000);
        assertThat(table.get(0).failed()).isPositive();
        assertThat(table.failing())
                .isEqualTo((int) expected.stream().filter(r -> r.failed() > 0).count());

        long[] failures = new long[SymptomCode.values().length];
        for (int i = 0; i < table.size(); i++) {
            RemoteSummary summary = table.get(i);
            assertThat(table.remote(i)).isEqualTo(summary.remote());
            assertThat(table.kind(i)).isEqualTo(summary.kind());
            assertThat(table.connector(i)).isEqualTo(summary.connector());
            assertThat(table.sessions(i)).isEqualTo(summary.sessions());
            for (TlsProtocol protocol : TlsProtocol.values()) {
                assertThat(table.tls(i, protocol)).isEqualTo(summary.tls().get(protocol));
            }
            table.failures(i, failures);
            for (SymptomCode code : SymptomCode.values()) {
                assertThat(failures[code.ordinal()])
                        .isEqualTo(summary.failures().getOrDefault(code, 0L));
            }
            assertThat(Instant.ofEpochMilli(table.firstMillis(i))).isEqualTo(summary.first());
            assertThat(Instant.ofEpochMilli(table.lastMillis(i))).isEqualTo(summary.last());
        }
        List<RemoteSummary> legacy = table.legacyPartners();
        assertThat(legacy).isNotEmpty().allMatch(RemoteSummary::usesLegacyTls);
        assertThat(table.legacyCount()).isEqualTo(legacy.size());
        for (int k = 0; k < legacy.size(); k++) {
            assertThat(table.legacyRemote(k)).isEqualTo(legacy.get(k).remote());
            assertThat(table.legacyKind(k)).isEqualTo(legacy.get(k).kind());
        }
    }
}
