package io.tlsdoctor.core.fix;

import io.tlsdoctor.core.registry.RegistryValue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a plan, or undoes a backup, the safe way: read every value first, save the prior state to disk, then
 * write one value at a time and read it back. On any failure every value already written is put back and read back
 * again, and the result says value by value what was written, restored or left as it was.
 */
public final class FixEngine {

    private final Clock clock;
    private final Duration pauseBetweenWrites;

    public FixEngine(Clock clock) {
        this(clock, Duration.ZERO);
    }

    /** {@code pauseBetweenWrites} exists so a test can stop the process halfway; production passes zero. */
    public FixEngine(Clock clock, Duration pauseBetweenWrites) {
        this.clock = clock;
        this.pauseBetweenWrites = pauseBetweenWrites;
    }

    public ApplyResult apply(FixPlan plan, RegistryStore store, Path backupsRoot) {
        if (plan.isBlocked()) {
            return new ApplyResult(ApplyResult.Outcome.BLOCKED, store.describe(), null, List.of(), "fix.apply.blocked", List.of());
        }
        List<Target> targets = new ArrayList<>();
        for (PlannedChange change : plan.changes()) {
            targets.add(new Target(change.location(), change.target()));
        }
        return run(targets, store, backupsRoot, plan, "apply");
    }

    /** Puts back the values of a backup folder, with its own backup first (so an undo can be undone too). */
    public ApplyResult undo(Backup backup, RegistryStore store, Path backupsRoot) {
        if (!backup.store().equals(store.describe())) {
            // A backup of one server (or of a rehearsal copy) must never be written onto another.
            return new ApplyResult(ApplyResult.Outcome.NOT_STARTED, store.describe(), null, List.of(), "fix.undo.otherStore",
                    List.of(backup.store(), store.describe()));
        }
        List<Target> targets = new ArrayList<>();
        for (Backup.Entry entry : backup.entries()) {
            targets.add(new Target(entry.location(), entry.prior()));
        }
        return run(targets, store, backupsRoot, null, "undo");
    }

    private ApplyResult run(List<Target> targets, RegistryStore store, Path backupsRoot, FixPlan plan, String purpose) {
        // 1. Read everything before touching anything.
        List<RegistryValue> before = new ArrayList<>();
        for (Target target : targets) {
            try {
                before.add(store.read(target.location()).orElse(null));
            } catch (RegistryStoreException e) {
                return notStarted(store, targets, before, e.messageKey(), List.of(e.args()));
            } catch (RuntimeException e) {
                return notStarted(store, targets, before, "fix.apply.unexpected", List.of(target.location().toString(), String.valueOf(e)));
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
                results.add(new ChangeResult(targets.get(i).location(), before.get(i), targets.get(i).wanted(), before.get(i),
                        ChangeResult.State.ALREADY_SET));
            }
            return new ApplyResult(ApplyResult.Outcome.NOTHING_TO_DO, store.describe(), null, results, null, null);
        }
        // 2. The prior state on disk before the first write.
        List<Backup.Entry> entries = new ArrayList<>();
        for (int i : pending) {
            entries.add(new Backup.Entry(targets.get(i).location(), before.get(i)));
        }
        Path folder;
        try {
            folder = BackupFolder.write(backupsRoot, new Backup(Backup.SCHEMA, clock.instant(), store.describe(), entries), plan, purpose);
        } catch (IOException | RuntimeException e) {
            return notStarted(store, targets, before, "fix.apply.backupFailed", List.of(backupsRoot.toString(), String.valueOf(e.getMessage())));
        }
        // 3. One value at a time, each read back.
        ChangeResult.State[] states = new ChangeResult.State[targets.size()];
        RegistryValue[] after = before.toArray(new RegistryValue[0]);
        for (int i = 0; i < targets.size(); i++) {
            states[i] = pending.contains(i) ? ChangeResult.State.LEFT_AS_IS : ChangeResult.State.ALREADY_SET;
        }
        for (int n = 0; n < pending.size(); n++) {
            int i = pending.get(n);
            Target target = targets.get(i);
            try {
                pauseIfAsked(n);
                put(store, target.location(), target.wanted());
                after[i] = store.read(target.location()).orElse(null);
                if (!same(after[i], target.wanted())) {
                    throw new RegistryStoreException("fix.apply.readBackDiffers",
                            List.of(target.location().toString(), show(target.wanted()), show(after[i])), null);
                }
                states[i] = ChangeResult.State.WRITTEN;
            } catch (RegistryStoreException | RuntimeException e) {
                // Whatever went wrong, and however: everything written so far goes back before we report.
                states[i] = ChangeResult.State.FAILED;
                boolean restored = rollBack(store, targets, before, pending.subList(0, n + 1), states, after);
                String key = e instanceof RegistryStoreException known ? known.messageKey() : "fix.apply.unexpected";
                List<Object> args = e instanceof RegistryStoreException known ? List.of(known.args())
                        : List.of(target.location().toString(), String.valueOf(e));
                return new ApplyResult(restored ? ApplyResult.Outcome.ROLLED_BACK : ApplyResult.Outcome.ROLLBACK_INCOMPLETE,
                        store.describe(), folder, results(targets, before, after, states), key, args);
            }
        }
        return new ApplyResult(ApplyResult.Outcome.APPLIED, store.describe(), folder, results(targets, before, after, states), null, null);
    }

    /** Puts every touched value back, newest first, and reads each back; true when all match the backup again. */
    private static boolean rollBack(RegistryStore store, List<Target> targets, List<RegistryValue> before, List<Integer> touched,
                                    ChangeResult.State[] states, RegistryValue[] after) {
        boolean all = true;
        for (int n = touched.size() - 1; n >= 0; n--) {
            int i = touched.get(n);
            RegistryLocation location = targets.get(i).location();
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

    private static void put(RegistryStore store, RegistryLocation location, RegistryValue value) throws RegistryStoreException {
        if (value == null) {
            store.delete(location);
        } else {
            store.write(location, value);
        }
    }

    private void pauseIfAsked(int writesDone) {
        if (writesDone > 0 && !pauseBetweenWrites.isZero()) {
            try {
                Thread.sleep(pauseBetweenWrites.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ApplyResult notStarted(RegistryStore store, List<Target> targets, List<RegistryValue> before, String key,
                                          List<Object> args) {
        List<ChangeResult> results = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            RegistryValue value = i < before.size() ? before.get(i) : null;
            results.add(new ChangeResult(targets.get(i).location(), value, targets.get(i).wanted(), value, ChangeResult.State.LEFT_AS_IS));
        }
        return new ApplyResult(ApplyResult.Outcome.NOT_STARTED, store.describe(), null, results, key, args);
    }

    private static List<ChangeResult> results(List<Target> targets, List<RegistryValue> before, RegistryValue[] after,
                                              ChangeResult.State[] states) {
        List<ChangeResult> results = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            results.add(new ChangeResult(targets.get(i).location(), before.get(i), targets.get(i).wanted(), after[i], states[i]));
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
    private record Target(RegistryLocation location, RegistryValue wanted) {
    }
}
