package io.tlsdoctor.core.fix;

import io.tlsdoctor.core.registry.RegistryValue;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Settles a change that did not finish: by reading the store itself, it is found to have landed wholly (kept, and
 * undoable from its backup), not at all, or in part; a part is put back from the journal's prior values, so no store
 * is ever left half changed without the user being told.
 */
final class FixRecovery {

    private FixRecovery() {}

    static FixJournal resolve(FixJournal journal, RegistryStore store) {
        List<FixJournal.Target> targets = journal.targets();
        RegistryValue[] now = new RegistryValue[targets.size()];
        boolean[] unreadable = new boolean[targets.size()];
        boolean allPrior = true;
        boolean allWanted = true;
        for (int i = 0; i < targets.size(); i++) {
            try {
                now[i] = store.read(targets.get(i).location()).orElse(null);
            } catch (RegistryStoreException | RuntimeException e) {
                unreadable[i] = true;
            }
            allPrior &= !unreadable[i] && Objects.equals(now[i], targets.get(i).prior());
            allWanted &= !unreadable[i] && Objects.equals(now[i], targets.get(i).wanted());
        }
        if (allPrior) {
            return journal.resolved(FixJournal.Resolution.NOTHING_CHANGED, 0);
        }
        if (allWanted) {
            recordStoreAfter(journal.backupFolder(), store);
            return journal.resolved(FixJournal.Resolution.COMPLETE, 0);
        }
        int putBack = 0;
        try (StoreChange change = store.begin()) {
            for (int i = 0; i < targets.size(); i++) {
                if (unreadable[i] || !Objects.equals(now[i], targets.get(i).prior())) {
                    change.put(targets.get(i).location(), targets.get(i).prior());
                    putBack++;
                }
            }
            change.commit();
        } catch (RegistryStoreException | RuntimeException e) {
            return journal.resolved(FixJournal.Resolution.ROLLBACK_FAILED, putBack);
        }
        for (FixJournal.Target target : targets) {
            try {
                if (!Objects.equals(store.read(target.location()).orElse(null), target.prior())) {
                    return journal.resolved(FixJournal.Resolution.ROLLBACK_FAILED, putBack);
                }
            } catch (RegistryStoreException | RuntimeException e) {
                return journal.resolved(FixJournal.Resolution.ROLLBACK_FAILED, putBack);
            }
        }
        return journal.resolved(FixJournal.Resolution.ROLLED_BACK, putBack);
    }

    /** A complete change to a .reg store can still be undone byte for byte: note the file as it now is. */
    static void recordStoreAfter(java.nio.file.Path folder, RegistryStore store) {
        try {
            var content = store.content();
            if (content.isPresent() && folder != null) {
                BackupFolder.recordStoreAfter(folder, StateDigest.of(content.get()));
            }
        } catch (RegistryStoreException | IOException | RuntimeException e) {
            // without it an undo restores value by value, which is still correct
        }
    }
}
