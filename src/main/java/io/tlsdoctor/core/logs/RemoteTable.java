package io.tlsdoctor.core.logs;

import io.tlsdoctor.core.evidence.SymptomCode;

import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Every remote address and direction of an analysis, most failures first, then most sessions, then by address: the
 * partners that need attention on top. A read-only list over the compact counters: each {@link RemoteSummary} is made
 * when it is asked for and not kept, so a report with 330,000 remotes holds their counters and one int each for the
 * order, not 330,000 records with their maps. Whoever keeps the summaries (a table on screen) pays for them.
 */
public final class RemoteTable extends AbstractList<RemoteSummary> implements RandomAccess {

    private static final SymptomCode[] CODES = SymptomCode.values();
    private static final RemoteTable EMPTY = new RemoteTable(new RemoteCounters());

    private final RemoteCounters counters;
    /** Entry indexes in report order. */
    private final int[] order;
    /** Entry indexes of the partners still on TLS 1.0/1.1 (or SSL 3), in report order. */
    private final int[] legacy;
    private final int failing;

    RemoteTable(RemoteCounters counters) {
        this.counters = counters;
        int n = counters.size();
        long[] failed = new long[n];
        for (int i = 0; i < n; i++) {
            failed[i] = counters.failed(i);
        }
        Comparator<Integer> reportOrder = Comparator.<Integer>comparingLong(i -> failed[i]).reversed()
                .thenComparing(Comparator.<Integer>comparingLong(counters::sessions).reversed())
                .thenComparing(counters::address)
                .thenComparing(counters::kind);
        Integer[] boxed = new Integer[n];
        Arrays.setAll(boxed, i -> i);
        Arrays.sort(boxed, reportOrder);
        order = new int[n];
        int legacyCount = 0;
        int failingCount = 0;
        for (int k = 0; k < n; k++) {
            order[k] = boxed[k];
            legacyCount += counters.usesLegacyTls(order[k]) ? 1 : 0;
            failingCount += failed[order[k]] > 0 ? 1 : 0;
        }
        legacy = new int[legacyCount];
        for (int k = 0, j = 0; k < n; k++) {
            if (counters.usesLegacyTls(order[k])) {
                legacy[j++] = order[k];
            }
        }
        failing = failingCount;
    }

    public static RemoteTable empty() {
        return EMPTY;
    }

    @Override
    public RemoteSummary get(int index) {
        return summary(order[index]);
    }

    @Override
    public int size() {
        return order.length;
    }

    /** How many remotes had at least one failed session; they are the first ones of the list. */
    public int failing() {
        return failing;
    }

    /** The partners that still negotiate TLS 1.0/1.1 (or SSL 3), in the same order; also made when asked for. */
    public List<RemoteSummary> legacyPartners() {
        return new Legacy();
    }

    private RemoteSummary summary(int i) {
        Map<TlsProtocol, Long> byProtocol = new EnumMap<>(TlsProtocol.class);
        for (TlsProtocol protocol : TlsProtocol.values()) {
            byProtocol.put(protocol, counters.tls(i, protocol));
        }
        Map<SymptomCode, Long> byReason = new EnumMap<>(SymptomCode.class);
        long[] failures = counters.failures(i);
        for (int code = 0; code < failures.length; code++) {
            if (failures[code] > 0) {
                byReason.put(CODES[code], failures[code]);
            }
        }
        return new RemoteSummary(counters.address(i), counters.kind(i), counters.mainConnector(i), counters.sessions(i),
                byProtocol, byReason, Instant.ofEpochMilli(counters.first(i)), Instant.ofEpochMilli(counters.last(i)));
    }

    private final class Legacy extends AbstractList<RemoteSummary> implements RandomAccess {
        @Override
        public RemoteSummary get(int index) {
            return summary(legacy[index]);
        }

        @Override
        public int size() {
            return legacy.length;
        }
    }
}
