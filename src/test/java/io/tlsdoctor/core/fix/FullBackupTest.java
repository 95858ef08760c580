package io.tlsdoctor.core.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistryKey;
import io.tlsdoctor.core.registry.RegistryPaths;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.registry.RegistryView;
import io.tlsdoctor.platform.registry.RegFileRegistryStore;
import io.tlsdoctor.platform.registry.RegFileSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IIS Crypto-style full backup: the whole SCHANNEL key and the .NET keys touched, before the first write, or nothing. */
class FullBackupTest {

    private static final String RC4 = RegExports.SCHANNEL + "\\Ciphers\\RC4 128/128";

    @TempDir
    Path dir;

    private Path export;
    private byte[] original;
    private FixPlan plan;

    @BeforeEach
    void aServerWithTls12OffAndSettingsThePlanDoesNotTouch() throws Exception {
        export = RegExports.create()
                .os("Windows Server 2019 Standard", "17763")
                .side("TLS 1.2", "Client", 0L, 1L)
                .side("TLS 1.2", "Server", 0L, 1L)
                .side("TLS 1.0", "Server", 1L, 0L)
                .key(RegExports.SCHANNEL + "\\Ciphers")
                .key(RC4)
                .dword("Enabled", 0L)
                .key(RegExports.DOTNET4)
                .dword("OnlyUseLatestCLR", 1L)
                .key(RegExports.DOTNET4_WOW)
                .string("InstallPath", "C:\\\\Windows\\\\Microsoft.NET")
                .write(dir.resolve("export.reg"));
        original = Files.readAllBytes(export);
        RegistrySnapshot snapshot = new RegFileSource(List.of(export)).collect();
        plan = new FixPlanner(Clock.systemUTC())
                .plan(
                        snapshot,
                        new RegistryEvaluator().evaluate(snapshot),
                        Direction.ONPREM_TO_EXO,
                        FixPlan.Kind.ENABLE_TLS12);
        assertThat(plan.changes())
                .anySatisfy(c -> assertThat(c.location().keyPath()).isEqualToIgnoringCase(RegExports.DOTNET4));
    }

    @Test
    void theFullBackupIsARegeditFileWithEveryValueUnderTheKeysAsTheyWereBeforeTheChange() throws Exception {
        ApplyResult result =
                new FixEngine(Clock.systemUTC()).apply(plan, RegFileRegistryStore.open(export), dir.resolve("backups"));
        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);

