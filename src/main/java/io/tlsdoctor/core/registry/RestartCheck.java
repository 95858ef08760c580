package io.tlsdoctor.core.registry;

import io.tlsdoctor.core.text.LocalizedText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A restart Windows is waiting for, and TLS keys written since the last start (live reads only). */
final class RestartCheck extends AreaCheck {

    RestartCheck(RegistryEvaluation evaluation) {
        super(evaluation);
    }

    @Override
    void run() {
        restartPending();
        tlsChangedSinceBoot();
    }

    private void restartPending() {
        List<LocalizedText> found = new ArrayList<>();
        List<LocalizedText> checked = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        RegistryValue renames = snapshot.value(RegistryPaths.SESSION_MANAGER, "PendingFileRenameOperations");
        marker("marker.fileRename", RegistryPaths.SESSION_MANAGER, renames != null, found, checked);
        if (renames != null) {
            evidence.add(new Evidence(RegistryPaths.SESSION_MANAGER, "PendingFileRenameOperations", renames));
        }
        RegistryValue flags = snapshot.value(RegistryPaths.UPDATE_EXE_VOLATILE, "Flags");
        boolean updateExe = flags != null && (flags.number() == null || flags.number() != 0);
        marker("marker.updateExe", RegistryPaths.UPDATE_EXE_VOLATILE, updateExe, found, checked);
        if (updateExe) {
            evidence.add(new Evidence(RegistryPaths.UPDATE_EXE_VOLATILE, "Flags", flags));
        }
        marker(
                "marker.cbs",
                RegistryPaths.CBS_REBOOT_PENDING,
                snapshot.hasKey(RegistryPaths.CBS_REBOOT_PENDING),
                found,
                checked);
        marker(
                "marker.windowsUpdate",
                RegistryPaths.WU_REBOOT_REQUIRED,
                snapshot.hasKey(RegistryPaths.WU_REBOOT_REQUIRED),
                found,
                checked);
        if (!found.isEmpty()) {
            add("restart.pending", "pending", FindingStatus.WARN, evidence, false, FindingTexts.join(found, "; "));
        } else if (checked.isEmpty()) {
            add("restart.pending", "notExported", FindingStatus.INFO, evidence, false);
        } else {
            add("restart.pending", "none", FindingStatus.PASS, evidence, false, FindingTexts.join(checked, "; "));
        }
    }

    private void marker(
            String word, String path, boolean present, List<LocalizedText> found, List<LocalizedText> checked) {
        if (present) {
            found.add(texts.word(word));
        } else if (snapshot.covers(path)) {
            checked.add(texts.word(word));
        }
    }

    private void tlsChangedSinceBoot() {
        Instant boot = snapshot.lastBoot();
        if (!snapshot.isLive() || boot == null) {
            add("restart.tlsChanged", "offline", FindingStatus.INFO, List.of(), false);
            return;
        }
        List<String> changed = new ArrayList<>();
        for (RegistryKey key : snapshot.keys()) {
            if (key.lastWritten() != null && key.lastWritten().isAfter(boot) && isTlsKey(key.path())) {
                changed.add(key.path());
            }
        }
        if (changed.isEmpty()) {
            add("restart.tlsChanged", "no", FindingStatus.PASS, List.of(), false, boot.toString());
        } else {
            add(
                    "restart.tlsChanged",
                    "yes",
                    FindingStatus.WARN,
                    List.of(),
                    false,
                    String.join(", ", changed),
                    boot.toString());
        }
    }

    private boolean isTlsKey(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.startsWith(RegistryPaths.SCHANNEL.toLowerCase(Locale.ROOT))
                || lower.contains("\\.netframework\\")
                || lower.endsWith("\\internet settings\\winhttp")
                || lower.endsWith("\\ssl\\00010002");
    }
}
