package io.tlsdoctor.core.fleet;

import io.tlsdoctor.core.registry.RegistryReadException;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistrySources;
import io.tlsdoctor.core.text.IoProblem;
import io.tlsdoctor.core.text.UserFacingException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code compare} and the fleet view are given: collect files ({@code *.tlsdoctor.json}, or any {@code .json}
 * snapshot), and folders holding them, or holding one sub-folder of {@code reg export} files per server (the folder's
 * name is the server's), or a mix. Files are read one at a time and handed to the comparison, which keeps a row and
 * drops the snapshot. A file that cannot be compared is reported with the way out; it never stops the others.
 */
public final class FleetInputs {

    private final RegistrySources registries;

    /** @param registries turns a server's {@code .reg} files into its snapshot (the existing .reg reader) */
    public FleetInputs(RegistrySources registries) {
        this.registries = registries;
    }

    /** Reads every input into {@code comparison}; stops early, between files, when the thread is interrupted. */
    public void read(List<Path> inputs, FleetComparison comparison) {
        for (Path input : inputs) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            if (Files.isDirectory(input)) {
                folder(input, comparison, true);
            } else if (Files.exists(input)) {
                file(input, comparison);
            } else {
                comparison.problem(input.toString(), "fleet.file.notFound", input.toString());
            }
        }
    }

    private void folder(Path folder, FleetComparison comparison, boolean top) {
        List<Path> entries;
        try {
            entries = sortedEntries(folder);
        } catch (AccessDeniedException e) {
            comparison.problem(folder.toString(), "fleet.folder.denied", folder.toString());
            return;
        } catch (IOException e) {
            comparison.problem(
                    folder.toString(),
                    "fleet.folder.unreadable",
                    IoProblem.argsFor(folder, e).toArray());
            return;
        }
        List<Path> regs = entries.stream()
                .filter(p -> isRegFile(p) && Files.isRegularFile(p))
                .toList();
        boolean snapshots = entries.stream().anyMatch(p -> isJson(p) && Files.isRegularFile(p));
        if (!regs.isEmpty() && !snapshots) {
            regFolder(folder, regs, comparison); // a server's own folder of exports
            return;
        }
        boolean found = false;
        for (Path entry : entries) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            if (Files.isDirectory(entry)) {
                if (top) {
                    folder(entry, comparison, false);
                    found = true;
                }
            } else if (isJson(entry)) {
                file(entry, comparison);
                found = true;
            } else if (isRegFile(entry)) {
                comparison.problem(entry.toString(), "fleet.file.regLoose", entry.toString());
                found = true;
            }
        }
        if (!found) {
            comparison.problem(folder.toString(), "fleet.folder.empty", folder.toString());
        }
    }

    private void file(Path file, FleetComparison comparison) {
        if (isRegFile(file)) {
            comparison.problem(file.toString(), "fleet.file.regLoose", file.toString());
            return;
        }
        try {
            comparison.add(file.toString(), ServerSnapshot.read(file));
        } catch (UserFacingException e) {
            comparison.problem(file.toString(), e.messageKey(), strings(e.args()));
        }
    }

    /** One server's exports, applied in name order as importing them would; the folder's name is the server's. */
    private void regFolder(Path folder, List<Path> regs, FleetComparison comparison) {
        String server = folder.toAbsolutePath().normalize().getFileName() == null
                ? folder.toString()
                : folder.toAbsolutePath().normalize().getFileName().toString();
        try {
            RegistrySnapshot registry = registries.fromFiles(regs).collect();
            comparison.add(
                    folder.toString(),
                    new ServerSnapshot(ServerSnapshot.SCHEMA, server, newest(regs), null, registry, List.of(), null));
        } catch (RegistryReadException e) {
            comparison.problem(folder.toString(), e.messageKey(), strings(e.args()));
        }
    }

    /** When the exports were made, as near as a folder of files can say: the newest file's time. */
    private static Instant newest(List<Path> files) {
        Instant newest = null;
        for (Path file : files) {
            try {
                FileTime time = Files.getLastModifiedTime(file);
                if (newest == null || time.toInstant().isAfter(newest)) {
                    newest = time.toInstant();
                }
            } catch (IOException e) {
                // the file was read a moment ago; without its time the comparison still stands
            }
        }
        return newest;
    }

    private static List<Path> sortedEntries(Path folder) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path entry : stream) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".")) { // our own half-written .tmp files, and the like
                    entries.add(entry);
                }
            }
        }
        entries.sort(null);
        return entries;
    }

    private static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private static boolean isRegFile(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".reg");
    }

    private static Object[] strings(Object[] args) {
        return args;
    }
}
