package io.tlsdoctor.core.logs;

import io.tlsdoctor.core.evidence.SymptomCode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The counters of every remote address and direction, one worker's, as parallel arrays found through an
 * open-addressing index. An internet-facing receive connector sees tens of thousands of addresses in two weeks
 * (330,000 in the hostile test): as objects (a record key, a HashMap node, an EnumMap per count) they took about
 * 700 bytes each and ran a 256 MB heap out; here an address costs its String and about 90 bytes. What most remotes
 * never have (a second connector, a second failure reason) lives in small side maps.
 */
final class RemoteCounters {

    static final int PROTOCOLS = TlsProtocol.values().length;
    private static final SymptomCode[] CODES = SymptomCode.values();
    /** {@code values()} copies its array on every call: once per new remote in {@link #rehash}. */
    private static final LogKind[] KINDS = LogKind.values();

    private static final TlsProtocol[] PROTOCOL_VALUES = TlsProtocol.values();
    private static final short NO_FAILURE = -1;

    private int size;
    /** Index + 1 of the entry in each slot, 0 for an empty slot; at most half full. */
    private int[] slots = new int[1024];

    private String[] address = new String[256];
    private byte[] kind = new byte[256];
    private long[] sessions = new long[256];
    private long[] tls = new long[256 * PROTOCOLS];
    private long[] first = new long[256];
    private long[] last = new long[256];
    /** The first connector seen and its sessions; the others, if any, in {@link #otherConnectors}. */
    private String[] connector = new String[256];

    private long[] connectorSessions = new long[256];
    /** The first failure reason seen (ordinal, or -1) and its count; further reasons in {@link #moreFailures}. */
    private short[] failure = new short[256];

    private long[] failureCount = new long[256];
    private final Map<Integer, Map<String, Long>> otherConnectors = new HashMap<>();
    /** Failures by reason ordinal, for an entry with more than one reason (all its reasons, the first included). */
    private final Map<Integer, long[]> moreFailures = new HashMap<>();

    int size() {
        return size;
    }

    void add(Session s) {
        add(
                s.remoteAddress(),
                s.kind(),
                s.protocol(),
                s.start().toEpochMilli(),
                s.end().toEpochMilli(),
                s.connector(),
                s.failure());
    }

    /** One session, from its parts: {@link #add(Session)} without a Session. */
    void add(
            String remoteAddress,
            LogKind direction,
            TlsProtocol protocol,
            long start,
            long end,
            String sessionConnector,
            SymptomCode sessionFailure) {
        int i = indexOf(remoteAddress, direction);
        sessions[i]++;
        tls[i * PROTOCOLS + protocol.ordinal()]++;
        first[i] = Math.min(first[i], start);
        last[i] = Math.max(last[i], end);
        if (sessionConnector != null) {
            addConnector(i, sessionConnector, 1);
        }
        if (sessionFailure != null) {
            addFailure(i, sessionFailure.ordinal(), 1);
        }
    }

    /** Adds every count of {@code other} into this one. */
    void merge(RemoteCounters other) {
        for (int j = 0; j < other.size; j++) {
            int i = indexOf(other.address[j], KINDS[other.kind[j]]);
            sessions[i] += other.sessions[j];
            for (int p = 0; p < PROTOCOLS; p++) {
                tls[i * PROTOCOLS + p] += other.tls[j * PROTOCOLS + p];
            }
            first[i] = Math.min(first[i], other.first[j]);
            last[i] = Math.max(last[i], other.last[j]);
            if (other.connector[j] != null) {
                addConnector(i, other.connector[j], other.connectorSessions[j]);
            }
            Map<String, Long> others = other.otherConnectors.get(j);
            if (others != null) {
                for (Map.Entry<String, Long> e : others.entrySet()) {
                    addConnector(i, e.getKey(), e.getValue());
                }
            }
            long[] reasons = other.moreFailures.get(j);
            if (reasons != null) {
                for (int code = 0; code < reasons.length; code++) {
                    if (reasons[code] > 0) {
                        addFailure(i, code, reasons[code]);
                    }
                }
            } else if (other.failure[j] != NO_FAILURE) {
                addFailure(i, other.failure[j], other.failureCount[j]);
            }
        }
    }

    // == reading, by entry index ==

    String address(int i) {
        return address[i];
    }

    LogKind kind(int i) {
        return KINDS[kind[i]];
    }

    long sessions(int i) {
        return sessions[i];
    }

    long tls(int i, TlsProtocol protocol) {
        return tls[i * PROTOCOLS + protocol.ordinal()];
    }

    long first(int i) {
        return first[i];
    }

    long last(int i) {
        return last[i];
    }

