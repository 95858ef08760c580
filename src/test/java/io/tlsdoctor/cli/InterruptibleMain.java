package io.tlsdoctor.cli;

import io.tlsdoctor.core.fix.FixCheckpoint;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The command line as {@code io.tlsdoctor.app.Main} runs it, with the fix stopped at its checkpoints so a test (or
 * bench/interrupted-applies.sh) can interrupt a real process at a known place. Only on the test class path.
 *
 * <p>Arguments: {@code pause-at:<checkpoint> <marker>} (writes the marker file there, then waits two minutes for the
 * signal) or {@code slow:<millis> <marker>} (waits that long at every checkpoint, writing the checkpoint's name to the
 * marker), then the command line.
 */
public final class InterruptibleMain {

    private InterruptibleMain() {}

    public static void main(String[] args) {
        String mode = args[0];
        Path marker = Path.of(args[1]);
        String[] commandLine = Arrays.copyOfRange(args, 2, args.length);
        FixCheckpoint checkpoint;
        if (mode.startsWith("pause-at:")) {
            String where = mode.substring("pause-at:".length());
            checkpoint = reached -> {
                if (reached.equals(where)) {
                    mark(marker, reached);
                    sleep(120_000);
                }
            };
        } else if (mode.startsWith("slow:")) {
            long millis = Long.parseLong(mode.substring("slow:".length()));
            checkpoint = reached -> {
                mark(marker, reached);
                sleep(millis);
            };
        } else {
            throw new IllegalArgumentException("pause-at:<checkpoint> or slow:<millis>, not " + mode);
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(TlsDoctorCommand.run(commandLine, System.in, out, err, checkpoint));
    }

    private static void mark(Path marker, String reached) {
        try {
            Files.writeString(
                    marker,
                    reached + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
