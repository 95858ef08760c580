package io.tlsdoctor.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile input never throws anything but a typed input error and always ends. The time limits are generous
 * bounds against runaway (exponential or quadratic) matching, not speed targets: unloaded, the 50 MB line takes
 * about 20 s on this 2-core machine; with other builds running it has taken 60 s.
 */
class RecognizerRobustnessTest {

    private static final EvidenceRecognizer RECOGNIZER = new EvidenceRecognizer(SymptomCatalog.load());

    @Test
    void randomBytesAreRefusedAsBinaryOrRecognisedAsNothing() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(4096)];
            random.nextBytes(bytes);
            assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
                try {
                    RECOGNIZER.recognize(EvidenceDecoder.decode(bytes));
                } catch (EvidenceInputException expected) {
                    assertThat(expected.messageKey()).startsWith("evidence.error.");
                }
            });
        }
    }

    @Test
    void a50MegabyteSingleLineEnds() {
        StringBuilder line = new StringBuilder(50 * 1024 * 1024);
        while (line.length() < 50 * 1024 * 1024) {
            line.append("450 4.4.317 [Message= 421 4.4.2 Connection dropped due to ");
        }
        line.append("SocketError");
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(240), () -> {
            Recognition r = RECOGNIZER.recognize(EvidenceDecoder.fromPaste(line.toString()));
            assertThat(r.lineCount()).isEqualTo(1);
            assertThat(r.detections()).extracting(Detection::code).contains(SymptomCode.NDR_421_SOCKET_ERROR);
        });
    }

    @Test
    void deeplyRepeatedPatternsAcrossManyLinesEnd() {
        String block = "LastError : [{LRT=1/12/2021};{LED=421 4.4.2 Connection dropped due to SocketError}]\n"
                + "                     {{{{[[[[((((Message=Message=Message=\n"
                + "2023-01-11T16:00:05.310Z,\"\"\"\"\"\",,,,,,,,,,,,,,,,\"\n";
        String text = block.repeat(100_000);
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(240), () -> {
            Recognition r = RECOGNIZER.recognize(EvidenceDecoder.fromPaste(text));
            assertThat(r.detections()).isNotEmpty();
            assertThat(r.detections().get(0).lines()).hasSizeLessThanOrEqualTo(Detection.MAX_LINES);
        });
    }

    @Test
    void controlCharacterPastesAreATypedError() {
        assertThatThrownBy(() -> EvidenceDecoder.fromPaste("\u0001\u0002\u0003\u0004abc\u0000"))
                .isInstanceOf(EvidenceInputException.class);
        assertThatCode(() -> EvidenceDecoder.fromPaste("")).doesNotThrowAnyException();
    }
}
