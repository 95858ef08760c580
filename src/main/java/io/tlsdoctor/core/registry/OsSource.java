package io.tlsdoctor.core.registry;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the OS version was learned. */
public enum OsSource {
    /** The user said so ({@code --os} or the wizard). */
    GIVEN("given"),
    /** {@code CurrentBuild} / {@code ProductName} in the snapshot. */
    REGISTRY("registry"),
    /** Neither: findings that depend on OS defaults say so instead of guessing. */
    UNKNOWN("unknown");

    private final String id;

    OsSource(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
