package io.tlsdoctor.core.logs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Hand-written protocol logs for tests: the header Exchange writes, then the given rows, CRLF-terminated. */
final class LogText {

    static final String FIELDS =
            "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context";

    private LogText() {}

    static String send(String... rows) {
        return header("SMTP Send Protocol Log") + String.join("\r\n", rows) + "\r\n";
    }

    static String receive(String... rows) {
        return header("SMTP Receive Protocol Log") + String.join("\r\n", rows) + "\r\n";
    }

    static String header(String logType) {
        return "#Software: Microsoft Exchange Server\r\n#Version: 15.02.1258.012\r\n#Log-type: " + logType
                + "\r\n#Date: 2026-11-20T10:00:00.000Z\r\n" + FIELDS + "\r\n";
    }

    /** As Exchange saves it: UTF-8 with a BOM. */
    static byte[] utf8WithBom(String text) {
        return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
    }

    /** As Notepad's "Unicode" saves it: UTF-16LE with a BOM. */
    static byte[] utf16le(String text) {
        return concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
    }

    static byte[] in(String text, Charset charset) {
        return text.getBytes(charset);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
