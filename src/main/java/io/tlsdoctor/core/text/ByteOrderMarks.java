package io.tlsdoctor.core.text;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Text a Windows tool saved with a byte-order mark: Notepad's "Unicode" (UTF-16 LE), "Unicode big endian", and its
 * UTF-8 with a mark. Files TLS Doctor reads back from people (saved summaries, connector output) come in all three.
 */
public final class ByteOrderMarks {

    private ByteOrderMarks() {}

    /** The text after the mark, decoded as the mark says; empty when {@code data} starts with none. */
    public static Optional<String> decode(byte[] data) {
        if (data.length >= 2 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xFE) {
            return Optional.of(new String(data, 2, data.length - 2, StandardCharsets.UTF_16LE));
        }
        if (data.length >= 2 && (data[0] & 0xFF) == 0xFE && (data[1] & 0xFF) == 0xFF) {
            return Optional.of(new String(data, 2, data.length - 2, StandardCharsets.UTF_16BE));
        }
        if (data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF) {
            return Optional.of(new String(data, 3, data.length - 3, StandardCharsets.UTF_8));
        }
        return Optional.empty();
    }
}
