package io.tlsdoctor.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** File failures told as what a helpdesk user can act on, whatever Java or Windows called them. */
class IoProblemTest {

    private static final String BACKUPS = "C:\\ProgramData\\TLS Doctor\\backups";
    private static final String FILE = "C:\\ProgramData\\TLS Doctor\\backups\\2026-12-03T15-00-00Z-apply\\backup.json";

    @TempDir
    Path dir;

    @Test
    void commonFailuresAreRecognisedWithThePathTheyName() throws Exception {
        assertThat(IoProblem.of(new AccessDeniedException(FILE), BACKUPS))
                .isEqualTo(new IoProblem(IoProblem.Kind.ACCESS_DENIED, FILE));
        assertThat(IoProblem.of(new NoSuchFileException("Z:\\backups"), BACKUPS))
                .isEqualTo(new IoProblem(IoProblem.Kind.NOT_FOUND, "Z:\\backups"));
        assertThat(IoProblem.of(
                        new UncheckedIOException(new FileSystemException(
                                FILE,
                                null,
                                "The process cannot access the file because it is being used by another process")),
                        BACKUPS))
                .isEqualTo(new IoProblem(IoProblem.Kind.IN_USE, FILE));
        assertThat(IoProblem.of(new FileSystemException(FILE, null, "There is not enough space on the disk"), BACKUPS)
                        .kind())
                .isEqualTo(IoProblem.Kind.DISK_FULL);
        assertThat(IoProblem.of(new IOException("No space left on device"), BACKUPS))
                .as("a failure that names no file names what the caller was working on")
                .isEqualTo(new IoProblem(IoProblem.Kind.DISK_FULL, BACKUPS));
        assertThat(IoProblem.of(new FileNotFoundException(FILE + " (Access is denied)"), BACKUPS)
                        .kind())
                .as("java.io says 'not found' for a file Windows refuses")
                .isEqualTo(IoProblem.Kind.ACCESS_DENIED);
        assertThat(IoProblem.of(
                                new FileNotFoundException(FILE + " (The system cannot find the path specified)"),
                                BACKUPS)
                        .kind())
                .isEqualTo(IoProblem.Kind.NOT_FOUND);
        assertThat(IoProblem.of(new ReadOnlyFileSystemException(), BACKUPS))
                .isEqualTo(new IoProblem(IoProblem.Kind.READ_ONLY, BACKUPS));
        Path file = Files.writeString(dir.resolve("backups"), "x");
        assertThat(IoProblem.of(new FileAlreadyExistsException(file.toString()), BACKUPS)
                        .kind())
                .isEqualTo(IoProblem.Kind.NOT_A_FOLDER);
        assertThat(IoProblem.of(
                        new FileSystemException(file.resolve("summary.html").toString(), null, "Not a directory"),
                        BACKUPS))
                .as("the file that stands where a folder belongs, not the one to be written in it")
                .isEqualTo(new IoProblem(IoProblem.Kind.NOT_A_FOLDER, file.toString()));
        Path missing = dir.resolve("gone");
        assertThat(IoProblem.of(
                        new NoSuchFileException(
                                missing.resolve("2026").resolve("x.json").toString()),
                        BACKUPS))
                .as("the outermost missing folder")
                .isEqualTo(new IoProblem(IoProblem.Kind.NOT_FOUND, missing.toString()));
        assertThat(IoProblem.of(new IllegalStateException("odd"), BACKUPS))
                .isEqualTo(new IoProblem(IoProblem.Kind.OTHER, BACKUPS));
    }

    @Test
    void aFolderWhereAFileBelongsIsToldAsSuchNotAsAccessDeniedOrNotFound() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("summary.json"));
        IoProblem read = null;
        try {
            Files.readAllBytes(folder);
        } catch (IOException e) {
            read = IoProblem.of(e, folder);
        }
        assertThat(read)
                .as("Linux: 'Is a directory' names no file")
                .isEqualTo(new IoProblem(IoProblem.Kind.NOT_A_FILE, folder.toString()));
        IoProblem written = null;
        try {
            Files.writeString(folder, "x");
        } catch (IOException e) {
            written = IoProblem.of(e, dir);
        }
        assertThat(written).isEqualTo(new IoProblem(IoProblem.Kind.NOT_A_FILE, folder.toString()));
        assertThat(IoProblem.of(new FileNotFoundException(folder + " (Is a directory)"), folder)
                        .kind())
                .as("java.io says 'not found' for a folder opened as a file")
                .isEqualTo(IoProblem.Kind.NOT_A_FILE);
        assertThat(IoProblem.ofFile(new AccessDeniedException(folder.toString()), folder))
                .as("Windows says 'access denied' when a folder is opened as a file")
                .isEqualTo(new IoProblem(IoProblem.Kind.NOT_A_FILE, folder.toString()));
        assertThat(IoProblem.of(new AccessDeniedException(folder.toString()), folder))
                .as("a folder that may not be listed is denied access")
                .isEqualTo(new IoProblem(IoProblem.Kind.ACCESS_DENIED, folder.toString()));
        assertThat(IoProblem.argsForFile(folder, new AccessDeniedException(folder.toString())))
                .containsExactly(folder.toString(), folder.toString(), IoProblem.Kind.NOT_A_FILE.code());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "fix.apply.unexpected",
                "fix.apply.fullBackupFailed",
                "fix.apply.backupFailed",
                "fix.store.writeFailed",
                "fix.store.lockFailed",
                "fix.store.journalFailed",
                "summary.error.write",
                "fleet.collect.writeFailed",
                "cli.connectors.error.write",
                "step.summary.saveFailed",
                "bundle.failed",
                "bundle.error.cannotWrite"
            })
    void everyKindReadsAsASentenceWithTheWayOutInBothLanguages(String key) {
        for (IoProblem.Kind kind : IoProblem.Kind.values()) {
            List<Object> args = List.of(BACKUPS, FILE, kind.code());
            for (Messages m : List.of(Messages.forLocale(Languages.ENGLISH), Messages.forLocale(Languages.SWEDISH))) {
                String text = m.get(key, args.toArray());
                assertThat(text)
                        .as("%s %s %s", key, kind, m.locale())
                        .contains(BACKUPS)
                        .doesNotContain("{")
                        .doesNotContain("java.")
                        .doesNotContain("Exception")
                        .endsWith(".")
                        .doesNotContain("..");
                if (kind != IoProblem.Kind.OTHER && kind != IoProblem.Kind.DISK_FULL) {
                    assertThat(text).as("%s %s names the file", key, kind).contains(FILE);
                }
            }
        }
        Messages english = Messages.forLocale(Languages.ENGLISH);
        assertThat(english.get(key, BACKUPS, FILE, IoProblem.Kind.ACCESS_DENIED.code()))
                .contains("access to " + FILE + " was denied. Run TLS Doctor as an administrator");
        assertThat(english.get(key, BACKUPS, "Z:\\backups", IoProblem.Kind.NOT_FOUND.code()))
                .contains("Z:\\backups was not found. Check that it exists");
        assertThat(Messages.forLocale(Languages.SWEDISH).get(key, BACKUPS, FILE, IoProblem.Kind.ACCESS_DENIED.code()))
                .contains("åtkomst till " + FILE + " nekades. Kör TLS Doctor som administratör");
        assertThat(english.get(key, BACKUPS, FILE, IoProblem.Kind.NOT_A_FILE.code()))
                .contains(FILE + " is a folder, not a file");
    }
}
