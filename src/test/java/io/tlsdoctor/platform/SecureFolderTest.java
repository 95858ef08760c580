package io.tlsdoctor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.WinNT;
import io.tlsdoctor.platform.windows.WindowsSecureFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The machine-wide folder the elevated undo reads from can be written only by administrators (root) and SYSTEM. */
class SecureFolderTest {

    @TempDir
    Path dir;

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void posixFoldersAreCreatedReadOnlyForOthersAndAWideOneIsNarrowed() throws Exception {
        Path created = new PosixSecureFolder().createMachineWide(dir.resolve("TLS Doctor"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created)))
                .isEqualTo("rwxr-xr-x");

        Path wide = Files.createDirectory(dir.resolve("made-by-anyone"));
        Files.setPosixFilePermissions(wide, PosixFilePermissions.fromString("rwxrwxrwx"));
        new PosixSecureFolder().createMachineWide(wide);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wide)))
                .isEqualTo("rwxr-xr-x");

        Path runs = new PosixSecureFolder().createUserPrivate(dir.resolve("runs"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(runs)))
                .isEqualTo("rwx------");
    }

    @Test
    @EnabledOnOs(OS.WINDOWS)
    void windowsFoldersGetOnlyAdministratorsAndSystemFullControlAndUsersRead() throws Exception {
        Path folder = dir.resolve("TLS Doctor");
        new WindowsSecureFolder().createMachineWide(folder);
        assertAdminsSystemFullUsersRead(folder);

        Path existing = Files.createDirectory(dir.resolve("made-unelevated")); // inherits the temp folder's rules
        new WindowsSecureFolder().createMachineWide(existing);
        assertAdminsSystemFullUsersRead(existing);
    }

    private static void assertAdminsSystemFullUsersRead(Path folder) {
        WinNT.ACE_HEADER[] aces = Advapi32Util.getFileSecurity(folder.toString(), false);
        Map<String, Integer> masks = Arrays.stream(aces)
                .map(WinNT.ACCESS_ACEStructure.class::cast)
                .collect(Collectors.toMap(ace -> ace.getSidString(), ace -> ace.Mask, (a, b) -> a | b));
        assertThat(masks).containsOnlyKeys("S-1-5-32-544", "S-1-5-18", "S-1-5-32-545");
        assertThat(masks.get("S-1-5-32-544")).isEqualTo(WinNT.FILE_ALL_ACCESS);
        assertThat(masks.get("S-1-5-18")).isEqualTo(WinNT.FILE_ALL_ACCESS);
        assertThat(masks.get("S-1-5-32-545")
                        & (WinNT.FILE_WRITE_DATA | WinNT.FILE_APPEND_DATA | WinNT.DELETE | WinNT.WRITE_DAC))
                .as("Users may not add, change or delete")
                .isZero();
        assertThat(Arrays.stream(aces).allMatch(ace -> (ace.AceFlags & WinNT.INHERITED_ACE) == 0))
                .as("nothing inherited")
                .isTrue();
    }
}
