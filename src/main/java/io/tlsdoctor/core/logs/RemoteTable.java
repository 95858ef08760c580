package io.tlsdoctor.core.logs;

import io.tlsdoctor.core.evidence.SymptomCode;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
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
    /** Failed sessions by entry index. */
    private final long[] failed;

    RemoteTable(RemoteCounters counters) {
        this.counters = counters;
        int n = counters.size();
        failed = new long[n];
        for (int i = 0; i < n; i++) {
            failed[i] = counters.failed(i);
        }
        order = new int[n];
        Arrays.setAll(order, i -> i);
        // A merge sort of plain ints rather than Arrays.sort of boxed indexes through a chain of comparator lambdas:
        // 66,000 remotes took about a million calls through four comparator layers, run by C1-compiled code.
        sort(order, new int[n], 0, n);
        int legacyCount = 0;
        int failingCount = 0;
        for (int k = 0; k < n; k++) {
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

    /** Report order: most failures first, then most sessions, then by address, then by direction. */
    private int compare(int a, int b) {
        int byFailed = Long.compare(failed[b], failed[a]);
        if (byFailed != 0) {
            return byFailed;
        }
        int bySessions = Long.compare(counters.sessions(b), counters.sessions(a));
        if (bySessions != 0) {
            return bySessions;
        }
        int byAddress = counters.address(a).compareTo(counters.address(b));
        if (byAddress != 0) {
            return byAddress;
        }
        return counters.kind(a).compareTo(counters.kind(b));
    }

    /** Sorts {@code a[from, to)} by {@link #compare}, stable, with {@code scratch} of the same length. */
    private void sort(int[] a, int[] scratch, int from, int to) {
        if (to - from < 12) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sort(a, scratch, from, mid);
        sort(a, scratch, mid, to);
        if (compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, scratch, from, to - from);
        for (int i = from, l = from, r = mid; i < to; i++) {
            a[i] = r >= to || l < mid && compare(scratch[l], scratch[r]) <= 0 ? scratch[l++] : scratch[r++];
        }
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

    // == one entry by its place in the report, without making its summary (the JSON report writes 66,000 of them) ==

    /** The remote address of the entry at {@code index} (report order). */
    public String remote(int index) {
        return counters.address(order[index]);
    }

    public LogKind kind(int index) {
        return counters.kind(order[index]);
    }

    /** The connector most of its sessions went through; "" when none. */
    public String connector(int index) {
        return counters.mainConnector(order[index]);
    }

    public long sessions(int index) {
        return counters.sessions(order[index]);
    }

    public long tls(int index, TlsProtocol protocol) {
        return counters.tls(order[index], protocol);
    }

    /** Failed sessions by reason ordinal into {@code byCode} (length {@code SymptomCode.values().length}), zeros included. */
    public void failures(int index, long[] byCode) {
        counters.failures(order[index], byCode);
    }

    /** Milliseconds since 1970 of its first and last row. */
    public long firstMillis(int index) {
        return counters.first(order[index]);
    }

    public long lastMillis(int index) {
        return counters.last(order[index]);
    }

    /** How many partners still negotiate TLS 1.0/1.1 (or SSL 3): {@link #legacyPartners()}'s size. */
    public int legacyCount() {
        return legacy.length;
    }

    /** The remote address and direction of the {@code k}-th of {@link #legacyPartners()}. */
    public String legacyRemote(int k) {
        return counters.address(legacy[k]);
    }

    public LogKind legacyKind(int k) {
        return counters.kind(legacy[k]);
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
        return new RemoteSummary(
                counters.address(i),
                counters.kind(i),
                counters.mainConnector(i),
                counters.sessions(i),
                byProtocol,
                byReason,
                Instant.ofEpochMilli(counters.first(i)),
                Instant.ofEpochMilli(counters.last(i)));
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
