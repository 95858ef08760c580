package io.tlsdoctor.core.evidence;

import io.tlsdoctor.core.domain.Direction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * The recogniser's rules applied to the text of one protocol-log data row (its data and context columns), for the
 * protocol-log analysis that reads millions of rows. {@link #mayMatch} looks for the rules' {@code requires} words in
 * raw bytes without creating a String, so only the few rows that can match pay for the regular expressions.
 */
public final class ProtocolLogLineClassifier {

    /** One rule that matched: what it is and the exact text. */
    public record LineMatch(SymptomCode code, Category category, Direction direction, String matchedText) {}

    private final SymptomCatalog catalog;
    /** ASCII lower case of every byte value; other bytes stay as they are. */
    private static final byte[] LOWER = new byte[256];
    /**
     * The words looked for in raw bytes: every rule's {@code requires} word, then the literal words of the patterns
     * ({@link RuleLiterals}), at most 64 so that which of them a row holds fits in one {@code long}. A literal word past
     * that is not looked for, which only makes the filter let more through.
     */
    private static final int MAX_WORDS = Long.SIZE - 1;
    /**
     * The bit of {@link #wordsIn} that says the bytes hold "TLS" (any case): not a rule's word, but the reader's
     * first question of a row it has not seen (no TLS and no rule's word: the row says nothing for its session), and
     * asked in the same pass.
     */
    public static final long TLS = 1L << MAX_WORDS;
    /**
     * Whether some word starts with this pair of bytes as they are written (each case of a letter): a bit set of
     * 64 K pairs (8 KB, where a table of booleans took 64 KB and a lower-casing of every byte before the look).
     */
    private final long[] pairs = new long[(1 << 16) / Long.SIZE];
    /** The words by their first two (lower-case) bytes, and each one's bit. */
    private final byte[][][] wordsByPair = new byte[1 << 16][][];

    private final long[][] bitsByPair = new long[1 << 16][];
    /**
     * For {@link #words}' scan of every second pair: whether some word holds this pair of bytes (each case) at its
     * offset 0 or 1. A word of three bytes or more, wherever it starts, has one of those two pairs at an even
     * distance from where the scan starts.
     */
    private final long[] evenPairs = new long[(1 << 16) / Long.SIZE];
    /** By a lower-case pair: the words holding it at offset 0 or 1, that offset, and each word's bit. */
    private final byte[][][] evenWords = new byte[1 << 16][][];

    private final int[][] evenOffsets = new int[1 << 16][];
    private final long[][] evenBits = new long[1 << 16][];
    /**
     * The first three bytes of every word (lower case), hashed: a pair that {@link #evenPairs} lets through is looked
     * up only when the three bytes a word would start with there are in it. Digits make many pairs ("55", "5.",
     * "20") common in addresses and sizes; three bytes seldom are.
     */
    private final long[] firstTriples = new long[(1 << 16) / Long.SIZE];
    /** Every word has at least three bytes, so {@link #words} may look at every second pair only. */
    private final boolean everySecondPair;
    /** The bits of the {@code requires} words. */
    private final long requiredBits;
    /** By rule, in the catalogue's order: the rule itself, and when it applies to a receive and to a send log. */
    private final SymptomCatalog.Rule[] rules;

    private final SymptomCatalog.When[] whenReceive;
    private final SymptomCatalog.When[] whenSend;
    /** By rule: the bits of every word a text needs before the rule is tried (its requires and literal words). */
    private final long[] ruleBits;
    /** By rule: its pattern's literal words as lower-case Strings, for {@link #classify}. */
    private final String[][] literals;

    static {
        for (int i = 0; i < 256; i++) {
            LOWER[i] = (byte) (i >= 'A' && i <= 'Z' ? i + 32 : i);
        }
    }

    public ProtocolLogLineClassifier(SymptomCatalog catalog) {
        this.catalog = catalog;
        rules = catalog.rules().toArray(new SymptomCatalog.Rule[0]);
        List<String> words = new ArrayList<>();
        for (SymptomCatalog.Rule rule : rules) {
            if (!words.contains(rule.spec().requires())) {
                words.add(rule.spec().requires());
            }
        }
        if (words.size() > MAX_WORDS) {
            throw new IllegalStateException("more than " + MAX_WORDS + " distinct requires words");
        }
        long required = 0;
        for (int w = 0; w < words.size(); w++) {
            required |= 1L << w;
        }
        requiredBits = required;
        whenReceive = new SymptomCatalog.When[rules.length];
        whenSend = new SymptomCatalog.When[rules.length];
        ruleBits = new long[rules.length];
        literals = new String[rules.length][];
        for (int r = 0; r < rules.length; r++) {
            SymptomCatalog.Rule rule = rules[r];
            whenReceive[r] = rule.when(LineContext.PROTOCOL_LOG_RECEIVE).orElse(null);
            whenSend[r] = rule.when(LineContext.PROTOCOL_LOG_SEND).orElse(null);
            literals[r] = RuleLiterals.of(rule.spec().pattern()).toArray(new String[0]);
            long bits = 1L << words.indexOf(rule.spec().requires());
            for (String literal : literals[r]) {
                int at = words.indexOf(literal);
                if (at < 0 && words.size() < MAX_WORDS) {
                    words.add(literal);
                    at = words.size() - 1;
                }
                if (at >= 0) {
                    bits |= 1L << at;
                }
            }
            ruleBits[r] = bits;
        }
        for (int w = 0; w <= words.size(); w++) {
            boolean tls = w == words.size();
            byte[] bytes = (tls ? "tls" : words.get(w)).getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 2) {
                throw new IllegalStateException("requires word too short for the byte prefilter: " + words.get(w));
            }
            int pair = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
            for (int first : cases(bytes[0])) {
                for (int second : cases(bytes[1])) {
                    int raw = (first << 8) | second;
                    pairs[raw >>> 6] |= 1L << raw;
                }
            }
            byte[][] before = wordsByPair[pair];
            byte[][] after = before == null ? new byte[1][] : Arrays.copyOf(before, before.length + 1);
            after[after.length - 1] = bytes;
            wordsByPair[pair] = after;
            long[] beforeBits = bitsByPair[pair];
            long[] afterBits = beforeBits == null ? new long[1] : Arrays.copyOf(beforeBits, beforeBits.length + 1);
            afterBits[afterBits.length - 1] = tls ? TLS : 1L << w;
            bitsByPair[pair] = afterBits;
        }
        boolean allLong = true;
        for (int w = 0; w <= words.size(); w++) {
            boolean tls = w == words.size();
            byte[] bytes = (tls ? "tls" : words.get(w)).getBytes(StandardCharsets.UTF_8);
            allLong &= bytes.length >= 3;
            if (bytes.length >= 3) {
                int triple = triple(bytes[0], bytes[1], bytes[2]);
                firstTriples[triple >>> 6] |= 1L << triple;
            }
            for (int offset = 0; offset < 2 && offset + 1 < bytes.length; offset++) {
                indexEvenPair(bytes, offset, tls ? TLS : 1L << w);
            }
        }
        everySecondPair = allLong;
    }

    private void indexEvenPair(byte[] word, int offset, long bit) {
        for (int first : cases(word[offset])) {
            for (int second : cases(word[offset + 1])) {
                int raw = (first << 8) | second;
                evenPairs[raw >>> 6] |= 1L << raw;
            }
        }
        int pair = ((word[offset] & 0xff) << 8) | (word[offset + 1] & 0xff);
        int n = evenWords[pair] == null ? 0 : evenWords[pair].length;
        evenWords[pair] = n == 0 ? new byte[1][] : Arrays.copyOf(evenWords[pair], n + 1);
        evenOffsets[pair] = n == 0 ? new int[1] : Arrays.copyOf(evenOffsets[pair], n + 1);
        evenBits[pair] = n == 0 ? new long[1] : Arrays.copyOf(evenBits[pair], n + 1);
        evenWords[pair][n] = word;
        evenOffsets[pair][n] = offset;
        evenBits[pair][n] = bit;
    }

    /**
     * The bytes a word's (lower-case) byte stands for in the text: a lower-case letter either case, anything else
     * itself; none for an upper-case letter, which the lower-cased text never holds.
     */
    private static int[] cases(byte b) {
        int c = b & 0xff;
        if (c >= 'A' && c <= 'Z') {
            return new int[0];
        }
        return c >= 'a' && c <= 'z' ? new int[] {c, c - 32} : new int[] {c};
    }

    public SymptomCatalog catalog() {
        return catalog;
    }

    /**
     * Whether some rule's {@code requires} word occurs (ASCII case-insensitively) in {@code bytes[from, to)}. When it
     * says no, {@link #classify} would find nothing.
     */
    public boolean mayMatch(byte[] bytes, int from, int to) {
        return (words(bytes, from, to) & requiredBits) != 0;
    }

    /**
     * Whether some rule that applies to this kind of log could match the row whose data column is
     * {@code bytes[dataFrom, dataTo)} and context column {@code bytes[contextFrom, contextTo)} (an empty range for a
     * missing column): its {@code requires} word and its pattern's literal words ({@link RuleLiterals}) all occur in
     * one of the two. When it says no, {@link #classify} of the two columns' text finds nothing, so the caller need
     * not make that text. Stricter than {@link #mayMatch(byte[], int, int)}: every EHLO reply holds "STARTTLS", and
     * on a busy server each differs by the client's address.
     */
    public boolean mayMatch(
            byte[] bytes, int dataFrom, int dataTo, int contextFrom, int contextTo, boolean receiveLog) {
        return mayMatch(words(bytes, dataFrom, dataTo) | words(bytes, contextFrom, contextTo), receiveLog);
    }

    /**
     * The words of the rules' prefilter (and {@link #TLS}) that occur, ASCII case-insensitively, in
     * {@code bytes[from, to)}: for {@link #mayMatch(long, boolean)}, which with the words of a row's data and context
     * columns or-ed says what {@link #mayMatch(byte[], int, int, int, int, boolean)} says of them.
     */
    public long wordsIn(byte[] bytes, int from, int to) {
        return words(bytes, from, to);
    }

    /** {@link #mayMatch(byte[], int, int, int, int, boolean)} of the columns whose {@link #wordsIn} are or-ed in {@code found}. */
    public boolean mayMatch(long found, boolean receiveLog) {
        if ((found & requiredBits) == 0) {
            return false;
        }
        SymptomCatalog.When[] when = receiveLog ? whenReceive : whenSend;
        for (int r = 0; r < rules.length; r++) {
            if (when[r] != null && (found & ruleBits[r]) == ruleBits[r]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The bits of the words that occur (ASCII case-insensitively) in {@code bytes[from, to)}. Every word being three
     * bytes or more, it looks at every second pair of bytes only: half the steps of {@link #wordsPairByPair}, whose
     * one-byte steps were 15 % of reading a busy server's logs (the texts not seen before, an EHLO reply for each
     * client address); the rows are short, and C1 makes each step several instructions.
     */
    private long words(byte[] bytes, int from, int to) {
        if (!everySecondPair) {
            return wordsPairByPair(bytes, from, to);
        }
        long found = 0;
        long[] even = evenPairs;
        for (int i = from; i + 1 < to; i += 2) {
            int first = bytes[i] & 0xff;
            int pair = (first << 8) | (bytes[i + 1] & 0xff);
            if ((even[pair >>> 6] & (1L << pair)) != 0 && startsWordHere(bytes, i, from, to)) {
                int lower = ((LOWER[first] & 0xff) << 8) | (LOWER[bytes[i + 1] & 0xff] & 0xff);
                found |= evenWordsAt(bytes, i, from, to, lower);
            }
        }
        return found;
    }

    /** Whether a word may start at {@code at} or at {@code at - 1}: its first three bytes are one of the words'. */
    private boolean startsWordHere(byte[] bytes, int at, int from, int to) {
        long[] triples = firstTriples;
        if (at + 2 < to) {
            int t = triple(LOWER[bytes[at] & 0xff], LOWER[bytes[at + 1] & 0xff], LOWER[bytes[at + 2] & 0xff]);
            if ((triples[t >>> 6] & (1L << t)) != 0) {
                return true;
            }
        }
        if (at > from) {
            int t = triple(LOWER[bytes[at - 1] & 0xff], LOWER[bytes[at] & 0xff], LOWER[bytes[at + 1] & 0xff]);
            return (triples[t >>> 6] & (1L << t)) != 0;
        }
        return false;
    }

    private static int triple(byte a, byte b, byte c) {
        return (((a & 0xff) << 10) ^ ((b & 0xff) << 5) ^ (c & 0xff)) & 0xFFFF;
    }

    private long evenWordsAt(byte[] bytes, int at, int from, int to, int lowerPair) {
        byte[][] candidates = evenWords[lowerPair];
        int[] offsets = evenOffsets[lowerPair];
        long[] bits = evenBits[lowerPair];
        long found = 0;
        for (int k = 0; k < candidates.length; k++) {
            byte[] word = candidates[k];
            int start = at - offsets[k];
            if (start >= from && start + word.length <= to && regionMatchesLower(bytes, start, word, 0)) {
                found |= bits[k];
            }
        }
        return found;
    }

    /** Whether {@link #words} looks at every second pair (every word has three bytes or more). */
    boolean scansEverySecondPair() {
        return everySecondPair;
    }

    /** {@link #words} one pair at a time, as it was: for a catalogue with a two-byte word, and as the tests' reference. */
    long wordsPairByPair(byte[] bytes, int from, int to) {
        if (to - from < 2) {
            return 0;
        }
        long found = 0;
        long[] starts = pairs;
        int previous = bytes[from] & 0xff;
        for (int i = from + 1; i < to; i++) {
            int current = bytes[i] & 0xff;
            int pair = (previous << 8) | current;
            if ((starts[pair >>> 6] & (1L << pair)) != 0) {
                int lower = ((LOWER[previous] & 0xff) << 8) | (LOWER[current] & 0xff);
                found |= wordsAt(bytes, i - 1, to, wordsByPair[lower], bitsByPair[lower]);
            }
            previous = current;
        }
        return found;
    }

    private static long wordsAt(byte[] bytes, int at, int to, byte[][] words, long[] bits) {
        long found = 0;
        for (int k = 0; k < words.length; k++) {
            byte[] word = words[k];
            if (at + word.length <= to && regionMatchesLower(bytes, at, word, 2)) {
                found |= bits[k];
            }
        }
        return found;
    }

    private static boolean regionMatchesLower(byte[] bytes, int at, byte[] lowerWord, int checkedBefore) {
        for (int k = checkedBefore; k < lowerWord.length; k++) {
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
        SymptomCatalog.When[] applies = context == LineContext.PROTOCOL_LOG_RECEIVE ? whenReceive : whenSend;
        for (int r = 0; r < rules.length; r++) {
            SymptomCatalog.Rule rule = rules[r];
            SymptomCatalog.When when = applies[r];
            if (when == null || !lower.contains(rule.spec().requires()) || !containsAll(lower, literals[r])) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                if (m.end() == m.start() || overlaps(claimed, m.start(), m.end())) {
                    continue;
                }
                claimed.add(new int[] {m.start(), m.end()});
                SymptomCode code = rule.spec().code();
                matches.add(new LineMatch(code, catalog.symptom(code).category(), when.direction(), m.group()));
            }
        }
        return matches;
    }

    private static boolean containsAll(String lower, String[] words) {
        for (String word : words) {
            if (!lower.contains(word)) {
                return false;
            }
        }
        return true;
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
