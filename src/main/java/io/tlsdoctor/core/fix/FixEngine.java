package io.tlsdoctor.core.fix;

import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.text.IoProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a plan, or undoes a backup, the safe way. With the store locked for the whole change: settle any change an
 * earlier process left unfinished, read every value, save the prior state to disk and name it, journal the change,
 * then make every write (all at once where the store can: a .reg file replaced in one move, a registry transaction)
 * and read each value back from the store itself. On any failure every value already written is put back; on an
 * interruption (Ctrl-C, a closed console) a shutdown hook does the same before the process ends; after a kill the
 * next process to lock the store finds the journal and does it then. Either way the user is told.
 */
public final class FixEngine {

    private final Clock clock;
    private final FixEvents events;
    private final FixCheckpoint checkpoint;
    private final FixAudit audit;

    public FixEngine(Clock clock) {
        this(clock, FixEvents.NONE, FixCheckpoint.NONE);
    }

    public FixEngine(Clock clock, FixEvents events, FixCheckpoint checkpoint) {
        this(clock, events, checkpoint, FixAudit.NONE);
    }

    public FixEngine(Clock clock, FixEvents events, FixCheckpoint checkpoint, FixAudit audit) {
        this.clock = clock;
        this.events = events;
        this.checkpoint = checkpoint;
        this.audit = audit;
    }

    public ApplyResult apply(FixPlan plan, RegistryStore store, Path backupsRoot) {
        return apply(plan, null, store, backupsRoot);
    }

    /**
     * As {@link #apply(FixPlan, RegistryStore, Path)}; {@code reviewedDigest} is the SHA-256 of the plan file the user
     * reviewed, for the audit trail (null: the digest of the plan's copy in the backup folder is recorded).
     */
    public ApplyResult apply(FixPlan plan, String reviewedDigest, RegistryStore store, Path backupsRoot) {
        return FixLog.logged("apply", store.describe(), applyOnce(plan, reviewedDigest, store, backupsRoot));
    }

    private ApplyResult applyOnce(FixPlan plan, String reviewedDigest, RegistryStore store, Path backupsRoot) {
        if (plan.isBlocked()) {
            return new ApplyResult(
                    ApplyResult.Outcome.BLOCKED, store.describe(), null, List.of(), "fix.apply.blocked", List.of());
        }
        List<Target> targets = new ArrayList<>();
        for (PlannedChange change : plan.changes()) {
            targets.add(new Target(change.location(), change.target()));
        }
        ApplyResult result =
                locked(store, targets, lock -> run(lock, targets, store, backupsRoot, plan, "apply", null));
        String digest = reviewedDigest != null
                ? reviewedDigest
                : StateDigest.of(Json.pretty(plan).getBytes(StandardCharsets.UTF_8));
        return audited(result, AuditEntry.Action.APPLY, store, digest, null);
    }

    /**
     * Records a finished change in the audit trail. After the change, not before: the entry states what was read
     * back, and the journal (not the trail) is what survives a crash mid-change. A trail that cannot be written never
     * undoes or hides the change: the result stays what it was, with a warning beside it.
     */
    private ApplyResult audited(
            ApplyResult result, AuditEntry.Action action, RegistryStore store, String planDigest, Path undoes) {
        boolean changeHappened = result.backupFolder() != null
                && switch (result.outcome()) {
                    case APPLIED, ROLLED_BACK, ROLLBACK_INCOMPLETE -> true;
                    default -> false; // NOT_STARTED with a folder: interrupted, and the shutdown hook has told the user
                };
        if (!changeHappened) {
            return result;
        }
        boolean rehearsal;
        try {
            rehearsal = store.content().isPresent();
        } catch (RegistryStoreException | RuntimeException e) {
            rehearsal = false;
        }
        AuditEntry entry = AuditEntry.of(
                clock.instant(), action, result, rehearsal, planDigest, undoes, audit.requester(), audit.runAs());
        AuditOutcome outcome;
        try {
            outcome = audit.trail().record(entry);
        } catch (Exception | LinkageError e) {
            FixLog.failed("the audit trail " + audit.trail().describe(), e);
            outcome = AuditOutcome.failed(audit.trail().describe(), e);
        }
        return outcome == null ? result : result.withAudit(outcome);
    }

