package io.tlsdoctor.testpeers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A loopback SMTP server written for the tests, with JSSE on the server side of STARTTLS. Each instance behaves in
 * one way a real peer (or a device in front of it) does: TLS 1.2 only, TLS 1.3 only, no STARTTLS, a masked banner,
 * 454, a reset or an alert in the handshake, silence, a drip, a 10 MB line, garbage.
 */
public final class FakeSmtpPeer implements AutoCloseable {

    public enum Mode {
        NORMAL,
        SILENT,
        DRIP,
        HUGE_LINE,
        GARBAGE,
        RESET_IN_HANDSHAKE,
        ALERT_IN_HANDSHAKE,
        /** Accepts the TCP connection and resets it at once, before any SMTP: a firewall or a filtering proxy. */
        RESET_AT_ACCEPT
    }

    private final ServerSocket server;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    private final Mode mode;
    private final List<String> banner;
    private final boolean offerStartTls;
    private final String starttlsReply;
    private final SSLContext tls;
    private final String[] protocols;
    private volatile boolean closed;

    private FakeSmtpPeer(Builder builder) throws IOException {
        this.mode = builder.mode;
        this.banner = builder.banner;
        this.offerStartTls = builder.offerStartTls;
        this.starttlsReply = builder.starttlsReply;
        this.tls = builder.certificate == null ? null : TestCertificates.serverContext(builder.certificate);
        this.protocols = builder.protocols;
        this.server = new ServerSocket(
                0,
                50,
                builder.bindAddress == null
                        ? InetAddress.getLoopbackAddress()
                        : InetAddress.getByName(builder.bindAddress));
        Thread acceptor = new Thread(this::accept, "fake-smtp-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every command the probe sent, so tests can check it never tried to send mail. */
    public List<String> commands() {
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                Thread handler = new Thread(() -> serve(socket), "fake-smtp-conn");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            switch (mode) {
                case RESET_AT_ACCEPT -> {
                    socket.setSoLinger(true, 0); // close with RST, not FIN
                    return;
                }
                case SILENT -> {
                    socket.getInputStream().read();
                    return;
                }
                case DRIP -> {
                    for (byte b : "220 slow.example ESMTP but very slowly\r\n".getBytes(StandardCharsets.US_ASCII)) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(1000);
                    }
                    return;
                }
                case HUGE_LINE -> {
                    byte[] chunk = new byte[64 * 1024];
                    java.util.Arrays.fill(chunk, (byte) 'A');
                    out.write("220 ".getBytes(StandardCharsets.US_ASCII));
                    for (int sent = 0; sent < 10 * 1024 * 1024; sent += chunk.length) {
                        out.write(chunk);
                    }
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    socket.getInputStream().read();
                    return;
                }
                case GARBAGE -> {
                    byte[] junk = new byte[2048];
                    new Random(4).nextBytes(junk);
                    junk[100] = '\n';
                    out.write(junk);
                    out.flush();
                    socket.getInputStream().read();
                    return;
                }
                default -> converse(socket, out);
            }
        } catch (IOException | InterruptedException e) {
            // the probe hung up or the test closed the peer
        }
    }

    private void converse(Socket socket, OutputStream out) throws IOException {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        write(out, String.join("\r\n", banner));
        String line;
        while ((line = in.readLine()) != null) {
            commands.add(line);
            String verb = line.split(" ")[0].toUpperCase(java.util.Locale.ROOT);
            switch (verb) {
                case "EHLO" ->
                    write(
                            out,
                            "250-fake.example Hello\r\n250-SIZE 10240000\r\n"
                                    + (offerStartTls ? "250-STARTTLS\r\n" : "") + "250 8BITMIME");
                case "STARTTLS" -> {
                    if (!offerStartTls) {
                        write(out, "502 5.5.1 Error: command not implemented");
                        continue;
                    }
                    write(out, starttlsReply);
                    if (starttlsReply.startsWith("220")) {
                        handshake(socket, out);
                        return;
                    }
                }
                case "QUIT" -> {
                    write(out, "221 2.0.0 Bye");
                    return;
                }
                default -> write(out, "502 5.5.2 Error: command not recognized");
            }
        }
    }

    private void handshake(Socket socket, OutputStream out) throws IOException {
        if (mode == Mode.RESET_IN_HANDSHAKE || mode == Mode.ALERT_IN_HANDSHAKE) {
            InputStream raw = socket.getInputStream();
            raw.read(new byte[5]); // the start of the ClientHello
            if (mode == Mode.ALERT_IN_HANDSHAKE) {
                // a fatal handshake_failure alert record, as a server with no common cipher sends it
                out.write(new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28});
                out.flush();
            } else {
                socket.setSoLinger(true, 0); // close with RST, as a firewall killing the session does
            }
            socket.close();
            return;
        }
        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
        secure.setUseClientMode(false);
        secure.setEnabledProtocols(protocols);
        BufferedReader in =
                new BufferedReader(new InputStreamReader(secure.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream secureOut = secure.getOutputStream();
        String line;
        while ((line = in.readLine()) != null) {
            commands.add(line);
            if (line.toUpperCase(java.util.Locale.ROOT).startsWith("QUIT")) {
                write(secureOut, "221 2.0.0 Bye");
                secure.close();
                return;
            }
            write(
                    secureOut,
                    line.toUpperCase(java.util.Locale.ROOT).startsWith("EHLO")
                            ? "250 fake.example"
                            : "502 5.5.2 Error");
        }
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }

    public static final class Builder {
        private Mode mode = Mode.NORMAL;
        private List<String> banner = List.of("220 fake.example ESMTP");
        private boolean offerStartTls = true;
        private String starttlsReply = "220 2.0.0 Ready to start TLS";
        private String certificate = "good";
        private String[] protocols = {"TLSv1.2", "TLSv1.3"};
        private String bindAddress;

        public Builder mode(Mode value) {
            mode = value;
            return this;
        }

        public Builder banner(String... lines) {
            banner = List.of(lines);
            return this;
        }

        public Builder noStartTls() {
            offerStartTls = false;
            return this;
        }

        public Builder starttlsReply(String reply) {
            starttlsReply = reply;
            return this;
        }

        public Builder certificate(String name) {
            certificate = name;
            return this;
        }

        public Builder protocols(String... names) {
            protocols = names;
            return this;
        }

        /** Listen on this literal address (e.g. "::1" for IPv6 loopback) instead of the IPv4/IPv6 default loopback. */
        public Builder bindAddress(String literal) {
            bindAddress = literal;
            return this;
        }

        public FakeSmtpPeer start() throws IOException {
            return new FakeSmtpPeer(this);
        }
    }
}
