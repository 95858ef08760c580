package io.tlsdoctor.testpeers;

import io.tlsdoctor.core.probe.LegacyProbeMain;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs {@link LegacySmtpPeerMain} in a child JVM for the duration of a test. */
public final class LegacyPeerProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    public LegacyPeerProcess() throws IOException {
        String classPath = location(LegacySmtpPeerMain.class) + File.pathSeparator + location(LegacyProbeMain.class);
        process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classPath,
                        LegacySmtpPeerMain.class.getName())
                .redirectErrorStream(true)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        int found = -1;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            if (line.startsWith("PORT ")) {
                found = Integer.parseInt(line.substring(5).trim());
                break;
            }
            seen.append(line).append('\n');
        }
        if (found < 0) {
            process.destroyForcibly();
            throw new IOException("legacy peer did not start: " + seen);
        }
        port = found;
    }

    public int port() {
        return port;
    }

    private static String location(Class<?> type) {
        try {
            return new File(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .getPath();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
