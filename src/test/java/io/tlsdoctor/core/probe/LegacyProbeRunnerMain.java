package io.tlsdoctor.core.probe;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Runs {@link LegacyProbeLauncher} (TLS 1.0 and 1.1 through the child JVM) from whatever runtime, module path or jar
 * this class was started from, and prints one line per version and the code source TLS Doctor's classes came from.
 * Arguments: port. Used by {@link LegacyProbeJvmTest}.
 */
public final class LegacyProbeRunnerMain {

    private LegacyProbeRunnerMain() {}

    public static void main(String[] args) throws Exception {
        Guard guard = new Guard(Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "runner-guard");
            thread.setDaemon(true);
            return thread;
        }));
        Map<TlsVersion, VersionResult> results = LegacyProbeLauncher.run(
                InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[0]),
                "127.0.0.1",
                Duration.ofSeconds(5),
                Deadline.after(Duration.ofSeconds(30)),
                guard);
        System.out.println("codeSource "
                + LegacyProbeMain.class.getProtectionDomain().getCodeSource().getLocation());
        for (VersionResult result : results.values()) {
            System.out.println(result.version().jsseName() + " " + result.outcome() + " "
                    + result.detail().key() + " " + result.detail().args());
        }
        System.exit(0);
    }
}
