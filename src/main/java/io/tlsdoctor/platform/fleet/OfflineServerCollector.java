package io.tlsdoctor.platform.fleet;

import io.tlsdoctor.core.fleet.CollectFailure;
import io.tlsdoctor.core.fleet.ServerCollector;
import io.tlsdoctor.core.fleet.ServerSnapshot;
import io.tlsdoctor.core.registry.RegistryReadException;
import io.tlsdoctor.core.text.IoProblem;
import io.tlsdoctor.core.text.UserFacingException;
import io.tlsdoctor.platform.registry.RegFileSource;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The offline twin of the live collector: "reads" a server from a folder of what was collected there (its newest
 * {@code <SERVER>_*.tlsdoctor.json}, or its sub-folder of {@code .reg} exports). It runs anywhere, and stands in for
 * the network in tests and the benchmark: a server can be made slow, unreachable, refusing, or stuck in a call that
 * ignores interruption, as real servers are.
 */
public final class OfflineServerCollector implements ServerCollector {

    /** How a stand-in server behaves before (or instead of) answering. */
    public record Behaviour(Duration delay, CollectFailure.Kind failure, boolean ignoresInterrupt) {

        public static Behaviour slow(Duration delay) {
            return new Behaviour(delay, null, false);
        }

        public static Behaviour unreachable(Duration after) {
            return new Behaviour(after, CollectFailure.Kind.UNREACHABLE, false);
        }

        public static Behaviour denied() {
            return new Behaviour(Duration.ZERO, CollectFailure.Kind.DENIED, false);
        }

        /** A call that hangs and does not answer to interruption, like a network read Windows will not cancel. */
        public static Behaviour stuck(Duration delay) {
            return new Behaviour(delay, null, true);
        }
    }

    private final Path folder;
    private final Map<String, Behaviour> behaviours = new HashMap<>();

    public OfflineServerCollector(Path folder) {
        this.folder = folder;
    }

    /** Makes {@code server} behave so; returns this collector. */
    public OfflineServerCollector with(String server, Behaviour behaviour) {
        behaviours.put(server.toLowerCase(Locale.ROOT), behaviour);
        return this;
    }

    @Override
    public ServerSnapshot collect(String server, Duration deadline) throws CollectFailure, InterruptedException {
        Behaviour behaviour = behaviours.get(server.toLowerCase(Locale.ROOT));
        if (behaviour != null) {
            wait(behaviour);
            if (behaviour.failure() == CollectFailure.Kind.UNREACHABLE) {
                throw new CollectFailure(
                        CollectFailure.Kind.UNREACHABLE,
                        "registry.remote.unreachable",
                        List.of(server, "The network path was not found. (53)"),
                        null);
            }
            if (behaviour.failure() == CollectFailure.Kind.DENIED) {
                throw new CollectFailure(
                        CollectFailure.Kind.DENIED,
                        "registry.remote.denied",
                        List.of(server, "Access is denied. (5)"),
                        null);
            }
        }
        return read(server);
    }

    private static void wait(Behaviour behaviour) throws InterruptedException {
        if (!behaviour.ignoresInterrupt()) {
            Thread.sleep(behaviour.delay().toMillis());
            return;
        }
        long end = System.nanoTime() + behaviour.delay().toNanos();
        boolean interrupted = false;
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true; // swallowed, as a blocking native call would
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private ServerSnapshot read(String server) throws CollectFailure {
        Path own = folder.resolve(server);
        try {
            if (Files.isDirectory(own)) {
                List<Path> regs = files(own, ".reg");
                if (!regs.isEmpty()) {
                    return new ServerSnapshot(
                            ServerSnapshot.SCHEMA,
                            server,
                            Files.getLastModifiedTime(regs.get(0)).toInstant(),
                            null,
                            new RegFileSource(regs).collect(),
                            List.of(),
                            null);
                }
            }
            String prefix = server.replaceAll("[^A-Za-z0-9.-]", "_").toLowerCase(Locale.ROOT) + "_";
            Path newest = null;
            for (Path file : files(folder, ServerSnapshot.SUFFIX)) {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.startsWith(prefix)
                        && (newest == null
                                || name.compareTo(
                                                newest.getFileName().toString().toLowerCase(Locale.ROOT))
                                        > 0)) {
                    newest = file;
                }
            }
            if (newest == null) {
                throw new CollectFailure(
                        CollectFailure.Kind.NOT_FOUND,
                        "fleet.live.notInFolder",
                        List.of(server, folder.toString()),
                        null);
            }
            return ServerSnapshot.read(newest);
        } catch (RegistryReadException e) {
            throw new CollectFailure(CollectFailure.Kind.FAILED, e.messageKey(), List.of(e.args()), e);
        } catch (CollectFailure e) {
            throw e;
        } catch (UserFacingException e) {
            throw new CollectFailure(CollectFailure.Kind.FAILED, e.messageKey(), List.of(e.args()), e);
        } catch (IOException e) {
            throw new CollectFailure(
                    CollectFailure.Kind.FAILED, "fleet.folder.unreadable", IoProblem.argsFor(folder, e), e);
        }
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path entry : stream) {
                if (entry.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix)
                        && Files.isRegularFile(entry)) {
                    found.add(entry);
                }
            }
        }
        found.sort(null);
        return found;
    }
}
