package io.tlsdoctor.core.logs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Parses the rows' {@code yyyy-mm-ddThh:mm:ss.fffZ} stamps, one instance per reader. Consecutive rows nearly always
 * share the minute, so the first sixteen bytes are compared (two long reads) with the last full parse and only the
 * seconds and milliseconds are read; anything else goes through {@link Bytes#parseTimestamp}.
 */
final class Timestamps {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** {@code yyyy-mm-ddThh:mm:ss.fffZ} */
    private static final int LENGTH = 24;

    private long minuteHead;
    private long minuteTail;
    private long minuteMillis = Long.MIN_VALUE;

    /** Milliseconds since 1970, or {@link Long#MIN_VALUE} when {@code b[from, to)} is not a timestamp. */
    long parse(byte[] b, int from, int to) {
        if (to - from == LENGTH
                && minuteMillis != Long.MIN_VALUE
                && (long) LONGS.get(b, from) == minuteHead
                && (long) LONGS.get(b, from + 8) == minuteTail) {
            int s1 = b[from + 17] - '0';
            int s2 = b[from + 18] - '0';
            int m1 = b[from + 20] - '0';
            int m2 = b[from + 21] - '0';
            int m3 = b[from + 22] - '0';
            if (b[from + 16] == ':'
                    && b[from + 19] == '.'
                    && b[from + 23] == 'Z'
                    && (s1 | s2 | m1 | m2 | m3) >= 0
                    && s1 <= 6
                    && s2 <= 9
                    && m1 <= 9
                    && m2 <= 9
                    && m3 <= 9) {
                int seconds = s1 * 10 + s2;
                if (seconds <= 60) {
                    return minuteMillis + seconds * 1000L + m1 * 100 + m2 * 10 + m3;
                }
            }
            return Long.MIN_VALUE;
        }
        long millis = Bytes.parseTimestamp(b, from, to);
        if (millis != Long.MIN_VALUE && to - from == LENGTH && b[from + 19] == '.') {
            minuteHead = (long) LONGS.get(b, from);
            minuteTail = (long) LONGS.get(b, from + 8);
            // the full parse checked these digits; a leap second (60) keeps its own minute
            minuteMillis = millis
                    - ((b[from + 17] - '0') * 10 + (b[from + 18] - '0')) * 1000L
                    - ((b[from + 20] - '0') * 100 + (b[from + 21] - '0') * 10 + (b[from + 22] - '0'));
        }
        return millis;
    }
}
