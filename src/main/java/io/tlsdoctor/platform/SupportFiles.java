package io.tlsdoctor.platform;

import io.tlsdoctor.core.report.DiagnosisSummary;
import io.tlsdoctor.core.report.SupportBundle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a support bundle takes from this computer: the user's log folder, the elevated helper's, the backups of live
 * changes and of rehearsals, and the saved case a restart left behind ({@code resume.json}). A folder two of these
 * share (on Linux the machine-wide and the user's folder are one) goes in once.
 */
public final class SupportFiles {

    private SupportFiles() {}

    public static SupportBundle.Contents of(DiagnosisSummary summary) {
        return of(
                summary,
                UserLogs.folder(),
                LogFiles.machineFolder(),
                DataFolders.backups(),
                DataFolders.rehearsalBackups(),
                DataFolders.userRoot().resolve("resume.json"));
    }

    public static SupportBundle.Contents of(
            DiagnosisSummary summary,
            Path userLogs,
            Path machineLogs,
            Path backups,
            Path rehearsalBackups,
            Path resume) {
        Set<Path> seen = new LinkedHashSet<>();
        List<SupportBundle.Source> folders = new ArrayList<>();
        add(folders, seen, "logs/user", userLogs);
        add(folders, seen, "logs/machine", machineLogs);
        add(folders, seen, "backups/machine", backups);
        add(folders, seen, "backups/rehearsal", rehearsalBackups);
        return new SupportBundle.Contents(
                folders, summary, List.of(new SupportBundle.Source("case/resume.json", resume)));
    }

    private static void add(List<SupportBundle.Source> folders, Set<Path> seen, String name, Path folder) {
        if (seen.add(folder.toAbsolutePath().normalize())) {
            folders.add(new SupportBundle.Source(name, folder));
        }
    }
}
