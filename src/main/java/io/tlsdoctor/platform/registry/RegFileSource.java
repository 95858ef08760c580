package io.tlsdoctor.platform.registry;

import io.tlsdoctor.core.registry.RegistryReadException;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistrySource;
import io.tlsdoctor.core.text.IoProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline source: one or more {@code reg export} files, applied in order as importing them would, so a later
 * file overrides an earlier one. Works on any OS.
 */
public final class RegFileSource implements RegistrySource {

    private final List<Path> files;
    private final Clock clock;

    public RegFileSource(List<Path> files) {
        this(files, Clock.systemUTC());
    }

    public RegFileSource(List<Path> files, Clock clock) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("at least one .reg file");
        }
        this.files = List.copyOf(files);
        this.clock = clock;
    }

    @Override
    public RegistrySnapshot collect() throws RegistryReadException {
        RegistryImage image = new RegistryImage();
        List<String> sources = new ArrayList<>();
        for (Path file : files) {
            RegFileParser.apply(file.toString(), read(file), image);
            sources.add(file.toString());
        }
        return image.toSnapshot(sources, clock.instant());
    }

    /**
     * The largest .reg file read: an export of the keys TLS Doctor needs is kilobytes, a whole HKLM\\SYSTEM a few
     * dozen megabytes.
     */
    static final int MAX_BYTES = 32 * 1024 * 1024;

    /** A .reg file's bytes, or a message that names the file. */
    static byte[] read(Path file) throws RegistryReadException {
        // a pipe or a device (/dev/zero) has no size and may never end: read at most the limit
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new RegistryReadException(
                        "registry.file.tooLarge", List.of(file.toString(), MAX_BYTES / (1024 * 1024)), null);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new RegistryReadException("registry.file.notFound", List.of(file.toString()), e);
        } catch (IOException e) {
            throw new RegistryReadException("registry.file.unreadable", IoProblem.argsForFile(file, e), e);
        }
    }
}
