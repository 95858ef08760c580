package io.tlsdoctor.core.registry;

/** The SChannel protocols under {@code SCHANNEL\Protocols}, oldest first. */
public enum Protocol {
    SSL_2_0("SSL 2.0", "ssl2.0"),
    SSL_3_0("SSL 3.0", "ssl3.0"),
    TLS_1_0("TLS 1.0", "tls1.0"),
    TLS_1_1("TLS 1.1", "tls1.1"),
    TLS_1_2("TLS 1.2", "tls1.2"),
    TLS_1_3("TLS 1.3", "tls1.3");

    private final String keyName;
    private final String id;

    Protocol(String keyName, String id) {
        this.keyName = keyName;
        this.id = id;
    }

    /** The registry key name, which is also what users and HealthChecker call it: {@code TLS 1.2}. */
    public String keyName() {
        return keyName;
    }

    /** The stable id used in resource files: {@code tls1.2}. */
    public String id() {
        return id;
    }

    /** HealthChecker labels TLS 1.0 to 1.3 only; it never reads the SSL keys. */
    public boolean readByHealthChecker() {
        return this != SSL_2_0 && this != SSL_3_0;
    }

    public static Protocol byId(String id) {
        for (Protocol protocol : values()) {
            if (protocol.id.equals(id)) {
                return protocol;
            }
        }
        throw new IllegalArgumentException("unknown protocol id " + id);
    }
}
