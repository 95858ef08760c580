package io.tlsdoctor.testpeers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private Postfix instance from Debian's package, on loopback only, with its own config and queue directory under
 * /tmp and a certificate made with openssl. Three smtpd listeners: TLS 1.2 and newer, TLS 1.0 only (which OpenSSL 3
 * allows only at security level 0), and no STARTTLS at all. {@link #close()} stops it; a shutdown hook does so too
 * if the test JVM ends early, so Postfix is never left running.
 */
public final class PostfixPeer implements AutoCloseable {

    public static final Path POSTFIX = Path.of("/usr/sbin/postfix");
    public static final Path OPENSSL = Path.of("/usr/bin/openssl");

    private final Path directory;
    private final int modernPort;
    private final int legacyPort;
    private final int plainPort;
    private final int tls12OnlyPort;
    private final Thread shutdownHook;
    private boolean stopped;

    private PostfixPeer(Path directory, int[] ports) {
        this.directory = directory;
        this.modernPort = ports[0];
        this.legacyPort = ports[1];
        this.plainPort = ports[2];
        this.tls12OnlyPort = ports[3];
        this.shutdownHook = new Thread(this::stopQuietly, "postfix-peer-stop");
    }

    /** Skips (or fails on CI) when Postfix or openssl is missing; otherwise starts and waits until all ports answer. */
    public static PostfixPeer start() throws IOException, InterruptedException {
        ExternalTools.require(POSTFIX, "postfix");
        ExternalTools.require(OPENSSL, "openssl");
        ExternalTools.requireRoot("Postfix");
        Path directory = Files.createTempDirectory("tlsdoctor-postfix");
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path conf = Files.createDirectories(directory.resolve("conf"));
        Path data = Files.createDirectories(directory.resolve("data"));
        Files.createDirectories(directory.resolve("queue"));
        UserPrincipal postfixUser =
                directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postfix");
        Files.setOwner(data, postfixUser);
        run(List.of(
                OPENSSL.toString(),
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "30",
                "-keyout",
                conf.resolve("key.pem").toString(),
                "-out",
                conf.resolve("cert.pem").toString(),
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost,IP:127.0.0.1"));
        int[] ports = freePorts(4);
        Files.writeString(
                conf.resolve("main.cf"),
                String.join(
                        "\n",
                        "compatibility_level = 3.6",
                        "queue_directory = " + directory.resolve("queue"),
                        "data_directory = " + data,
                        "command_directory = /usr/sbin",
                        "daemon_directory = /usr/lib/postfix/sbin",
                        "mail_owner = postfix",
                        "setgid_group = postdrop",
                        "inet_interfaces = loopback-only",
                        "inet_protocols = ipv4",
                        "myhostname = postfix-peer.test",
                        "mydestination =",
                        "smtpd_tls_cert_file = " + conf.resolve("cert.pem"),
                        "smtpd_tls_key_file = " + conf.resolve("key.pem"),
                        "smtpd_tls_security_level = may",
                        ""),
                StandardCharsets.US_ASCII);
        String smtpd = " inet n - n - - smtpd";
        Files.writeString(
                conf.resolve("master.cf"),
                String.join(
                        "\n",
                        "127.0.0.1:" + ports[0] + smtpd
                                + " -o smtpd_tls_protocols=>=TLSv1.2 -o smtpd_tls_mandatory_protocols=>=TLSv1.2",
                        "127.0.0.1:" + ports[1] + smtpd
                                + " -o smtpd_tls_protocols=<=TLSv1 -o smtpd_tls_mandatory_protocols=<=TLSv1"
                                + " -o tls_medium_cipherlist=DEFAULT:@SECLEVEL=0 -o tls_high_cipherlist=DEFAULT:@SECLEVEL=0",
                        "127.0.0.1:" + ports[2] + smtpd + " -o smtpd_tls_security_level=none",
                        "127.0.0.1:" + ports[3] + smtpd
                                + " -o smtpd_tls_protocols=!SSLv2,!SSLv3,!TLSv1,!TLSv1.1,!TLSv1.3"
                                + " -o smtpd_tls_mandatory_protocols=!SSLv2,!SSLv3,!TLSv1,!TLSv1.1,!TLSv1.3",
                        // the internal services smtpd talks to during a session
                        "tlsmgr unix - - n 1000? 1 tlsmgr",
                        "rewrite unix - - n - - trivial-rewrite",
                        "cleanup unix n - n - 0 cleanup",
                        "qmgr unix n - n 300 1 qmgr",
                        "bounce unix - - n - 0 bounce",
                        "defer unix - - n - 0 bounce",
                        "trace unix - - n - 0 bounce",
                        "verify unix - - n - 1 verify",
                        "proxymap unix - - n - - proxymap",
                        "anvil unix - - n - 1 anvil",
                        "scache unix - - n - 1 scache",
                        "error unix - - n - - error",
                        "retry unix - - n - - error",
                        "discard unix - - n - - discard",
                        "smtp unix - - n - - smtp",
                        "relay unix - - n - - smtp",
                        "showq unix n - n - - showq",
                        "flush unix n - n 1000? 0 flush",
                        "postlog unix-dgram n - n - 1 postlogd",
                        ""),
                StandardCharsets.US_ASCII);
        PostfixPeer peer = new PostfixPeer(directory, ports);
        Runtime.getRuntime().addShutdownHook(peer.shutdownHook);
        try {
            run(List.of(POSTFIX.toString(), "-c", conf.toString(), "check"));
            run(List.of(POSTFIX.toString(), "-c", conf.toString(), "start"));
            for (int port : ports) {
                awaitListening(port);
            }
            return peer;
        } catch (IOException | RuntimeException e) {
            peer.close();
            throw e;
        }
    }

    public int modernPort() {
        return modernPort;
    }

    public int legacyPort() {
        return legacyPort;
    }

    public int plainPort() {
        return plainPort;
    }

    public int tls12OnlyPort() {
        return tls12OnlyPort;
    }

    @Override
    public synchronized void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running this
        }
    }

    /** Whether the instance's master process is still alive (tests check it is not after close). */
    public boolean running() {
        return masterPid()
                .map(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .orElse(false);
    }

    private synchronized void stopQuietly() {
        if (stopped) {
            return;
        }
        stopped = true;
        java.util.Optional<Long> pid = masterPid();
        try {
            run(List.of(POSTFIX.toString(), "-c", directory.resolve("conf").toString(), "stop"));
        } catch (IOException | InterruptedException | RuntimeException e) {
            // fall through to killing the master directly
        }
        pid.flatMap(ProcessHandle::of).ifPresent(master -> {
            try {
                master.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                master.descendants().forEach(ProcessHandle::destroyForcibly);
                master.destroyForcibly();
            }
        });
        deleteTree(directory);
    }

    private java.util.Optional<Long> masterPid() {
        Path pidFile = directory.resolve("queue/pid/master.pid");
        try {
            return java.util.Optional.of(
                    Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static void awaitListening(int port) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < end) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IOException("Postfix did not start listening on 127.0.0.1:" + port);
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish");
        }
        if (process.exitValue() != 0) {
            throw new IOException(
                    String.join(" ", command) + " failed with exit code " + process.exitValue() + ": " + output);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
