package io.tlsdoctor.core.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * The sessions still open in one file, by session-id, without boxing a Long per row (open addressing, linear
 * probing, backward-shift removal).
 */
final class SessionTable {

    private long[] keys = new long[1024];
    private SessionBuilder[] values = new SessionBuilder[1024];
    private int size;

    int size() {
        return size;
    }

    SessionBuilder get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            SessionBuilder value = values[i];
            if (value == null) {
                return null;
            }
            if (keys[i] == key) {
                return value;
            }
        }
    }

    void put(long key, SessionBuilder value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (values[i] != null) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    void remove(long key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (values[i] != null && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (values[i] == null) {
            return;
        }
        values[i] = null;
        size--;
        int hole = i;
        for (int j = (hole + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            boolean canMove = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (canMove) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                values[j] = null;
                hole = j;
            }
        }
    }

    /** Every open session, in no particular order. */
    List<SessionBuilder> all() {
        List<SessionBuilder> out = new ArrayList<>(size);
        for (SessionBuilder value : values) {
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    void clear() {
        java.util.Arrays.fill(values, null);
        size = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        SessionBuilder[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new SessionBuilder[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
