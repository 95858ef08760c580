package io.tlsdoctor.testpeers;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * dnsmasq from Debian's dnsmasq-base, serving a few MX and A records on a loopback port in the foreground, without
 * touching the machine's resolver. Stopped (and waited for) on {@link #close()}.
 */
public final class DnsmasqPeer implements AutoCloseable {

    public static final Path DNSMASQ = Path.of("/usr/sbin/dnsmasq");

    private final Process process;
    private final int port;

    private DnsmasqPeer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** {@code records} are dnsmasq options such as {@code --mx-host=contoso.test,mx1.contoso.test,10}. */
    public static DnsmasqPeer start(String... records) throws IOException, InterruptedException {
        ExternalTools.require(DNSMASQ, "dnsmasq-base");
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                DNSMASQ.toString(),
                "--no-daemon",
                "--port=" + port,
                "--listen-address=127.0.0.1",
                "--bind-interfaces",
                "--no-resolv",
                "--no-hosts",
                "--log-facility=-"));
        command.addAll(List.of(records));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        DnsmasqPeer peer = new DnsmasqPeer(process, port);
        Thread.sleep(300); // it binds at once; a failed start (port taken, bad option) shows as an exit here
        if (!process.isAlive()) {
            throw new IOException("dnsmasq exited with " + process.exitValue() + ": " + String.join(" ", command));
        }
        return peer;
    }

    public String server() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
