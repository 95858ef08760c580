package io.tlsdoctor.core.logs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Byte-level helpers for the parser: finding, comparing and, only when a value is needed, decoding. */
final class Bytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = ONES * '\n';
    private static final long COMMAS = ONES * ',';
    private static final long QUOTES = ONES * '"';
    private static final Charset ANSI = Charset.forName("windows-1252");

    private Bytes() {}

    /** The index of the next {@code \n} in {@code [from, to)}, or -1; eight bytes per step. */
    static int indexOfNewline(byte[] b, int from, int to) {
        return indexOfByte(b, from, to, NEWLINES, (byte) '\n');
    }

    static int indexOfComma(byte[] b, int from, int to) {
        return indexOfByte(b, from, to, COMMAS, (byte) ',');
    }

    /** The index of the next {@code ,} or {@code \n} in {@code [from, to)}, or -1: a column's end, or a row cut short. */
    static int indexOfCommaOrNewline(byte[] b, int from, int to) {
        int i = from;
        while (i + 8 <= to) {
            long word = (long) LONGS.get(b, i);
            long commas = word ^ COMMAS;
            long newlines = word ^ NEWLINES;
            long found = ((commas - ONES) & ~commas | (newlines - ONES) & ~newlines) & HIGHS;
            if (found != 0) {
                return i + firstFlagged(found); // the lowest flag of either test is exact
            }
            i += 8;
        }
        for (; i < to; i++) {
            if (b[i] == ',' || b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the next {@code \n} in {@code [from, to)}, or -1; {@code hash} receives
     * {@link RowMeaningCache#hash} of the bytes before it, computed in the same pass.
     */
    static int indexOfNewlineHashing(byte[] b, int from, int to, long[] hash) {
        long h = RowMeaningCache.SEED;
        int i = from;
        while (i + 8 <= to) {
            long word = (long) LONGS.get(b, i);
            long x = word ^ NEWLINES;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                int k = firstFlagged(found);
                long rest = k == 0 ? 0 : word & (-1L >>> (64 - 8 * k));
                hash[0] = RowMeaningCache.finish(h, rest, i + k - from);
                return i + k;
            }
            h = RowMeaningCache.mix(h, word);
            i += 8;
        }
        long rest = 0;
        for (int j = 0; i + j < to; j++) {
            byte c = b[i + j];
            if (c == '\n') {
                hash[0] = RowMeaningCache.finish(h, rest, i + j - from);
                return i + j;
            }
            rest |= (c & 0xffL) << (8 * j);
        }
        return -1;
    }

    /**
     * Which byte (0 to 7, lowest first) holds the lowest of the flags (bit 7 of a byte) in {@code flags}, not zero.
     * {@code Long.numberOfTrailingZeros(flags) >>> 3}, but C1 (the command line's only compiler) does not make that
     * one instruction: it is a call of 50 bytecodes per search. The lowest flag alone, moved to bit 0 of its byte,
     * times 0x0001020304050607 leaves the byte's number in the top byte.
     */
    static int firstFlagged(long flags) {
        return (int) ((((flags & -flags) >>> 7) * 0x0001020304050607L) >>> 56);
    }

    private static final long DIGIT_LOW = ONES * (0x80 - '0');
    private static final long DIGIT_HIGH = ONES * (0x7F - '9');
    private static final long LETTER_LOW = ONES * (0x80 - 'a');
    private static final long LETTER_HIGH = ONES * (0x7F - 'f');
    private static final long CASE = ONES * 0x20;
    private static final long NIBBLES = ONES * 0x0F;

    /**
     * Whether {@code b[at, at + 16)} are 16 hex digits (either case), eight bytes a step: a byte is one when it is
     * ASCII and either between '0' and '9' or, with bit 5 set, between 'a' and 'f'. Below 0x80, adding
     * {@code 0x80 - low} sets a byte's top bit exactly when it is at least {@code low}, and adding {@code 0x7F - high}
     * exactly when it is above {@code high}, without a carry into the next byte.
     */
    static boolean isHex16(byte[] b, int at) {
        return isHex8((long) LONGS.get(b, at)) && isHex8((long) LONGS.get(b, at + 8));
    }

    private static boolean isHex8(long w) {
        long digit = (w + DIGIT_LOW) & ~(w + DIGIT_HIGH);
        long lower = w | CASE;
        long letter = (lower + LETTER_LOW) & ~(lower + LETTER_HIGH);
        return (w & HIGHS) == 0 && ((digit | letter) & HIGHS) == HIGHS;
    }

    /** The value of the 16 hex digits at {@code at} (checked by {@link #isHex16}), as {@link #sessionKey} gives it. */
    static long hex16(byte[] b, int at) {
        return (hex8((long) LONGS.get(b, at)) << 32) | hex8((long) LONGS.get(b, at + 8));
    }

    /** Eight hex digits, the first in the lowest byte, to their 32-bit value: each byte to its nibble, then packed. */
    private static long hex8(long w) {
        long v = (w & NIBBLES) + 9 * ((w >>> 6) & ONES); // '0'-'9' -> 0-9; 'A'-'F', 'a'-'f' (bit 6 set) -> 10-15
        v = ((v & 0x0F000F000F000F00L) >>> 8) | ((v & 0x000F000F000F000FL) << 4); // byte pairs: first << 4 | second
        v = ((v & 0x00FF000000FF0000L) >>> 16) | ((v & 0x000000FF000000FFL) << 8);
        return ((v & 0xFFFFL) << 16) | ((v >>> 32) & 0xFFFFL);
    }

    static int indexOfQuote(byte[] b, int from, int to) {
        return indexOfByte(b, from, to, QUOTES, (byte) '"');
    }

    /** SWAR search: a byte equal to the target becomes zero after the XOR, and the classic zero-byte test finds it. */
    private static int indexOfByte(byte[] b, int from, int to, long pattern, byte target) {
        int i = from;
        while (i + 8 <= to) {
            long word = (long) LONGS.get(b, i) ^ pattern;
            long found = (word - ONES) & ~word & HIGHS;
            if (found != 0) {
                return i + firstFlagged(found);
            }
            i += 8;
        }
        for (; i < to; i++) {
            if (b[i] == target) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code [from, to)} holds exactly {@code ascii}, ignoring ASCII case. */
    static boolean equalsIgnoreCase(byte[] b, int from, int to, String ascii) {
        return to - from == ascii.length() && startsWithIgnoreCase(b, from, to, ascii);
    }

    static boolean startsWithIgnoreCase(byte[] b, int from, int to, String ascii) {
        if (to - from < ascii.length()) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if (lower(b[from + k]) != lower((byte) ascii.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** The first position of {@code ascii} (case-sensitive) in {@code [from, to)}, or -1. */
    static int indexOf(byte[] b, int from, int to, byte[] ascii) {
        byte first = ascii[0];
        outer:
        for (int i = from; i <= to - ascii.length; i++) {
            if (b[i] != first) {
                continue;
            }
            for (int k = 1; k < ascii.length; k++) {
                if (b[i + k] != ascii[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static int indexOfIgnoreCase(byte[] b, int from, int to, String ascii) {
        int first = lower((byte) ascii.charAt(0));
        for (int i = from; i <= to - ascii.length(); i++) {
            if (lower(b[i]) == first && startsWithIgnoreCase(b, i, to, ascii)) {
                return i;
            }
        }
        return -1;
    }

    private static int lower(byte c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /** Text of a field; a quoted field loses its quotes and its doubled inner quotes are halved. */
    static String text(byte[] b, int from, int to, boolean quoted) {
        if (!quoted) {
            return decode(b, from, to);
        }
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from + 1; i < to; i++) {
            if (b[i] == '"') {
                if (i + 1 < to && b[i + 1] == '"') {
                    out[n++] = '"';
                    i++;
                }
                continue; // the closing quote
            }
            out[n++] = b[i];
        }
        return decode(out, 0, n);
    }

    /** UTF-8 as Exchange writes it; a file re-saved in an ANSI code page falls back to Windows-1252. */
    static String decode(byte[] b, int from, int to) {
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, from, to - from));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return new String(b, from, to - from, ANSI);
        }
    }

    /** Milliseconds since 1970 of {@code yyyy-mm-ddThh:mm:ss[.f…]Z}, or {@link Long#MIN_VALUE} when it is not one. */
    static long parseTimestamp(byte[] b, int from, int to) {
        if (to - from < 20
                || b[from + 4] != '-'
                || b[from + 7] != '-'
                || (b[from + 10] != 'T' && b[from + 10] != ' ')
                || b[from + 13] != ':'
                || b[from + 16] != ':'
                || b[to - 1] != 'Z') {
            return Long.MIN_VALUE;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        if ((year | month | day | hour | minute | second) < 0
                || month < 1
                || month > 12
                || day < 1
                || day > 31
                || hour > 23
                || minute > 59
                || second > 60) {
            return Long.MIN_VALUE;
        }
        int millis = 0;
        int i = from + 19;
        if (i < to - 1) {
            if (b[i] != '.') {
                return Long.MIN_VALUE;
            }
            int scale = 100;
            for (i++; i < to - 1; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return Long.MIN_VALUE;
                }
                millis += d * scale;
                scale /= 10;
            }
        }
        return (daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second) * 1000L + millis;
    }

    private static int digits(byte[] b, int at, int n) {
        int value = 0;
        for (int k = 0; k < n; k++) {
            int d = b[at + k] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /** Howard Hinnant's days-from-civil: the proleptic Gregorian calendar without a java.time object per row. */
    private static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yoe = y - era * 400;
        int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468L;
    }

    /** 16 hex digits as Exchange writes session ids; anything else gets a 64-bit hash (never seen, but not fatal). */
    static long sessionKey(byte[] b, int from, int to) {
        if (to - from == 16) {
            long value = 0;
            boolean hex = true;
            for (int i = from; i < to; i++) {
                int c = b[i];
                int d = c >= '0' && c <= '9'
                        ? c - '0'
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
                if (d < 0) {
                    hex = false;
                    break;
                }
                value = (value << 4) | d;
            }
            if (hex) {
                return value;
            }
        }
        long hash = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            hash = (hash ^ (b[i] & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }

    /** A non-negative decimal number, or -1. */
    static int parseInt(byte[] b, int from, int to) {
        if (from >= to || to - from > 9) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }
}