    /** Puts back the values of a backup, with its own backup first (so an undo can be undone too). */
    public ApplyResult undo(Backup backup, RegistryStore store, Path backupsRoot) {
        return undo(backup, null, store, backupsRoot);
    }

    /**
     * As {@link #undo(Backup, RegistryStore, Path)}; with the backup's folder, a .reg store still exactly as the change
     * left it gets back every byte it had (keys the change created go too).
     */
    public ApplyResult undo(Backup backup, Path backupFolder, RegistryStore store, Path backupsRoot) {
        FixLog.undoing(backupFolder);
        return FixLog.logged("undo", store.describe(), undoOnce(backup, backupFolder, store, backupsRoot));
    }

    private ApplyResult undoOnce(Backup backup, Path backupFolder, RegistryStore store, Path backupsRoot) {
        String identity = store.identity();
        boolean sameStore = backup.storeId() != null
                ? backup.storeId().equals(identity)
                : backup.store().equals(store.describe());
        if (!sameStore) {
            // A backup of one server (or of a rehearsal copy) must never be written onto another.
            return new ApplyResult(
                    ApplyResult.Outcome.NOT_STARTED,
                    store.describe(),
                    null,
                    List.of(),
                    "fix.undo.otherStore",
                    List.of(backup.store(), store.describe()));
        }
        List<Target> targets = new ArrayList<>();
        for (Backup.Entry entry : backup.entries()) {
            targets.add(new Target(entry.location(), entry.prior()));
        }
        ApplyResult result = locked(store, targets, lock -> {
            List<RegistryValue> now = new ArrayList<>();
            for (Target target : targets) {
                try {
                    now.add(store.read(target.location()).orElse(null));
                } catch (RegistryStoreException e) {
                    return notStarted(store, targets, now, e.messageKey(), List.of(e.args()));
                }
            }
            Optional<ApplyResult> refused = refuseForeignState(backup, store, now);
            if (refused.isPresent()) {
                return refused.get();
            }
            return run(lock, targets, store, backupsRoot, null, "undo", wholeFileBefore(backupFolder, store));
        });
        return audited(result, AuditEntry.Action.UNDO, store, null, backupFolder);
    }

    /**
     * The store must hold what the change left (or a part of it, after an interrupted or failed change): anything else
     * means another server's store at this path, or later edits, which an undo must not overwrite.
     */
    private static Optional<ApplyResult> refuseForeignState(
            Backup backup, RegistryStore store, List<RegistryValue> now) {
        if (backup.expects() == null) {
            return Optional.empty();
        }
        List<Map.Entry<RegistryLocation, RegistryValue>> state = new ArrayList<>();
        for (int i = 0; i < backup.entries().size(); i++) {
            state.add(new AbstractMap.SimpleImmutableEntry<>(
                    backup.entries().get(i).location(), now.get(i)));
        }
        if (StateDigest.ofValues(state).equals(backup.expects())) {
            return Optional.empty();
        }
        for (int i = 0; i < backup.entries().size(); i++) {
            Backup.Entry entry = backup.entries().get(i);
            if (!same(now.get(i), entry.prior()) && !same(now.get(i), entry.after())) {
                return Optional.of(new ApplyResult(
                        ApplyResult.Outcome.NOT_STARTED,
                        store.describe(),
                        null,
                        List.of(),
                        "fix.undo.stateDiffers",
                        List.of(store.describe(), entry.location().toString(), show(now.get(i)), show(entry.after()))));
            }
        }
        return Optional.empty();
    }

    /** The whole .reg file before the change, when the file is still byte for byte what the change left. */
    private static byte[] wholeFileBefore(Path backupFolder, RegistryStore store) throws RegistryStoreException {
        if (backupFolder == null) {
            return null;
        }
        Path before = backupFolder.resolve(Backup.STORE_BEFORE);
        Path afterDigest = backupFolder.resolve(Backup.STORE_AFTER_DIGEST);
        Optional<byte[]> content = store.content();
        if (content.isEmpty() || !Files.isRegularFile(before) || !Files.isRegularFile(afterDigest)) {
            return null;
        }
        try {
            if (!Files.readString(afterDigest).strip().equalsIgnoreCase(StateDigest.of(content.get()))) {
                return null;
            }
            return Files.readAllBytes(before);
        } catch (IOException e) {
            return null;
        }
    }

