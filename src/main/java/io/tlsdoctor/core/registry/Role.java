package io.tlsdoctor.core.registry;

/** The SChannel side: Client when this server connects out (sends), Server when others connect in. */
public enum Role {
    CLIENT("Client"),
    SERVER("Server");

    private final String keyName;

    Role(String keyName) {
        this.keyName = keyName;
    }

    public String keyName() {
        return keyName;
    }
}
