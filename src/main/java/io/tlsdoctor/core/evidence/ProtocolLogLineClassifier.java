package io.tlsdoctor.core.evidence;

import io.tlsdoctor.core.domain.Direction;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The recogniser's rules applied to the text of one protocol-log data row (its data and context columns), for the
 * protocol-log analysis that reads millions of rows. {@link #mayMatch} looks for the rules' {@code requires} words in
 * raw bytes without creating a String, so only the few rows that can match pay for the regular expressions.
 */
public final class ProtocolLogLineClassifier {

    /** One rule that matched: what it is and the exact text. */
    public record LineMatch(SymptomCode code, Category category, Direction direction, String matchedText) {
    }

    private final SymptomCatalog catalog;
    /** ASCII lower case of every byte value; other bytes stay as they are. */
    private static final byte[] LOWER = new byte[256];
    /** Whether some required word starts with this (lower-case) pair of bytes. */
    private final boolean[] firstPair = new boolean[1 << 16];
    /** The required words by their first two (lower-case) bytes. */
    private final byte[][][] wordsByPair = new byte[1 << 16][][];

    static {
        for (int i = 0; i < 256; i++) {
            LOWER[i] = (byte) (i >= 'A' && i <= 'Z' ? i + 32 : i);
        }
    }

    public ProtocolLogLineClassifier(SymptomCatalog catalog) {
        this.catalog = catalog;
        Set<String> words = new LinkedHashSet<>();
        for (SymptomCatalog.Rule rule : catalog.rules()) {
            words.add(rule.spec().requires());
        }
        for (String word : words) {
            byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 2) {
                throw new IllegalStateException("requires word too short for the byte prefilter: " + word);
            }
            int pair = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
            firstPair[pair] = true;
            byte[][] before = wordsByPair[pair];
            byte[][] after = before == null ? new byte[1][] : java.util.Arrays.copyOf(before, before.length + 1);
            after[after.length - 1] = bytes;
            wordsByPair[pair] = after;
        }
    }

    public SymptomCatalog catalog() {
        return catalog;
    }

    /**
     * Whether some rule's {@code requires} word occurs (ASCII case-insensitively) in {@code bytes[from, to)}. When it
     * says no, {@link #classify} would find nothing.
     */
    public boolean mayMatch(byte[] bytes, int from, int to) {
        if (to - from < 2) {
            return false;
        }
        int previous = LOWER[bytes[from] & 0xff] & 0xff;
        for (int i = from + 1; i < to; i++) {
            int current = LOWER[bytes[i] & 0xff] & 0xff;
            int pair = (previous << 8) | current;
            previous = current;
            if (firstPair[pair] && anyWordAt(bytes, i - 1, to, wordsByPair[pair])) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyWordAt(byte[] bytes, int at, int to, byte[][] words) {
        for (byte[] word : words) {
            if (at + word.length <= to && regionMatchesLower(bytes, at, word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionMatchesLower(byte[] bytes, int at, byte[] lowerWord) {
        for (int k = 2; k < lowerWord.length; k++) {
            if (LOWER[bytes[at + k] & 0xff] != lowerWord[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every rule that matches the row's text, earlier rules first; where two matches overlap the earlier rule wins,
     * as in the recogniser.
     *
     * @param receiveLog true for a Receive connector log (this server was the SMTP server), false for a Send log
     */
    public List<LineMatch> classify(String text, boolean receiveLog) {
        LineContext context = receiveLog ? LineContext.PROTOCOL_LOG_RECEIVE : LineContext.PROTOCOL_LOG_SEND;
        String lower = text.toLowerCase(Locale.ROOT);
        List<LineMatch> matches = new ArrayList<>(1);
        List<int[]> claimed = new ArrayList<>(1);
        for (SymptomCatalog.Rule rule : catalog.rules()) {
            if (!lower.contains(rule.spec().requires())) {
                continue;
            }
            Optional<SymptomCatalog.When> when = rule.when(context);
            if (when.isEmpty()) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                if (m.end() == m.start() || overlaps(claimed, m.start(), m.end())) {
                    continue;
                }
                claimed.add(new int[] {m.start(), m.end()});
                SymptomCode code = rule.spec().code();
                matches.add(new LineMatch(code, catalog.symptom(code).category(), when.get().direction(), m.group()));
            }
        }
        return matches;
    }

    private static boolean overlaps(List<int[]> spans, int start, int end) {
        for (int[] span : spans) {
            if (start < span[1] && span[0] < end) {
                return true;
            }
        }
        return false;
    }
}
