package io.tlsdoctor.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What the user reads of a paste that a mail client wrapped (Outlook, OWA, Gmail, Thunderbird; soft breaks,
 * quoted-printable {@code =} breaks, {@code > } quotes, HTML {@code <br>}): the excerpt shows the words as Exchange
 * wrote them, never glued at the join ("due toSocketError"). Every corpus case with an {@code .excerpt} file names
 * the text its first expected detection must show.
 */
class WrappedPasteExcerptTest {

    private static final EvidenceRecognizer RECOGNIZER = new EvidenceRecognizer(SymptomCatalog.load());

    @TestFactory
    Stream<DynamicTest> everyWrappedCaseShowsItsWordsApart() throws IOException {
        return RecognizerCorpusTest.cases()
                .filter(txt -> Files.exists(excerptFile(txt)))
                .map(txt -> DynamicTest.dynamicTest(txt.getFileName().toString(), () -> {
                    String wanted = Files.readString(excerptFile(txt), StandardCharsets.UTF_8)
                            .strip();
                    String code = Files.readAllLines(txt.resolveSibling(stem(txt) + ".expected"))
                            .get(0)
                            .split("\\s+")[0];
                    Recognition recognition = RECOGNIZER.recognize(EvidenceDecoder.decode(Files.readAllBytes(txt)));
                    Detection detection = recognition.detections().stream()
                            .filter(d -> d.code().name().equals(code))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError(code + " not found: " + recognition.detections()));
                    assertThat(detection.matchedText())
                            .as("matched text of %s", txt.getFileName())
                            .isEqualTo(wanted);
                    assertThat(detection.excerpt())
                            .contains(wanted)
                            .doesNotContain("<br")
                            .doesNotContain("&gt;")
                            .doesNotContain("&#39;");
                }));
    }

    @Test
    void theCorpusHoldsEachWrappingKind() throws IOException {
        assertThat(RecognizerCorpusTest.cases()
                        .filter(txt -> Files.exists(excerptFile(txt)))
                        .count())
                .isGreaterThanOrEqualTo(10);
    }

    @Test
    void aWrapBetweenWordsReadsAsASpaceAndOneInsideAWordAsNone() {
        Recognition between = RECOGNIZER.recognize(EvidenceText.pasted(String.join(
                "\n",
                "Generating server: EX01.contoso.com",
                "Remote Server returned '421 4.4.2 Connection dropped due to",
                "SocketError'")));
        assertThat(between.detections().get(0).matchedText())
                .isEqualTo("421 4.4.2 Connection dropped due to SocketError");
        Recognition inside = RECOGNIZER.recognize(EvidenceText.pasted(String.join(
                "\n",
                "Generating server: EX01.contoso.com",
                "Remote Server returned '421 4.4.2 Connection dropped due to Sock",
                "etError'")));
        assertThat(inside.detections().get(0).matchedText())
                .isEqualTo("421 4.4.2 Connection dropped due to SocketError");
    }

    private static Path excerptFile(Path txt) {
        return txt.resolveSibling(stem(txt) + ".excerpt");
    }

    private static String stem(Path txt) {
        return txt.getFileName().toString().replaceAll("\\.txt$", "");
    }
}
