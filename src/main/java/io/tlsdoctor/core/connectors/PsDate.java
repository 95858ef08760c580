package io.tlsdoctor.core.connectors;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as a cmdlet's output gave it. Format-List prints dates in the admin's locale ({@code 12/31/2026 11:59:59 PM},
 * {@code 31.12.2026 23:59:59}, {@code 2026-12-31 23:59:59}); {@code 1/2/2027} can be 1 February or 2 January, so a
 * date is kept as the earliest and the latest instant it can mean. Local time is read as UTC: a few hours do not
 * change a verdict taken in days, and the two ends cover the reading.
 *
 * @param earliest null when the text is no date TLS Doctor can read
 */
public record PsDate(String text, Instant earliest, Instant latest) {

    private static final Pattern MS_DATE = Pattern.compile("^/?\\\\?/?Date\\((-?\\d+)(?:[+-]\\d{4})?\\)\\\\?/?$");
    private static final Pattern NUMERIC = Pattern.compile(
            "^(\\d{1,4})[./-](\\d{1,2})[./-](\\d{1,4})\\.?\\s+(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?\\s*([AaPp]\\.?[Mm]\\.?)?$");

    public boolean known() {
        return earliest != null;
    }

    public static PsDate parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        Matcher ms = MS_DATE.matcher(text);
        if (ms.matches()) {
            Instant at = Instant.ofEpochMilli(Long.parseLong(ms.group(1)));
            return new PsDate(text, at, at);
        }
        try {
            Instant at = OffsetDateTime.parse(text).toInstant();
            return new PsDate(text, at, at);
        } catch (DateTimeParseException e) {
            // not ISO with an offset
        }
        try {
            Instant at = LocalDateTime.parse(text.replaceFirst("(\\.\\d{1,9})\\d*$", "$1"))
                    .toInstant(ZoneOffset.UTC);
            return new PsDate(text, at, at);
        } catch (DateTimeParseException e) {
            // not ISO without an offset
        }
        Matcher m = NUMERIC.matcher(text);
        if (!m.matches()) {
            return new PsDate(text, null, null);
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        int c = Integer.parseInt(m.group(3));
        int hour = Integer.parseInt(m.group(4));
        int minute = Integer.parseInt(m.group(5));
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        String ampm = m.group(7);
        if (ampm != null) {
            boolean pm = ampm.toLowerCase(Locale.ROOT).startsWith("p");
            hour = hour % 12 + (pm ? 12 : 0);
        }
        LocalTime time;
        try {
            time = LocalTime.of(hour, minute, second);
        } catch (java.time.DateTimeException e) {
            return new PsDate(text, null, null);
        }
        Instant first = null;
        Instant last = null;
        if (m.group(1).length() == 4) {
            // year first: 2026-12-31, 2026/12/31
            Instant at = date(a, b, c, time);
            first = at;
            last = at;
        } else {
            int year = c < 100 ? 2000 + c : c;
            for (Instant at : new Instant[] {date(year, b, a, time), date(year, a, b, time)}) {
                if (at != null) {
                    first = first == null || at.isBefore(first) ? at : first;
                    last = last == null || at.isAfter(last) ? at : last;
                }
            }
        }
        return new PsDate(text, first, last);
    }

    private static Instant date(int year, int month, int day, LocalTime time) {
        try {
            return LocalDate.of(year, month, day).atTime(time).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
