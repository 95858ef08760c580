package io.tlsdoctor.platform.registry;

import io.tlsdoctor.core.registry.RegistrySource;
import io.tlsdoctor.core.registry.RegistrySources;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The real sources: JNA on Windows, the .reg parser everywhere. */
public final class PlatformRegistrySources implements RegistrySources {

    @Override
    public Optional<RegistrySource> live() {
        return WindowsRegistrySource.isAvailable() ? Optional.of(new WindowsRegistrySource()) : Optional.empty();
    }

    @Override
    public RegistrySource fromFiles(List<Path> files) {
        return new RegFileSource(files);
    }
}
