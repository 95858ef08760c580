package io.tlsdoctor.cli;

import io.tlsdoctor.core.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The checks before a command writes a file the user named: never over one of the command's own inputs (not even
 * with {@code --force}), never over an existing file without {@code --force}, and only with a name that says what is
 * in it.
 */
final class OutputFile {

    private OutputFile() {}

    /**
     * @param option     the option that named it ("--out"), for the message
     * @param extensions what the name must end with (lower case, with the dot); empty: any
     */
    static void check(
            Messages m, Path out, String option, boolean force, Collection<Path> inputs, List<String> extensions) {
        String name =
                out.getFileName() == null ? out.toString() : out.getFileName().toString();
        if (!extensions.isEmpty()
                && extensions.stream()
                        .noneMatch(e -> name.toLowerCase(Locale.ROOT).endsWith(e))) {
            throw new UsageException(m.get(
                    "cli.out.extension",
                    out.toString(),
                    option,
                    String.join(", ", extensions),
                    "name" + extensions.get(0)));
        }
        for (Path input : inputs) {
            if (input != null && same(out, input)) {
                throw new UsageException(m.get("cli.out.isInput", out.toString(), option));
            }
        }
        if (Files.isDirectory(out)) {
            throw new UsageException(m.get("cli.out.isFolder", out.toString(), option));
        }
        if (Files.exists(out) && !force) {
            throw new UsageException(m.get("cli.out.exists", out.toString(), option));
        }
    }

    /** The same file however it is spelt (or through a link); two paths to nothing yet are the same when they resolve alike. */
    static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall back to comparing the paths
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
