package io.tlsdoctor.core.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The literal words a rule's pattern cannot match without, read from the pattern itself: the runs of plain characters
 * at its top level, outside groups, classes and alternatives, cut at spaces (a catalogue space matches any white
 * space or none) and before a quantifier. A second prefilter after the {@code requires} word: an EHLO reply holds
 * "STARTTLS", and on a busy server every one of them differs by the client's address, so without it each of them ran
 * the STARTTLS rules' regular expressions.
 *
 * <p>Sound or silent: a pattern this reader is not sure of (a top-level alternative, an inline flag, a quoted
 * section, an escape that stands for another character) gives no words, and the rule is tried as before.
 */
final class RuleLiterals {

    /** Shorter words filter too little to be worth the look. */
    static final int MIN_LENGTH = 3;
    /** The longest few are enough to rule a text out. */
    static final int MAX_WORDS = 3;

    private RuleLiterals() {}

    /** Lower-case ASCII words that every match of {@code pattern} (compiled case-insensitively) contains; may be empty. */
    static List<String> of(String pattern) {
        if (pattern.contains("\\Q") || pattern.matches("(?s).*\\(\\?[A-Za-z-].*")) {
            return List.of(); // quoted text or inline flags (comments mode) change what the characters mean
        }
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    return List.of();
                }
                char escaped = pattern.charAt(i + 1);
                i += 2;
                if (isAsciiLetterOrDigit(escaped)) {
                    if ("sSdDwWbB".indexOf(escaped) < 0) {
                        return List.of(); // \x41, \u0041, \p{..}, \0, \c, \R, \k<..>: not sure what it stands for
                    }
                    end(word, words);
                } else if (escaped < 0x80 && escaped >= 0x20) {
                    appendOrQuantified(word, words, escaped, pattern, i);
                } else {
                    end(word, words);
                }
                i = skipQuantifier(pattern, i);
            } else if (c == '(') {
                end(word, words);
                i = skipGroup(pattern, i);
                if (i < 0) {
                    return List.of();
                }
                i = skipQuantifier(pattern, i);
            } else if (c == '[') {
                end(word, words);
                i = skipClass(pattern, i);
                if (i < 0) {
                    return List.of();
                }
                i = skipQuantifier(pattern, i);
            } else if (c == '|') {
                return List.of(); // an alternative at the top: no word is common to all matches
            } else if (c == ' ' || c == '.' || c == '^' || c == '$' || c == ')' || c == ']' || c == '{' || c == '}'
                    || c == '?' || c == '*' || c == '+' || c >= 0x80 || c < 0x20) {
                end(word, words);
                i = skipQuantifier(pattern, i + 1);
            } else {
                i++;
                appendOrQuantified(word, words, c, pattern, i);
                i = skipQuantifier(pattern, i);
            }
        }
        end(word, words);
        // longest first; a lambda of this class, not Comparator.comparingInt: the JDK's own lambdas are not in the
        // runtime's CDS archive, and spinning one cost the wizard's first window about 15 ms (issue 15)
        words.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return List.copyOf(words.subList(0, Math.min(MAX_WORDS, words.size())));
    }

    /** A literal character: part of the word, unless a quantifier follows it (then it may be absent or repeated). */
    private static void appendOrQuantified(StringBuilder word, List<String> words, char c, String pattern, int next) {
        if (next < pattern.length() && "?*+{".indexOf(pattern.charAt(next)) >= 0) {
            end(word, words);
            return;
        }
        word.append(Character.toLowerCase(c));
    }

    private static void end(StringBuilder word, List<String> words) {
        if (word.length() >= MIN_LENGTH) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        word.setLength(0);
    }

    /** Past a quantifier at {@code i} ({@code ?}, {@code *}, {@code +}, {@code {m,n}}, lazy or possessive), if any. */
    private static int skipQuantifier(String pattern, int i) {
        int n = pattern.length();
        if (i >= n) {
            return i;
        }
        char c = pattern.charAt(i);
        if (c == '?' || c == '*' || c == '+') {
            i++;
        } else if (c == '{') {
            int close = pattern.indexOf('}', i);
            if (close < 0) {
                return n;
            }
            i = close + 1;
        } else {
            return i;
        }
        if (i < n && (pattern.charAt(i) == '?' || pattern.charAt(i) == '+')) {
            i++;
        }
        return i;
    }

    /** Past the group opened at {@code i}, or -1 when it does not close. */
    private static int skipGroup(String pattern, int i) {
        int depth = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                i = skipClass(pattern, i);
                if (i < 0) {
                    return -1;
                }
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return -1;
    }

    /** Past the character class opened at {@code i} (nested classes included), or -1 when it does not close. */
    private static int skipClass(String pattern, int i) {
        int depth = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                depth++;
                // a ']' right after '[' or '[^' is a literal member, not the end
                int first = i + 1 < n && pattern.charAt(i + 1) == '^' ? i + 2 : i + 1;
                if (first < n && pattern.charAt(first) == ']') {
                    i = first + 1;
                    continue;
                }
            } else if (c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return -1;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
