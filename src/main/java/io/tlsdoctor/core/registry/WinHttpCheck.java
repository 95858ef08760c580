package io.tlsdoctor.core.registry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** WinHTTP's DefaultSecureProtocols includes TLS 1.2, set or by the OS default. */
final class WinHttpCheck extends AreaCheck {

    WinHttpCheck(RegistryEvaluation evaluation) {
        super(evaluation);
    }

    @Override
    void run() {
        winHttp();
    }

    private static final String WINHTTP_VALUE = "DefaultSecureProtocols";
    private static final long WINHTTP_TLS12 = 0x800;

    private enum WinHttpView {
        OK,
        NO,
        DEFAULT_OK,
        DEFAULT_NO,
        UNKNOWN,
        NOT_EXPORTED
    }

    private void winHttp() {
        List<Evidence> evidence = new ArrayList<>();
        List<Evidence> without = new ArrayList<>();
        Set<WinHttpView> views = new LinkedHashSet<>();
        for (RegistryView view : RegistryView.values()) {
            String path = RegistryPaths.winHttp(view);
            RegistryValue value = snapshot.value(path, WINHTTP_VALUE);
            Evidence item = new Evidence(path, WINHTTP_VALUE, value);
            evidence.add(item);
            if (!snapshot.covers(path)) {
                views.add(WinHttpView.NOT_EXPORTED);
            } else if (value != null && value.isDword()) {
                boolean tls12 = (value.number() & WINHTTP_TLS12) != 0;
                views.add(tls12 ? WinHttpView.OK : WinHttpView.NO);
                if (!tls12) {
                    without.add(item);
                }
            } else {
                Set<Boolean> defaults = new LinkedHashSet<>();
                for (WindowsServer candidate : candidates) {
                    defaults.add(OsDefaults.get().of(candidate).winHttpTls12ByDefault());
                }
                views.add(
                        defaults.size() > 1
                                ? WinHttpView.UNKNOWN
                                : defaults.contains(Boolean.TRUE) ? WinHttpView.DEFAULT_OK : WinHttpView.DEFAULT_NO);
            }
        }
        if (views.contains(WinHttpView.NO)) {
            add("winhttp", "noTls12", FindingStatus.WARN, evidence, false, listed(without));
        } else if (views.contains(WinHttpView.DEFAULT_NO)) {
            add("winhttp", "defaultOld", FindingStatus.WARN, evidence, false, osName());
        } else if (views.contains(WinHttpView.NOT_EXPORTED)) {
            add("winhttp", "notExported", FindingStatus.INFO, evidence, false);
        } else if (views.contains(WinHttpView.UNKNOWN)) {
            add("winhttp", "unknownOs", FindingStatus.INFO, evidence, true);
        } else if (views.contains(WinHttpView.DEFAULT_OK)) {
            add("winhttp", "default", FindingStatus.PASS, evidence, false, osName());
        } else {
            add("winhttp", "ok", FindingStatus.PASS, evidence, false);
        }
    }
}
