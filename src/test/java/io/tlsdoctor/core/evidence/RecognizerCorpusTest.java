package io.tlsdoctor.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every paste in {@code corpus/} must yield exactly the codes (and, where given, directions) in its
 * {@code .expected} file. The corpus was written from the formats reference, lookalikes and empty cases included.
 */
class RecognizerCorpusTest {

    private static final EvidenceRecognizer RECOGNIZER = new EvidenceRecognizer(SymptomCatalog.load());

    @TestFactory
    Stream<DynamicTest> everyCaseYieldsExactlyItsExpectedCodes() throws IOException {
        return cases().map(txt -> DynamicTest.dynamicTest(txt.getFileName().toString(), () -> {
            Recognition recognition = RECOGNIZER.recognize(EvidenceDecoder.decode(Files.readAllBytes(txt)));
            List<String> expected = expectedLines(txt);
            Set<String> expectedCodes = new TreeSet<>();
            Set<String> expectedWithDirection = new TreeSet<>();
            for (String line : expected) {
                String[] parts = line.split("\\s+");
                expectedCodes.add(parts[0]);
                if (parts.length > 1 && !parts[1].equals("*")) {
                    expectedWithDirection.add(parts[0] + " " + parts[1]);
                }
            }
            Set<String> actualCodes = new TreeSet<>();
            Set<String> actualWithDirection = new TreeSet<>();
            for (Detection d : recognition.detections()) {
                actualCodes.add(d.code().name());
                actualWithDirection.add(d.code() + " " + d.direction());
            }
            assertThat(actualCodes)
                    .as("codes found in %s: %s", txt.getFileName(), recognition.detections())
                    .isEqualTo(expectedCodes);
            assertThat(actualWithDirection)
                    .as("directions in %s", txt.getFileName())
                    .containsAll(expectedWithDirection);
        }));
    }

    @Test
    void corpusIsLargeEnoughAndAThirdOfItIsLookalikes() throws IOException {
        List<Path> all = cases().toList();
        long lookalikeOrNothing = all.stream()
                .filter(txt -> expectedLines(txt).stream().allMatch(line -> isOtherCause(line.split("\\s+")[0])))
                .count();
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        assertThat(lookalikeOrNothing * 3).isGreaterThanOrEqualTo(all.size());
    }

    private static boolean isOtherCause(String code) {
        return SymptomCatalog.load().symptom(SymptomCode.valueOf(code)).category() == Category.OTHER_CAUSE;
    }

    private static List<String> expectedLines(Path txt) {
        Path expected = txt.resolveSibling(txt.getFileName().toString().replaceAll("\\.txt$", ".expected"));
        try {
            return Files.readAllLines(expected, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new AssertionError("missing " + expected, e);
        }
    }

    static Stream<Path> cases() throws IOException {
        try {
            Path dir = Path.of(RecognizerCorpusTest.class.getResource("corpus").toURI());
            return Files.list(dir).filter(p -> p.toString().endsWith(".txt")).sorted();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
