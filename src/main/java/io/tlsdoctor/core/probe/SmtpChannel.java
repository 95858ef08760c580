package io.tlsdoctor.core.probe;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SMTP replies and writes commands with hard limits: a line longer than {@link #MAX_LINE} bytes, a reply of more
 * than {@link #MAX_LINES} lines, or a reply not finished before the deadline ends the read. Memory stays bounded
 * whatever the peer sends, and a peer dripping one byte a second cannot stretch the deadline.
 */
final class SmtpChannel {

    /** RFC 5321 allows 512 bytes per reply line; real servers stay far below this. */
    static final int MAX_LINE = 4096;

    static final int MAX_LINES = 200;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Transcript transcript;

    SmtpChannel(Socket socket, Transcript transcript) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 1024);
        this.out = socket.getOutputStream();
        this.transcript = transcript;
    }

    void send(String command, Deadline deadline) throws IOException {
        socket.setSoTimeout(deadline.socketTimeout());
        transcript.sent(command);
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    SmtpReply read(Deadline deadline) throws IOException {
        List<String> lines = new ArrayList<>();
        int code = -1;
        while (true) {
            String line = readLine(deadline);
            transcript.received(line);
            if (line.length() < 3
                    || !Character.isDigit(line.charAt(0))
                    || !Character.isDigit(line.charAt(1))
                    || !Character.isDigit(line.charAt(2))
                    || (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-')) {
                throw new SmtpProtocolException(Detail.of("probe.detail.notSmtp", printable(line)));
            }
            int lineCode = Integer.parseInt(line.substring(0, 3));
            if (code >= 0 && lineCode != code) {
                throw new SmtpProtocolException(Detail.of("probe.detail.notSmtp", printable(line)));
            }
            code = lineCode;
            lines.add(line.length() > 4 ? line.substring(4) : "");
            boolean last = line.length() == 3 || line.charAt(3) == ' ';
            if (last) {
                return new SmtpReply(code, lines);
            }
            if (lines.size() >= MAX_LINES) {
                throw new SmtpProtocolException(Detail.of("probe.detail.tooManyLines", MAX_LINES));
            }
        }
    }

    private String readLine(Deadline deadline) throws IOException {
        byte[] buffer = new byte[256];
        int length = 0;
        while (true) {
            if (deadline.expired()) {
                throw length == 0 ? new SocketTimeoutException("deadline") : new SlowPeerException();
            }
            socket.setSoTimeout(deadline.socketTimeout());
            int b;
            try {
                b = in.read();
            } catch (IOException e) {
                // the read timed out, or the guard closed the socket at the deadline: either way, mid-line means slow
                // (the guard may fire a millisecond before the deadline, so a closed socket counts as well)
                if (length > 0 && (e instanceof SocketTimeoutException || deadline.expired() || socket.isClosed())) {
                    throw new SlowPeerException();
                }
                throw e;
            }
            if (b < 0) {
                throw new EOFException(length == 0 ? "closed" : "closed mid-line");
            }
            if (b == '\n') {
                int end = length > 0 && buffer[length - 1] == '\r' ? length - 1 : length;
                return new String(buffer, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (length == MAX_LINE) {
                throw new SmtpProtocolException(Detail.of("probe.detail.lineTooLong", MAX_LINE));
            }
            if (length == buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, Math.min(MAX_LINE, buffer.length * 2));
            }
            buffer[length++] = (byte) b;
        }
    }

    /** The peer was sending, but too slowly to finish a line before the deadline (for example one byte a second). */
    static final class SlowPeerException extends SocketTimeoutException {
        private static final long serialVersionUID = 1L;

        SlowPeerException() {
            super("line not finished before the deadline");
        }
    }

    /** Shows what was received without control characters or binary junk, and short. */
    static String printable(String text) {
        return printable(text, 60);
    }

    static String printable(String text, int max) {
        StringBuilder result = new StringBuilder();
        for (char c : text.toCharArray()) {
            result.append(c >= 0x20 && c < 0x7f ? c : '.');
            if (result.length() >= max) {
                result.append('…');
                break;
            }
        }
        return result.toString();
    }
}
