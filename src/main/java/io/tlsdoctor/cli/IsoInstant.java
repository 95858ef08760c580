package io.tlsdoctor.cli;

/**
 * {@code Instant.ofEpochMilli(millis).toString()} without the Instant, its LocalDateTime and the formatter's
 * StringBuilders: the JSON report writes two per remote, 132,000 for an internet-facing server. Years 1970 to 9999
 * only (every protocol log); anything else is left to {@link java.time.Instant#toString()}.
 */
final class IsoInstant {

    /** {@code yyyy-mm-ddThh:mm:ss.fffZ} */
    static final int MAX_LENGTH = 24;
    /** 10000-01-01T00:00:00Z, from where Instant writes a sign and more digits. */
    private static final long END = 253_402_300_800_000L;

    private IsoInstant() {}

    /**
     * Writes the text into {@code out} (at least {@link #MAX_LENGTH} long) and returns its length, or 0 when
     * {@code millis} is outside the years this writes.
     */
    static int format(long millis, char[] out) {
        if (millis < 0 || millis >= END) {
            return 0;
        }
        long days = millis / 86_400_000L;
        int ofDay = (int) (millis % 86_400_000L);
        // Howard Hinnant's civil-from-days (the inverse of the reader's days-from-civil)
        long z = days + 719_468L;
        long era = z / 146_097L;
        int doe = (int) (z - era * 146_097L);
        int yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        int mp = (5 * doy + 2) / 153;
        int day = doy - (153 * mp + 2) / 5 + 1;
        int month = mp < 10 ? mp + 3 : mp - 9;
        int year = (int) (yoe + era * 400) + (month <= 2 ? 1 : 0);
        digits(out, 0, year, 4);
        out[4] = '-';
        digits(out, 5, month, 2);
        out[7] = '-';
        digits(out, 8, day, 2);
        out[10] = 'T';
        digits(out, 11, ofDay / 3_600_000, 2);
        out[13] = ':';
        digits(out, 14, ofDay / 60_000 % 60, 2);
        out[16] = ':';
        digits(out, 17, ofDay / 1000 % 60, 2);
        int ms = ofDay % 1000;
        if (ms == 0) {
            out[19] = 'Z';
            return 20; // Instant leaves out a fraction of zero
        }
        out[19] = '.';
        digits(out, 20, ms, 3);
        out[23] = 'Z';
        return 24;
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int k = at + width - 1; k >= at; k--) {
            out[k] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
