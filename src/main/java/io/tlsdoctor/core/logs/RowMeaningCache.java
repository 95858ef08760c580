package io.tlsdoctor.core.logs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * {@link RowMeaning}s by the exact bytes of the row's tail (event, data and context columns as written), one per
 * reader thread. Direct-mapped: a slot holds one text, a newcomer replaces it. A text is only kept once it has been
 * seen twice, so the rows that never repeat (MAIL FROM with its size, queued-mail replies with their ids) do not
 * push out the ones that do. Memory is fixed: {@link #SLOTS} entries of at most {@link #MAX_KEY} bytes.
 */
final class RowMeaningCache {

    static final int SLOTS = 4096;
    static final int MAX_KEY = 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MIX = 0x9E3779B97F4A7C15L;

    private final long[] hashes = new long[SLOTS];
    private final byte[][] keys = new byte[SLOTS][];
    private final RowMeaning[] meanings = new RowMeaning[SLOTS];
    /** Hashes of texts seen once, direct-mapped like the entries. */
    private final long[] seenOnce = new long[SLOTS];

    static final long SEED = 0x243F6A8885A308D3L;

    /**
     * A 64-bit hash of {@code b[from, to)}, eight bytes (little-endian) a step; {@link Bytes#indexOfNewlineHashing}
     * computes the same value while it looks for the end of the row.
     */
    static long hash(byte[] b, int from, int to) {
        long h = SEED;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = mix(h, (long) LONGS.get(b, i));
        }
        long rest = 0;
        for (int j = 0; i + j < to; j++) {
            rest |= (b[i + j] & 0xffL) << (8 * j);
        }
        return finish(h, rest, to - from);
    }

    static long mix(long h, long word) {
        return Long.rotateLeft((h ^ word) * MIX, 29);
    }

    static long finish(long h, long rest, int length) {
        h = (h ^ rest) * MIX;
        h = (h ^ length) * MIX;
        return h ^ (h >>> 32);
    }

    /** The meaning of this exact text in this kind of log, or null. */
    RowMeaning get(long hash, LogKind kind, byte[] b, int from, int to) {
        long h = withKind(hash, kind);
        int slot = slot(h);
        // One test for both kinds of miss (an empty slot, another text): both are common, so the JIT compiles the
        // branch both ways. The hash holds the kind, so only the text itself is left to compare.
        if (hashes[slot] != h) {
            return null;
        }
        byte[] key = keys[slot];
        if (key != null && key.length == to - from && Arrays.equals(key, 0, key.length, b, from, to)) {
            return meanings[slot];
        }
        return null;
    }

    /** Keeps the meaning if this text was seen before (by its hash), else only notes the hash. */
    void offer(long hash, LogKind kind, byte[] b, int from, int to, RowMeaning meaning) {
        if (to - from > MAX_KEY) {
            return;
        }
        long h = withKind(hash, kind);
        int slot = slot(h);
        if (seenOnce[slot] != h) {
            seenOnce[slot] = h;
            return;
        }
        hashes[slot] = h;
        keys[slot] = Arrays.copyOfRange(b, from, to);
        meanings[slot] = meaning;
    }

    /**
     * The same text in a send and a receive log ({@code +,,} starts every session in both) gets two hashes, so the
     * two live in different slots, and a hit needs no test of the kind (a test the JIT would see fail only when the
     * first log of the other kind comes, and then throw the compiled reader away and compile it again).
     */
    private static long withKind(long hash, LogKind kind) {
        return hash ^ kind.ordinal() * MIX; // no branch on the kind: a branch is what the JIT can guess wrong
    }

    private static int slot(long hash) {
        return (int) (hash >>> 40) & (SLOTS - 1);
    }
}
