package io.tlsdoctor.core.connectors;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the connectors check can read on this machine: live through an Exchange server's Management Shell (Windows
 * only) or saved cmdlet output. The wizard asks through this port so it never touches the Windows-only layer.
 */
public interface ConnectorSources {

    /** Whether this machine can read Exchange live (Windows with Windows PowerShell). */
    boolean liveAvailable();

    /** Live through {@code server}'s Exchange Management Shell; a source that says why not where it cannot. */
    ConnectorSource live(String server);

    /** Saved output, in any form, read together. */
    default ConnectorSource fromFiles(List<Path> files) {
        return new SavedConnectorOutput(files);
    }
}
