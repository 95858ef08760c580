package io.tlsdoctor.platform.windows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a program TLS Doctor starts (PowerShell, shutdown.exe) to its end or a deadline. Both its streams are read
 * while it runs, each on its own thread: a program that fills one pipe while we wait for it or read the other would
 * otherwise never finish.
 */
public final class ChildProcess {

    /** How it ended; {@code timedOut} means it was ended at the deadline and the exit code means nothing. */
    public record Finished(int exitCode, String stdout, String stderr, boolean timedOut) {}

    private ChildProcess() {}

    public static Finished run(ProcessBuilder builder, Duration deadline, Charset stdoutCharset, Charset stderrCharset)
            throws IOException, InterruptedException {
        builder.redirectErrorStream(false);
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        process.getOutputStream().close(); // nothing to say: a program waiting for input sees end of input at once
        CompletableFuture<String> out = drain(process.getInputStream(), stdoutCharset);
        CompletableFuture<String> err = drain(process.getErrorStream(), stderrCharset);
        boolean finished = process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        // A grandchild may hold the pipes open after the program ended: take what came within a short grace.
        return new Finished(finished ? process.exitValue() : -1, collect(out), collect(err), !finished);
    }

    private static CompletableFuture<String> drain(InputStream stream, Charset charset) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (stream) {
                        text.complete(new String(stream.readAllBytes(), charset));
                    } catch (IOException e) {
                        text.complete("");
                    }
                },
                "child-process-reader");
        reader.setDaemon(true);
        reader.start();
        return text;
    }

    private static String collect(CompletableFuture<String> text) throws InterruptedException {
        try {
            return text.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return "";
        }
    }
}
