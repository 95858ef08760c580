package io.tlsdoctor.platform.registry;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import io.tlsdoctor.core.fix.RegistryStoreException;
import io.tlsdoctor.core.fix.StoreLock;
import io.tlsdoctor.core.text.EventLog;
import io.tlsdoctor.core.text.IoProblem;
import io.tlsdoctor.platform.DataFolders;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The live registry held for one change at a time across every session of this computer: a named mutex in the
 * {@code Global\} namespace (Windows releases it when the holder dies, however it dies), with the change's journal in
 * {@code %ProgramData%\TLS Doctor\journal}, a folder only administrators can write.
 */
final class LiveRegistryLock implements StoreLock {

    static final String MUTEX = "Global\\TLSDoctor-LiveRegistry";
    private static final Logger LOG = EventLog.of(LiveRegistryLock.class);
    private static final int WAIT_MILLIS = 3_000;
    private static final int WAIT_ABANDONED = 0x80;

    private final WinNT.HANDLE mutex;
    private final Path journal;

    private LiveRegistryLock(WinNT.HANDLE mutex, Path journal) {
        this.mutex = mutex;
        this.journal = journal;
    }

    static LiveRegistryLock acquire(String store) throws RegistryStoreException {
        Path folder;
        try {
            folder = DataFolders.SecureFolder.forThisMachine()
                    .createMachineWide(DataFolders.createRoot().resolve("journal"));
        } catch (IOException | RuntimeException e) {
            throw new RegistryStoreException("fix.store.lockFailed", IoProblem.argsFor(store, e), e);
        }
        WinNT.HANDLE mutex = Kernel32.INSTANCE.CreateMutex(null, false, MUTEX);
        if (mutex == null) {
            throw windowsRefused(store, "CreateMutex " + Kernel32.INSTANCE.GetLastError());
        }
        int waited = Kernel32.INSTANCE.WaitForSingleObject(mutex, WAIT_MILLIS);
        if (waited == WinBase.WAIT_OBJECT_0 || waited == WAIT_ABANDONED) {
            // abandoned: the last holder died mid-change; its journal below says what to settle
            return new LiveRegistryLock(mutex, folder.resolve("live-registry.json"));
        }
        Kernel32.INSTANCE.CloseHandle(mutex);
        if (waited == WinError.WAIT_TIMEOUT) {
            throw new RegistryStoreException("fix.store.busy", List.of(store, MUTEX), null);
        }
        throw windowsRefused(store, "WaitForSingleObject " + waited);
    }

    /** A Windows call that failed without an exception: its name and code go to the log, the user is pointed there. */
    private static RegistryStoreException windowsRefused(String store, String call) {
        LOG.warning(() -> "locking " + store + " failed: " + call);
        return new RegistryStoreException(
                "fix.store.lockFailed", List.of(store, store, IoProblem.Kind.OTHER.code()), null);
    }

    @Override
    public Optional<byte[]> journal() throws RegistryStoreException {
        try {
            return Optional.of(Files.readAllBytes(journal));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void writeJournal(byte[] content) throws RegistryStoreException {
        try {
            Path temp = Files.createTempFile(journal.getParent(), "live-registry-", ".tmp");
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, journal, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void clearJournal() throws RegistryStoreException {
        try {
            Files.deleteIfExists(journal);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private RegistryStoreException failed(IOException e) {
        return new RegistryStoreException("fix.store.journalFailed", IoProblem.argsFor(journal, e), e);
    }

    @Override
    public void close() {
        Kernel32.INSTANCE.ReleaseMutex(mutex);
        Kernel32.INSTANCE.CloseHandle(mutex);
    }
}
