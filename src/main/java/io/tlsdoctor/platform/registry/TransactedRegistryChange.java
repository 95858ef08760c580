package io.tlsdoctor.platform.registry;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.W32Errors;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;
import io.tlsdoctor.core.fix.RegistryLocation;
import io.tlsdoctor.core.fix.RegistryStoreException;
import io.tlsdoctor.core.fix.StoreChange;
import io.tlsdoctor.core.registry.RegistryValue;
import java.util.List;

/**
 * Registry writes in one kernel transaction (KTM): every value of a change lands at {@code CommitTransaction} or none
 * does. A process that dies before the commit (kill, crash, power cut) leaves nothing behind: Windows rolls the
 * transaction back when its handle goes. Microsoft discourages KTM for new designs but keeps it supported; where it
 * is missing the store falls back to value-by-value writes under the engine's journal.
 */
final class TransactedRegistryChange implements StoreChange {

    /** ktmw32.dll, which jna-platform does not map. */
    interface Ktm extends StdCallLibrary {
        Ktm INSTANCE = Native.load("ktmw32", Ktm.class, W32APIOptions.DEFAULT_OPTIONS);

        WinNT.HANDLE CreateTransaction(
                Pointer attributes,
                Pointer unitOfWork,
                int createOptions,
                int isolationLevel,
                int isolationFlags,
                int timeout,
                WString description);

        boolean CommitTransaction(WinNT.HANDLE transaction);

        boolean RollbackTransaction(WinNT.HANDLE transaction);
    }

    /** The transacted key functions of advapi32 (RegCreateKeyTransactedW, RegOpenKeyTransactedW). */
    interface TransactedKeys extends StdCallLibrary {
        TransactedKeys INSTANCE = Native.load("advapi32", TransactedKeys.class, W32APIOptions.UNICODE_OPTIONS);

        int RegCreateKeyTransacted(
                WinReg.HKEY key,
                String subKey,
                int reserved,
                String keyClass,
                int options,
                int desired,
                Pointer security,
                WinReg.HKEYByReference result,
                IntByReference disposition,
                WinNT.HANDLE transaction,
                Pointer extended);

        int RegOpenKeyTransacted(
                WinReg.HKEY key,
                String subKey,
                int options,
                int desired,
                WinReg.HKEYByReference result,
                WinNT.HANDLE transaction,
                Pointer extended);
    }

    private final WinNT.HANDLE transaction;
    private boolean committed;

    private TransactedRegistryChange(WinNT.HANDLE transaction) {
        this.transaction = transaction;
    }

    /** A new transaction, or empty where KTM cannot be had (then the caller writes value by value). */
    static java.util.Optional<StoreChange> begin() {
        try {
            WinNT.HANDLE transaction =
                    Ktm.INSTANCE.CreateTransaction(null, null, 0, 0, 0, 0, new WString("TLS Doctor fix"));
            if (transaction == null || WinNT.INVALID_HANDLE_VALUE.equals(transaction)) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new TransactedRegistryChange(transaction));
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public void put(RegistryLocation location, RegistryValue value) throws RegistryStoreException {
        WindowsKeyPath path = WindowsKeyPath.of(location.keyPath());
        WinReg.HKEYByReference handle = new WinReg.HKEYByReference();
        if (value == null) {
            int rc = TransactedKeys.INSTANCE.RegOpenKeyTransacted(
                    path.root(), path.subKey(), 0, WinNT.KEY_SET_VALUE | path.view(), handle, transaction, null);
            if (rc == WinError.ERROR_FILE_NOT_FOUND) {
                return;
            }
            check(rc, location);
            try {
                rc = Advapi32.INSTANCE.RegDeleteValue(handle.getValue(), location.name());
                if (rc != WinError.ERROR_FILE_NOT_FOUND) {
                    check(rc, location);
                }
            } finally {
                Advapi32.INSTANCE.RegCloseKey(handle.getValue());
            }
            return;
        }
        IntByReference disposition = new IntByReference();
        int rc = TransactedKeys.INSTANCE.RegCreateKeyTransacted(
                path.root(),
                path.subKey(),
                0,
                null,
                WinNT.REG_OPTION_NON_VOLATILE,
                WinNT.KEY_READ | WinNT.KEY_WRITE | path.view(),
                null,
                handle,
                disposition,
                transaction,
                null);
        check(rc, location);
        try {
            byte[] data = WindowsRegistryStore.bytes(value);
            rc = Advapi32.INSTANCE.RegSetValueEx(
                    handle.getValue(), location.name(), 0, value.type().code(), data, data.length);
            check(rc, location);
        } finally {
            Advapi32.INSTANCE.RegCloseKey(handle.getValue());
        }
    }

    @Override
    public void commit() throws RegistryStoreException {
        if (!Ktm.INSTANCE.CommitTransaction(transaction)) {
            int error = Native.getLastError();
            throw new RegistryStoreException(
                    "fix.store.liveFailed",
                    List.of("HKEY_LOCAL_MACHINE", Kernel32Util.formatMessageFromLastErrorCode(error)),
                    null);
        }
        committed = true;
    }

    @Override
    public boolean atomic() {
        return true;
    }

    @Override
    public void close() {
        if (!committed) {
            Ktm.INSTANCE.RollbackTransaction(transaction);
        }
        Kernel32.INSTANCE.CloseHandle(transaction);
    }

    private static void check(int rc, RegistryLocation location) throws RegistryStoreException {
        if (rc == WinError.ERROR_ACCESS_DENIED) {
            throw new RegistryStoreException("fix.store.accessDenied", List.of(location.toString()), null);
        }
        if (rc != W32Errors.ERROR_SUCCESS) {
            throw new RegistryStoreException(
                    "fix.store.liveFailed",
                    List.of(location.toString(), Kernel32Util.formatMessageFromLastErrorCode(rc)),
                    null);
        }
    }
}
