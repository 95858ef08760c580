package io.tlsdoctor.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ProtocolLogLineClassifier#wordsIn} looks at every second pair of bytes; it must find exactly the words the
 * former scan of every pair ({@code wordsPairByPair}, kept as the reference) finds: at every start, odd or even, in
 * every case, cut off by the range's ends, next to bytes that are no ASCII.
 */
class WordsScanTest {

    private static final ProtocolLogLineClassifier CLASSIFIER = new ProtocolLogLineClassifier(SymptomCatalog.load());

    @Test
    void everySecondPairFindsWhatEveryPairFinds() {
        assertThat(CLASSIFIER.scansEverySecondPair())
                .as("the shipped catalogue's words are all three bytes or more")
                .isTrue();
        List<String> fragments = new ArrayList<>(List.of("tls", "TLS", "StartTLS", "X-ANONYMOUSTLS", "é", "Ж"));
        for (SymptomCatalog.Rule rule : CLASSIFIER.catalog().rules()) {
            fragments.add(rule.spec().requires());
            fragments.addAll(RuleLiterals.of(rule.spec().pattern()));
            fragments.addAll(rule.spec().examples());
        }
        Random random = new Random(15);
        int withWords = 0;
        for (int round = 0; round < 30_000; round++) {
            byte[] bytes = text(fragments, random);
            int from = random.nextInt(Math.min(4, bytes.length + 1));
            int to = bytes.length - random.nextInt(Math.min(4, bytes.length - from + 1));
            long expected = CLASSIFIER.wordsPairByPair(bytes, from, to);
            assertThat(CLASSIFIER.wordsIn(bytes, from, to))
                    .as("%s [%d, %d)", new String(bytes, StandardCharsets.ISO_8859_1), from, to)
                    .isEqualTo(expected);
            withWords += expected != 0 ? 1 : 0;
        }
        assertThat(withWords).as("texts holding a word").isGreaterThan(10_000);
    }

    /** Fragments (whole, cut, in any case) between random bytes. */
    private static byte[] text(List<String> fragments, Random random) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(5); n >= 0; n--) {
            for (int k = random.nextInt(4); k > 0; k--) {
                text.append((char) (random.nextBoolean() ? ' ' + random.nextInt(95) : 'a' + random.nextInt(26)));
            }
            String fragment = fragments.get(random.nextInt(fragments.size()));
            int cutStart = random.nextInt(4) == 0 ? random.nextInt(fragment.length()) : 0;
            int cutEnd = random.nextInt(4) == 0
                    ? cutStart + random.nextInt(fragment.length() - cutStart + 1)
                    : fragment.length();
            String piece = fragment.substring(cutStart, cutEnd);
            text.append(
                    switch (random.nextInt(3)) {
                        case 0 -> piece.toLowerCase(Locale.ROOT);
                        case 1 -> piece.toUpperCase(Locale.ROOT);
                        default -> piece;
                    });
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0 && random.nextInt(5) == 0) {
            bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(128));
        }
        return bytes;
    }
}
