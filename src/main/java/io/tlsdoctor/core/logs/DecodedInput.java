package io.tlsdoctor.core.logs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A log file's bytes as the parser wants them: ASCII-compatible (UTF-8 or an ANSI code page) with any BOM removed.
 * UTF-16 copies (a log re-saved in Notepad) are re-encoded to UTF-8 on the fly; Exchange's own UTF-8 files pass
 * through untouched, so the common case costs nothing.
 */
final class DecodedInput {

    private DecodedInput() {}

    static InputStream open(LogSource source) throws IOException {
        InputStream raw = source.open();
        try {
            return decode(raw);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    static InputStream decode(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 4);
        byte[] head = in.readNBytes(4);
        int n = head.length;
        if (n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            in.unread(head, 3, n - 3);
            return in;
        }
        if (n >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            in.unread(head, 2, n - 2);
            return new Utf8Reencoder(new InputStreamReader(in, StandardCharsets.UTF_16LE));
        }
        if (n >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            in.unread(head, 2, n - 2);
            return new Utf8Reencoder(new InputStreamReader(in, StandardCharsets.UTF_16BE));
        }
        Charset utf16 = null;
        if (n == 4 && head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0) {
            utf16 = StandardCharsets.UTF_16LE;
        } else if (n == 4 && head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0) {
            utf16 = StandardCharsets.UTF_16BE;
        }
        in.unread(head, 0, n);
        return utf16 == null ? in : new Utf8Reencoder(new InputStreamReader(in, utf16));
    }

    /** Characters back to UTF-8 bytes, a block at a time; a surrogate pair split by a block is kept together. */
    private static final class Utf8Reencoder extends InputStream {
        private final Reader reader;
        private final char[] chars = new char[32 * 1024];
        private int carried;
        private byte[] bytes = new byte[0];
        private int pos;
        private boolean eof;

        Utf8Reencoder(Reader reader) {
            this.reader = reader;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int off, int len) throws IOException {
            while (pos >= bytes.length) {
                if (eof) {
                    return -1;
                }
                fill();
            }
            int n = Math.min(len, bytes.length - pos);
            System.arraycopy(bytes, pos, target, off, n);
            pos += n;
            return n;
        }

        private void fill() throws IOException {
            int read = reader.read(chars, carried, chars.length - carried);
            if (read < 0) {
                eof = true;
                bytes = new String(chars, 0, carried).getBytes(StandardCharsets.UTF_8);
                carried = 0;
                pos = 0;
                return;
            }
            int total = carried + read;
            int usable = total;
            if (usable > 0 && Character.isHighSurrogate(chars[usable - 1])) {
                usable--;
            }
            bytes = new String(chars, 0, usable).getBytes(StandardCharsets.UTF_8);
            pos = 0;
            carried = total - usable;
            if (carried > 0) {
                chars[0] = chars[usable];
            }
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
