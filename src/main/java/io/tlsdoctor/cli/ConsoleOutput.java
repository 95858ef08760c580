package io.tlsdoctor.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Map;

/**
 * Text for a console that may not be UTF-8: a Windows console shows the OEM code page (850, 437), where {@code →}
 * and {@code …} do not exist and would print as {@code ?}. What the charset cannot show becomes its ASCII spelling
 * ({@code ->}, {@code ...}), or the letter without its accent; what it can show (Swedish å, ä, ö in 850 and 437) stays.
 */
public final class ConsoleOutput {

    private static final Map<Character, String> ASCII = Map.ofEntries(
            Map.entry('→', "->"),
            Map.entry('←', "<-"),
            Map.entry('↔', "<->"),
            Map.entry('⇒', "=>"),
            Map.entry('…', "..."),
            Map.entry('—', "-"),
            Map.entry('–', "-"),
            Map.entry('−', "-"),
            Map.entry('“', "\""),
            Map.entry('”', "\""),
            Map.entry('„', "\""),
            Map.entry('«', "\""),
            Map.entry('»', "\""),
            Map.entry('‘', "'"),
            Map.entry('’', "'"),
            Map.entry('‚', "'"),
            Map.entry('•', "*"),
            Map.entry('·', "*"),
            Map.entry('✓', "ok"),
            Map.entry('✔', "ok"),
            Map.entry('✗', "x"),
            Map.entry('✘', "x"),
            Map.entry('×', "x"),
            Map.entry('≥', ">="),
            Map.entry('≤', "<="),
            Map.entry('≠', "!="),
            Map.entry('\u00A0', " "),
            Map.entry('\u202F', " "),
            Map.entry('\u2009', " "));

    private ConsoleOutput() {}

    /** An auto-flushing writer to {@code stream} in {@code charset}, showing every character as well as it can. */
    public static PrintWriter writer(OutputStream stream, Charset charset) {
        Writer encoded = new OutputStreamWriter(stream, charset);
        if (charset.equals(StandardCharsets.UTF_8) || charset.name().startsWith("UTF-")) {
            return new PrintWriter(encoded, true);
        }
        return new PrintWriter(new Showable(encoded, charset.newEncoder()), true);
    }

    /** {@code text} as {@code charset} can show it. */
    static String showable(String text, CharsetEncoder encoder) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128) {
                out.append(c);
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                String pair = text.substring(i, i + 2);
                out.append(encoder.canEncode(pair) ? pair : "?");
                i++;
                continue;
            }
            out.append(encoder.canEncode(c) ? String.valueOf(c) : replacement(c, encoder));
        }
        return out.toString();
    }

    private static String replacement(char c, CharsetEncoder encoder) {
        String ascii = ASCII.get(c);
        if (ascii != null) {
            return ascii;
        }
        // é -> e, å -> a where the code page lacks them (not 850 or 437, which have the Swedish letters)
        String base =
                Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return !base.isEmpty() && !base.equals(String.valueOf(c)) && encoder.canEncode(base) ? base : "?";
    }

    /** Replaces per write; a surrogate pair split across two writes is rare enough to come out as '?'. */
    private static final class Showable extends Writer {
        private final Writer target;
        private final CharsetEncoder encoder;

        Showable(Writer target, CharsetEncoder encoder) {
            this.target = target;
            this.encoder = encoder;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            target.write(showable(new String(buffer, offset, length), encoder));
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }

        @Override
        public void close() throws IOException {
            target.close();
        }
    }
}
