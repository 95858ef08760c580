package io.tlsdoctor.platform.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Programs TLS Doctor starts are read to the end on both streams, within a deadline, in the code page they write. */
@DisabledOnOs(OS.WINDOWS) // sh; the Windows twins are the real PowerShell and shutdown runs
class ChildProcessTest {

    /** 1 MB on each stream, far past a pipe's buffer: waiting before reading, or reading one stream, never ends. */
    @Test
    void readsBothStreamsWhileTheProgramRunsSoAFullPipeCannotHangIt() throws Exception {
        long start = System.nanoTime();
        ChildProcess.Finished finished = ChildProcess.run(
                new ProcessBuilder(
                        "sh",
                        "-c",
                        "head -c 1048576 /dev/zero | tr '\\0' e >&2; head -c 1048576 /dev/zero | tr '\\0' o; exit 3"),
                Duration.ofSeconds(30),
                StandardCharsets.UTF_8,
                StandardCharsets.UTF_8);

        assertThat(finished.timedOut()).isFalse();
        assertThat(finished.exitCode()).isEqualTo(3);
        assertThat(finished.stdout()).hasSize(1_048_576);
        assertThat(finished.stderr()).hasSize(1_048_576);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aProgramPastItsDeadlineIsEndedAndSaysSo() throws Exception {
        long start = System.nanoTime();
        ChildProcess.Finished finished = ChildProcess.run(
                new ProcessBuilder("sh", "-c", "echo started; sleep 60"),
                Duration.ofMillis(700),
                StandardCharsets.UTF_8,
                StandardCharsets.UTF_8);

        assertThat(finished.timedOut()).isTrue();
        assertThat(finished.stdout()).contains("started");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    /** shutdown.exe on a Swedish Windows writes "Åtkomst nekas" in code page 850: decoded as such, not as UTF-8. */
    @Test
    void decodesEachStreamInTheCodePageItWasWrittenIn() throws Exception {
        Charset cp850 = CodePages.forCodePage(850).orElseThrow();
        ChildProcess.Finished finished = ChildProcess.run(
                new ProcessBuilder("sh", "-c", "printf '\\217tkomst nekas.' >&2; printf 'ok'"),
                Duration.ofSeconds(10),
                StandardCharsets.UTF_8,
                cp850);

        assertThat(finished.stderr()).isEqualTo("Åtkomst nekas.");
        assertThat(finished.stdout()).isEqualTo("ok");
        assertThat(CodePages.forCodePage(65001)).contains(StandardCharsets.UTF_8);
        assertThat(CodePages.forCodePage(437)).isPresent();
        assertThat(CodePages.forCodePage(99999)).isEmpty();
    }
}
