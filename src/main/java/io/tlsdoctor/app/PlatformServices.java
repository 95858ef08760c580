package io.tlsdoctor.app;

import io.tlsdoctor.core.registry.RegistrySources;
import io.tlsdoctor.platform.registry.PlatformRegistrySources;

/** The operating-system parts the wizard uses, chosen once at start-up; tests pass the same real ones. */
public record PlatformServices(RegistrySources registrySources) {

    public static PlatformServices forThisMachine() {
        return new PlatformServices(new PlatformRegistrySources());
    }
}
