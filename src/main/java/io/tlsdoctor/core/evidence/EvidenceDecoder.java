package io.tlsdoctor.core.evidence;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a file someone saved or sent into text: UTF-8 with or without BOM, UTF-16 with BOM (what
 * PowerShell's {@code Out-File} writes), UTF-16LE without BOM, and otherwise Windows-1252 (Notepad's "ANSI").
 * Anything else is refused as binary with a message that says so.
 */
public final class EvidenceDecoder {

    /**
     * The largest evidence file classify reads; whole protocol-log folders are a separate analysis. An NDR is a few
     * kilobytes; 64 MB of one line is recognised in well under a minute, as the recogniser is linear.
     */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    /** The most lines of evidence read: past this a paste is a whole log, which the logs analysis reads instead. */
    public static final int MAX_LINES = 200_000;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SNIFF = 64 * 1024;

    private EvidenceDecoder() {}

    public static EvidenceText decode(byte[] bytes) throws EvidenceInputException {
        if (bytes.length > MAX_BYTES) {
            throw new EvidenceInputException(
                    "evidence.error.tooLarge", bytes.length / (1024 * 1024), MAX_BYTES / (1024 * 1024));
        }
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return text(strictOr1252(bytes, 3), bytes, 3);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return utf16(bytes, 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return utf16(bytes, 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 'P', 'K', 0x03, 0x04)) {
            throw new EvidenceInputException("evidence.error.zip");
        }
        if (looksLikeBomlessUtf16Le(bytes)) {
            return utf16(bytes, 0, StandardCharsets.UTF_16LE);
        }
        if (looksBinary(bytes, 0)) {
            throw new EvidenceInputException("evidence.error.binary");
        }
        return text(strictOr1252(bytes, 0), bytes, 0);
    }

    private static EvidenceText text(Charset charset, byte[] bytes, int offset) {
        return new EvidenceText(new String(bytes, offset, bytes.length - offset, charset), charset.name(), false);
    }

    private static EvidenceText utf16(byte[] bytes, int offset, Charset charset) throws EvidenceInputException {
        String text = new String(bytes, offset, bytes.length - offset, charset);
        if (controlCharacterShare(text) > 0.10) {
            throw new EvidenceInputException("evidence.error.binary");
        }
        return new EvidenceText(text, charset.name(), false);
    }

    /** UTF-8 when the bytes are valid UTF-8 (plain ASCII is too), else Windows-1252, which maps every byte. */
    private static Charset strictOr1252(byte[] bytes, int offset) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            utf8.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return WINDOWS_1252;
        }
    }

    private static boolean looksLikeBomlessUtf16Le(byte[] bytes) {
        int n = Math.min(bytes.length, SNIFF) & ~1;
        if (n < 8) {
            return false;
        }
        int oddZeros = 0;
        int evenZeros = 0;
        for (int i = 0; i < n; i += 2) {
            if (bytes[i] == 0) {
                evenZeros++;
            }
            if (bytes[i + 1] == 0) {
                oddZeros++;
            }
        }
        int pairs = n / 2;
        return oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05;
    }

    private static boolean looksBinary(byte[] bytes, int offset) {
        int n = Math.min(bytes.length, offset + SNIFF);
        int control = 0;
        for (int i = offset; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) {
                control++;
            }
        }
        return n > offset && control > (n - offset) * 0.10;
    }

    private static double controlCharacterShare(CharSequence text) {
        int n = Math.min(text.length(), SNIFF);
        if (n == 0) {
            return 0;
        }
        int control = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0xFFFD) {
                control++;
            }
        }
        return (double) control / n;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Text that came from a paste or the clipboard is already text; only a NUL-ridden paste is refused. */
    public static EvidenceText fromPaste(String text) throws EvidenceInputException {
        if (text.length() > MAX_BYTES) {
            throw new EvidenceInputException(
                    "evidence.error.tooLarge", text.length() / (1024 * 1024), MAX_BYTES / (1024 * 1024));
        }
        if (controlCharacterShare(CharBuffer.wrap(text)) > 0.10 || text.indexOf('\0') >= 0) {
            throw new EvidenceInputException("evidence.error.binary");
        }
        return EvidenceText.pasted(text);
    }
}
