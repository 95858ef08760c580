package io.tlsdoctor.core.registry;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a registry snapshot can come from on this machine: the live registry (on Windows only) or {@code reg export}
 * files. The wizard asks through this port so it never touches the Windows-only layer itself.
 */
public interface RegistrySources {

    /** The live registry, when TLS Doctor runs on Windows. */
    Optional<RegistrySource> live();

    /** Exported .reg files, applied in order as importing them would. */
    RegistrySource fromFiles(List<Path> files);

    /**
     * The one rule for choosing, wherever a command reads the registry: the exports when any are given, else the live
     * registry when there is one; empty means neither (off Windows without files).
     */
    default Optional<RegistrySource> choose(List<Path> files) {
        return choose(files, true);
    }

    /**
     * The same rule where the user may forbid the live registry ({@code diagnose --offline}: only what the files say):
     * the exports when any are given, else the live registry when {@code liveAllowed} and there is one.
     */
    default Optional<RegistrySource> choose(List<Path> files, boolean liveAllowed) {
        if (!files.isEmpty()) {
            return Optional.of(fromFiles(files));
        }
        return liveAllowed ? live() : Optional.empty();
    }
}
