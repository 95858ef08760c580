package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.registry.RegistryValue;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How values are written into statement arguments: the same in every language, so they stay exact. */
final class Texts {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Texts() {}

    static String time(Instant instant) {
        return instant == null ? "-" : MINUTE.format(instant);
    }

    /** A registry value as an admin reads it in regedit: {@code 0}, {@code 1}, {@code 0xffffffff}, or a dash when absent. */
    static String value(RegistryValue value) {
        if (value == null) {
            return "-";
        }
        if (value.number() != null) {
            return value.number() > 9 ? "0x" + Long.toHexString(value.number()) : String.valueOf(value.number());
        }
        return value.display();
    }
}
