package io.tlsdoctor.core.registry;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The OS the evaluation assumed, and what the registry said about it.
 *
 * @param version      the version used for OS defaults; {@code null} when unknown
 * @param source       where {@code version} came from
 * @param fromRegistry what the snapshot said, even when {@code --os} overrode it; {@code null} when it said nothing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OsInfo(
        WindowsServer version,
        OsSource source,
        WindowsServer fromRegistry,
        String productName,
        String currentBuild,
        Long ubr,
        String installationType) {

    @JsonIgnore
    public boolean known() {
        return version != null;
    }

    /** {@code Windows Server 2019 (build 17763.6893)} or the product name when it is not a known server. */
    public String name() {
        String base = version != null ? version.displayName() : productName;
        if (base == null) {
            return null;
        }
        if (currentBuild != null && source != OsSource.GIVEN) {
            return base + " (build " + currentBuild + (ubr != null ? "." + ubr : "") + ")";
        }
        return base;
    }

    /** Reads {@code ProductName}, {@code CurrentBuild}, {@code UBR} and {@code InstallationType}. */
    static OsInfo detect(RegistrySnapshot snapshot, WindowsServer given) {
        String productName = text(snapshot.value(RegistryPaths.OS, "ProductName"));
        String currentBuild = text(snapshot.value(RegistryPaths.OS, "CurrentBuild"));
        RegistryValue ubrValue = snapshot.value(RegistryPaths.OS, "UBR");
        Long ubr = ubrValue != null && ubrValue.number() != null ? ubrValue.number() : null;
        String installationType = text(snapshot.value(RegistryPaths.OS, "InstallationType"));
        WindowsServer registry = null;
        if (productName != null && productName.contains("Windows Server")) {
            // The build is more reliable than the name (in-place upgrades have left stale names), so it wins.
            registry = parseBuild(currentBuild);
            if (registry == null) {
                registry = WindowsServer.byProductName(productName);
            }
        }
        if (given != null) {
            return new OsInfo(given, OsSource.GIVEN, registry, productName, currentBuild, ubr, installationType);
        }
        if (registry != null) {
            return new OsInfo(registry, OsSource.REGISTRY, registry, productName, currentBuild, ubr, installationType);
        }
        return new OsInfo(null, OsSource.UNKNOWN, null, productName, currentBuild, ubr, installationType);
    }

    private static WindowsServer parseBuild(String currentBuild) {
        if (currentBuild == null) {
            return null;
        }
        try {
            return WindowsServer.byBuild(Integer.parseInt(currentBuild.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(RegistryValue value) {
        return value != null && value.text() != null ? value.text() : null;
    }
}
