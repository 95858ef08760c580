package io.tlsdoctor.core.connectors;

import java.util.ArrayList;
import java.util.List;

/** Get-ExchangeCertificate's Services flags, for Windows PowerShell's ConvertTo-Json, which writes enums as numbers. */
final class AllowedServices {

    private static final String[] NAMES = {"IMAP", "POP", "UM", "IIS", "SMTP", "Federation", "UMCallRouter"};

    private AllowedServices() {}

    static List<String> names(int flags) {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < NAMES.length; bit++) {
            if ((flags & (1 << bit)) != 0) {
                names.add(NAMES[bit]);
            }
        }
        if (names.isEmpty()) {
            names.add("None");
        }
        return names;
    }
}
