package io.tlsdoctor.ui.step.registry;

import io.tlsdoctor.core.registry.WindowsServer;

/** One Windows version the user can say the exports came from; the chooser shows its name. */
public record OsOption(WindowsServer server, String label) {

    static OsOption of(WindowsServer server) {
        return server == null ? null : new OsOption(server, server.displayName());
    }

    @Override
    public String toString() {
        return label;
    }
}
