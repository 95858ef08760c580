package io.tlsdoctor.core.report;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares rendered text with a golden file under {@code src/test/resources/io/tlsdoctor/core/report/}. After an
 * intended change to the summary's content or wording, regenerate them and review the diff before committing:
 * <pre>mvn -o -q -B test -Dtest=SummaryGoldenTest -Dgolden.update=true</pre>
 */
final class Golden {

    static final Path FOLDER = Path.of("src", "test", "resources", "io", "tlsdoctor", "core", "report");
    static final String REGENERATE = "mvn -o -q -B test -Dtest=SummaryGoldenTest -Dgolden.update=true";

    private Golden() {}

    /**
     * The golden files are made on Linux. On Windows a checkout may turn their line ends into CRLF and the sample's
     * file paths render with backslashes, so there both sides are compared with one kind of line end and separator
     * (runs of backslashes, as JSON escapes them, count as one).
     */
    private static String comparable(String text) {
        String lines = text.replace("\r\n", "\n");
        return java.io.File.separatorChar == '\\' ? lines.replaceAll("\\\\+", "/") : lines;
    }

    static void assertMatches(String fileName, String actual) throws IOException {
        Path file = FOLDER.resolve(fileName);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(FOLDER);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("No golden file " + file + ". Create it with: " + REGENERATE);
        }
        String expected = comparable(Files.readString(file, StandardCharsets.UTF_8));
        actual = comparable(actual);
        if (expected.equals(actual)) {
            return;
        }
        List<String> want = expected.lines().toList();
        List<String> got = actual.lines().toList();
        int line = 0;
        while (line < want.size() && line < got.size() && want.get(line).equals(got.get(line))) {
            line++;
        }
        fail(String.format(
                "%s differs from the rendered summary first at line %d:%n  golden:   %s%n  rendered: %s%n"
                        + "If the change is intended, regenerate and review the diff: %s",
                fileName,
                line + 1,
                line < want.size() ? want.get(line) : "(end of file)",
                line < got.size() ? got.get(line) : "(end of file)",
                REGENERATE));
    }
}
