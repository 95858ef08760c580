package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small inputs that never end, or nest without end, stop at a stated limit with a message that names the limit and
 * the way out, in both languages, never with a stack trace or by running out of memory.
 */
class InputLimitsTest {

    private static final Path ZERO = Path.of("/dev/zero");

    @TempDir
    Path dir;

    private static void refusedWithAMessage(CliRunner run, String... words) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(words).doesNotContain("Exception", "\tat ", "Error:");
    }

    @Test
    void classifyOfADeviceThatNeverEndsStopsAtTheSizeLimit() {
        assumeTrue(Files.isReadable(ZERO), "needs /dev/zero");
        refusedWithAMessage(CliRunner.run("", "classify", ZERO.toString()), "64 MB", "smaller file");
        refusedWithAMessage(CliRunner.run("", "--lang", "sv", "classify", ZERO.toString()), "64 MB", "mindre fil");
    }

    @Test
    void diagnoseEvidenceFromADeviceThatNeverEndsStopsAtTheSizeLimit() {
        assumeTrue(Files.isReadable(ZERO), "needs /dev/zero");
        refusedWithAMessage(CliRunner.run("", "diagnose", "--offline", "--evidence", ZERO.toString()), "64 MB");
    }

    @Test
    void registryFromADeviceThatNeverEndsStopsAtTheSizeLimit() {
        assumeTrue(Files.isReadable(ZERO), "needs /dev/zero");
        refusedWithAMessage(CliRunner.run("", "registry", "--reg-file", ZERO.toString()), "32 MB", "reg export");
    }

    @Test
    void evidenceOfTooManyLinesIsRefusedWithTheWayToTheLogsAnalysis() throws IOException {
        Path yes = Files.writeString(dir.resolve("yes.txt"), "y\n".repeat(200_001), StandardCharsets.UTF_8);
        refusedWithAMessage(
                CliRunner.run("", "classify", yes.toString()), "200,001 lines", "200,000", "tlsdoctor logs");
    }

    @Test
    void aKeyTwentyThousandLevelsDeepIsRefusedQuickly() throws IOException {
        StringBuilder path = new StringBuilder("HKEY_LOCAL_MACHINE\\SOFTWARE");
        for (int i = 0; i < 20_000; i++) {
            path.append("\\k").append(i);
        }
        Path deep = reg("deep.reg", "[" + path + "]", "\"x\"=dword:00000001");
        refusedWithAMessage(CliRunner.run("", "registry", "--reg-file", deep.toString()), "deep.reg, line 3", "2048");

        StringBuilder nested = new StringBuilder("HKEY_LOCAL_MACHINE");
        for (int i = 0; i < 600; i++) {
            nested.append("\\k");
        }
        Path levels = reg("levels.reg", "[" + nested + "]");
        refusedWithAMessage(CliRunner.run("", "registry", "--reg-file", levels.toString()), "512 levels");
        refusedWithAMessage(
                CliRunner.run("", "--lang", "sv", "registry", "--reg-file", levels.toString()), "512 nivåer");
    }

    @Test
    void tooManyKeysAreRefusedWithTheWayToExportLess() throws IOException {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i <= 200_000; i++) {
            keys.append("[HKEY_LOCAL_MACHINE\\SOFTWARE\\k").append(i).append("]\r\n");
        }
        Path many = reg("many.reg", keys.toString());
        refusedWithAMessage(CliRunner.run("", "registry", "--reg-file", many.toString()), "200,000 keys", "reg export");
    }

    private Path reg(String name, String... lines) throws IOException {
        return Files.write(
                dir.resolve(name),
                ("\uFEFFWindows Registry Editor Version 5.00\r\n\r\n" + String.join("\r\n", lines) + "\r\n")
                        .getBytes(StandardCharsets.UTF_16LE));
    }
}
