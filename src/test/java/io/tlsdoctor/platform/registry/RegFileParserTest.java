package io.tlsdoctor.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsdoctor.core.registry.RegistryReadException;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.registry.RegistryValueType;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegFileParserTest {

    private static final String KEY = "HKEY_LOCAL_MACHINE\\SOFTWARE\\TlsDoctorTest";

    @TempDir
    Path dir;

    private RegistrySnapshot load(Path... files) throws RegistryReadException {
        return new RegFileSource(List.of(files)).collect();
    }

    /** Every value type regedit writes, in a Unicode export with CRLF, comments and wrapped hex data. */
    private static final String ALL_TYPES = String.join(
            "\r\n",
            "Windows Registry Editor Version 5.00",
            "",
            "; exported for a test",
            "[" + KEY + "]",
            "@=\"default value\"",
            "\"Dword\"=dword:0000002a",
            "\"AllBits\"=dword:ffffffff",
            "\"Quoted \\\"name\\\"\"=\"C:\\\\Program Files\\\\Exchange \\\"Server\\\"\"",
            "\"Binary\"=hex:de,ad,be,ef",
            "\"Qword\"=hex(b):01,00,00,00,00,00,00,00",
            "\"Expand\"=hex(2):25,00,53,00,79,00,73,00,74,00,65,00,6d,00,52,00,6f,00,6f,00,74,00,25,00,\\",
            "  00,00",
            "\"Multi\"=hex(7):54,00,4c,00,53,00,5f,00,41,00,00,00,54,00,4c,00,53,00,5f,00,42,\\",
            "  00,00,00,00,00",
            "\"DwordAsHex\"=hex(4):01,00,00,00",
            "\"Empty\"=hex:",
            "\"Unicode\"=\"Växjö ✓\"",
            "",
            "[" + KEY + "\\Child]",
            "\"Commented\"=\"value\" ; trailing comment",
            "");

    @Test
    void readsEveryValueTypeFromAUnicodeExport() throws Exception {
        Path file = RegExport.write(dir, "all.reg", "\uFEFF" + ALL_TYPES, StandardCharsets.UTF_16LE);
        assertThat(Files.readAllBytes(file)).startsWith((byte) 0xFF, (byte) 0xFE, (byte) 'W', (byte) 0);

        RegistrySnapshot snapshot = load(file);

        assertThat(snapshot.value(KEY, "")).isEqualTo(RegistryValue.string("default value"));
        assertThat(snapshot.value(KEY, "dword")).isEqualTo(RegistryValue.dword(42));
        assertThat(snapshot.value(KEY, "AllBits")).isEqualTo(RegistryValue.dword(0xFFFF_FFFFL));
        assertThat(snapshot.value(KEY, "Quoted \"name\""))
                .isEqualTo(RegistryValue.string("C:\\Program Files\\Exchange \"Server\""));
        assertThat(snapshot.value(KEY, "Binary").type()).isEqualTo(RegistryValueType.REG_BINARY);
        assertThat(snapshot.value(KEY, "Binary").hex()).isEqualTo("deadbeef");
        assertThat(snapshot.value(KEY, "Qword")).isEqualTo(RegistryValue.qword(1));
        assertThat(snapshot.value(KEY, "Expand")).isEqualTo(RegistryValue.expandString("%SystemRoot%"));
        assertThat(snapshot.value(KEY, "Multi")).isEqualTo(RegistryValue.multiString(List.of("TLS_A", "TLS_B")));
        assertThat(snapshot.value(KEY, "DwordAsHex")).isEqualTo(RegistryValue.dword(1));
        assertThat(snapshot.value(KEY, "Empty").hex()).isEmpty();
        assertThat(snapshot.value(KEY, "Unicode")).isEqualTo(RegistryValue.string("Växjö ✓"));
        assertThat(snapshot.value(KEY + "\\Child", "Commented")).isEqualTo(RegistryValue.string("value"));
    }

    @Test
    void readsRegedit4AnsiFilesWithLfLineEnds() throws Exception {
        String text = String.join(
                "\n",
                "REGEDIT4",
                "",
                "[" + KEY + "]",
                "\"Name\"=\"Göteborg\"",
                "\"Expand\"=hex(2):25,54,45,4d,50,25,00",
                "\"Multi\"=hex(7):61,00,62,00,00",
                "\"Enabled\"=dword:00000001",
                "");
        Path file = RegExport.write(dir, "old.reg", text, Charset.forName("windows-1252"));

        RegistrySnapshot snapshot = load(file);

        assertThat(snapshot.value(KEY, "Name")).isEqualTo(RegistryValue.string("Göteborg"));
        assertThat(snapshot.value(KEY, "Expand")).isEqualTo(RegistryValue.expandString("%TEMP%"));
        assertThat(snapshot.value(KEY, "Multi")).isEqualTo(RegistryValue.multiString(List.of("a", "b")));
        assertThat(snapshot.value(KEY, "Enabled")).isEqualTo(RegistryValue.dword(1));
    }

    @Test
    void laterFilesOverrideEarlierOnesAndDeletionsRemoveValuesAndSubtrees() throws Exception {
        Path first = RegExport.create()
                .key(KEY)
                .dword("Enabled", 0)
                .dword("Other", 5)
                .key(KEY + "\\Gone")
                .dword("X", 1)
                .key(KEY + "\\Gone\\Deeper")
                .dword("Y", 1)
                .writeUtf16(dir, "first.reg");
        Path second = RegExport.create()
                .key(KEY)
                .dword("Enabled", 1)
                .line("\"Other\"=-")
                .deleteKey(KEY + "\\Gone")
                .writeUtf16(dir, "second.reg");

        RegistrySnapshot snapshot = load(first, second);

        assertThat(snapshot.value(KEY, "Enabled")).isEqualTo(RegistryValue.dword(1));
        assertThat(snapshot.value(KEY, "Other")).isNull();
        assertThat(snapshot.hasKey(KEY + "\\Gone")).isFalse();
        assertThat(snapshot.hasKey(KEY + "\\Gone\\Deeper")).isFalse();
        assertThat(snapshot.covers(KEY + "\\Gone\\Deeper"))
                .as("deleted, so known to be absent")
                .isTrue();
        assertThat(snapshot.sources()).containsExactly(first.toString(), second.toString());

        RegistrySnapshot reversed = load(second, first);
        assertThat(reversed.value(KEY, "Enabled")).isEqualTo(RegistryValue.dword(0));
    }

    @Test
    void anExportedKeyCoversItsSubtreeButNothingElse() throws Exception {
        Path file = RegExport.create().key(KEY).dword("A", 1).writeUtf16(dir, "partial.reg");

        RegistrySnapshot snapshot = load(file);

        assertThat(snapshot.covers(KEY + "\\Missing\\Child")).isTrue();
        assertThat(snapshot.covers("HKEY_LOCAL_MACHINE\\SOFTWARE\\Elsewhere")).isFalse();
        assertThat(snapshot.covers("HKEY_LOCAL_MACHINE\\SOFTWARE\\TlsDoctorTestMore"))
                .isFalse();
        assertThat(snapshot.hasKey("HKEY_LOCAL_MACHINE\\SOFTWARE"))
                .as("importing creates parents")
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad header               | 1 | registry.parse.header          | Windows Registry Editor Version 4.00
            value before any key     | 3 | registry.parse.valueOutsideKey | "Enabled"=dword:00000001
            key without bracket      | 3 | registry.parse.keyBracket      | [HKEY_LOCAL_MACHINE\\SOFTWARE\\X
            unknown root             | 3 | registry.parse.root            | [HKEY_LOCAL_MACHIN\\SOFTWARE\\X]
            unterminated name        | 4 | registry.parse.nameQuote       | "Enabled=dword:00000001
            missing equals           | 4 | registry.parse.equals          | "Enabled" dword:00000001
            dword with a bad digit   | 4 | registry.parse.dword           | "Enabled"=dword:0000000g
            dword too long           | 4 | registry.parse.dword           | "Enabled"=dword:000000001
            decimal dword            | 4 | registry.parse.dword           | "Enabled"=dword:
            bad hex byte             | 4 | registry.parse.hexByte         | "Functions"=hex(7):54,00,4g
            hex dword of 3 bytes     | 4 | registry.parse.hexLength       | "Enabled"=hex(4):01,00,00
            unknown data             | 4 | registry.parse.data            | "Enabled"=1
            text after string        | 4 | registry.parse.string          | "Name"="value" junk
            unterminated string      | 4 | registry.parse.string          | "Name"="value
            stray text               | 4 | registry.parse.line            | Enabled=1
            continuation at the end  | 4 | registry.parse.continuation    | "Bin"=hex:01,02,\\
            """)
    void malformedLinesStopTheLoadAndNameFileAndLine(String what, int line, String key, String badLine) {
        String text = line == 1
                ? badLine + "\r\n"
                : line == 3
                        ? "Windows Registry Editor Version 5.00\r\n\r\n" + badLine + "\r\n"
                        : "Windows Registry Editor Version 5.00\r\n\r\n[" + KEY + "]\r\n" + badLine + "\r\n";
        Path file = RegExport.write(dir, "broken.reg", "\uFEFF" + text, StandardCharsets.UTF_16LE);

        assertThatThrownBy(() -> load(file)).isInstanceOfSatisfying(RegFileParseException.class, e -> {
            assertThat(e.file()).isEqualTo(file.toString());
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(Messages.forLocale(Languages.ENGLISH).get(e.messageKey(), e.args()))
                    .startsWith(file + ", line " + line + ": expected");
            assertThat(Messages.forLocale(Languages.SWEDISH).get(e.messageKey(), e.args()))
                    .startsWith(file + ", rad " + line + ":");
        });
    }

    @Test
    void aValueAfterAKeyDeletionIsAnErrorRatherThanSilentlyIgnored() {
        Path file = RegExport.create().deleteKey(KEY).dword("Enabled", 1).writeUtf16(dir, "odd.reg");

        assertThatThrownBy(() -> load(file))
                .isInstanceOfSatisfying(
                        RegFileParseException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("registry.parse.valueInDeletedKey"));
    }

    @Test
    void theErrorNamesTheLineOfTheRightFileWhenSeveralAreLoaded() {
        Path good = RegExport.create().key(KEY).dword("A", 1).writeUtf16(dir, "good.reg");
        Path bad = RegExport.create().key(KEY).line("\"B\"=dword:zz").writeUtf16(dir, "bad.reg");

        assertThatThrownBy(() -> load(good, bad)).isInstanceOfSatisfying(RegFileParseException.class, e -> {
            assertThat(e.file()).endsWith("bad.reg");
            assertThat(e.line()).isEqualTo(4);
        });
    }

    @Test
    void aMissingFileIsReportedByName() {
        Path missing = dir.resolve("nowhere.reg");

        assertThatThrownBy(() -> load(missing)).isInstanceOfSatisfying(RegistryReadException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("registry.file.notFound");
            assertThat(e.args()).containsExactly(missing.toString());
        });
    }
}
