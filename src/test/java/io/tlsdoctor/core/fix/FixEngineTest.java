package io.tlsdoctor.core.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.platform.registry.RegFileRegistryStore;
import io.tlsdoctor.platform.registry.RegFileSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apply, verify, undo against the offline store, with failures injected at every write. */
class FixEngineTest {

    @TempDir
    Path dir;

    private Path export;
    private FixPlan plan;
    private byte[] original;

    @BeforeEach
    void planOnAServerWithTls12OffAndDotNetMissing() throws Exception {
        export = RegExports.create()
                .os("Windows Server 2019 Standard", "17763")
                .side("TLS 1.2", "Client", 0L, 1L)
                .side("TLS 1.2", "Server", 0L, 1L)
                .key(RegExports.DOTNET4)
                .string("SchUseStrongCrypto", "1") // an admin's REG_SZ: must come back as REG_SZ
                .write(dir.resolve("export.reg"));
        original = Files.readAllBytes(export);
        RegistrySnapshot snapshot = new RegFileSource(List.of(export)).collect();
        RegistryReport report = new RegistryEvaluator().evaluate(snapshot);
        plan = new FixPlanner(Clock.systemUTC())
                .plan(snapshot, report, Direction.ONPREM_TO_EXO, FixPlan.Kind.ENABLE_TLS12);
        assertThat(plan.changes()).hasSizeGreaterThan(6);
    }

