package io.tlsdoctor.core.registry;

import io.tlsdoctor.core.text.LocalizedText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The cipher suite order (Group Policy first, then the local list, then the OS default) offers one Exchange Online accepts. */
final class CipherSuiteCheck extends AreaCheck {

    CipherSuiteCheck(RegistryEvaluation evaluation) {
        super(evaluation);
    }

    @Override
    void run() {
        cipherSuites();
    }

    private void cipherSuites() {
        String id = "ciphers.exo";
        RegistryValue policy = snapshot.value(RegistryPaths.CIPHER_POLICY, "Functions");
        RegistryValue local = snapshot.value(RegistryPaths.CIPHER_LOCAL, "Functions");
        List<Evidence> evidence = List.of(
                new Evidence(RegistryPaths.CIPHER_POLICY, "Functions", policy),
                new Evidence(RegistryPaths.CIPHER_LOCAL, "Functions", local));
        List<String> suites;
        LocalizedText source;
        if (policy != null) {
            // Group Policy writes one comma-separated REG_SZ and it takes precedence over the local list.
            if (policy.type() != RegistryValueType.REG_SZ) {
                add(
                        id,
                        "wrongType",
                        FindingStatus.WARN,
                        evidence,
                        false,
                        RegistryPaths.CIPHER_POLICY + "\\Functions",
                        policy.display(),
                        "REG_SZ");
                return;
            }
            suites = Arrays.asList(policy.text().split(","));
            source = texts.word("source.policy");
        } else if (!snapshot.covers(RegistryPaths.CIPHER_POLICY)) {
            add(id, "notExported", FindingStatus.INFO, evidence, false, RegistryPaths.CIPHER_POLICY);
            return;
        } else if (local != null) {
            if (local.type() != RegistryValueType.REG_MULTI_SZ) {
                add(
                        id,
                        "wrongType",
                        FindingStatus.WARN,
                        evidence,
                        false,
                        RegistryPaths.CIPHER_LOCAL + "\\Functions",
                        local.display(),
                        "REG_MULTI_SZ");
                return;
            }
            suites = local.texts();
            source = texts.word("source.local");
        } else if (!snapshot.covers(RegistryPaths.CIPHER_LOCAL)) {
            add(id, "notExported", FindingStatus.INFO, evidence, false, RegistryPaths.CIPHER_LOCAL);
            return;
        } else {
            Set<Boolean> defaults = new LinkedHashSet<>();
            for (WindowsServer candidate : candidates) {
                defaults.add(OsDefaults.get().of(candidate).defaultSuitesIncludeExo());
            }
            if (defaults.size() == 1 && defaults.contains(Boolean.TRUE)) {
                add(id, "default", FindingStatus.PASS, evidence, false, osName());
            } else {
                add(id, "defaultUnknown", FindingStatus.INFO, evidence, defaults.size() > 1, osName());
            }
            return;
        }
        List<String> matching = new ArrayList<>();
        for (String suite : suites) {
            String name = suite.trim().toUpperCase(Locale.ROOT).replaceAll("_P(256|384|521)$", "");
            if (ExchangeFacts.get().exoCipherSuites().contains(name) && !matching.contains(name)) {
                matching.add(name);
            }
        }
        if (matching.isEmpty()) {
            add(
                    id,
                    "none",
                    FindingStatus.FAIL,
                    evidence,
                    false,
                    source,
                    String.join(", ", ExchangeFacts.get().exoCipherSuites().subList(0, 2)));
        } else {
            add(id, "ok", FindingStatus.PASS, evidence, false, source, String.join(", ", matching));
        }
    }
}
