package io.tlsdoctor.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.WinReg;
import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.fix.Backup;
import io.tlsdoctor.core.fix.FixEngine;
import io.tlsdoctor.core.fix.FixPlan;
import io.tlsdoctor.core.fix.PlannedChange;
import io.tlsdoctor.core.fix.RegistryLocation;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.text.LocalizedText;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The live store on a real Windows registry, under a throw-away HKCU key (no elevation needed). */
@EnabledOnOs(OS.WINDOWS)
class WindowsRegistryStoreTest {

    private static final String SUB_KEY =
            "Software\\TLS Doctor Tests\\" + ProcessHandle.current().pid();
    private static final String KEY = "HKEY_CURRENT_USER\\" + SUB_KEY;

    @TempDir
    Path dir;

    @AfterEach
    void removeTestKey() {
        if (Advapi32Util.registryKeyExists(WinReg.HKEY_CURRENT_USER, SUB_KEY)) {
            Advapi32Util.registryDeleteKey(WinReg.HKEY_CURRENT_USER, SUB_KEY);
        }
    }

    @Test
    void applyAndUndoAPlanUnderATestKey() throws Exception {
        WindowsRegistryStore store = new WindowsRegistryStore();
        RegistryLocation existing = new RegistryLocation(KEY, "Enabled");
        RegistryLocation absent = new RegistryLocation(KEY + "\\Client", "DisabledByDefault");
        store.write(existing, RegistryValue.string("1")); // an admin's REG_SZ, to be restored as REG_SZ
        LocalizedText why = LocalizedText.of("test", "test");
        FixPlan plan = new FixPlan(
                FixPlan.SCHEMA,
                FixPlan.Kind.ENABLE_TLS12,
                Direction.ONPREM_TO_EXO,
                Instant.now(),
                List.of(),
                List.of(
                        new PlannedChange(existing, RegistryValue.string("1"), true, RegistryValue.dword(1), why),
                        new PlannedChange(absent, null, true, RegistryValue.dword(0), why)),
                List.of(),
                List.of());

        ApplyResult applied = new FixEngine(Clock.systemUTC()).apply(plan, store, dir);
        assertThat(applied.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(store.read(existing)).contains(RegistryValue.dword(1));
        assertThat(store.read(absent)).contains(RegistryValue.dword(0));
        assertThat(Advapi32Util.registryGetIntValue(
                        WinReg.HKEY_CURRENT_USER, SUB_KEY + "\\Client", "DisabledByDefault"))
                .isZero();

        ApplyResult undone = new FixEngine(Clock.systemUTC()).undo(Backup.load(applied.backupFolder()), store, dir);
        assertThat(undone.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(store.read(existing)).contains(RegistryValue.string("1"));
        assertThat(store.read(absent)).isEmpty();
    }

    @Test
    void theFullBackupBeforeALiveChangeHoldsTheWholeSchannelKeyAndUntouchedValuesAndReadsBack() throws Exception {
        WindowsRegistryStore store = new WindowsRegistryStore();
        RegistryLocation target = new RegistryLocation(KEY + "\\Server", "Enabled");
        RegistryLocation untouched = new RegistryLocation(KEY + "\\Server\\Deeper", "Untouched");
        store.write(untouched, RegistryValue.string("keep me"));
        LocalizedText why = LocalizedText.of("test", "test");
        FixPlan plan = new FixPlan(
                FixPlan.SCHEMA,
                FixPlan.Kind.ENABLE_TLS12,
                Direction.ONPREM_TO_EXO,
                Instant.now(),
                List.of(),
                List.of(new PlannedChange(target, null, true, RegistryValue.dword(1), why)),
                List.of(),
                List.of());

        ApplyResult applied = new FixEngine(Clock.systemUTC()).apply(plan, store, dir);
        assertThat(applied.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);

        Path full = applied.backupFolder().resolve(Backup.FULL_BACKUP);
        io.tlsdoctor.core.registry.RegistrySnapshot backedUp = new RegFileSource(List.of(full)).collect();
        assertThat(backedUp.value(KEY + "\\Server\\Deeper", "Untouched")).isEqualTo(RegistryValue.string("keep me"));
        assertThat(backedUp.value(KEY + "\\Server", "Enabled"))
                .as("absent before the change")
                .isNull();
        String schannel = io.tlsdoctor.core.registry.RegistryPaths.SCHANNEL;
        assertThat(backedUp.keys())
                .as("the whole SCHANNEL key, as this Windows has it")
                .anySatisfy(k -> assertThat(k.path()).startsWithIgnoringCase(schannel + "\\Protocols"));
        assertThat(store.exportKeys(List.of(schannel)).keySet())
                .allSatisfy(k -> assertThat(k).startsWithIgnoringCase(schannel));
    }

    @Test
    void aTransactedChangeLandsWhollyAtCommitAndNotAtAllWithout() throws Exception {
        WindowsRegistryStore store = new WindowsRegistryStore();
        RegistryLocation enabled = new RegistryLocation(KEY + "\\Client", "Enabled");
        RegistryLocation byDefault = new RegistryLocation(KEY + "\\Client", "DisabledByDefault");
        try (io.tlsdoctor.core.fix.StoreChange change = store.begin()) {
            assertThat(change.atomic()).as("KTM is on every supported Windows").isTrue();
            change.put(enabled, RegistryValue.dword(1));
            change.put(byDefault, RegistryValue.dword(0));
            assertThat(store.read(enabled)).as("not visible before the commit").isEmpty();
        } // no commit: rolled back
        assertThat(store.read(enabled)).isEmpty();
        assertThat(store.read(byDefault)).isEmpty();

        try (io.tlsdoctor.core.fix.StoreChange change = store.begin()) {
            change.put(enabled, RegistryValue.dword(1));
            change.put(byDefault, RegistryValue.dword(0));
            change.commit();
        }
        assertThat(store.read(enabled)).contains(RegistryValue.dword(1));
        assertThat(store.read(byDefault)).contains(RegistryValue.dword(0));
    }

    @Test
    void theLiveRegistryIsHeldByOneChangeAtATime() throws Exception {
        WindowsRegistryStore store = new WindowsRegistryStore();
        try (io.tlsdoctor.core.fix.StoreLock held = store.lock()) {
            java.util.concurrent.CompletableFuture<String> other =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try (io.tlsdoctor.core.fix.StoreLock second = store.lock()) {
                            return "acquired";
                        } catch (io.tlsdoctor.core.fix.RegistryStoreException e) {
                            return e.messageKey();
                        }
                    });
            assertThat(other.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("fix.store.busy");
        }
    }
}
