package io.tlsdoctor.core.registry;

import java.util.ArrayList;
import java.util.List;

/** Value hygiene: every value SChannel, .NET and WinHTTP read as a DWORD has that type and, but for bit masks, is 0 or 1. */
final class ValueTypesCheck extends AreaCheck {

    ValueTypesCheck(RegistryEvaluation evaluation) {
        super(evaluation);
    }

    @Override
    void run() {
        registryTypes();
        nonStandardValues();
    }

    private static final List<String> DOTNET_VALUES = List.of("SystemDefaultTlsVersions", "SchUseStrongCrypto");
    private static final String WINHTTP_VALUE = "DefaultSecureProtocols";

    /** Every value the check reads as a DWORD, with where it lives. */
    private List<Evidence> dwordValues() {
        List<Evidence> values = new ArrayList<>();
        for (Protocol protocol : Protocol.values()) {
            for (Role role : Role.values()) {
                String path = RegistryPaths.protocol(protocol, role);
                values.add(new Evidence(path, "Enabled", snapshot.value(path, "Enabled")));
                values.add(new Evidence(path, "DisabledByDefault", snapshot.value(path, "DisabledByDefault")));
            }
        }
        for (String version : List.of(RegistryPaths.DOTNET_V4, RegistryPaths.DOTNET_V2)) {
            for (RegistryView view : RegistryView.values()) {
                String path = RegistryPaths.dotNet(version, view);
                for (String name : DOTNET_VALUES) {
                    values.add(new Evidence(path, name, snapshot.value(path, name)));
                }
            }
        }
        for (RegistryView view : RegistryView.values()) {
            values.add(new Evidence(
                    RegistryPaths.winHttp(view),
                    WINHTTP_VALUE,
                    snapshot.value(RegistryPaths.winHttp(view), WINHTTP_VALUE)));
        }
        return values;
    }

    private void registryTypes() {
        List<Evidence> wrong = new ArrayList<>();
        for (Evidence value : dwordValues()) {
            if (value.value() != null && !value.value().isDword()) {
                wrong.add(value);
            }
        }
        if (wrong.isEmpty()) {
            add("registry.types", "ok", FindingStatus.PASS, wrong, false);
        } else {
            add("registry.types", "wrong", FindingStatus.WARN, wrong, false, listed(wrong));
        }
    }

    private void nonStandardValues() {
        List<Evidence> odd = new ArrayList<>();
        for (Evidence value : dwordValues()) {
            RegistryValue raw = value.value();
            boolean winHttp = value.name().equals(WINHTTP_VALUE); // a bit mask, any number is normal
            if (raw != null && raw.isDword() && !winHttp && raw.number() != 0 && raw.number() != 1) {
                odd.add(value);
            }
        }
        if (odd.isEmpty()) {
            add("registry.nonstandard", "ok", FindingStatus.PASS, odd, false);
        } else {
            add("registry.nonstandard", "found", FindingStatus.INFO, odd, false, listed(odd));
        }
    }
}