        Path full = result.backupFolder().resolve(Backup.FULL_BACKUP);
        byte[] bytes = Files.readAllBytes(full);
        assertThat(bytes[0])
                .as("UTF-16LE byte order mark FF FE, as regedit writes")
                .isEqualTo((byte) 0xFF);
        assertThat(bytes[1]).isEqualTo((byte) 0xFE);
        assertThat(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE))
                .startsWith(RegFileText.HEADER + "\r\n");

        Map<String, Map<String, RegistryValue>> backedUp = keys(full);
        // values the plan did not touch are there too
        assertThat(backedUp.get(lower(RC4))).containsEntry("enabled", RegistryValue.dword(0));
        assertThat(backedUp.get(lower(RegExports.PROTOCOLS + "\\TLS 1.0\\Server")))
                .containsEntry("enabled", RegistryValue.dword(1));
        assertThat(backedUp.get(lower(RegExports.DOTNET4))).containsEntry("onlyuselatestclr", RegistryValue.dword(1));
        assertThat(backedUp.get(lower(RegExports.DOTNET4_WOW))).containsKey("installpath");
        // the values the plan changed, as they were before it
        assertThat(backedUp.get(lower(RegExports.PROTOCOLS + "\\TLS 1.2\\Server")))
                .containsEntry("enabled", RegistryValue.dword(0));
        // and nothing outside the keys a change could matter to
        assertThat(backedUp).doesNotContainKey(lower(RegExports.OS));

        // round trip: exactly what the export held under those keys before the change
        Path before = Files.write(dir.resolve("before.reg"), original);
        List<String> roots = FullBackup.roots(
                plan.changes().stream().map(PlannedChange::location).toList());
        // (the reader adds the parents of every key, as importing creates them: those hold nothing and are left out)
        assertThat(under(roots, backedUp)).isEqualTo(under(roots, keys(before)));
        assertThat(backedUp.keySet())
                .allSatisfy(key -> assertThat(under(roots, backedUp).containsKey(key)
                                || backedUp.get(key).isEmpty())
                        .as(key)
                        .isTrue());
    }

    private static Map<String, Map<String, RegistryValue>> under(
            List<String> roots, Map<String, Map<String, RegistryValue>> keys) {
        Map<String, Map<String, RegistryValue>> result = new LinkedHashMap<>();
        keys.forEach((key, values) -> {
            if (roots.stream().anyMatch(root -> key.equals(lower(root)) || key.startsWith(lower(root) + "\\"))) {
                result.put(key, values);
            }
        });
        return result;
    }

    @Test
    void aFullBackupThatCannotBeTakenMeansNothingIsWrittenAndNoBackupFolderIsLeft() throws Exception {
        RegFileRegistryStore real = RegFileRegistryStore.open(export);
        int[] writes = {0};
        RegistryStore cannotExport = new RegistryStore() {
            @Override
            public Optional<RegistryValue> read(RegistryLocation location) throws RegistryStoreException {
                return real.read(location);
            }

            @Override
            public void write(RegistryLocation location, RegistryValue value) throws RegistryStoreException {
                writes[0]++;
                real.write(location, value);
            }

            @Override
            public void delete(RegistryLocation location) throws RegistryStoreException {
                writes[0]++;
                real.delete(location);
            }

            @Override
            public String describe() {
                return "a store without export";
            }
        };
        Path backups = dir.resolve("backups");
        ApplyResult result = new FixEngine(Clock.systemUTC()).apply(plan, cannotExport, backups);

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.NOT_STARTED);
        assertThat(result.problemKey()).isEqualTo("fix.fullBackup.unsupported");
        assertThat(writes[0]).isZero();
        assertThat(Files.readAllBytes(export)).isEqualTo(original);
        assertThat(!Files.exists(backups) || Files.list(backups).findAny().isEmpty())
                .as("no backup folder")
                .isTrue();
    }

    @Test
    void aWinHttpChangeBacksUpBothViewsOfWinHttpBesideSchannel() {
        RegistryLocation winHttp =
                new RegistryLocation(RegistryPaths.winHttp(RegistryView.NATIVE), "DefaultSecureProtocols");
        assertThat(FullBackup.roots(List.of(winHttp)))
                .containsExactly(
                        RegistryPaths.SCHANNEL,
                        RegistryPaths.winHttp(RegistryView.NATIVE),
                        RegistryPaths.winHttp(RegistryView.WOW6432NODE));
        RegistryLocation wowDotNet = new RegistryLocation(
                RegistryPaths.dotNet(RegistryPaths.DOTNET_V4, RegistryView.WOW6432NODE), "SchUseStrongCrypto");
        assertThat(FullBackup.roots(List.of(wowDotNet)))
                .containsExactly(
                        RegistryPaths.SCHANNEL,
                        RegistryPaths.dotNet(RegistryPaths.DOTNET_V4, RegistryView.NATIVE),
                        RegistryPaths.dotNet(RegistryPaths.DOTNET_V4, RegistryView.WOW6432NODE));
    }

    /** The file as the project's .reg reader reads it: every key (lower case) with its values (lower-case names). */
    private static Map<String, Map<String, RegistryValue>> keys(Path file) throws Exception {
        Map<String, Map<String, RegistryValue>> keys = new LinkedHashMap<>();
        for (RegistryKey key : new RegFileSource(List.of(file)).collect().keys()) {
            Map<String, RegistryValue> values = new LinkedHashMap<>();
            key.values().forEach((name, value) -> values.put(lower(name), value));
            keys.put(lower(key.path()), values);
        }
        return keys;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
