package io.tlsdoctor.core.connectors;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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

    /**
     * The one rule for choosing, wherever a command reads the connectors: the saved files or the live server, never
     * both; empty when neither is given.
     *
     * @param server the Exchange server to read live (surrounding blanks ignored), or null
     * @throws BothGiven when files and a server are both given (the user must say which one)
     */
    default Optional<ConnectorSource> choose(List<Path> files, String server) {
        if (!files.isEmpty() && server != null) {
            throw new BothGiven();
        }
        if (server != null) {
            return Optional.of(live(server.strip()));
        }
        return files.isEmpty() ? Optional.empty() : Optional.of(fromFiles(files));
    }

    /** Saved files and a live server were both given; each command says so in its own words (its option names). */
    final class BothGiven extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public BothGiven() {
            super("saved connector output and a live server given together");
        }
    }
}
