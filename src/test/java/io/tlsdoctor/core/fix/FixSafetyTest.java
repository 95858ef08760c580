package io.tlsdoctor.core.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.text.LocalizedText;
import io.tlsdoctor.platform.registry.RegFileRegistryStore;
import io.tlsdoctor.platform.registry.RegFileSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ways a change could go wrong that a reviewer found: each must leave the registry as it was or restorable. */
class FixSafetyTest {

    @TempDir
    Path dir;

    private FixPlan planFor(Path export) throws Exception {
        RegistrySnapshot snapshot = new RegFileSource(List.of(export)).collect();
        RegistryReport report = new RegistryEvaluator().evaluate(snapshot);
        return new FixPlanner(Clock.systemUTC())
                .plan(snapshot, report, Direction.ONPREM_TO_EXO, FixPlan.Kind.ENABLE_TLS12);
    }

    private Path export() throws Exception {
        return RegExports.create()
                .os("Windows Server 2019 Standard", "17763")
                .side("TLS 1.2", "Client", 0L, 1L)
                .write(dir.resolve("export.reg"));
    }

    @Test
    void aWriteThatLandsAndThenThrowsAnythingIsRolledBack() throws Exception {
        Path export = export();
        byte[] original = Files.readAllBytes(export);
        FixPlan plan = planFor(export);
        RegFileRegistryStore real = RegFileRegistryStore.open(export);
        RegistryStore landsThenThrows = new RegistryStore() {
            int writes;

            @Override
            public Optional<RegistryValue> read(RegistryLocation location) throws RegistryStoreException {
                return real.read(location);
            }

            @Override
            public java.util.Map<String, java.util.Map<String, RegistryValue>> exportKeys(List<String> roots)
                    throws RegistryStoreException {
                return real.exportKeys(roots);
            }

            @Override
            public void write(RegistryLocation location, RegistryValue value) throws RegistryStoreException {
                real.write(location, value);
                if (++writes == 3) {
                    throw new IllegalStateException("the driver said something odd after writing");
                }
            }

            @Override
            public void delete(RegistryLocation location) throws RegistryStoreException {
                real.delete(location);
            }

            @Override
            public String describe() {
                return real.describe();
            }

            @Override
            public String identity() {
                return real.identity();
            }
        };
        ApplyResult result = new FixEngine(Clock.systemUTC()).apply(plan, landsThenThrows, dir.resolve("backups"));
        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
        assertThat(result.problemKey()).isEqualTo("fix.apply.unexpected");
        assertThat(values(export)).isEqualTo(values(Files.write(dir.resolve("original.reg"), original)));
    }

    @Test
    void importingRestoreRegAfterAnApplyGivesBackTheOriginalValues() throws Exception {
        Path export = export();
        Path original = Files.copy(export, dir.resolve("original.reg"));
        ApplyResult result = new FixEngine(Clock.systemUTC())
                .apply(planFor(export), RegFileRegistryStore.open(export), dir.resolve("backups"));
        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        Path restore = result.backupFolder().resolve("restore.reg");
        assertThat(values(export, restore)).isEqualTo(values(original));
    }

    @Test
    void aBackupIsNeverUndoneOntoAnotherStore() throws Exception {
        Path export = export();
        ApplyResult applied = new FixEngine(Clock.systemUTC())
                .apply(planFor(export), RegFileRegistryStore.open(export), dir.resolve("backups"));
        Path other = Files.copy(export, dir.resolve("other-server.reg"));
        byte[] before = Files.readAllBytes(other);
        ApplyResult undo = new FixEngine(Clock.systemUTC())
                .undo(Backup.load(applied.backupFolder()), RegFileRegistryStore.open(other), dir.resolve("backups"));
        assertThat(undo.outcome()).isEqualTo(ApplyResult.Outcome.NOT_STARTED);
        assertThat(undo.problemKey()).isEqualTo("fix.undo.otherStore");
        assertThat(Files.readAllBytes(other)).isEqualTo(before);
    }

    @Test
    void plansThatSwitchTls12OffOrNameAValueTwiceAreRefused() throws Exception {
        LocalizedText why = LocalizedText.of("x", "y");
        RegistryLocation enabled = new RegistryLocation(RegExports.PROTOCOLS + "\\TLS 1.2\\Client", "Enabled");
        FixPlan off = new FixPlan(
                FixPlan.SCHEMA,
                FixPlan.Kind.HARDEN,
                Direction.UNKNOWN,
                Instant.now(),
                List.of(),
                List.of(new PlannedChange(enabled, null, true, RegistryValue.dword(0), why)),
                List.of(),
                List.of());
        Path offFile = dir.resolve("off.json");
        off.save(offFile);
        assertThatThrownBy(() -> FixPlan.load(offFile)).extracting("messageKey").isEqualTo("fix.error.badValue");

        RegistryLocation twice = new RegistryLocation(RegExports.PROTOCOLS + "\\TLS 1.2\\CLIENT", "ENABLED");
        FixPlan duplicate = new FixPlan(
                FixPlan.SCHEMA,
                FixPlan.Kind.ENABLE_TLS12,
                Direction.UNKNOWN,
                Instant.now(),
                List.of(),
                List.of(
                        new PlannedChange(enabled, null, true, RegistryValue.dword(1), why),
                        new PlannedChange(twice, null, true, RegistryValue.dword(1), why)),
                List.of(),
                List.of());
        Path duplicateFile = dir.resolve("duplicate.json");
        duplicate.save(duplicateFile);
        assertThatThrownBy(() -> FixPlan.load(duplicateFile))
                .extracting("messageKey")
                .isEqualTo("fix.error.duplicate");
    }

    @Test
    void valuesWhoseDataDoesNotFitTheirTypeCannotBeBuiltOrRead() {
        assertThatThrownBy(() -> RegistryValue.dword(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> Json.mapper().readValue("{\"type\":\"REG_DWORD\",\"text\":\"1\"}", RegistryValue.class))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.mapper().readValue("{\"type\":\"REG_DWORD\",\"number\":-1}", RegistryValue.class))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void regFilesWrapOnlyHexDataAndEscapeStrings() {
        String path = "C:\\\\hex,files,with,commas\\\\" + "x".repeat(100);
        String line = RegFileText.valueLine(
                "Path", Optional.of(RegistryValue.string("C:\\hex,files,with,commas\\" + "x".repeat(100))));
        assertThat(line).isEqualTo("\"Path\"=\"" + path + "\"").doesNotContain("\r\n");
        assertThat(RegFileText.valueLine("Quote", Optional.of(RegistryValue.string("say \"hi\""))))
                .isEqualTo("\"Quote\"=\"say \\\"hi\\\"\"");
        assertThat(RegFileText.valueLine("Enabled", Optional.of(RegistryValue.dword(0xffffffffL))))
                .isEqualTo("\"Enabled\"=dword:ffffffff");
        String multi = RegFileText.valueLine(
                "List", Optional.of(RegistryValue.multiString(List.of("a".repeat(40), "b".repeat(40)))));
        assertThat(multi).startsWith("\"List\"=hex(7):61,00").contains(",\\\r\n  ");
        assertThat(RegFileText.valueLine("Gone", Optional.empty())).isEqualTo("\"Gone\"=-");
    }

    private static RegistrySnapshot values(Path... files) throws Exception {
        RegistrySnapshot snapshot = new RegFileSource(List.of(files)).collect();
        return RegistrySnapshot.of(
                snapshot.origin(),
                List.of(),
                Instant.EPOCH,
                null,
                List.of(),
                snapshot.keys().stream().filter(k -> !k.values().isEmpty()).toList());
    }
}