    private interface Locked {
        ApplyResult run(StoreLock lock) throws RegistryStoreException;
    }

    /** Holds the store for the whole change, settling first what an earlier process left unfinished. */
    private ApplyResult locked(RegistryStore store, List<Target> targets, Locked body) {
        StoreLock lock;
        try {
            lock = store.lock();
        } catch (RegistryStoreException e) {
            FixLog.failed("locking " + store.describe(), e);
            return notStarted(store, targets, List.of(), e.messageKey(), List.of(e.args()));
        }
        try (lock) {
            settleEarlier(lock, store);
            return body.run(lock);
        } catch (RegistryStoreException e) {
            FixLog.failed("changing " + store.describe(), e);
            return notStarted(store, targets, List.of(), e.messageKey(), List.of(e.args()));
        }
    }

    private void settleEarlier(StoreLock lock, RegistryStore store) throws RegistryStoreException {
        Optional<byte[]> bytes = lock.journal();
        if (bytes.isEmpty() || bytes.get().length == 0) {
            return;
        }
        FixJournal journal;
        try {
            journal = FixJournal.fromBytes(bytes.get());
        } catch (IOException | RuntimeException e) {
            lock.clearJournal(); // not ours to act on; the backups are still on disk
            return;
        }
        FixJournal resolved =
                journal.state() == FixJournal.State.RESOLVED ? journal : FixRecovery.resolve(journal, store);
        events.earlierChangeInterrupted(resolved);
        lock.clearJournal();
    }