    @Test
    void applyWritesEveryValueReadsItBackAndKeepsTheBackupOnDiskFirst() throws Exception {
        Path backups = dir.resolve("backups");
        RecordingStore store = new RecordingStore(RegFileRegistryStore.open(export), backups);
        ApplyResult result = new FixEngine(Clock.systemUTC()).apply(plan, store, backups);

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(store.backupExistedAtFirstWrite)
                .as("backup.json on disk before the first write")
                .isTrue();
        assertThat(result.changes()).allSatisfy(c -> assertThat(c.state()).isEqualTo(ChangeResult.State.WRITTEN));
        assertThat(result.backupFolder().resolve("restore.reg")).exists();
        assertThat(result.backupFolder().resolve("plan.json")).exists();
        Backup backup = Backup.load(result.backupFolder());
        assertThat(backup.entries()).hasSameSizeAs(plan.changes());
        assertThat(backup.entries()).anySatisfy(e -> {
            assertThat(e.location().name()).isEqualTo("SchUseStrongCrypto");
            assertThat(e.location().keyPath()).isEqualTo(RegExports.DOTNET4);
            assertThat(e.prior()).isEqualTo(RegistryValue.string("1"));
        });
        assertThat(backup.entries()).anySatisfy(e -> assertThat(e.prior()).isNull()); // absent before: deleted on undo

        ApplyResult second = new FixEngine(Clock.systemUTC()).apply(plan, RegFileRegistryStore.open(export), backups);
        assertThat(second.outcome()).isEqualTo(ApplyResult.Outcome.NOTHING_TO_DO);
        assertThat(second.backupFolder()).isNull();
        try (Stream<Path> folders = Files.list(backups)) {
            assertThat(folders.count())
                    .as("the second apply made no new backup")
                    .isEqualTo(1);
        }

        ApplyResult undo = new FixEngine(Clock.systemUTC()).undo(backup, RegFileRegistryStore.open(export), backups);
        assertThat(undo.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(valuesOf(export)).isEqualTo(valuesOf(writeOriginal()));
    }

    @Test
    void aFailureAtAnyWriteRollsBackToExactlyTheBackup() throws Exception {
        for (int failAt = 1; failAt <= plan.changes().size(); failAt++) {
            Files.write(export, original);
            Path backups = dir.resolve("backups-" + failAt);
            FailingStore store = new FailingStore(RegFileRegistryStore.open(export), failAt, false);
            ApplyResult result = new FixEngine(Clock.systemUTC()).apply(plan, store, backups);

            assertThat(result.outcome()).as("fail at write %d", failAt).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
            assertThat(result.problemKey()).isEqualTo("fix.store.writeFailed");
            long restored = result.changes().stream()
                    .filter(c -> c.state() == ChangeResult.State.RESTORED)
                    .count();
            long untouched = result.changes().stream()
                    .filter(c -> c.state() == ChangeResult.State.LEFT_AS_IS)
                    .count();
            assertThat(restored)
                    .as("values written before the failure, and the failed one")
                    .isEqualTo(failAt);
            assertThat(untouched).isEqualTo(plan.changes().size() - failAt);
            Backup backup = Backup.load(result.backupFolder());
            for (Backup.Entry entry : backup.entries()) {
                assertThat(RegFileRegistryStore.open(export)
                                .read(entry.location())
                                .orElse(null))
                        .as("%s after failing at %d", entry.location(), failAt)
                        .isEqualTo(entry.prior());
            }
        }
    }

    @Test
    void whenTheRollbackFailsTooTheResultSaysSoAndUndoStillRestores() throws Exception {
        Path backups = dir.resolve("backups");
        ApplyResult result = new FixEngine(Clock.systemUTC())
                .apply(plan, new FailingStore(RegFileRegistryStore.open(export), 3, true), backups);
        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.ROLLBACK_INCOMPLETE);
        assertThat(result.changes()).anySatisfy(c -> assertThat(c.state()).isEqualTo(ChangeResult.State.FAILED));

        ApplyResult undo = new FixEngine(Clock.systemUTC())
                .undo(Backup.load(result.backupFolder()), RegFileRegistryStore.open(export), backups);
        assertThat(undo.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(valuesOf(export)).isEqualTo(valuesOf(writeOriginal()));
    }

    @Test
    void aBackupThatCannotBeSavedMeansNothingIsWritten() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("backups-is-a-file"), "x");
        RecordingStore store = new RecordingStore(RegFileRegistryStore.open(export), notAFolder);
        ApplyResult result = new FixEngine(Clock.systemUTC()).apply(plan, store, notAFolder);
        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.NOT_STARTED);
        assertThat(result.problemKey()).isEqualTo("fix.apply.backupFailed");
        assertThat(store.writes).isZero();
        assertThat(Files.readAllBytes(export)).isEqualTo(original);
    }

    private Path writeOriginal() throws Exception {
        return Files.write(dir.resolve("original.reg"), original);
    }

    private static RegistrySnapshot valuesOf(Path file) throws Exception {
        RegistrySnapshot snapshot = new RegFileSource(List.of(file)).collect();
        return RegistrySnapshot.of(
                snapshot.origin(),
                List.of(),
                java.time.Instant.EPOCH,
                null,
                List.of(),
                snapshot.keys().stream().filter(k -> !k.values().isEmpty()).toList());
    }

    /** Counts writes and notes whether the backup was already on disk at the first one. */
    private static final class RecordingStore implements RegistryStore {
        final RegistryStore delegate;
        final Path backups;
        boolean backupExistedAtFirstWrite;
        int writes;

        RecordingStore(RegistryStore delegate, Path backups) {
            this.delegate = delegate;
            this.backups = backups;
        }

        @Override
        public Optional<RegistryValue> read(RegistryLocation location) throws RegistryStoreException {
            return delegate.read(location);
        }

        @Override
        public java.util.Map<String, java.util.Map<String, RegistryValue>> exportKeys(List<String> roots)
                throws RegistryStoreException {
            return delegate.exportKeys(roots);
        }

        @Override
        public void write(RegistryLocation location, RegistryValue value) throws RegistryStoreException {
            if (writes++ == 0) {
                try (Stream<Path> files = Files.walk(backups)) {
                    backupExistedAtFirstWrite =
                            files.anyMatch(p -> p.getFileName().toString().equals(Backup.FILE));
                } catch (java.io.IOException e) {
                    backupExistedAtFirstWrite = false;
                }
            }
            delegate.write(location, value);
        }

        @Override
        public void delete(RegistryLocation location) throws RegistryStoreException {
            writes++;
            delegate.delete(location);
        }

        @Override
        public String describe() {
            return delegate.describe();
        }

        @Override
        public String identity() {
            return delegate.identity();
        }
    }

    /** Fails the k-th write (1-based); with {@code failRollback}, every write after it fails too. */
    private static final class FailingStore implements RegistryStore {
        final RegistryStore delegate;
        final int failAt;
        final boolean failRollback;
        final List<RegistryLocation> written = new ArrayList<>();
        int writes;

        FailingStore(RegistryStore delegate, int failAt, boolean failRollback) {
            this.delegate = delegate;
            this.failAt = failAt;
            this.failRollback = failRollback;
        }

        @Override
        public Optional<RegistryValue> read(RegistryLocation location) throws RegistryStoreException {
            return delegate.read(location);
        }

        @Override
        public java.util.Map<String, java.util.Map<String, RegistryValue>> exportKeys(List<String> roots)
                throws RegistryStoreException {
            return delegate.exportKeys(roots);
        }

        @Override
        public void write(RegistryLocation location, RegistryValue value) throws RegistryStoreException {
            fail();
            delegate.write(location, value);
        }

        @Override
        public void delete(RegistryLocation location) throws RegistryStoreException {
            fail();
            delegate.delete(location);
        }

        private void fail() throws RegistryStoreException {
            writes++;
            if (writes == failAt || (failRollback && writes > failAt)) {
                throw new RegistryStoreException("fix.store.writeFailed", List.of("test", "injected failure"), null);
            }
        }

        @Override
        public String describe() {
            return delegate.describe(); // the same file: its backup may be undone onto it
        }

        @Override
        public String identity() {
            return delegate.identity();
        }
    }
}
