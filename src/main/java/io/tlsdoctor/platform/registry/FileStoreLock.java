package io.tlsdoctor.platform.registry;

import io.tlsdoctor.core.fix.RegistryStoreException;
import io.tlsdoctor.core.fix.StoreLock;
import io.tlsdoctor.core.text.IoProblem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * An operating-system lock on a small file that stays beside the store (removing it would let two processes lock two
 * different files of one name), whose content is the journal of the change in progress: empty when none is. The lock
 * ends with the process, however it ends, so a killed run never blocks the next.
 */
final class FileStoreLock implements StoreLock {

    /** Another change usually takes well under a second; a run waits that long before saying the store is busy. */
    private static final long WAIT_MILLIS = 3_000;

    private final FileChannel channel;
    private final FileLock lock;
    private final String store;

    private FileStoreLock(FileChannel channel, FileLock lock, String store) {
        this.channel = channel;
        this.lock = lock;
        this.store = store;
    }

    static FileStoreLock acquire(Path lockFile, String store) throws RegistryStoreException {
        FileChannel channel;
        try {
            channel = FileChannel.open(
                    lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new RegistryStoreException("fix.store.lockFailed", IoProblem.argsFor(lockFile, e), e);
        }
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        try {
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException sameProcess) {
                    lock = null;
                }
                if (lock != null) {
                    return new FileStoreLock(channel, lock, store);
                }
                if (System.nanoTime() > deadline) {
                    throw new RegistryStoreException("fix.store.busy", List.of(store, lockFile.toString()), null);
                }
                Thread.sleep(50);
            }
        } catch (IOException | InterruptedException | RegistryStoreException e) {
            closeQuietly(channel);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (e instanceof RegistryStoreException known) {
                throw known;
            }
            throw new RegistryStoreException("fix.store.lockFailed", IoProblem.argsFor(lockFile, e), e);
        }
    }

    @Override
    public Optional<byte[]> journal() throws RegistryStoreException {
        try {
            long size = channel.size();
            if (size == 0) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, 16 * 1024 * 1024));
            channel.position(0);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read on
            }
            return Optional.of(java.util.Arrays.copyOf(buffer.array(), buffer.position()));
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void writeJournal(byte[] content) throws RegistryStoreException {
        try {
            channel.truncate(0);
            channel.position(0);
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void clearJournal() throws RegistryStoreException {
        try {
            channel.truncate(0);
            channel.force(true);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private RegistryStoreException failed(IOException e) {
        return new RegistryStoreException("fix.store.journalFailed", IoProblem.argsFor(store, e), e);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