    private ApplyResult run(
            StoreLock lock,
            List<Target> targets,
            RegistryStore store,
            Path backupsRoot,
            FixPlan plan,
            String purpose,
            byte[] wholeFile)
            throws RegistryStoreException {
        // 1. Read everything before touching anything.
        List<RegistryValue> before = new ArrayList<>();
        for (Target target : targets) {
            try {
                before.add(store.read(target.location()).orElse(null));
            } catch (RegistryStoreException e) {
                FixLog.failed("reading " + target.location(), e);
                return notStarted(store, targets, before, e.messageKey(), List.of(e.args()));
            } catch (RuntimeException e) {
                FixLog.failed("reading " + target.location(), e);
                return notStarted(
                        store, targets, before, "fix.apply.unexpected", IoProblem.argsFor(target.location(), e));
            }
        }
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            if (!same(before.get(i), targets.get(i).wanted())) {
                pending.add(i);
            }
        }
        if (pending.isEmpty()) {
            List<ChangeResult> results = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                results.add(new ChangeResult(
                        targets.get(i).location(),
                        before.get(i),
                        targets.get(i).wanted(),
                        before.get(i),
                        ChangeResult.State.ALREADY_SET));
            }
            return new ApplyResult(ApplyResult.Outcome.NOTHING_TO_DO, store.describe(), null, results, null, null);
        }
        // 2. The prior state on disk, and named to the user, before the first write; then the journal.
        List<Backup.Entry> entries = new ArrayList<>();
        List<FixJournal.Target> journalTargets = new ArrayList<>();
        List<Map.Entry<RegistryLocation, RegistryValue>> leaves = new ArrayList<>();
        for (int i : pending) {
            entries.add(new Backup.Entry(
                    targets.get(i).location(), before.get(i), targets.get(i).wanted()));
            journalTargets.add(new FixJournal.Target(
                    targets.get(i).location(), before.get(i), targets.get(i).wanted()));
            leaves.add(new AbstractMap.SimpleImmutableEntry<>(
                    targets.get(i).location(), targets.get(i).wanted()));
        }
        byte[] content = store.content().orElse(null);
        Backup backup = new Backup(
                Backup.SCHEMA,
                clock.instant(),
                store.describe(),
                store.identity(),
                StateDigest.ofValues(leaves),
                entries);
        // The whole SCHANNEL key (and the .NET and WinHTTP keys touched) as they are, or nothing is changed.
        String fullBackup;
        List<String> roots =
                FullBackup.roots(targets.stream().map(Target::location).toList());
        try {
            fullBackup = FullBackup.text(store.exportKeys(roots), roots, store.describe(), backup.takenAt());
        } catch (RegistryStoreException e) {
            FixLog.failed("the full backup of " + store.describe(), e);
            return notStarted(store, targets, before, e.messageKey(), List.of(e.args()));
        } catch (RuntimeException e) {
            FixLog.failed("the full backup of " + store.describe(), e);
            return notStarted(
                    store, targets, before, "fix.apply.fullBackupFailed", IoProblem.argsFor(store.describe(), e));
        }
        Path folder;
        try {
            folder = BackupFolder.write(backupsRoot, backup, plan, purpose, content, fullBackup);
        } catch (IOException | RuntimeException e) {
            FixLog.failed("saving the backup in " + backupsRoot, e);
            return notStarted(store, targets, before, "fix.apply.backupFailed", IoProblem.argsFor(backupsRoot, e));
        }
        events.backupSaved(folder);
        FixJournal journal = new FixJournal(
                FixJournal.SCHEMA,
                FixJournal.State.IN_PROGRESS,
                purpose,
                store.describe(),
                folder,
                clock.instant(),
                ProcessHandle.current().pid(),
                journalTargets,
                null,
                null);
        try {
            lock.writeJournal(journal.toBytes());
        } catch (RegistryStoreException e) {
            FixLog.failed("the journal of " + store.describe(), e);
            return notStarted(store, targets, before, e.messageKey(), List.of(e.args()));
        }
        // 3. Every write, at once where the store can, each value read back from the store.
        try (InterruptionGuard guard = new InterruptionGuard(store, lock, journal, events)) {
            return write(guard, targets, before, pending, store, folder, content != null, wholeFile);
        }
    }

    private ApplyResult write(
            InterruptionGuard guard,
            List<Target> targets,
            List<RegistryValue> before,
            List<Integer> pending,
            RegistryStore store,
            Path folder,
            boolean isFile,
            byte[] wholeFile) {
        ChangeResult.State[] states = new ChangeResult.State[targets.size()];
        RegistryValue[] after = before.toArray(new RegistryValue[0]);
        for (int i = 0; i < targets.size(); i++) {
            states[i] = pending.contains(i) ? ChangeResult.State.LEFT_AS_IS : ChangeResult.State.ALREADY_SET;
        }
        checkpoint.reached(FixCheckpoint.BEFORE_FIRST_WRITE);
        int reached = 0;
        boolean atomic = false;
        try {
            boolean replaced = false;
            if (wholeFile != null) {
                String expected = StateDigest.of(store.content().orElse(new byte[0]));
                replaced = guard.step(() -> store.replaceContent(wholeFile, expected));
                atomic = true;
                reached = pending.size();
            }
            if (!replaced) {
                try (StoreChange change = store.begin()) {
                    atomic = change.atomic();
                    for (int n = 0; n < pending.size(); n++) {
                        int i = pending.get(n);
                        reached = n + 1;
                        guard.step(() -> {
                            change.put(targets.get(i).location(), targets.get(i).wanted());
                            return true;
                        });
                        if (n + 1 < pending.size()) {
                            checkpoint.reached(FixCheckpoint.BETWEEN_WRITES);
                        }
                    }
                    checkpoint.reached(FixCheckpoint.BEFORE_COMMIT);
                    guard.step(() -> {
                        change.commit();
                        return true;
                    });
                }
            }
            checkpoint.reached(FixCheckpoint.AFTER_COMMIT);
            for (int i : pending) {
                after[i] = store.read(targets.get(i).location()).orElse(null);
                if (!same(after[i], targets.get(i).wanted())) {
                    throw new RegistryStoreException(
                            "fix.apply.readBackDiffers",
                            List.of(
                                    targets.get(i).location().toString(),
                                    show(targets.get(i).wanted()),
                                    show(after[i])),
                            null);
                }
                states[i] = ChangeResult.State.WRITTEN;
            }
        } catch (InterruptionGuard.Interrupted e) {
            // The shutdown hook has settled the store and told the user; the process is ending.
            return new ApplyResult(
                    ApplyResult.Outcome.NOT_STARTED,
                    store.describe(),
                    folder,
                    results(targets, before, after, states),
                    "fix.apply.interrupted",
                    List.of(store.describe()));
        } catch (RegistryStoreException | RuntimeException e) {
            // Whatever went wrong, and however: everything that may have landed goes back before we report.
            List<Integer> touched = atomic ? pending : pending.subList(0, Math.max(reached, 1));
            if (!atomic && reached > 0) {
                states[pending.get(reached - 1)] = ChangeResult.State.FAILED;
            }
            boolean wasAtomic = atomic;
            boolean restored =
                    guard.stepQuietly(() -> rollBack(store, targets, before, touched, states, after, wasAtomic));
            if (restored) {
                guard.finish();
            }
            String key = e instanceof RegistryStoreException known ? known.messageKey() : "fix.apply.unexpected";
            String where = reached > 0
                    ? targets.get(pending.get(reached - 1)).location().toString()
                    : store.describe();
            FixLog.failed("changing " + where, e);
            List<Object> args =
                    e instanceof RegistryStoreException known ? List.of(known.args()) : IoProblem.argsFor(where, e);
            return new ApplyResult(
                    restored ? ApplyResult.Outcome.ROLLED_BACK : ApplyResult.Outcome.ROLLBACK_INCOMPLETE,
                    store.describe(),
                    folder,
                    results(targets, before, after, states),
                    key,
                    args);
        }
        if (isFile) {
            FixRecovery.recordStoreAfter(folder, store);
        }
        guard.finish();
        return new ApplyResult(
                ApplyResult.Outcome.APPLIED,
                store.describe(),
                folder,
                results(targets, before, after, states),
                null,
                null);
    }

    /**
     * Puts every touched value back, newest first, and reads each back; true when all match the backup again. After an
     * atomic change failed, a value that reads as before never landed and is left as it is.
     */
    private static boolean rollBack(
            RegistryStore store,
            List<Target> targets,
            List<RegistryValue> before,
            List<Integer> touched,
            ChangeResult.State[] states,
            RegistryValue[] after,
            boolean atomic) {
        boolean all = true;
        for (int n = touched.size() - 1; n >= 0; n--) {
            int i = touched.get(n);
            RegistryLocation location = targets.get(i).location();
            if (atomic) {
                try {
                    after[i] = store.read(location).orElse(null);
                    if (same(after[i], before.get(i))) {
                        states[i] = ChangeResult.State.LEFT_AS_IS;
                        continue;
                    }
                } catch (RegistryStoreException | RuntimeException unreadable) {
                    // fall through to putting it back
                }
            }
            try {
                put(store, location, before.get(i));
                after[i] = store.read(location).orElse(null);
                if (same(after[i], before.get(i))) {
                    states[i] = ChangeResult.State.RESTORED;
                    continue;
                }
            } catch (RegistryStoreException | RuntimeException e) {
                try {
                    after[i] = store.read(location).orElse(null);
                } catch (RegistryStoreException | RuntimeException unreadable) {
                    after[i] = null;
                }
                if (same(after[i], before.get(i))) {
                    states[i] = ChangeResult.State.RESTORED; // the failed write never landed
                    continue;
                }
            }
            states[i] = ChangeResult.State.FAILED;
            all = false;
        }
        return all;
    }

    private static void put(RegistryStore store, RegistryLocation location, RegistryValue value)
            throws RegistryStoreException {
        if (value == null) {
            store.delete(location);
        } else {
            store.write(location, value);
        }
    }

    private static ApplyResult notStarted(
            RegistryStore store, List<Target> targets, List<RegistryValue> before, String key, List<Object> args) {
        List<ChangeResult> results = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            RegistryValue value = i < before.size() ? before.get(i) : null;
            results.add(new ChangeResult(
                    targets.get(i).location(), value, targets.get(i).wanted(), value, ChangeResult.State.LEFT_AS_IS));
        }
        return new ApplyResult(ApplyResult.Outcome.NOT_STARTED, store.describe(), null, results, key, args);
    }

    private static List<ChangeResult> results(
            List<Target> targets, List<RegistryValue> before, RegistryValue[] after, ChangeResult.State[] states) {
        List<ChangeResult> results = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            results.add(new ChangeResult(
                    targets.get(i).location(), before.get(i), targets.get(i).wanted(), after[i], states[i]));
        }
        return results;
    }

    /** Same type and data: a REG_SZ "1" is not the REG_DWORD 1 SChannel wants. */
    static boolean same(RegistryValue a, RegistryValue b) {
        return Objects.equals(a, b);
    }

    private static String show(RegistryValue value) {
        return Optional.ofNullable(value).map(RegistryValue::display).orElse("-");
    }

    /** One value and what it should become; {@code wanted} null means absent. */
    private record Target(RegistryLocation location, RegistryValue wanted) {}
}
