package io.tlsdoctor.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;
import io.tlsdoctor.platform.DataFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Folders with an explicit, protected access list (nothing inherited from ProgramData, which lets any user add files):
 * created with it in one call, or given it when they exist. The lists are SDDL: {@code BA} Administrators, {@code SY}
 * SYSTEM, {@code BU} Users, {@code OW} the owner; {@code OICI} hands each entry down to files and folders inside.
 */
public final class WindowsSecureFolder implements DataFolders.SecureFolder {

    /** Administrators and SYSTEM full control, Users read and execute (0x1200a9), protected from inheritance. */
    static final String MACHINE_WIDE = "D:PAI(A;OICI;FA;;;BA)(A;OICI;FA;;;SY)(A;OICI;0x1200a9;;;BU)";
    /** The owner, Administrators and SYSTEM only. */
    static final String USER_PRIVATE = "D:PAI(A;OICI;FA;;;OW)(A;OICI;FA;;;BA)(A;OICI;FA;;;SY)";

    private static final int SE_FILE_OBJECT = 1;
    private static final int DACL_SECURITY_INFORMATION = 0x4;
    private static final int PROTECTED_DACL_SECURITY_INFORMATION = 0x80000000;
    private static final int SDDL_REVISION_1 = 1;

    /** What jna-platform does not map. */
    interface Sddl extends StdCallLibrary {
        Sddl INSTANCE = Native.load("advapi32", Sddl.class, W32APIOptions.UNICODE_OPTIONS);

        boolean ConvertStringSecurityDescriptorToSecurityDescriptor(
                String sddl, int revision, PointerByReference descriptor, IntByReference size);

        boolean GetSecurityDescriptorDacl(
                Pointer descriptor, IntByReference present, PointerByReference dacl, IntByReference defaulted);
    }

    @Override
    public Path createMachineWide(Path folder) throws IOException {
        return create(folder, MACHINE_WIDE);
    }

    @Override
    public Path createUserPrivate(Path folder) throws IOException {
        return create(folder, USER_PRIVATE);
    }

    private static Path create(Path folder, String sddl) throws IOException {
        if (folder.getParent() != null) {
            Files.createDirectories(folder.getParent());
        }
        PointerByReference descriptor = new PointerByReference();
        if (!Sddl.INSTANCE.ConvertStringSecurityDescriptorToSecurityDescriptor(
                sddl, SDDL_REVISION_1, descriptor, null)) {
            throw new IOException(
                    "access list " + sddl + ": " + Kernel32Util.formatMessageFromLastErrorCode(Native.getLastError()));
        }
        try {
            if (!Files.isDirectory(folder)) {
                WinBase.SECURITY_ATTRIBUTES attributes = new WinBase.SECURITY_ATTRIBUTES();
                attributes.dwLength = new com.sun.jna.platform.win32.WinDef.DWORD(attributes.size());
                attributes.lpSecurityDescriptor = descriptor.getValue();
                attributes.bInheritHandle = false;
                if (Kernel32.INSTANCE.CreateDirectory(folder.toString(), attributes)) {
                    return folder;
                }
                if (!Files.isDirectory(folder)) { // not made by another process at the same moment
                    throw new IOException(
                            folder + ": " + Kernel32Util.formatMessageFromLastErrorCode(Native.getLastError()));
                }
            }
            // It existed, perhaps made unelevated with ProgramData's inherited rules: replace its list.
            IntByReference present = new IntByReference();
            PointerByReference dacl = new PointerByReference();
            IntByReference defaulted = new IntByReference();
            if (!Sddl.INSTANCE.GetSecurityDescriptorDacl(descriptor.getValue(), present, dacl, defaulted)) {
                throw new IOException(
                        folder + ": " + Kernel32Util.formatMessageFromLastErrorCode(Native.getLastError()));
            }
            int rc = Advapi32.INSTANCE.SetNamedSecurityInfo(
                    folder.toString(),
                    SE_FILE_OBJECT,
                    DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
                    null,
                    null,
                    dacl.getValue(),
                    null);
            if (rc != 0) {
                throw new IOException(folder + ": " + Kernel32Util.formatMessageFromLastErrorCode(rc));
            }
            return folder;
        } finally {
            Kernel32.INSTANCE.LocalFree(descriptor.getValue());
        }
    }
}
