package io.tlsdoctor.core.registry;

import com.fasterxml.jackson.annotation.JsonValue;

/** The Windows Server versions an Exchange server runs on; {@link #id()} is what {@code --os} accepts. */
public enum WindowsServer {
    WS2008R2("2008R2", "Windows Server 2008 R2", 7601),
    WS2012("2012", "Windows Server 2012", 9200),
    WS2012R2("2012R2", "Windows Server 2012 R2", 9600),
    WS2016("2016", "Windows Server 2016", 14393),
    WS2019("2019", "Windows Server 2019", 17763),
    WS2022("2022", "Windows Server 2022", 20348),
    WS2025("2025", "Windows Server 2025", 26100);

    private final String id;
    private final String displayName;
    private final int build;

    WindowsServer(String id, String displayName, int build) {
        this.id = id;
        this.displayName = displayName;
        this.build = build;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** {@code CurrentBuild} of the release (before UBR). */
    public int build() {
        return build;
    }

    /** Accepts {@code 2012R2}, {@code 2012 R2}, {@code 2012r2}. */
    public static WindowsServer byId(String text) {
        String compact = text.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        for (WindowsServer server : values()) {
            if (server.id.equals(compact)) {
                return server;
            }
        }
        throw new IllegalArgumentException(text);
    }

    public static WindowsServer byBuild(int build) {
        for (WindowsServer server : values()) {
            if (server.build == build) {
                return server;
            }
        }
        return null;
    }

    /**
     * From {@code ProductName}. Only server editions count: Windows 11 still says "Windows 10" there, and a
     * workstation's defaults are not in the table.
     */
    public static WindowsServer byProductName(String productName) {
        if (productName == null || !productName.contains("Windows Server")) {
            return null;
        }
        WindowsServer found = null;
        for (WindowsServer server : values()) {
            String year = server.displayName.substring("Windows Server ".length());
            if (productName.contains(year)) {
                found = server; // the later, longer match wins: "2012 R2" over "2012"
            }
        }
        return found;
    }
}
