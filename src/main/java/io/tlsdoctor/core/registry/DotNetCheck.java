package io.tlsdoctor.core.registry;

import io.tlsdoctor.core.text.LocalizedText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** .NET Framework told to use the OS's TLS 1.2 (SystemDefaultTlsVersions, SchUseStrongCrypto), v4 and v2, native and Wow6432Node. */
final class DotNetCheck extends AreaCheck {

    DotNetCheck(RegistryEvaluation evaluation) {
        super(evaluation);
    }

    @Override
    void run() {
        dotNetV4();
        dotNetViews();
        dotNetV2();
    }

    private static final List<String> DOTNET_VALUES = List.of("SystemDefaultTlsVersions", "SchUseStrongCrypto");

    private List<Evidence> dotNet(String version) {
        List<Evidence> values = new ArrayList<>();
        for (RegistryView view : RegistryView.values()) {
            String path = RegistryPaths.dotNet(version, view);
            for (String name : DOTNET_VALUES) {
                values.add(new Evidence(path, name, snapshot.value(path, name)));
            }
        }
        return values;
    }

    private List<String> uncovered(List<Evidence> values) {
        Set<String> paths = new LinkedHashSet<>();
        for (Evidence value : values) {
            if (!snapshot.covers(value.path())) {
                paths.add(value.path());
            }
        }
        return new ArrayList<>(paths);
    }

    private static boolean isOne(RegistryValue value) {
        return value != null && value.isDword() && value.number() == 1;
    }

    private void dotNetV4() {
        List<Evidence> values = dotNet(RegistryPaths.DOTNET_V4);
        List<String> missing = uncovered(values);
        if (!missing.isEmpty()) {
            add("dotnet.v4", "notExported", FindingStatus.INFO, values, false, String.join(", ", missing));
            return;
        }
        List<Evidence> notSet =
                values.stream().filter(value -> !isOne(value.value())).toList();
        if (notSet.isEmpty()) {
            add("dotnet.v4", "ok", FindingStatus.PASS, values, false);
            return;
        }
        // HealthChecker's rule: with TLS 1.0 or 1.1 switched off, .NET must be told to use the OS's TLS 1.2.
        boolean legacyOff = protocols.get(Protocol.TLS_1_0.ordinal()).label() == HealthCheckerLabel.DISABLED
                || protocols.get(Protocol.TLS_1_1.ordinal()).label() == HealthCheckerLabel.DISABLED;
        add(
                "dotnet.v4",
                legacyOff ? "notSetLegacyOff" : "notSet",
                legacyOff ? FindingStatus.FAIL : FindingStatus.WARN,
                values,
                false,
                listed(notSet));
    }

    private void dotNetViews() {
        List<LocalizedText> differing = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        boolean allCovered = true;
        for (String version : List.of(RegistryPaths.DOTNET_V4, RegistryPaths.DOTNET_V2)) {
            String nativePath = RegistryPaths.dotNet(version, RegistryView.NATIVE);
            String wowPath = RegistryPaths.dotNet(version, RegistryView.WOW6432NODE);
            if (!snapshot.covers(nativePath) || !snapshot.covers(wowPath)) {
                allCovered = false;
                continue;
            }
            for (String name : DOTNET_VALUES) {
                RegistryValue nativeValue = snapshot.value(nativePath, name);
                RegistryValue wowValue = snapshot.value(wowPath, name);
                if (!Objects.equals(nativeValue, wowValue)) {
                    differing.add(FindingTexts.format(
                            texts.word("viewsDiffer"), version + " " + name, shown(nativeValue), shown(wowValue)));
                    evidence.add(new Evidence(nativePath, name, nativeValue));
                    evidence.add(new Evidence(wowPath, name, wowValue));
                }
            }
        }
        if (!differing.isEmpty()) {
            add("dotnet.views", "differ", FindingStatus.WARN, evidence, false, FindingTexts.join(differing, "; "));
        } else if (!allCovered) {
            add("dotnet.views", "notExported", FindingStatus.INFO, evidence, false);
        } else {
            add("dotnet.views", "same", FindingStatus.PASS, evidence, false);
        }
    }

    private void dotNetV2() {
        List<Evidence> values = dotNet(RegistryPaths.DOTNET_V2);
        List<String> missing = uncovered(values);
        if (!missing.isEmpty()) {
            add("dotnet.v2", "notExported", FindingStatus.INFO, values, false, String.join(", ", missing));
            return;
        }
        List<Evidence> notSet =
                values.stream().filter(value -> !isOne(value.value())).toList();
        if (notSet.isEmpty()) {
            add("dotnet.v2", "ok", FindingStatus.PASS, values, false);
        } else {
            add("dotnet.v2", "notSet", FindingStatus.INFO, values, false, listed(notSet));
        }
    }
}
