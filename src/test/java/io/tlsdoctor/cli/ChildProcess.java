package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** TLS Doctor's command line as a real process of its own (the test class path), stopped where a test says. */
record ChildProcess(Process process, Path outFile, Path errFile, Path marker) {

    static ChildProcess start(Path dir, String name, String mode, String... commandLine) throws IOException {
        Path marker = dir.resolve(name + ".checkpoints");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                InterruptibleMain.class.getName(),
                mode,
                marker.toString()));
        command.addAll(List.of(commandLine));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        return new ChildProcess(process, out, err, marker);
    }

    /** Waits until the child has reached {@code checkpoint} (it then waits there for the signal). */
    void awaitCheckpoint(String checkpoint) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(marker) || !Files.readString(marker).contains(checkpoint)) {
            assertThat(process.isAlive())
                    .as("the child ended before " + checkpoint + ": " + out() + err())
                    .isTrue();
            assertThat(System.nanoTime())
                    .as("no " + checkpoint + " within 90 s")
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    int awaitExit() throws Exception {
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the child ended").isTrue();
        return process.exitValue();
    }

    String out() throws IOException {
        return Files.exists(outFile) ? Files.readString(outFile, StandardCharsets.UTF_8) : "";
    }

    String err() throws IOException {
        return Files.exists(errFile) ? Files.readString(errFile, StandardCharsets.UTF_8) : "";
    }
}
