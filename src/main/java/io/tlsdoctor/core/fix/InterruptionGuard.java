package io.tlsdoctor.core.fix;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * While a change runs, a shutdown hook stands by: on Ctrl-C, a closed console or a shutdown (SIGTERM, not kill -9)
 * it waits for the write in hand to finish, stops every later one, settles the store from the journal (nothing
 * landed, all of it, or a part that it puts back) and tells the user before the process ends. The journal keeps the
 * outcome so the next run says it again; after a kill -9 that next run settles it instead.
 */
final class InterruptionGuard implements AutoCloseable {

    /** Thrown into the change's own thread when the hook has taken over. */
    static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super("interrupted", null, false, false);
        }
    }

    /** One store operation, made while no interruption can settle the store under it. */
    interface Step {
        boolean run() throws RegistryStoreException;
    }

    private static final long HOOK_WAIT_SECONDS = 20;

    private final ReentrantLock critical = new ReentrantLock();
    private final RegistryStore store;
    private final StoreLock lock;
    private final FixJournal journal;
    private final FixEvents events;
    private final Thread hook;
    private volatile boolean interrupted;
    private boolean finished;

    InterruptionGuard(RegistryStore store, StoreLock lock, FixJournal journal, FixEvents events) {
        this.store = store;
        this.lock = lock;
        this.journal = journal;
        this.events = events;
        this.hook = new Thread(this::settle, "tlsdoctor-fix-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    boolean step(Step step) throws RegistryStoreException {
        critical.lock();
        try {
            if (interrupted) {
                throw new Interrupted();
            }
            return step.run();
        } finally {
            critical.unlock();
        }
    }

    boolean stepQuietly(BooleanSupplier step) {
        critical.lock();
        try {
            if (interrupted) {
                throw new Interrupted();
            }
            return step.getAsBoolean();
        } finally {
            critical.unlock();
        }
    }

    /** The change ended as reported: the journal goes, and an interruption from now on has nothing to settle. */
    void finish() {
        critical.lock();
        try {
            if (interrupted) {
                throw new Interrupted();
            }
            finished = true;
            lock.clearJournal();
        } catch (RegistryStoreException e) {
            // the journal stays; the next run finds the store as this one left it and says so
        } finally {
            critical.unlock();
        }
    }

    private void settle() {
        boolean held;
        try {
            held = critical.tryLock(HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            return;
        }
        if (!held) {
            return; // a write hangs: the journal stays for the next start
        }
        try {
            if (finished) {
                return;
            }
            interrupted = true;
            FixJournal resolved = FixRecovery.resolve(journal, store);
            lock.writeJournal(resolved.toBytes());
            events.interrupted(resolved);
        } catch (RegistryStoreException | RuntimeException e) {
            // the journal stays IN_PROGRESS: the next start settles it
        } finally {
            critical.unlock();
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }
}
