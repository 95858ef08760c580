package io.tlsdoctor.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One long line full of matches is recognised in time linear in its length (8 MB took 160 s when it was quadratic). */
class LongLineRecognitionTest {

    @Test
    void eightMegabytesOfMatchesOnOneLineAreRecognisedInSeconds() {
        String phrase = "TLS negotiation failed with error SocketError ";
        String line = phrase.repeat(8 * 1024 * 1024 / phrase.length());
        EvidenceRecognizer recognizer = new EvidenceRecognizer(SymptomCatalog.load());

        long start = System.nanoTime();
        Recognition recognition = recognizer.recognize(EvidenceText.pasted(line));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertThat(recognition.detections()).isNotEmpty();
        assertThat(recognition.detections().get(0).occurrences()).isGreaterThan(100_000);
        assertThat(seconds).as("seconds for 8 MB on one line").isLessThan(60);
    }
}
