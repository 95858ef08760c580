package io.tlsdoctor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.text.EventLog;
import io.tlsdoctor.core.text.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {

    @TempDir
    Path folder;

    @AfterEach
    void closeLog() {
        LogFiles.stop();
    }

    @Test
    void theLogStartsWithTheVersionJavaOsAndLanguageAndKeepsAnErrorsStackTrace() throws IOException {
        Path file = LogFiles.start(LogFiles.Writer.WIZARD, folder).orElseThrow();
        Logger log = EventLog.of(LogFilesTest.class);
        log.log(Level.SEVERE, "saving the summary failed", new IllegalStateException("disk full"));
        LogFiles.stop();

        assertThat(file).isEqualTo(folder.resolve("wizard.0.log"));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text)
                .contains(
                        "TLS Doctor " + Version.current() + " started",
                        "Java " + System.getProperty("java.runtime.version"),
                        System.getProperty("os.name"),
                        "locale ");
        assertThat(text)
                .contains(
                        "SEVERE  wizard",
                        "LogFilesTest: saving the summary failed",
                        "java.lang.IllegalStateException: disk full",
                        "at io.tlsdoctor.platform.LogFilesTest.");
    }

    @Test
    void aLineBreakInALoggedTextCannotForgeARecordOfItsOwn() throws IOException {
        Path file = LogFiles.start(LogFiles.Writer.CLI, folder).orElseThrow();
        EventLog.of(LogFilesTest.class)
                .info("pasted: hello\n2026-12-03T10:00:00.000Z SEVERE  cli [main] X: forged\u001b[2J");
        LogFiles.stop();

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("    2026-12-03T10:00:00.000Z SEVERE"));
        assertThat(lines).noneMatch(line -> line.startsWith("2026-12-03T10:00:00.000Z"));
        assertThat(String.join("\n", lines)).contains("forged\\x1b[2J").doesNotContain("\u001b");
    }

    @Test
    void theLogRotatesThroughFiveFilesOfBoundedSize() throws IOException {
        LogFiles.start(LogFiles.Writer.HELPER, folder, 20_000).orElseThrow();
        Logger log = EventLog.of(LogFilesTest.class);
        for (int i = 0; i < 2_000; i++) {
            log.info("value " + i + " of a long run " + "x".repeat(100));
        }
        LogFiles.stop();

        try (Stream<Path> files = Files.list(folder)) {
            List<Path> logs = files.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .sorted()
                    .toList();
            assertThat(logs)
                    .extracting(p -> p.getFileName().toString())
                    .containsExactly("helper.0.log", "helper.1.log", "helper.2.log", "helper.3.log", "helper.4.log");
            for (Path log1 : logs) {
                assertThat(Files.size(log1)).isLessThanOrEqualTo(20_000 + 500);
            }
            assertThat(Files.readString(logs.get(0))).contains("value 1999 ");
        }
    }

    @Test
    void aFolderThatCannotBeCreatedLeavesTheProgramWithoutALogInsteadOfFailing() throws IOException {
        Path blocker = Files.writeString(folder.resolve("not-a-folder"), "x");

        assertThat(LogFiles.start(LogFiles.Writer.WIZARD, blocker.resolve("logs")))
                .isEmpty();
    }
}
