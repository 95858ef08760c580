package io.tlsdoctor.core.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link LegacyProbeMain} in a child JVM and reads its results. When the child cannot run, every legacy cell
 * is ERROR with the reason: "our side could not test it" is never turned into "the server refused it".
 */
final class LegacyProbeLauncher {

    private LegacyProbeLauncher() {}

    static Map<TlsVersion, VersionResult> run(
            InetAddress address, int port, String host, Duration connectTimeout, Deadline deadline, Guard guard) {
        List<TlsVersion> versions = TlsVersion.legacyVersions();
        List<String> command;
        try {
            command = command(address, port, host, connectTimeout, deadline, versions);
        } catch (IOException e) {
            return allError(versions, Detail.of("probe.detail.legacy.unavailable", e.getMessage()));
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return allError(
                    versions,
                    Detail.of(
                            "probe.detail.legacy.unavailable",
                            SmtpChannel.printable(String.valueOf(e.getMessage()), 160)));
        }
        java.io.Closeable watch = guard.watch(process::destroyForcibly, deadline.within(Duration.ofDays(1)));
        try {
            String output = readBounded(process.getInputStream());
            process.waitFor(Math.max(1, deadline.remainingMillis()), TimeUnit.MILLISECONDS);
            Map<TlsVersion, VersionResult> results = new EnumMap<>(TlsVersion.class);
            String lastOther = "";
            for (String line : output.split("\n")) {
                VersionResult result = LegacyProbeMain.decode(line.strip());
                if (result != null) {
                    results.put(result.version(), result);
                } else if (!line.isBlank()) {
                    lastOther = line.strip();
                }
            }
            Detail missing = guard.cancelled()
                    ? Detail.of("probe.detail.cancelled")
                    : deadline.expired()
                            ? Detail.of("probe.detail.timeout")
                            : Detail.of("probe.detail.legacy.failed", SmtpChannel.printable(lastOther, 160));
            for (TlsVersion version : versions) {
                results.putIfAbsent(version, new VersionResult(version, VersionOutcome.ERROR, null, missing));
            }
            return results;
        } catch (IOException e) {
            return allError(
                    versions,
                    Detail.of(
                            "probe.detail.legacy.failed", SmtpChannel.printable(String.valueOf(e.getMessage()), 160)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return allError(versions, Detail.of("probe.detail.cancelled"));
        } finally {
            process.destroyForcibly();
            Guard.closeQuietly(watch);
        }
    }

    /** The child's output is a few short lines; anything past 64 KB is not ours and is dropped. */
    private static String readBounded(InputStream in) throws IOException {
        byte[] buffer = new byte[65536];
        int length = 0;
        int read;
        while ((read = in.read(buffer, length, buffer.length - length)) > 0) {
            length += read;
            if (length == buffer.length) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
                break;
            }
        }
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    private static List<String> command(
            InetAddress address,
            int port,
            String host,
            Duration connectTimeout,
            Deadline deadline,
            List<TlsVersion> versions)
            throws IOException {
        List<String> command = new ArrayList<>(LegacyProbeJvm.current().command());
        command.addAll(List.of(
                address.getHostAddress(),
                String.valueOf(port),
                host,
                String.valueOf(connectTimeout.toMillis()),
                String.valueOf(Math.max(1, deadline.remainingMillis() - 300))));
        for (TlsVersion version : versions) {
            command.add(version.jsseName());
        }
        return command;
    }

    private static Map<TlsVersion, VersionResult> allError(List<TlsVersion> versions, Detail why) {
        Map<TlsVersion, VersionResult> results = new EnumMap<>(TlsVersion.class);
        for (TlsVersion version : versions) {
            results.put(version, new VersionResult(version, VersionOutcome.ERROR, null, why));
        }
        return results;
    }
}
