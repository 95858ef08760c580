package io.tlsdoctor.core.registry;

import java.util.ArrayList;
import java.util.List;

/** The Windows version: named or given, still supported, and which findings depended on it when it is not known. Runs last. */
final class OsSupportCheck extends AreaCheck {

    OsSupportCheck(RegistryEvaluation evaluation) {
        super(evaluation);
    }

    @Override
    void run() {
        osSupport();
    }

    private void osSupport() {
        String id = "os.support";
        List<Evidence> evidence = new ArrayList<>();
        for (String name : List.of("ProductName", "CurrentBuild", "UBR", "InstallationType")) {
            evidence.add(new Evidence(RegistryPaths.OS, name, snapshot.value(RegistryPaths.OS, name)));
        }
        if (os.source() == OsSource.GIVEN && os.fromRegistry() != null && os.fromRegistry() != os.version()) {
            add(
                    "os.given",
                    "differs",
                    FindingStatus.WARN,
                    evidence,
                    false,
                    os.version().displayName(),
                    os.fromRegistry().displayName());
        }
        if (!os.known()) {
            List<String> depending = new ArrayList<>();
            for (Finding finding : evaluation.findings()) {
                if (finding.dependsOnOs()) {
                    depending.add(finding.id());
                }
            }
            Object list = depending.isEmpty() ? texts.word("noneDepend") : String.join(", ", depending);
            add(id, "unknown", FindingStatus.INFO, evidence, false, list);
            return;
        }
        switch (os.version()) {
            case WS2008R2 -> add(id, "old2008r2", FindingStatus.WARN, evidence, false, os.name());
            case WS2012, WS2012R2 -> add(id, "old2012", FindingStatus.WARN, evidence, false, os.name());
            default -> add(id, "ok", FindingStatus.PASS, evidence, false, os.name());
        }
    }
}
