package io.tlsdoctor.core.logs;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Exchange keeps its SMTP protocol logs under {@code %ExchangeInstallPath%}: 2013+ splits them into the
 * Front End and the Transport (Hub) service; 2010 has one ProtocolLog folder. Only folders that exist are returned.
 */
public final class ProtocolLogLocations {

    private static final List<String> UNDER_INSTALL_PATH = List.of(
            "TransportRoles/Logs/FrontEnd/ProtocolLog",
            "TransportRoles/Logs/Hub/ProtocolLog",
            "TransportRoles/Logs/ProtocolLog");

    private ProtocolLogLocations() {}

    /** @param exchangeInstallPath the value of the ExchangeInstallPath environment variable, or null */
    public static List<Path> under(String exchangeInstallPath) {
        List<Path> found = new ArrayList<>();
        if (exchangeInstallPath == null || exchangeInstallPath.isBlank()) {
            return found;
        }
        try {
            Path root = Path.of(exchangeInstallPath.strip());
            for (String relative : UNDER_INSTALL_PATH) {
                Path folder = root.resolve(relative);
                if (Files.isDirectory(folder)) {
                    found.add(folder);
                }
            }
        } catch (InvalidPathException e) {
            return found; // a broken variable is the same as none: the user picks the folder
        }
        return found;
    }
}
