package io.tlsdoctor.platform.exchange;

import io.tlsdoctor.core.connectors.ConnectorInputException;
import io.tlsdoctor.core.connectors.ConnectorSource;
import io.tlsdoctor.platform.windows.Elevation;

/**
 * Where the connectors check reads live: the Exchange Management Shell's remote PowerShell on Windows. Elsewhere a
 * source that says so, and the command line and wizard offer the saved-output way instead (never a made-up result).
 */
public final class ExchangeConnectorSources {

    private ExchangeConnectorSources() {}

    /** @param server the Exchange server whose /PowerShell/ endpoint to use (its name or FQDN) */
    public static ConnectorSource live(String server) {
        if (!server.matches("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})")) {
            return () -> {
                throw new ConnectorInputException("connectors.live.badServer", server);
            };
        }
        if (!Elevation.isWindows()) {
            return () -> {
                throw new ConnectorInputException("connectors.live.notWindows", System.getProperty("os.name", "?"));
            };
        }
        return new ExchangeShellConnectorSource(server);
    }
}
