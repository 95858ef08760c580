package io.tlsdoctor.platform.registry;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The live store on a real Windows registry, under a throw-away HKCU key (no elevation needed). */
@EnabledOnOs(OS.WINDOWS)
class WindowsRegistryStoreTest {

    private static final String SUB_KEY = "Software\\TLS Doctor Tests\\" + ProcessHandle.current().pid();
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
        FixPlan plan = new FixPlan(FixPlan.SCHEMA, FixPlan.Kind.ENABLE_TLS12, Direction.ONPREM_TO_EXO, Instant.now(), List.of(),
                List.of(new PlannedChange(existing, RegistryValue.string("1"), true, RegistryValue.dword(1), why),
                        new PlannedChange(absent, null, true, RegistryValue.dword(0), why)), List.of(), List.of());

        ApplyResult applied = new FixEngine(Clock.systemUTC()).apply(plan, store, dir);
        assertThat(applied.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(store.read(existing)).contains(RegistryValue.dword(1));
        assertThat(store.read(absent)).contains(RegistryValue.dword(0));
        assertThat(Advapi32Util.registryGetIntValue(WinReg.HKEY_CURRENT_USER, SUB_KEY + "\\Client", "DisabledByDefault")).isZero();

        ApplyResult undone = new FixEngine(Clock.systemUTC()).undo(Backup.load(applied.backupFolder()), store, dir);
        assertThat(undone.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(store.read(existing)).contains(RegistryValue.string("1"));
        assertThat(store.read(absent)).isEmpty();
    }
}
