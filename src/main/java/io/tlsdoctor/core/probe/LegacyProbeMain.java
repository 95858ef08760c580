package io.tlsdoctor.core.probe;

import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

/**
 * Entry point of the child JVM that probes TLS 1.0 and 1.1. Java 17 lists both in {@code jdk.tls.disabledAlgorithms},
 * and the list is read once when JSSE first initialises, so it is relaxed here as the very first thing, in a process
 * of its own; the main JVM never weakens its own TLS. Prints one {@link #PREFIX} line per version.
 * Arguments: address port host connectMillis deadlineMillis version...
 */
public final class LegacyProbeMain {

    static final String PREFIX = "TLSDOCTOR-LEGACY";
    public static final String PROPERTY = "jdk.tls.disabledAlgorithms";

    private LegacyProbeMain() {}

    public static void main(String[] args) throws Exception {
        Security.setProperty(PROPERTY, relaxed(Security.getProperty(PROPERTY)));
        InetAddress address = InetAddress.getByName(args[0]);
        int port = Integer.parseInt(args[1]);
        String host = args[2];
        Duration connect = Duration.ofMillis(Long.parseLong(args[3]));
        Deadline deadline = Deadline.after(Duration.ofMillis(Long.parseLong(args[4])));
        List<TlsVersion> versions =
                Arrays.stream(args, 5, args.length).map(TlsVersion::byJsseName).toList();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "legacy-probe-guard");
            thread.setDaemon(true);
            return thread;
        });
        Guard guard = new Guard(scheduler);
        List<Thread> threads = new ArrayList<>();
        List<VersionResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
        for (TlsVersion version : versions) {
            Thread thread = new Thread(
                    () -> results.add(VersionProbe.run(version, address, port, host, connect, deadline, guard)),
                    "legacy-probe-" + version.jsseName());
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(deadline.remainingMillis() + 1000);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        synchronized (results) {
            for (VersionResult result : results) {
                out.println(encode(result));
            }
        }
        out.flush();
        System.exit(0);
    }

    /** The current list minus exactly the TLSv1 and TLSv1.1 tokens; every other restriction of this JDK stays. */
    public static String relaxed(String disabled) {
        if (disabled == null) {
            return "";
        }
        return Arrays.stream(disabled.split(","))
                .map(String::trim)
                .filter(token -> !token.equalsIgnoreCase("TLSv1") && !token.equalsIgnoreCase("TLSv1.1"))
                .collect(Collectors.joining(", "));
    }

    static String encode(VersionResult result) {
        StringBuilder line = new StringBuilder(PREFIX)
                .append('\t')
                .append(result.version().jsseName())
                .append('\t')
                .append(result.outcome())
                .append('\t')
                .append(result.cipher() == null ? "-" : result.cipher())
                .append('\t')
                .append(result.detail().key());
        for (String arg : result.detail().args()) {
            line.append('\t').append(arg.replace('\t', ' ').replace('\n', ' '));
        }
        return line.toString();
    }

    static VersionResult decode(String line) {
        String[] parts = line.split("\t", -1);
        if (parts.length < 5 || !parts[0].equals(PREFIX)) {
            return null;
        }
        try {
            TlsVersion version = TlsVersion.byJsseName(parts[1]);
            VersionOutcome outcome = VersionOutcome.valueOf(parts[2].toUpperCase(Locale.ROOT));
            String cipher = parts[3].equals("-") ? null : parts[3];
            return new VersionResult(
                    version,
                    outcome,
                    cipher,
                    new Detail(parts[4], List.of(parts).subList(5, parts.length)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
