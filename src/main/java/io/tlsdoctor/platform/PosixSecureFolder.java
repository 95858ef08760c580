package io.tlsdoctor.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The POSIX twin of the Windows access list: the owner may write, group and others may only read and enter
 * ({@code rwxr-xr-x}). A folder that exists with write access for group or others has it taken away.
 */
public final class PosixSecureFolder implements DataFolders.SecureFolder {

    static final Set<PosixFilePermission> MACHINE_WIDE = PosixFilePermissions.fromString("rwxr-xr-x");
    static final Set<PosixFilePermission> USER_PRIVATE = PosixFilePermissions.fromString("rwx------");

    @Override
    public Path createMachineWide(Path folder) throws IOException {
        return create(folder, MACHINE_WIDE);
    }

    @Override
    public Path createUserPrivate(Path folder) throws IOException {
        return create(folder, USER_PRIVATE);
    }

    private static Path create(Path folder, Set<PosixFilePermission> permissions) throws IOException {
        if (folder.getParent() != null) {
            Files.createDirectories(folder.getParent());
        }
        if (!Files.isDirectory(folder)) {
            // created with the mode given (the umask can only take rights away), never briefly wider
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(permissions));
        }
        Set<PosixFilePermission> now = EnumSet.copyOf(Files.getPosixFilePermissions(folder));
        if (!now.equals(permissions)) {
            Files.setPosixFilePermissions(folder, permissions);
        }
        return folder;
    }
}
