package io.tlsdoctor.core.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.platform.registry.RegFileRegistryStore;
import io.tlsdoctor.platform.registry.RegFileSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change to a rehearsal export touches the lines of the values it changes and nothing else (values regedit wrote
 * in forms TLS Doctor would not, deletions, comments), and its undo gives back every byte, keys it created included.
 */
class FixKeepsTheRestOfTheFileTest {

    private static final String CLIENT = RegExports.PROTOCOLS + "\\TLS 1.2\\Client";

    /** Lines a rewrite from parsed values would have changed or dropped. */
    private static final List<String> UNRELATED = List.of(
            "; exported on EX01 by the admin, keep this note",
            "[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Old Vendor\\Junk]",
            "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor]",
            "@=\"default value\"",
            "\"Odd2\"=hex(2):41,00,42",
            "\"Odd7\"=hex(7):41,00,00,00,42",
            "\"NulInside\"=hex(1):41,00,00,00,42,00,00,00",
            "\"Gone\"=-",
            "\"Spaced\" = dword:00000007 ; trailing note");

    @TempDir
    Path dir;

    private Path export() throws Exception {
        List<String> lines = new java.util.ArrayList<>(List.of("Windows Registry Editor Version 5.00", ""));
        lines.add(UNRELATED.get(0));
        lines.add("");
        lines.add(UNRELATED.get(1));
        lines.add("");
        lines.addAll(UNRELATED.subList(2, UNRELATED.size()));
        lines.addAll(List.of(
                "",
                "[" + CLIENT + "]",
                "\"DisabledByDefault\"=dword:00000001",
                "\"Enabled\"=dword:00000000",
                "",
                "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]",
                "\"ProductName\"=\"Windows Server 2019 Standard\"",
                "\"CurrentBuild\"=\"17763\"",
                "",
                ""));
        return Files.write(dir.resolve("export.reg"), RegFileText.bytes(String.join("\r\n", lines)));
    }

    private FixPlan plan(Path export) throws Exception {
        RegistrySnapshot snapshot = new RegFileSource(List.of(export)).collect();
        return new FixPlanner(Clock.systemUTC())
                .plan(
                        snapshot,
                        new RegistryEvaluator().evaluate(snapshot),
                        Direction.ONPREM_TO_EXO,
                        FixPlan.Kind.ENABLE_TLS12);
    }

    private static String text(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }

    @Test
    void applyChangesOnlyItsOwnLinesAndUndoGivesBackEveryByte() throws Exception {
        Path export = export();
        byte[] original = Files.readAllBytes(export);
        String before = text(export);

        ApplyResult applied = new FixEngine(Clock.systemUTC())
                .apply(plan(export), RegFileRegistryStore.open(export), dir.resolve("backups"));

        assertThat(applied.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        String after = text(export);
        assertThat(Arrays.asList(after.split("\r\n", -1))).containsSubsequence(UNRELATED);
        assertThat(after)
                .as("the value's own line, in its place")
                .contains("[" + CLIENT + "]\r\n\"DisabledByDefault\"=dword:00000000\r\n"
                        + "\"Enabled\"=dword:00000001\r\n");
        assertThat(after.substring(0, before.indexOf("[" + CLIENT)))
                .isEqualTo(before.substring(0, before.indexOf("[" + CLIENT)));
        assertThat(after).contains("[" + RegExports.DOTNET4 + "]"); // created for the .NET values

        Backup backup = Backup.load(applied.backupFolder());
        ApplyResult undone = new FixEngine(Clock.systemUTC())
                .undo(backup, applied.backupFolder(), RegFileRegistryStore.open(export), dir.resolve("backups"));
        assertThat(undone.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(Files.readAllBytes(export))
                .as("every byte, and no key the change created")
                .isEqualTo(original);
    }

    @Test
    void anUndoAfterLaterEditsPutsBackOnlyTheValuesAndKeepsTheEdits() throws Exception {
        Path export = export();
        ApplyResult applied = new FixEngine(Clock.systemUTC())
                .apply(plan(export), RegFileRegistryStore.open(export), dir.resolve("backups"));
        String edited = text(export) + "; checked by the change board\r\n";
        Files.write(export, RegFileText.bytes(edited));

        ApplyResult undone = new FixEngine(Clock.systemUTC())
                .undo(
                        Backup.load(applied.backupFolder()),
                        applied.backupFolder(),
                        RegFileRegistryStore.open(export),
                        dir.resolve("backups"));

        assertThat(undone.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        String after = text(export);
        assertThat(after).contains("; checked by the change board").contains("\"Enabled\"=dword:00000000\r\n");
        assertThat(Arrays.asList(after.split("\r\n", -1))).containsSubsequence(UNRELATED);
        RegistrySnapshot values = new RegFileSource(List.of(export)).collect();
        assertThat(values.value(CLIENT, "DisabledByDefault")).isEqualTo(RegistryValue.dword(1));
        assertThat(values.value(RegExports.DOTNET4, "SchUseStrongCrypto"))
                .as("absent before: deleted again")
                .isNull();
    }
}
