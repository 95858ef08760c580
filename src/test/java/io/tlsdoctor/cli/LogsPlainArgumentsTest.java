package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.text.Messages;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logs} in its plain forms is read without picocli, for start-up time. Whatever the form, the user must get
 * exactly what picocli's reading gives: the same output, the same messages, the same exit code.
 */
class LogsPlainArgumentsTest {

    @Test
    void thePlainFormsGiveWhatPicocliGives(@TempDir Path dir) throws Exception {
        String logs = LogsCommandTest.logs(dir).toString();
        String missing = dir.resolve("not-there").toString();
        List<String[]> forms = List.of(
                new String[] {"logs", logs, "--json"},
                new String[] {"logs", logs},
                new String[] {"logs", "--json", logs, "--since", "2026-11-20T10:30:00Z"},
                new String[] {"logs", logs, "--since=2026-11-20T10:30:00Z", "--json"},
                new String[] {"logs", logs, logs, "--json"},
                new String[] {"logs", logs, "--since", "yesterday"},
                new String[] {"logs", missing, "--json"});
        for (String[] args : forms) {
            assertThat(LogsCommand.plain(args, context(new StringWriter(), new StringWriter())))
                    .as("read without picocli: %s", List.of(args))
                    .isNotNull();
            assertThat(CliRunner.run("", args)).as(String.join(" ", args)).isEqualTo(throughPicocli(args));
        }
    }

    @Test
    void everythingElseIsLeftToPicocli() {
        List<String[]> forms = List.of(
                new String[] {"logs"},
                new String[] {"logs", "--help"},
                new String[] {"logs", "x", "--lang", "sv"},
                new String[] {"logs", "x", "--json", "--json"},
                new String[] {"logs", "x", "--since", "2026-11-20", "--since", "2026-11-21"},
                new String[] {"logs", "x", "--since"},
                new String[] {"logs", "@arguments.txt"},
                new String[] {"logs", "--", "x"},
                new String[] {"logs", "-x"},
                new String[] {"diagnose", "x"});
        List<List<String>> readPlainly = new ArrayList<>();
        for (String[] args : forms) {
            if (LogsCommand.plain(args, context(new StringWriter(), new StringWriter())) != null) {
                readPlainly.add(List.of(args));
            }
        }
        assertThat(readPlainly).isEmpty();
    }

    private static CliRunner throughPicocli(String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TlsDoctorCommand.runThroughPicocli(args, context(out, err));
        return new CliRunner(code, out.toString(), err.toString());
    }

    private static CliContext context(StringWriter out, StringWriter err) {
        return new CliContext(
                Messages.forLocale(TlsDoctorCommand.languageOf(new String[0])),
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out),
                new PrintWriter(err));
    }
}