    long failed(int i) {
        long[] reasons = moreFailures.get(i);
        if (reasons == null) {
            return failure[i] == NO_FAILURE ? 0 : failureCount[i];
        }
        long sum = 0;
        for (long n : reasons) {
            sum += n;
        }
        return sum;
    }

    boolean usesLegacyTls(int i) {
        for (TlsProtocol protocol : PROTOCOL_VALUES) {
            if (protocol.isLegacy() && tls(i, protocol) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Failed sessions by reason ordinal (zeros for reasons that did not occur). */
    long[] failures(int i) {
        long[] reasons = moreFailures.get(i);
        if (reasons != null) {
            return reasons.clone();
        }
        long[] out = new long[CODES.length];
        if (failure[i] != NO_FAILURE) {
            out[failure[i]] = failureCount[i];
        }
        return out;
    }

    /** Failed sessions by reason ordinal into {@code out}, zeros included: {@link #failures(int)} without a new array. */
    void failures(int i, long[] out) {
        long[] reasons = moreFailures.get(i);
        if (reasons != null) {
            System.arraycopy(reasons, 0, out, 0, out.length);
            return;
        }
        Arrays.fill(out, 0);
        if (failure[i] != NO_FAILURE) {
            out[failure[i]] = failureCount[i];
        }
    }

    /** The connector most of its sessions went through; on a tie the name that sorts first; "" when none. */
    String mainConnector(int i) {
        Map<String, Long> others = otherConnectors.get(i);
        String best = connector[i];
        if (others == null) {
            return best == null ? "" : best;
        }
        long bestCount = connectorSessions[i];
        for (Map.Entry<String, Long> e : others.entrySet()) {
            long n = e.getValue();
            if (n > bestCount || n == bestCount && e.getKey().compareTo(best) < 0) {
                best = e.getKey();
                bestCount = n;
            }
        }
        return best;
    }

    // == storage ==

    private void addConnector(int i, String name, long n) {
        if (connector[i] == null) {
            connector[i] = name;
            connectorSessions[i] = n;
        } else if (connector[i].equals(name)) {
            connectorSessions[i] += n;
        } else {
            otherConnectors.computeIfAbsent(i, k -> new HashMap<>(4)).merge(name, n, Long::sum);
        }
    }

    private void addFailure(int i, int code, long n) {
        long[] reasons = moreFailures.get(i);
        if (reasons != null) {
            reasons[code] += n;
        } else if (failure[i] == NO_FAILURE) {
            failure[i] = (short) code;
            failureCount[i] = n;
        } else if (failure[i] == code) {
            failureCount[i] += n;
        } else {
            reasons = new long[CODES.length];
            reasons[failure[i]] = failureCount[i];
            reasons[code] = n;
            moreFailures.put(i, reasons);
        }
    }

    /** The entry of this address and direction, created empty when new. */
    private int indexOf(String remote, LogKind direction) {
        int mask = slots.length - 1;
        int h = hash(remote, direction);
        for (int s = h & mask; ; s = (s + 1) & mask) {
            int entry = slots[s];
            if (entry == 0) {
                return insert(s, remote, direction);
            }
            int i = entry - 1;
            if (kind[i] == direction.ordinal() && address[i].equals(remote)) {
                return i;
            }
        }
    }

    private int insert(int slot, String remote, LogKind direction) {
        if (size == address.length) {
            growEntries();
        }
        int i = size++;
        address[i] = remote;
        kind[i] = (byte) direction.ordinal();
        first[i] = Long.MAX_VALUE;
        last[i] = Long.MIN_VALUE;
        failure[i] = NO_FAILURE;
        slots[slot] = i + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return i;
    }

    private static int hash(String remote, LogKind direction) {
        int h = remote.hashCode() * 31 + direction.ordinal();
        return h ^ (h >>> 16);
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int i = 0; i < size; i++) {
            int s = hash(address[i], KINDS[kind[i]]) & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = i + 1;
        }
    }

    /** Grows by half: the arrays are the whole cost, and doubling would leave up to half of them empty. */
    private void growEntries() {
        int n = address.length + (address.length >> 1);
        address = Arrays.copyOf(address, n);
        kind = Arrays.copyOf(kind, n);
        sessions = Arrays.copyOf(sessions, n);
        tls = Arrays.copyOf(tls, n * PROTOCOLS);
        first = Arrays.copyOf(first, n);
        last = Arrays.copyOf(last, n);
        connector = Arrays.copyOf(connector, n);
        connectorSessions = Arrays.copyOf(connectorSessions, n);
        failure = Arrays.copyOf(failure, n);
        failureCount = Arrays.copyOf(failureCount, n);
    }
}
