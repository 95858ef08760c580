package io.tlsdoctor.core.probe;

import java.util.List;

/** The TLS versions the protocol matrix tests one by one, with the names JSSE and the JSON use. */
public enum TlsVersion {
    TLS_1_0("TLSv1", true),
    TLS_1_1("TLSv1.1", true),
    TLS_1_2("TLSv1.2", false),
    TLS_1_3("TLSv1.3", false);

    private final String jsseName;
    private final boolean legacy;

    TlsVersion(String jsseName, boolean legacy) {
        this.jsseName = jsseName;
        this.legacy = legacy;
    }

    /** How people write it: TLS 1.0, TLS 1.2, ... */
    public String displayName() {
        return "TLS " + (jsseName.equals("TLSv1") ? "1.0" : jsseName.substring(4));
    }

    public String jsseName() {
        return jsseName;
    }

    /** Disabled in Java 17 by default, so it is only ever probed from a child JVM (see {@link LegacyProbeMain}). */
    public boolean legacy() {
        return legacy;
    }

    public static TlsVersion byJsseName(String name) {
        for (TlsVersion version : values()) {
            if (version.jsseName.equals(name)) {
                return version;
            }
        }
        throw new IllegalArgumentException("Unknown TLS version " + name);
    }

    public static List<TlsVersion> legacyVersions() {
        return List.of(TLS_1_0, TLS_1_1);
    }
}
